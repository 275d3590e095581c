"""Write the countries' own names in Latin script (CLDR, through Babel) for screening: ``data/screening/
country_endonyms.json``.

A subsidiary calls itself in its country's language ("Huawei Technologies Sverige AB", "… Danmark ApS", "…
Nederland B.V."); the lists write the country in English (HUAWEI SWEDEN). For every ISO 3166 country (pycountry),
its name in each of its official languages (CLDR's territory data, ``babel.languages.get_official_languages``,
de facto ones included) is kept when it is written in Latin letters and differs from every English name of the
country once accents are taken off (México is Mexico), and when it is not a common English word or given name
without its accents: among the 5,000 most frequent words of zxcvbn's English Wikipedia and US television lists, or
of its male and female given names (Ísland is "island", Maurice a name). Names in other scripts are read by the
romanisations.

Usage: ``python benchmarks/build_country_endonyms.py`` (needs Babel, a development dependency); the file is
committed, so the product does not need Babel at run time. ``--check`` exits 1 when the committed file differs.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pycountry
from babel import Locale, UnknownLocaleError
from babel.languages import get_official_languages
from zxcvbn.frequency_lists import FREQUENCY_LISTS

from committed_tables import write_or_check

OUT = Path(__file__).resolve().parents[1] / "src" / "exportctl" / "data" / "screening" / "country_endonyms.json"


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _latin(text: str) -> bool:
    return all(ch.isascii() or "LATIN" in unicodedata.name(ch, "") for ch in text if ch.isalpha())


COMMON = 5000  # the most frequent words of an English word list or a list of given names


def _common_words() -> frozenset[str]:
    lists = ("english_wikipedia", "us_tv_and_film", "male_names", "female_names")
    return frozenset(word for name in lists for word in FREQUENCY_LISTS[name][:COMMON])


def endonyms() -> dict[str, list[str]]:
    common = _common_words()
    found: dict[str, list[str]] = {}
    for country in pycountry.countries:
        english = {_plain(getattr(country, a, "") or "") for a in ("name", "official_name", "common_name")}
        english |= {name.split(",")[0] for name in english}
        names: set[str] = set()
        for language in get_official_languages(country.alpha_2, de_facto=True):
            try:
                name = Locale.parse(language).territories.get(country.alpha_2)
            except (UnknownLocaleError, ValueError):
                continue
            if name and _latin(name) and _plain(name) not in english and _plain(name) not in common:
                names.add(name)
        if names:
            found[country.alpha_2] = sorted(names)
    return dict(sorted(found.items()))


def main() -> None:
    text = json.dumps(endonyms(), ensure_ascii=False, indent=1) + "\n"
    write_or_check(OUT, text, "CLDR", f"{text.count(chr(10))} lines", __doc__.splitlines()[0])


if __name__ == "__main__":
    main()
