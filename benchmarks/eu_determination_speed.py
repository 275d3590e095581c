"""EU dual-use determination throughput (Regulation (EU) 2021/821) and the Annex I parse time.

Transactions come from the bundled data: every Annex I entry and a sample of its paragraphs, plus US-only ECCNs and
EAR99 (answered "not in Annex I"); member states of export; destinations outside the EU from the Country Chart;
dates inside the Annex's window and before it; a stated end use on one transaction in ten. Parties are pre-screened
(one end user with no hit), as in ``determination_speed.py``; transactions are built before timing.

* "uniform": codes x routes at random with every cache of the engine cleared first (the worst case);
* "portfolio": 60 codes x 40 destinations x 3 member states, timed after 20,000 earlier transactions.

Rates are per second of this process's CPU time (``time.process_time``); the load average is printed alongside.
Targets (issue 18): >= 20,000 determinations/s pre-screened; Annex I parse <= 1 s.
Run: ``.venv/bin/python benchmarks/eu_determination_speed.py [--n 50000]``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import time
from collections.abc import Sequence
from datetime import date

from exportctl.determination.eu import EuTransaction, determine_eu, make_eu_transaction
from exportctl.determination.eu.engine import clear_caches
from exportctl.determination.parties import PartyRole, PartyScreening
from exportctl.regulations import load_regulations
from exportctl.regulations.eu import MEMBER_STATES, AnnexI, load_annex_i
from exportctl.regulations.eu.annex import ANNEX_FILE, EU_DATA_DIR, parse_annex

US_ONLY = ["3A090", "4A090", "5A992.c", "EAR99", "9A515.a", "9A610", "0A501", "3B993", "4A994", "5D992"]
END_USES = ["for the armed forces", "nuclear weapons research", "surveillance of journalists", "civil telecoms"]


def _codes(annex: AnnexI, rng: random.Random) -> list[str]:
    codes: list[str] = list(US_ONLY)
    for entry in annex:
        codes.append(entry.code)
        paths = [p for p in entry.paragraphs if p and not entry.paragraphs[p].not_used]
        codes += [".".join((entry.code, *p)) for p in rng.sample(paths, min(3, len(paths)))]
    return codes


def _transactions(
    rng: random.Random, annex: AnnexI, n: int, codes: Sequence[str], dests: Sequence[str], origins: Sequence[str]
) -> list[EuTransaction]:
    regs = load_regulations()
    out = []
    for i in range(n):
        on = date(2026, rng.randint(1, 8), rng.randint(1, 28)) if i % 5 else date(2024, rng.randint(1, 12), 1)
        out.append(
            make_eu_transaction(
                control=rng.choice(codes),
                origin=rng.choice(origins),
                destination=rng.choice(dests),
                regulations=regs,
                annex=annex,
                parties=[f"end_user=Unlisted Trading Co. {i}"],
                end_use=rng.choice(END_USES) if i % 10 == 0 else None,
                on=on,
            )
        )
    return out


def _rate(annex: AnnexI, txs: Sequence[EuTransaction]) -> float:
    screened = [[PartyScreening(PartyRole.END_USER, tx.parties[0].name)] for tx in txs]
    start = time.process_time()
    for tx, parties in zip(txs, screened, strict=True):
        determine_eu(tx, annex=annex, parties_screened=parties)
    return len(txs) / (time.process_time() - start)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    text = (EU_DATA_DIR / ANNEX_FILE).read_text(encoding="utf-8")
    parse_times = []
    for _ in range(3):
        start = time.perf_counter()
        parse_annex(json.loads(text))
        parse_times.append(time.perf_counter() - start)
    annex = load_annex_i()
    regs = load_regulations()
    dests = [row.iso2 for row in regs.chart if row.iso2 not in MEMBER_STATES]
    origins = sorted(MEMBER_STATES)
    codes = _codes(annex, rng)
    uniform = _transactions(rng, annex, args.n, codes, dests, origins)
    clear_caches()
    cold = _rate(annex, uniform)
    few_codes, few_dests, few_origins = rng.sample(codes, 60), rng.sample(dests, 40), ["NL", "DE", "FR"]
    _rate(annex, _transactions(rng, annex, 20_000, few_codes, few_dests, few_origins))
    warm = [_rate(annex, _transactions(rng, annex, args.n, few_codes, few_dests, few_origins)) for _ in range(3)]
    print(f"transactions per run: {args.n}; load average at end: {os.getloadavg()[0]:.1f} (CPU-time rates)")
    print(f"Annex I parse (json + entries + GEAs): {min(parse_times):.3f} s (best of 3; target <= 1 s)")
    print(f"uniform mix ({len(codes)} codes x {len(dests)} destinations x 27 origins), cold cache: {cold:,.0f} /s")
    print(f"portfolio mix (60 codes x 40 destinations x 3 origins), pre-screened: {statistics.median(warm):,.0f} /s "
          "(median of 3; target >= 20,000 /s)")  # fmt: skip


if __name__ == "__main__":
    main()
