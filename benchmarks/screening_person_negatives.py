"""False hits on people's names nobody lists: given names and surnames of the US lists that zxcvbn ships.

Neither dev file has more than a handful of person negatives, and a register is mostly people. For a fixed seed,
3,000 distinct names are made of the 500 most frequent male and female given names and the 2,000 most frequent
surnames (`Given Surname`, `SURNAME, Given`, `Given Given Surname`), screened against the bundled lists at the default
threshold. None is a listed party as far as anyone knows, though some are close to one (Javier Gonzales to Javier
Gonzalez): every hit is counted, and the best ones are printed to read. Usage:
``python benchmarks/screening_person_negatives.py [--show 15]``.
"""

from __future__ import annotations

import argparse
import random
import time

from zxcvbn.frequency_lists import FREQUENCY_LISTS

from exportctl.screening import DEFAULT_THRESHOLD, ScreeningIndex, screen
from screening_corpus import bundled_entries
from screening_quality import wilson

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
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=15, help="how many of the best hits to print")
    args = parser.parse_args()
    started = time.perf_counter()
    index = ScreeningIndex.build(bundled_entries())
    print(f"index: {len(index.entries)} entries, built in {time.perf_counter() - started:.1f} s")
    hits = []
    names = person_names()
    for name in names:
        found = screen(index, name).hits
        if found:
            hits.append((found[0].score, name, found[0].primary_name, found[0].matched_name))
    low, high = wilson(len(hits), len(names))
    print(f"threshold {DEFAULT_THRESHOLD:.2f}: {len(names)} made-up person names, {len(hits)} with a hit: "
          f"{len(hits) / len(names):.2%} (95 % CI {low:.2%}-{high:.2%})")  # fmt: skip
    for score, name, primary, matched in sorted(hits, reverse=True)[: args.show]:
        print(f"  {score:.3f}  {name!r} -> {primary!r} (as {matched!r})")


if __name__ == "__main__":
    main()
