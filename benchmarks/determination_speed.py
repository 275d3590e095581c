"""Determination throughput: the pure engine on pre-screened transactions, and with screening included.

Transactions come from real data: ECCNs of the bundled CCL plus EAR99, Country Chart destinations, dates 2019-2026,
parties from the bundled Entity List, DPL and MEU files (a third of transactions name a listed party, the rest an
unlisted one). Two mixes:

* "uniform": every ECCN x every destination at random — nearly every transaction is the first of its (ECCN,
  destination) pair, so the engine's per-pair caches are cold (the worst case);
* "portfolio": an exporter's steady state — 60 ECCNs x 40 destinations, timed on fresh transactions (new dates and
  parties) after 20,000 earlier ones.

Rates are per second of this process's CPU time (``time.process_time``), so other work on a shared machine does not
count against them; the load average is printed alongside. Target: >= 20,000 determinations/s for pre-screened
transactions. Run:
``.venv/bin/python benchmarks/determination_speed.py [--n 50000]``.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time
from collections.abc import Sequence
from datetime import date

from exportctl.determination import (
    ExactNameScreener,
    PartyScreening,
    Transaction,
    determine,
    make_transaction,
    screen_parties,
)
from exportctl.determination.service import Screener
from exportctl.lists.bundled import DATA_DIR
from exportctl.lists.model import ListEntry
from exportctl.lists.sources import get_parser
from exportctl.regulations import Regulations, load_regulations


def _transactions(
    rng: random.Random, regs: Regulations, n: int, eccns: Sequence[str], dests: Sequence[str], names: Sequence[str]
) -> list[Transaction]:
    return [
        make_transaction(
            eccn=rng.choice(eccns),
            destination=rng.choice(dests),
            regulations=regs,
            parties=[f"end_user={rng.choice(names) if i % 3 == 0 else f'Unlisted Trading Co. {rng.random()}'}"],
            on=date(rng.randint(2019, 2026), rng.randint(1, 12), rng.randint(1, 28)),
        )
        for i in range(n)
    ]


def _rate(regs: Regulations, txs: Sequence[Transaction], screened: Sequence[list[PartyScreening]]) -> float:
    start = time.process_time()
    for tx, parties in zip(txs, screened, strict=True):
        determine(tx, regulations=regs, parties_screened=parties)
    return len(txs) / (time.process_time() - start)


def _rate_screening(regs: Regulations, txs: Sequence[Transaction], screener: Screener) -> float:
    start = time.process_time()
    for tx in txs:
        determine(tx, regulations=regs, parties_screened=screen_parties(tx, screener))
    return len(txs) / (time.process_time() - start)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    regs = load_regulations()
    entries: list[ListEntry] = [
        *get_parser("entity-list").parse(DATA_DIR / "entity_list.csv"),
        *get_parser("dpl").parse(DATA_DIR / "denied_persons_list.csv"),
        *get_parser("meu").parse(DATA_DIR / "military_end_user_list.csv"),
    ]
    names = [e.primary_name for e in entries]
    all_eccns = ["EAR99", *regs.ccl.entries]
    all_dests = [row.iso2 for row in regs.chart]
    screener = ExactNameScreener(entries)

    uniform = _transactions(rng, regs, args.n, all_eccns, all_dests, names)
    cold = _rate(regs, uniform, [screen_parties(tx, screener) for tx in uniform])

    eccns, dests = rng.sample(all_eccns, 60), rng.sample(all_dests, 40)
    warmup = _transactions(rng, regs, 20_000, eccns, dests, names)
    _rate(regs, warmup, [screen_parties(tx, screener) for tx in warmup])
    runs = []
    for _ in range(3):
        fresh = _transactions(rng, regs, args.n, eccns, dests, names)
        runs.append(_rate(regs, fresh, [screen_parties(tx, screener) for tx in fresh]))
    fresh = _transactions(rng, regs, args.n, eccns, dests, names)
    exact = _rate_screening(regs, fresh, screener)

    print(f"transactions per run: {args.n}; load average at end: {os.getloadavg()[0]:.1f} (CPU-time rates)")
    print(f"uniform mix ({len(all_eccns)} ECCNs x {len(all_dests)} destinations), cold caches: {cold:,.0f} /s")
    print(f"portfolio mix (60 ECCNs x 40 destinations), pre-screened: {statistics.median(runs):,.0f} /s (median of 3)")
    print(f"portfolio mix with exact-name screening: {exact:,.0f} /s")
    _fuzzy(regs, fresh[:2000], entries)


def _fuzzy(regs: Regulations, txs: Sequence[Transaction], entries: list[ListEntry]) -> None:
    """With the fuzzy screening engine (exportctl.screening) over the same entries."""
    from exportctl.screening import ScreeningIndex
    from exportctl.screening.party import PartyScreener

    start = time.process_time()
    screener = PartyScreener(ScreeningIndex.build(entries))
    built = time.process_time() - start
    rate = _rate_screening(regs, txs, screener)
    print(
        f"portfolio mix with fuzzy screening (index of {len(entries)} entries built in {built:.1f} s): {rate:,.0f} /s"
    )


if __name__ == "__main__":
    main()
