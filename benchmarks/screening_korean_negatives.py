"""False hits on South Korean people's names written in the South's Revised Romanisation, which nobody lists.

The lists hold hundreds of North Korean people, written as the North writes them (KIM Jong Un, RI Pyong Chol). A
South Korean customer file writes its people in the Revised Romanisation (Kim Jeong-eun, Ri Byeong-cheol), and Korean
names are few syllables: many customers are namesakes of a listed person, and a reading that respells the South's
spelling as the North's (tried in the twenty-third session, not kept: see docs/screening.md) makes more of them so.
This measures how many people nobody lists get a hit. For a fixed seed,
2,000 distinct names that Faker's ko_KR locale draws (a surname and a given name of two syllables, in Hangul) are
romanised syllable by syllable by the Revised Romanisation's rules (the given name hyphened, "Min-jun"; the surname
as passports spell the commonest ones: Kim, Lee, Park, Choi), and screened without a country and with KR (a
register knows its customers' country; the listed North Koreans' is KP). Every hit is counted and the best ones are
printed to read: many are namesakes, for Korean names are few syllables. Usage:
``python benchmarks/screening_korean_negatives.py [--show 15]``.
"""

from __future__ import annotations

from faker import Faker

from negatives_report import faker_names, report

SEED = 11
COUNT = 2000

# the Revised Romanisation of a Hangul syllable block (Unicode's layout: initial × 588 + vowel × 28 + final), the
# closed tables of the 2000 standard, a final consonant as it sounds before a pause
_INITIALS = ("g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h")
_VOWELS = (
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu",
    "ui", "i",
)  # fmt: skip
_FINALS = (
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t",
    "t", "k", "t", "p", "t",
)  # fmt: skip
# surnames as South Koreans' passports commonly spell them, where that differs from the standard's spelling
_SURNAMES = {"김": "Kim", "이": "Lee", "박": "Park", "최": "Choi", "정": "Jung", "조": "Cho", "윤": "Yoon", "임": "Lim"}


def romanised(hangul: str) -> str:
    """A Hangul word in the Revised Romanisation, syllable by syllable (ㄹ first in a word as r: the standard's l
    there is rare in names)."""
    out = []
    for ch in hangul:
        code = ord(ch) - 0xAC00
        out.append(_INITIALS[code // 588] + _VOWELS[(code % 588) // 28] + _FINALS[code % 28])
    return "-".join(out)


def _drawn(faker: Faker) -> str:
    """One name of a one-syllable surname and a two-syllable given name, as the Revised Romanisation writes it."""
    while True:
        surname, given = faker.last_name(), faker.first_name()
        if len(surname) == 1 and len(given) == 2:
            return f"{_SURNAMES.get(surname) or romanised(surname).title()} {romanised(given).capitalize()}"


def korean_names(count: int = COUNT, seed: int = SEED) -> list[str]:
    return faker_names("ko_KR", _drawn, count, seed)


def main() -> None:
    names = korean_names()
    report(
        {"South Korean names (Revised Romanisation), no country": names, "the same names, country KR": names},
        __doc__.splitlines()[0],
        countries={"the same names, country KR": "KR"},
    )


if __name__ == "__main__":
    main()
