"""Time to build the screening index as of a date (``screen --as-of``, submission and shipment screening).

The as-of entries decide every entry of every snapshot with the rule of ``lists listed`` in one pass
(:func:`exportctl.lists.repository.entries_as_of`); this prints, per date, the entries kept (and how many of them
are unknown → review), the time to decide them, and the time to build the index over them (no disk cache).
Needs a store holding the bundled lists (``exportctl lists import``; 13 snapshots, ~80,000 entry rows):
``.venv/bin/python benchmarks/as_of_index.py --url sqlite:////path/to/exportctl.sqlite3 [--dates 2025-06-01,…]``.
Timings on a shared machine are noisy: compare runs made one after the other.
"""

from __future__ import annotations

import argparse
import time
from datetime import date

from exportctl.lists.repository import entries_as_of
from exportctl.screening.index import ScreeningIndex
from exportctl.store.db import make_engine


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", required=True, help="database URL of a store holding the bundled lists")
    parser.add_argument("--dates", default="2025-06-01,2026-02-25", help="comma-separated ISO dates")
    parser.add_argument("--no-index", action="store_true", help="time only the entries, not the index build")
    args = parser.parse_args()
    engine = make_engine(args.url)
    for day in (date.fromisoformat(d) for d in args.dates.split(",")):
        started = time.perf_counter()
        answer = entries_as_of(engine, day)
        decided = time.perf_counter() - started
        unknown = len(getattr(answer, "unknown", {}))
        print(f"as of {day}: {len(answer.entries):,} entries kept ({unknown:,} unknown → review); {decided:.2f} s")
        if not args.no_index:
            started = time.perf_counter()
            ScreeningIndex.build(answer.entries)
            print(f"  index build over them: {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
