"""Licensing workflow throughput: applications taken from draft to decision per second, and shipments per second.

Each application goes through the real workflow, one transaction per step as the CLI and API run it:
create → submit (lint) → register → start review → decide (approve, which issues a licence), with every step
audited in the hash chain. Then shipments are drawn against the issued licences, and the audit chain is verified.
Items use ECCNs from the bundled CCL. Run on SQLite (a temporary file) by default, or on any database URL:
``.venv/bin/python benchmarks/licensing_workflow.py [--n 500] [--url postgresql+psycopg://…]``.
"""

from __future__ import annotations

import argparse
import csv
import random
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from exportctl.audit.chain import verify_chain
from exportctl.determination.parties import PartyRole
from exportctl.licensing.actor import Actor
from exportctl.licensing.applicant import create_application, submit
from exportctl.licensing.decide import decide
from exportctl.licensing.inputs import ApplicationInput, ItemInput, PartyInput
from exportctl.licensing.licences import record_shipment
from exportctl.licensing.organisations import actor_for_user, create_organisation, create_user
from exportctl.licensing.review import register, start_review
from exportctl.store.db import make_engine, session_scope, upgrade

CCL = Path(__file__).resolve().parents[1] / "src/exportctl/data/ear/ccl_eccns.csv"
DAY = date(2021, 1, 4)


def eccns() -> list[str]:
    with CCL.open(encoding="utf-8") as handle:
        found = [row["eccn"] for row in csv.DictReader(handle) if row.get("eccn")]
    return [e for e in found if _valid(e)] or ["EAR99"]


def _valid(eccn: str) -> bool:
    try:
        ItemInput(eccn=eccn, description="x", quantity=1, unit_value=Decimal(1))
    except ValueError:
        return False
    return True


def application(rng: random.Random, pool: list[str]) -> ApplicationInput:
    items = tuple(
        ItemInput(
            eccn=rng.choice(pool),
            description="benchmark item",
            quantity=rng.randint(1, 5000),
            unit_value=Decimal(rng.randint(100, 10_000_000)) / 100,
        )
        for _ in range(rng.randint(1, 4))
    )
    parties = (
        PartyInput(role=PartyRole.ULTIMATE_CONSIGNEE, name=f"Consignee {rng.randint(1, 999)}", country="DE"),
        PartyInput(role=PartyRole.END_USER, name=f"End user {rng.randint(1, 999)}", country="DE"),
    )
    return ApplicationInput(
        items=items,
        parties=parties,
        end_use="Production of automotive engine control units at the end user's plant.",
        justification="Civil automotive end use; no military or surveillance application.",
    )


def step(engine: Any, fn: Any, *args: Any, **kwargs: Any) -> Any:
    with session_scope(engine) as session:
        return fn(session, *args, **kwargs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--url", default=None)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    tmp = tempfile.TemporaryDirectory()
    url = args.url or f"sqlite:///{Path(tmp.name) / 'bench.sqlite3'}"
    engine = make_engine(url)
    upgrade(engine)
    with session_scope(engine) as s:
        exporter_org = create_organisation(s, "Bench Exporter", "exporter")
        authority = create_organisation(s, "Bench Authority", "authority")
        exporter: Actor = actor_for_user(s, create_user(s, exporter_org, "x@bench.example", "x", ["exporter"]))
        reviewer: Actor = actor_for_user(s, create_user(s, authority, "r@bench.example", "r", ["reviewer"]))
    rng = random.Random(args.seed)
    pool = eccns()
    inputs = [application(rng, pool) for _ in range(args.n)]

    started = time.perf_counter()
    licence_ids = []
    for data in inputs:
        app = step(engine, create_application, exporter, data, on=DAY)
        step(engine, submit, exporter, app.id, on=DAY)
        step(engine, register, reviewer, app.id, on=DAY)
        step(engine, start_review, reviewer, app.id, on=DAY)
        decision = step(engine, decide, reviewer, app.id, outcome="approved", reasons=["benchmark"], on=DAY)
        licence_ids.append(decision.licence_id)
    decided = time.perf_counter() - started

    started = time.perf_counter()
    for licence_id in licence_ids:
        step(
            engine,
            record_shipment,
            exporter,
            licence_id,
            value=Decimal("1.00"),
            quantity=1,
            shipped_on=DAY + timedelta(1),
        )
    shipped = time.perf_counter() - started

    started = time.perf_counter()
    verification = verify_chain(engine)
    verified = time.perf_counter() - started

    backend = engine.dialect.name
    print(f"backend: {backend}; applications: {args.n} (5 transactions each, every step audited)")
    print(f"applications created and decided: {args.n / decided:,.1f} per second ({decided:.2f} s)")
    print(f"shipments recorded: {len(licence_ids) / shipped:,.1f} per second ({shipped:.2f} s)")
    print(f"audit chain verified: {verification.count:,} events in {verified:.2f} s (ok={verification.ok})")
    engine.dispose()
    tmp.cleanup()


if __name__ == "__main__":
    main()
