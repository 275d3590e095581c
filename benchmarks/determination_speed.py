"""Determination throughput: the pure engine on pre-screened transactions, and with screening included.

Transactions are drawn from real data: every ECCN of the bundled CCL plus EAR99, every Country Chart destination,
dates 2019-2026, and parties taken from the bundled Entity List, DPL and MEU files (a third of transactions name a
listed party, the rest an unlisted one). Prints determinations per second; the target for the pure engine is
>= 20,000/s. Run: ``.venv/bin/python benchmarks/determination_speed.py [--n 50000]``.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from datetime import date

from exportctl.determination import ExactNameScreener, determine, make_transaction, screen_parties
from exportctl.lists.bundled import DATA_DIR
from exportctl.lists.sources import get_parser
from exportctl.regulations import load_regulations


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    regs = load_regulations()
    entries = [
        *get_parser("entity-list").parse(DATA_DIR / "entity_list.csv"),
        *get_parser("dpl").parse(DATA_DIR / "denied_persons_list.csv"),
        *get_parser("meu").parse(DATA_DIR / "military_end_user_list.csv"),
    ]
    eccns = ["EAR99", *regs.ccl.entries]
    destinations = [row.iso2 for row in regs.chart]
    listed_names = [e.primary_name for e in entries]
    transactions = []
    for i in range(args.n):
        name = rng.choice(listed_names) if i % 3 == 0 else f"Unlisted Trading Co. {i}"
        transactions.append(
            make_transaction(
                eccn=rng.choice(eccns),
                destination=rng.choice(destinations),
                regulations=regs,
                parties=[f"end_user={name}"],
                on=date(rng.randint(2019, 2026), rng.randint(1, 12), rng.randint(1, 28)),
            )
        )
    screener = ExactNameScreener(entries)
    screened = [screen_parties(tx, screener) for tx in transactions]

    def run_pure() -> float:
        start = time.perf_counter()
        for tx, parties in zip(transactions, screened, strict=True):
            determine(tx, regulations=regs, parties_screened=parties)
        return len(transactions) / (time.perf_counter() - start)

    cold = run_pure()  # first pass fills the per-(ECCN, destination, date) caches, as a running service would
    pure = [run_pure() for _ in range(3)]

    start = time.perf_counter()
    for tx in transactions:
        determine(tx, regulations=regs, parties_screened=screen_parties(tx, screener))
    exact = len(transactions) / (time.perf_counter() - start)

    required = sum(
        determine(tx, regulations=regs, parties_screened=p).license_required is True
        for tx, p in zip(transactions[:5000], screened[:5000], strict=True)
    )
    print(f"transactions: {len(transactions)} ({len(eccns)} ECCNs incl. EAR99, {len(destinations)} destinations)")
    print(f"licence required in first 5000: {required}")
    print(f"pure engine, pre-screened parties, first pass (cold caches): {cold:,.0f} determinations/s")
    print(f"pure engine, pre-screened parties: {statistics.median(pure):,.0f} determinations/s (median of 3)")
    print(f"with exact-name screening:         {exact:,.0f} determinations/s")
    fuzzy_rate(transactions[:2000], entries, regs)


def fuzzy_rate(transactions: list, entries: list, regs: object) -> None:  # type: ignore[type-arg]
    """With the fuzzy screening engine (exportctl.screening), when it is installed."""
    try:
        from exportctl.determination.fuzzy import FuzzyScreener
    except ImportError:
        print("with fuzzy screening: not measured (exportctl.screening engine not available)")
        return
    start = time.perf_counter()
    screener = FuzzyScreener.build(entries)  # the index over the same Entity List, DPL and MEU entries
    built = time.perf_counter() - start
    start = time.perf_counter()
    for tx in transactions:
        determine(tx, regulations=regs, parties_screened=screen_parties(tx, screener))  # type: ignore[arg-type]
    rate = len(transactions) / (time.perf_counter() - start)
    print(f"with fuzzy screening (index built in {built:.1f}s): {rate:,.0f} determinations/s")


if __name__ == "__main__":
    main()
