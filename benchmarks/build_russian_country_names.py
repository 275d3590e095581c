"""Write the countries' Russian names (CLDR, through Babel): ``data/screening/russian_country_names.json``.

Russian names a state by its own word, declined: Министерство обороны России is the Ministry of Defence of Russia,
Центральный банк Ирана the Central Bank of Iran. Romanised, "rossii" is no word of the lists' English names (ALL-
RUSSIAN …, … OF RUSSIA), and a ROR name written Все России научно-исследовательский институт авиационных
материалов did not find the listed ALL-RUSSIAN SCIENTIFIC RESEARCH INSTITUTE OF AVIATION MATERIALS. Each ISO 3166
country's one-word Russian name of four letters or more (CLDR's ``ru`` territories) is kept with its English name
(CLDR's ``en``), folded; :mod:`exportctl.screening.russian_countries` declines them (a closed class of noun endings).

Usage: ``python benchmarks/build_russian_country_names.py`` (needs Babel, a development dependency); the file is
committed, so the product does not need Babel at run time. ``--check`` exits 1 when the committed file differs.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pycountry
from babel import Locale

from committed_tables import write_or_check

OUT = Path(__file__).resolve().parents[1] / "src" / "exportctl" / "data" / "screening" / "russian_country_names.json"
MIN_LETTERS = 4  # shorter names (Чад, Мали, Того) are words or word forms of Russian too


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch) or ch == "\u0306")  # keep й


def country_names() -> dict[str, str]:
    """One-word Russian country names (lower case) → the country's English name (folded)."""
    russian, english = Locale("ru").territories, Locale("en").territories
    found: dict[str, str] = {}
    for country in pycountry.countries:
        name = russian.get(country.alpha_2, "")
        if name.isalpha() and len(name) >= MIN_LETTERS and country.alpha_2 in english:
            found.setdefault(unicodedata.normalize("NFC", _plain(name)), english[country.alpha_2].casefold())
    return dict(sorted(found.items()))


def main() -> None:
    names = country_names()
    text = json.dumps({"names": names}, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    write_or_check(OUT, text, "CLDR (Babel)", f"{len(names)} countries' Russian names", __doc__.splitlines()[0])


if __name__ == "__main__":
    main()
