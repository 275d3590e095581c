"""False hits on people's names nobody lists: given names and surnames of the US lists that zxcvbn ships.

Neither dev file has more than a handful of person negatives, and a register is mostly people. For a fixed seed,
3,000 distinct names are made of the 500 most frequent male and female given names and the 2,000 most frequent
surnames (`Given Surname`, `SURNAME, Given`, `Given Given Surname`), screened against the bundled lists at the default
threshold. None is a listed party as far as anyone knows, though some are close to one (Javier Gonzales to Javier
Gonzalez): every hit is counted, and the best ones are printed to read. Usage:
``python benchmarks/screening_person_negatives.py [--show 15]``.
"""

from __future__ import annotations

import random

from zxcvbn.frequency_lists import FREQUENCY_LISTS

from negatives_report import report

SEED = 5
COUNT = 3000


def person_names(count: int = COUNT, seed: int = SEED) -> list[str]:
    rng = random.Random(seed)
    given = FREQUENCY_LISTS["male_names"][:500] + FREQUENCY_LISTS["female_names"][:500]
    surnames = FREQUENCY_LISTS["surnames"][:2000]
    names: set[str] = set()
    while len(names) < count:
        first, last, second = rng.choice(given), rng.choice(surnames), rng.choice(given)
        names.add(
            rng.choice(
                (
                    f"{first.title()} {last.title()}",
                    f"{last.upper()}, {first.title()}",
                    f"{first.title()} {second.title()} {last.title()}",
                )
            )  # fmt: skip
        )
    return sorted(names)


def main() -> None:
    report({"made-up person names": person_names()}, __doc__.splitlines()[0])


if __name__ == "__main__":
    main()
