"""False hits on short company names: the names that Faker's locales make for companies, mostly a surname or a
family name and a legal form ("Powell Ltd", "Schäfer GmbH", "زهران Inc", "(주) 제나", "天益科技有限公司").

The real-name dev file's organisations are long, established names; a supplier or customer register also holds
small firms named after a family, whose one distinctive word must carry the whole match. For each locale and a
fixed seed, up to 1,000 distinct names are drawn and screened against the bundled lists at the default threshold.
None was written for a listed party, but a family name is sometimes a listed firm's too ("Rodriguez-Lopez" is
RODRIGUEZ LOPEZ, S.A. DE C.V.): every hit is counted, and the best ones are printed to read. Faker's Russian and
Persian company tables are left out: they hold real companies, some listed (Объединенная судостроительная
корпорация, شرکت ملی نفت ایران), whose hits are right. Usage:
``python benchmarks/screening_company_negatives.py [--show 15]``.
"""

from __future__ import annotations

from negatives_report import faker_names, report

SEED = 11
COUNT = 1000
LOCALES = {
    "en_US": "English company names (en_US)",
    "de_DE": "German company names (de_DE)",
    "fr_FR": "French company names (fr_FR)",
    "es_ES": "Spanish company names (es_ES)",
    "it_IT": "Italian company names (it_IT)",
    "tr_TR": "Turkish company names (tr_TR)",
    "ar_AA": "Arabic company names (ar_AA)",
    "zh_CN": "Chinese company names (zh_CN)",
    "ko_KR": "Korean company names (ko_KR)",
    "ja_JP": "Japanese company names (ja_JP)",
}


def company_names(locale: str, count: int = COUNT, seed: int = SEED) -> list[str]:
    return faker_names(locale, lambda faker: faker.company(), count, seed)


def main() -> None:
    report({described: company_names(locale) for locale, described in LOCALES.items()}, __doc__.splitlines()[0])


if __name__ == "__main__":
    main()
