"""False hits on people's names in their own script: Arabic, Persian, Russian, Ukrainian and Chinese names that
Faker's locales make from their tables of common given names and surnames.

The real-name dev file holds organisations; a register of customers and staff is mostly people, and many write their
names in their own script. For each locale and a fixed seed, 1,500 distinct names are drawn (Faker's own formats: a
title in front for some Arabic ones, "Surname Given Patronymic" and "Given Patronymic Surname" in Russian, two or
three characters in Chinese) and screened against the bundled lists at the default threshold. None was written for a
listed party, but a common name is often a listed person's too (高燕 is GAO, Yan; علی کریمی is KARIMI, Ali): every
hit is counted, and the best ones are printed to read. Usage:
``python benchmarks/screening_native_person_negatives.py [--show 15]``.
"""

from __future__ import annotations

from negatives_report import faker_names, report

SEED = 11
COUNT = 1500
LOCALES = {
    "ar_AA": "Arabic person names (ar_AA)",
    "ar_SA": "Arabic person names (ar_SA, Gulf family names)",
    "fa_IR": "Persian person names (fa_IR)",
    "ru_RU": "Russian person names (ru_RU)",
    "uk_UA": "Ukrainian person names (uk_UA)",
    "zh_CN": "Chinese person names (zh_CN)",
}


def person_names(locale: str, count: int = COUNT, seed: int = SEED) -> list[str]:
    return faker_names(locale, lambda faker: faker.name(), count, seed)


def main() -> None:
    report({described: person_names(locale) for locale, described in LOCALES.items()}, __doc__.splitlines()[0])


if __name__ == "__main__":
    main()
