"""A country named inside an organisation's name in another of its designations: "Foreign Trade Bank of the DPRK"
for FOREIGN TRADE BANK OF THE DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA, "Department of Space Technology of the
Democratic People's Republic of Korea" for DEPARTMENT OF SPACE TECHNOLOGY OF THE DPRK, "Embassy of the PRC".

A state's organisations carry its name, and writers choose freely between its official name, its short name and its
initialism. To the engine these are different words: the initialism weighs as a rare word that the long form lacks,
and the long form's words (democratic, people's, republic) as words the short one lacks. Before this, the DPRK's
Department of Space Technology written with the long form found nothing, and matched the DPRK's central bank.

A name holding a designation that is not the country's short name (an official name, ISO 3166's name, a customary
initialism in capitals) is also read with the others: the short name, the official (longest) name, the initialisms
and other names (Burma beside Myanmar), four at most. So is a short name after "of" ("Central Bank of Iran",
"National Wealth Fund of Russia"), where states write their long name, and a short name of several words that has an
initialism (United States, United Arab Emirates, North Korea). Any other short name ("Iran Air", "China National
Petroleum") is not expanded: it is the country word of many companies' names, and a reading per such name would cost
all of them time for names that hold the short form far more often than the long one. The designations are a closed
class: ISO 3166's names, official names and common names (pycountry) and the customary names of
:data:`.trailing_country.CUSTOMARY_NAMES`; a name two countries share ("Korea", "Congo") is none.

A country written in its own language is read in English: a subsidiary calls itself "Huawei Technologies Sverige
AB" or "… Danmark ApS", the lists HUAWEI SWEDEN and HUAWEI DENMARK. The countries' own names in Latin letters are
CLDR's, in the country's official languages (``data/screening/country_endonyms.json``, written by
``benchmarks/build_country_endonyms.py`` through Babel); such a name is read as the country's short English name.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from itertools import islice

from exportctl.screening.trailing_country import country_forms

_WORD = re.compile(r"[^\W_]+(?:[.'’][^\W_]+)*\.?")
_PLAIN_WORD = re.compile(r"[^\W_]+")
_LONGEST = 9  # words of the longest designation (United Kingdom of Great Britain and Northern Ireland)
_MOST_READINGS = 4  # a designation's readings: the short name, the longest, initialisms, other names
_OF = frozenset({"of", "the"})  # "Bank of Iran", "Central Bank of the Russia"
_MIN_INITIALISM = 3  # DPRK, PRC, UAE, USA; not US or UK, which are words and codes of many other things


@dataclass(frozen=True)
class Designated:
    """A country's designations: the short name, and the others a name may hold instead."""

    short: str  # as written: North Korea, Russia, United Arab Emirates
    others: tuple[str, ...]  # the official or ISO long name and the initialisms, as written
    code: str = ""  # ISO 3166 alpha-2


def fold(word: str) -> str:
    """A word as designations are looked up: case, accents, dots and apostrophes dropped (D.P.R.K., People's,
    España)."""
    plain = word.casefold().replace(".", "").replace("'", "").replace("’", "")
    if plain.isascii():
        return plain
    return "".join(ch for ch in unicodedata.normalize("NFKD", plain) if not unicodedata.combining(ch))


def words_of(text: str) -> tuple[str, ...]:
    """A designation's folded words."""
    return tuple(fold(w) for w in _WORD.findall(text))


def _uninverted(name: str) -> str:
    """ISO's "Korea, Democratic People's Republic of" as it is written in a name: "Democratic People's Republic of
    Korea"; "Congo, The Democratic Republic of the": "the Democratic Republic of the Congo"."""
    if "," not in name:
        return name
    head, tail = (part.strip() for part in name.split(",", 1))
    return f"{tail} {head}"


def _is_initialism(form: str) -> bool:
    letters = form.replace(".", "")
    return letters.isalpha() and letters.isupper() and " " not in form


NAME, INITIALISM, ENDONYM = "name", "initialism", "endonym"  # kinds of designation


@functools.cache
def _endonyms() -> dict[str, list[str]]:
    """Countries' own names in Latin letters (CLDR through Babel: ``benchmarks/build_country_endonyms.py``)."""
    data = resources.files("exportctl") / "data" / "screening" / "country_endonyms.json"
    endonyms: dict[str, list[str]] = json.loads(data.read_text(encoding="utf-8"))
    return endonyms


@functools.cache
def _designations() -> dict[tuple[str, ...], tuple[Designated, str]]:
    """Folded designation words → (its country, its kind: :data:`NAME`, :data:`INITIALISM`, :data:`ENDONYM`); a
    name two countries share is none."""
    forms = {code: [_uninverted(name) for name in names] for code, names in country_forms().items()}
    codes_of: dict[tuple[str, ...], set[str]] = {}
    for code, names in forms.items():
        for name in names:
            codes_of.setdefault(words_of(name), set()).add(code)
    table: dict[tuple[str, ...], tuple[Designated, str]] = {}
    own_names = _endonyms()
    for code, names in forms.items():
        spelt = {words_of(name): name for name in names if len(codes_of[words_of(name)]) == 1}
        plain = [name for key, name in spelt.items() if not _is_initialism(name) and sum(map(len, key)) >= 3]
        initialisms = [
            name.replace(".", "")
            for name in spelt.values()
            if _is_initialism(name) and len(name.replace(".", "")) >= _MIN_INITIALISM
        ]
        if not plain:
            continue
        short = min(plain, key=lambda name: len(words_of(name)))  # the first of the fewest words: ISO's, then customary
        longest = max(plain, key=lambda name: (len(words_of(name)), len(name)))
        rest = sorted(plain, key=lambda name: (-len(words_of(name)), name))  # Burma beside Myanmar, and so on
        written = {words_of(n): n for n in (*rest, *initialisms, longest)}  # one spelling per folded form
        ranked = dict.fromkeys(words_of(n) for n in (longest, *sorted(initialisms), *rest))
        others = tuple(written[key] for key in ranked if key != words_of(short))[: _MOST_READINGS - 1]
        designated = Designated(short, others, code)
        for name in plain:
            table[words_of(name)] = (designated, NAME)
        for name in initialisms:
            table[words_of(name)] = (designated, INITIALISM)
        for name in own_names.get(code, ()):  # Sverige, Danmark, Nederland: read as the short name only
            table.setdefault(words_of(name), (Designated(short, (), code), ENDONYM))
    return table


@functools.cache
def _first_words() -> frozenset[str]:
    return frozenset(words[0] for words in _designations())


def own_names(code: str) -> list[str]:
    """A country's own names in Latin letters (Sverige for SE), none for most."""
    return list(_endonyms().get(code, ()))


def designation_of(words: tuple[str, ...]) -> tuple[Designated, str] | None:
    """The country some folded words designate and the kind of designation; None for no one country."""
    return _designations().get(words)


def _designation_at(
    folded: Sequence[str], start: int, longest: int, shortest: int = 1
) -> tuple[int, Designated, str] | None:
    """The longest designation among the folded words from ``start`` on, of ``shortest`` to ``longest`` words:
    (its words, its country, its kind); None when none begins there."""
    table = _designations()
    for length in range(min(_LONGEST, longest), shortest - 1, -1):
        found = table.get(tuple(folded[start : start + length]))
        if found is not None:
            return length, *found
    return None


def designation_readings(text: str) -> tuple[list[str], str | None]:
    """The text with its first country designation that is not the country's short name written as each of the
    country's other designations (see above), and a note of what was read; ([], None) when it holds none."""
    if _first_words().isdisjoint(_PLAIN_WORD.findall(fold(text))):  # most names: no designation begins anywhere
        return [], None
    matches = list(_WORD.finditer(text))
    folded = [fold(m.group()) for m in matches]
    start = 0
    while start < len(matches):
        found = _designation_at(folded, start, len(matches) - start)
        if found is None:
            start += 1
            continue
        length, country, kind = found
        begin, end = matches[start].start(), matches[start + length - 1].end()
        written = text[begin:end]
        key = tuple(folded[start : start + length])
        if key == words_of(country.short):  # the short name: after "of", or of several words with an initialism
            after_of = start > 0 and folded[start - 1] in _OF
            if not (after_of or (length > 1 and any(_is_initialism(name) for name in country.others))):
                start += length
                continue
        elif length == 1 and kind == NAME:  # another one-word name (Burma, England): a word of many names
            start += length
            continue
        if kind == INITIALISM and not written.replace(".", "").isupper():
            start += length  # an initialism in capitals only: "Usa" is a name
            continue
        names = [name for name in (country.short, *country.others) if words_of(name) != key]
        if not names:  # a short name after "of" with no other name (University of Ireland)
            start += length
            continue
        head, tail = text[:begin], text[begin + len(written) :]
        note = f"the country designation {written!r} also read as " + ", ".join(repr(name) for name in names)
        return [f"{head}{name}{tail}" for name in names], note
    return [], None


def opening_short_name(text: str) -> str | None:
    """A listed name that opens with a country's long name, read with its short name ("ISLAMIC REPUBLIC OF IRAN
    SHIPPING LINES" as "Iran SHIPPING LINES"); None for any other name. The lists' side of the readings above: a
    writer who names the state first uses the short name ("Iran Shipping Lines", "Iran Broadcasting"), which the
    query's side does not expand (it opens the names of many companies). Only a long name of several words opening
    the name, with words after it: the name of the state alone is not shortened to a word of many names."""
    words = _WORD.finditer(text)
    opening = [fold(m.group()) for m in islice(words, 2)]  # most names: decided by their first word or two
    start = 1 if opening[:1] == ["the"] else 0
    if len(opening) <= start or opening[start] not in _first_words():
        return None
    matches = list(_WORD.finditer(text))
    folded = [fold(m.group()) for m in matches]
    found = _designation_at(folded, start, len(matches) - start - 1, shortest=2)  # with words after it
    if found is None:
        return None
    length, country, kind = found
    if kind != NAME or tuple(folded[start : start + length]) == words_of(country.short):
        return None
    return f"{country.short}{text[matches[start + length - 1].end() :]}"


@functools.cache
def _long_names_as_sets() -> dict[frozenset[str], Designated]:
    """Each country's long names of two words or more (but "of" and "the") as sets of folded words: a name
    translated from a language that orders them otherwise holds them in another order."""
    table: dict[frozenset[str], Designated] = {}
    for words, (country, kind) in _designations().items():
        content = frozenset(words) - _OF
        if kind == NAME and len(content) >= 2 and words != words_of(country.short):
            table.setdefault(content, country)
    return table


def with_short_country_name(tokens: Sequence[str]) -> tuple[str, ...] | None:
    """A translated name's tokens with the country's long name at their end, in any order, as its short name; None
    when they end in none. Persian and Arabic put the state after the body and its words in their own order:
    سازمان صنایع دفاع جمهوری اسلامی ایران is read "organization industries defense republic islamic iran", and the
    three words of the state, which the listed DEFENSE INDUSTRIES ORGANIZATION lacks, weighed as three (0.67); read
    "… iran", the state weighs as a name's country word does ("Defense Industries Organization of Iran")."""
    table = _long_names_as_sets()
    for length in range(min(_LONGEST, len(tokens) - 1), 1, -1):
        tail = [fold(t) for t in tokens[len(tokens) - length :]]
        if tail[0] in _OF:
            continue
        country = table.get(frozenset(tail) - _OF)
        if country is not None and len(set(tail) - _OF) == len([t for t in tail if t not in _OF]):
            return (*tokens[: len(tokens) - length], *words_of(country.short))
    return None


def long_designation_spans(tokens: Sequence[str]) -> list[tuple[int, int]]:
    """(start, length) of each country's long name of several words among a name's tokens ("democratic peoples
    republic of korea", "russian federation"): not its short name. Such a name is one name in several words: in a
    listed name they weigh together as the rarest of them (:attr:`.index.ScreeningIndex.word_shares`), or the
    five words of the DPRK's long name outweighed an unlisted company's own words ("Kumsong Shipping of the DPRK"
    hit the listed CENTRAL BANK OF THE DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA at 0.75). Not in the query's readings:
    there a long name weighing less let "Central Bank of Chile", read also "of the Republic of Chile", find a
    CENTRAL REPUBLIC BANK through "republic"."""
    firsts = _first_words()
    spans: list[tuple[int, int]] = []
    start = 0
    while start < len(tokens) - 1:
        found = _designation_at(tokens, start, len(tokens) - start, shortest=2) if tokens[start] in firsts else None
        if found is not None:
            length, country, kind = found
            if kind == NAME and tuple(tokens[start : start + length]) != words_of(country.short):
                spans.append((start, length))
                start += length - 1
        start += 1
    return spans
