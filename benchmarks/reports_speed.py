"""Oversight report time over many decided applications (default 100,000).

Synthetic decided applications (party family, outcome, item ECCNs from the bundled CCL, values, decision dates,
licences with drawn-down value for approvals) are bulk-inserted straight into the store's tables — the workflow
itself is measured by ``licensing_workflow.py`` — then ``licence_report`` is timed: the store read plus the
aggregation, by (outcome, category) and by (party, period), and the CSV/JSON/PNG renderings of the result.
Run on SQLite (a temporary file) by default, or on any database URL:
``.venv/bin/python benchmarks/reports_speed.py [--n 100000] [--url postgresql+psycopg://…]``.
"""

from __future__ import annotations

import argparse
import csv
import random
import tempfile
import time
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, insert

from exportctl.reports import licence_report
from exportctl.reports.chart import render_chart
from exportctl.reports.render import to_csv, to_json
from exportctl.store.db import make_engine, session_scope, upgrade
from exportctl.store.licensing_tables import (
    Application,
    ApplicationItem,
    ApplicationParty,
    Decision,
    Licence,
    Organisation,
    User,
)

CCL = Path(__file__).resolve().parents[1] / "src/exportctl/data/ear/ccl_eccns.csv"
PARTIES = ("Huawei Technologies Co., Ltd.", "Huawei Device Co., Ltd.", "SMIC Holdings Limited", "Example Trading Co.")
OUTCOMES = ("approved", "approved", "approved", "returned_without_action", "denied", "withdrawn", "under_review")
START = date(2020, 1, 1)
BATCH = 10_000


def eccns() -> list[str]:
    with CCL.open(encoding="utf-8") as handle:
        return [row["eccn"] for row in csv.DictReader(handle)] + ["EAR99"] * 100


def populate(engine: Engine, n: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    codes = eccns()
    now = datetime(2026, 1, 1)
    with session_scope(engine) as s:
        s.execute(insert(Organisation), [{"id": 1, "name": "Bench Exporter", "kind": "exporter", "created_at": now}])
        s.execute(
            insert(User),
            [{"id": 1, "organisation_id": 1, "email": "bench@example.com", "display_name": "bench",
              "roles": ["exporter", "reviewer"], "password_hash": None, "is_active": True, "created_at": now}],
        )  # fmt: skip
    item_id = 0
    for first in range(1, n + 1, BATCH):
        apps: list[dict[str, Any]] = []
        items: list[dict[str, Any]] = []
        parties: list[dict[str, Any]] = []
        decisions: list[dict[str, Any]] = []
        licences: list[dict[str, Any]] = []
        for app_id in range(first, min(first + BATCH, n + 1)):
            status = rng.choice(OUTCOMES)
            submitted = START + timedelta(days=rng.randrange(0, 1500))
            apps.append({
                "id": app_id, "number": f"B{app_id:07d}", "organisation_id": 1, "type": "export", "status": status,
                "end_use": "bench", "justification": "bench", "created_by": 1, "created_at": now,
                "created_on": submitted, "submitted_on": submitted, "registered_on": submitted, "version": 1,
            })  # fmt: skip
            total = Decimal(0)
            for position in range(rng.randint(1, 3)):
                item_id += 1
                value = Decimal(rng.randint(100, 10_000_000))
                total += value
                items.append({
                    "id": item_id, "application_id": app_id, "position": position, "eccn": rng.choice(codes),
                    "description": "bench item", "quantity": 1, "unit": "ea", "unit_value_cents": value,
                    "total_value_cents": value, "tech_flags": [],
                })  # fmt: skip
            name = rng.choice(PARTIES)
            for position, role in enumerate(("purchaser", "ultimate_consignee")):
                parties.append({"application_id": app_id, "position": position, "role": role, "name": name,
                                "country": "CN", "address": ""})  # fmt: skip
            if status == "under_review":
                continue
            decided = submitted + timedelta(days=rng.randint(5, 90))
            decisions.append({
                "id": app_id, "application_id": app_id, "outcome": status, "reasons": ["bench"], "conditions": [],
                "riders": [], "approved_item_ids": [], "decided_by": 1, "decided_on": decided, "decided_at": now,
            })  # fmt: skip
            if status == "approved":
                licences.append({
                    "number": f"L{app_id:07d}", "application_id": app_id, "decision_id": app_id,
                    "holder_organisation_id": 1, "value_limit_cents": total,
                    "value_used_cents": (total * Decimal(rng.randint(0, 100)) / 100).quantize(Decimal(1)),
                    "quantity_limit": 1, "quantity_used": 0, "valid_from": decided,
                    "valid_to": decided + timedelta(days=4 * 365), "conditions": [], "status": "active", "version": 1,
                })  # fmt: skip
        with session_scope(engine) as s:
            for table, rows in ((Application, apps), (ApplicationItem, items), (ApplicationParty, parties),
                                (Decision, decisions), (Licence, licences)):  # fmt: skip
                if rows:
                    s.execute(insert(table.__table__), rows)


def timed(label: str, fn: Any) -> Any:
    started = time.perf_counter()
    result = fn()
    print(f"{label}: {time.perf_counter() - started:.2f} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--url", default=None)
    args = parser.parse_args()
    url = args.url or f"sqlite:///{tempfile.mkdtemp(prefix='exportctl-bench-')}/reports.sqlite3"
    engine = make_engine(url)
    upgrade(engine)
    print(f"backend: {engine.dialect.name}; applications: {args.n:,}")
    timed("bulk insert (not the measured figure)", lambda: populate(engine, args.n))
    report = timed("licence_report by outcome,category (all parties)", lambda: licence_report(engine))
    print(f"  applications counted: {report.applications:,}; cells: {len(report.rows)}")
    huawei = timed(
        "licence_report --party Huawei by party,period",
        lambda: licence_report(engine, party="Huawei", by=("party", "period"), date_from=date(2021, 1, 1)),
    )
    print(f"  applications counted: {huawei.applications:,}; cells: {len(huawei.rows)}")
    timed("render CSV + JSON", lambda: (to_csv(report), to_json(report)))
    timed("render PNG chart", lambda: render_chart(report, "png"))


if __name__ == "__main__":
    main()
