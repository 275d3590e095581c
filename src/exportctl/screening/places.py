"""Place words: the names of countries and of China's provinces and cities, from dictionaries a package ships.

Organisations are told apart by their place as much as by anything else: 上海科技大学 (ShanghaiTech University) is
not the University of Science and Technology of China, nor 西安电子科技大学 (Xidian University) the University of
Electronic Science and Technology of China, though every other word of their names is the same generic vocabulary.
The words come from data, not a hand-typed table:

* countries: every country whose ISO 3166 name (before any comma) or common name is one word (pycountry): china,
  iran, syria …;
* Chinese places: every CC-CEDICT proper name of 2–4 characters whose first gloss calls it a province, a
  municipality, an autonomous region, a capital, or a city (not a county, district or town, whose names are too
  many and too often other words), as its pinyin (xian, haerbin), and as the English name that the gloss begins
  with when that is a spelling of the pinyin (Harbin; not Prince or Phoenix, foreign cities the dictionary writes
  in characters).
"""

from __future__ import annotations

import functools
import re

import pycountry
from rapidfuzz import fuzz

from exportctl.screening.cedict import cedict
from exportctl.screening.normalize import fold_latin

_PLACE_GLOSS = re.compile(r"\b(?:province|municipality|autonomous region|capital|city)\b")
_NOT_A_PLACE = re.compile(r"\b(?:county|district|town|former|village|township|banner)\b")
_LEADING_NAME = re.compile(r"[A-Z][\w']*")
MIN_LETTERS = 4  # a shorter word is too often something else
_SAME_NAME = 70  # an English name this close to the pinyin names the Chinese place, not a foreign one


def _word(text: str) -> str | None:
    tokens = fold_latin(text)
    return tokens[0] if len(tokens) == 1 and len(tokens[0]) >= MIN_LETTERS and tokens[0].isalpha() else None


@functools.cache
def place_words() -> frozenset[str]:
    """Folded one-word names of countries and of Chinese provinces and cities (read once per process)."""
    words: set[str] = set()
    for country in pycountry.countries:
        for name in (country.name.split(",")[0], getattr(country, "common_name", "")):
            word = _word(name)
            if word:
                words.add(word)
    for _, pinyin, first in cedict().proper:
        described = first.casefold()
        if not pinyin[:1].isupper() or not _PLACE_GLOSS.search(described) or _NOT_A_PLACE.search(described):
            continue
        syllables = re.sub(r"\d", "", pinyin).replace("u:", "u").split()
        joined = _word("".join(syllables))
        if joined:
            words.add(joined)
        leading = _LEADING_NAME.match(first)
        english = _word(leading.group()) if leading else None
        if english and joined and fuzz.ratio(english, joined) >= _SAME_NAME:  # Harbin: haerbin, not Prince: pulinsi
            words.add(english)
    return frozenset(words)
