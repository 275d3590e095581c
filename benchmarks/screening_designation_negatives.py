"""False hits on unlisted organisations named "of" a sanctioned state: the real dev file's Latin-script negatives
with a country designation after them.

Organisations name their state after "of" ("… of Iran", "… of the DPRK", "… of the Russian Federation"), and the
states whose bodies the lists hold are the ones such names carry. For a fixed seed, 600 of the real dev file's
unlisted Latin-script names (``../shared/eval/screening_real_dev.csv``, category negative) each get one of ten
designations of Iran, the DPRK, Russia, Syria, Venezuela and Belarus, short and long, and are screened against the
bundled lists at the default threshold; and so are 84 bodies of states no list names (the central bank, a ministry, an
embassy of Chile, Albania …), which must not find another state's. Every hit is counted, and the best ones are
printed to read. Usage:
``python benchmarks/screening_designation_negatives.py [--show 15]``.
"""

from __future__ import annotations

import csv
import random

from negatives_report import report
from screening_corpus import shared_file

SEED = 3
COUNT = 600
DESIGNATIONS = (
    " of Iran",
    " of the DPRK",
    " of the Russian Federation",
    " of Russia",
    " of the Islamic Republic of Iran",
    " of the Syrian Arab Republic",
    " of the Democratic People's Republic of Korea",
    " of Venezuela",
    " of Belarus",
    " of the Republic of Belarus",
)


def designated_names(count: int = COUNT, seed: int = SEED) -> list[str]:
    with shared_file("eval/screening_real_dev.csv").open(encoding="utf-8", newline="") as f:
        negatives = [row["query"] for row in csv.DictReader(f) if row["category"] == "negative"]
    chosen = random.Random(seed).sample(negatives, count)
    return [name + DESIGNATIONS[i % len(DESIGNATIONS)] for i, name in enumerate(chosen)]


BODIES = ("Central Bank", "National Bank", "Development Bank", "Ministry of Finance", "Embassy", "University")
UNLISTED_STATES = (
    "Ghana",
    "Kenya",
    "Chile",
    "Peru",
    "Brazil",
    "Turkey",
    "the Philippines",
    "Egypt",
    "Nigeria",
    "Austria",
    "Albania",
    "Armenia",
    "Azerbaijan",
    "Mongolia",
)


def state_bodies() -> list[str]:
    """A state's bank, ministry, embassy or university, of states whose bodies no list holds: one state's body must
    not find another's ("Central Bank of Chile" is not the Russian Federation's)."""
    return [f"{body} of {state}" for body in BODIES for state in UNLISTED_STATES]


def main() -> None:
    report(
        {"unlisted names with a state after them": designated_names(), "bodies of unlisted states": state_bodies()},
        __doc__.splitlines()[0],
    )


if __name__ == "__main__":
    main()
