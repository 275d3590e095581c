"""Foreign places as Chinese writes them, read by their English names: 日本 Japan, 俄罗斯 Russia, 东京 Tokyo.

Chinese names a foreign country or capital with its own words, not with its sounds, and the pinyin of those words
("riben", "eluosi", "dongjing") is no name the lists write: 华为技术日本株式会社 is Huawei Technologies Japan K.K.
The table (``data/screening/chinese_place_names.json``) comes from CLDR's Chinese names of the world's countries
and from CC-CEDICT's proper names glossed as a country or "X, capital of Y", written by
``benchmarks/build_chinese_place_names.py``; China's own places, whose English is their pinyin, are not in it.
States' long names (中华人民共和国, 中華民國, 朝鲜民主主义人民共和国, from the iso-codes translations that pycountry
ships) are read as their short English names (china, taiwan, north korea): Chinese puts the state before a body's
name (中华人民共和国公安部), where its words left as "china peoples gongheguo" weighed as three words the listed
MINISTRY OF PUBLIC SECURITY lacks.

A place is read only where it is a word of the name. Chinese writes no spaces, so a place's characters also turn up
across two other words, and the neighbours tell:

* not inside a longer proper name that does not hold the place (黑山县, Heishan county, holds 黑山 Montenegro; 美国人
  is "American"): the table lists such names;
* not when its first character ends a word with the one before it (广东加工: 东 ends 广东 Guangdong, and 东加 is
  Tonga), nor its last character begins one with the one after it (新美国际: 国 begins 国际 international); the words
  are the term table's and the dictionary's proper names.
"""

from __future__ import annotations

import functools
import json
import re
from importlib import resources

from exportctl.screening.cedict import cedict
from exportctl.screening.terms import CHINESE_TERMS


@functools.cache
def _table() -> tuple[dict[str, str], tuple[str, ...], dict[str, str]]:
    data = resources.files("exportctl") / "data" / "screening" / "chinese_place_names.json"
    loaded = json.loads(data.read_text(encoding="utf-8"))
    return dict(loaded["places"]), tuple(loaded["not_places"]), dict(loaded["states"])


@functools.cache
def place_names() -> dict[str, str]:
    """Simplified characters → the place's English names ("|" between them, most usual first), states' long names
    (中华人民共和国 China) too."""
    places, _, states = _table()
    return places | states


@functools.cache
def longest_place() -> int:
    return max((len(key) for key in place_names()), default=0)


@functools.cache
def _two_character_words() -> frozenset[str]:
    """The two-character words a place's edge characters may form with their neighbours: the term table's (国际
    international, 国家 national) and CC-CEDICT's proper names (广东 Guangdong, 上海 Shanghai). Not every word of
    the dictionary: 叙利亚科学 is Syria's 科学 (science), though 亚科 is "subfamily"; nor the names that are another
    name of a place (坡国, colloquial for Singapore, would keep 新加坡 from being read in 新加坡国立大学)."""
    english = {name for names in _table()[0].values() for name in names.split("|")}
    names = [
        name
        for name, _, gloss in cedict().proper
        if len(name) == 2 and not any(word in english for word in _words(gloss))
    ]
    return frozenset([term for term in CHINESE_TERMS if len(term) == 2] + names)


def _words(gloss: str) -> list[str]:
    """A gloss's runs of one to three words, folded ("(coll.) Singapore": singapore; "United States": …)."""
    words = re.findall(r"[a-z]+", gloss.casefold())
    return [" ".join(words[i : i + n]) for n in (1, 2, 3) for i in range(len(words) - n + 1)]


@functools.cache
def _not_places() -> re.Pattern[str]:
    """The proper names that hold a place's characters but are no place, longest first, as one pattern (found
    overlapping: a lookahead)."""
    names = sorted(_table()[1], key=len, reverse=True)
    return re.compile(f"(?=({'|'.join(map(re.escape, names))}))")


def held_positions(chars: str) -> frozenset[int]:
    """The positions of ``chars`` inside a proper name that holds a place's characters but is no place."""
    held: set[int] = set()
    for found in _not_places().finditer(chars):
        held.update(range(found.start(), found.start() + len(found.group(1))))
    return frozenset(held)


def place_at(chars: str, start: int, size: int, held: frozenset[int]) -> str | None:
    """The English names of the place written by ``chars[start:start + size]``, None when those characters are no
    place there (see the module docstring)."""
    english = place_names().get(chars[start : start + size])
    if english is None or any(at in held for at in range(start, start + size)):
        return None
    words = _two_character_words()
    if start > 0 and chars[start - 1 : start + 1] in words:
        return None
    end = start + size
    if end < len(chars) and chars[end - 1 : end + 1] in words:
        return None
    return english
