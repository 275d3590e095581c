"""Counterparty register benchmark (issue 15): first screening of a register, a delta run after 1 % of the entries
changed, and the alert queue query with 100,000 alerts.

Set-up (not timed): a SQLite file with every bundled list imported, and a register of ``N`` parties (default
100,000; ``python benchmarks/parties_rescreen.py 20000 [DATABASE_URL]`` for a smaller run, on a database that
already holds the bundled lists). The register is synthetic: 98 % company
names made of words of listed names that are on no list (the usual customer), 2 % listed names with a word dropped
or reordered (the ones that should raise alerts). Steps:

1. the as-of index of today's entries (built once per snapshot set and date, cached: reported apart);
2. the first (full) run: every party against every entry, alerts written in one transaction;
3. a delta run after 1 % of the in-force entries "changed": the organisation's entry marks of a random 1 % are
   removed, which is exactly what a changed fingerprint does to the delta (those entries are screened against the
   register's candidate parties); the 1,000,000-party figure is extrapolated linearly from it (every per-party cost
   of a delta run — reading the register, finding candidates, screening them — grows with the register; the
   index load does not), not measured;
4. the alert queue: 100,000 alerts in the table, the newest 50 open ones, the newest 50 of every state, and the
   page 50,000 open alerts deep, by cursor (``after_id``, what the API's ``next_after`` and the pages' links use)
   and by offset, through the library call the API route makes (``list_alerts`` + JSON), p50 of 20 calls.
   ``python benchmarks/parties_rescreen.py alerts [DATABASE_URL]`` runs this step alone (a 2,000-party register,
   no lists needed).

Wall and CPU times are printed; on the shared 2-core machine wall time is inflated by other work.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, delete, insert, select

from exportctl.clock import UTC_CLOCK
from exportctl.determination.list_index import PROCESS_INDEXES
from exportctl.licensing.organisations import create_organisation
from exportctl.lists.ingest import import_bundled
from exportctl.lists.repository import current_snapshot_ids
from exportctl.parties import AlertState, PartyData, list_alerts, rescreen, upsert_parties
from exportctl.store.db import make_engine, session_scope, upgrade
from exportctl.store.parties_tables import PartyAlert, PartyEntryMark, RegisterParty

LAST_CPU = [0.0]


def _timed(label: str, fn, *args, **kwargs):  # type: ignore[no-untyped-def]
    cpu, wall = time.process_time(), time.perf_counter()
    result = fn(*args, **kwargs)
    LAST_CPU[0] = time.process_time() - cpu
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    wall = time.perf_counter() - wall
    print(f"{label}: {wall:.1f} s wall, {LAST_CPU[0]:.1f} s CPU (load average {load})", flush=True)
    return result


def _register(names: list[str], count: int) -> list[PartyData]:
    rng = random.Random(20261203)
    words = [w for name in names for w in name.split() if w.isalpha() and len(w) > 3]
    parties: list[PartyData] = []
    for i in range(count):
        if rng.random() < 0.02:
            parts = rng.choice(names).split()
            if len(parts) > 2:
                parts.pop(rng.randrange(len(parts)))
            rng.shuffle(parts)
            name = " ".join(parts)
        else:
            name = " ".join(rng.sample(words, rng.randint(2, 3))) + rng.choice(["", " Ltd", " GmbH", " Inc."])
        parties.append(PartyData(f"p{i}", name[:400] or f"party {i}", country=rng.choice(["DE", "US", "CN", "FR"])))
    return parties


def main(count: int, url: str | None, scheduler: str | None = None) -> None:
    engine = _engine(url)
    if not current_snapshot_ids(engine):
        _timed("import bundled lists (set-up)", import_bundled, engine)
    today = UTC_CLOCK.today()
    found = _timed("as-of index of today (built once, then cached)", PROCESS_INDEXES.in_force, engine, today)
    assert found is not None
    listed = [name for entry in found.index.entries for name in entry.names]
    print(f"entries in force {today}: {len(found.index.entries)}; register: {count} parties")
    with session_scope(engine) as s:
        org = create_organisation(s, f"Benchmark Exporter {time.time_ns()}", "exporter")
    register = _register(listed, count)
    with session_scope(engine) as s:
        _timed("register upsert (set-up)", upsert_parties, s, register, organisation_id=org)

    first = _timed("FIRST RUN (full)", rescreen, engine, organisation_id=org, as_of=today, scheduler=scheduler)
    print(f"  {json.dumps(first.to_json())}")
    print(f"  throughput {count / first.seconds:,.0f} parties/s wall, {count / LAST_CPU[0]:,.0f} parties/s per CPU "
          "second of this process (target: 100,000 in <= 60 s)")  # fmt: skip

    rng = random.Random(7)
    keys = [entry.entry_id for entry in found.index.entries]
    changed = rng.sample(keys, max(1, len(keys) // 100))
    with session_scope(engine) as s:
        for start in range(0, len(changed), 500):
            s.execute(
                delete(PartyEntryMark).where(
                    PartyEntryMark.organisation_id == org, PartyEntryMark.entry_key.in_(changed[start : start + 500])
                )
            )
    delta = _timed(
        "DELTA RUN (1 % of entries changed)", rescreen, engine, organisation_id=org, as_of=today, scheduler=scheduler
    )
    print(f"  {json.dumps(delta.to_json())}")
    print(
        f"  extrapolated to 1,000,000 parties: ~{delta.seconds * 1_000_000 / count / 60:.1f} min wall, "
        f"~{LAST_CPU[0] * 1_000_000 / count / 60:.1f} min CPU (linear; target <= 5 min)"
    )

    alert_list(engine, org)


def alert_list(engine: Engine, org: int) -> None:
    """Step 4: fill the organisation's alerts up to 100,000 rows and time the queue's pages."""
    with session_scope(engine) as s:
        party_ids = list(s.execute(select(RegisterParty.id).where(RegisterParty.organisation_id == org)).scalars())
        have = len(list(s.execute(select(PartyAlert.id).where(PartyAlert.organisation_id == org)).scalars()))
    now = datetime.now(UTC).replace(tzinfo=None)
    rows = [
        {
            "organisation_id": org,
            "party_id": party_ids[i % len(party_ids)],
            "entry_key": f"bench:{i}",
            "list_code": "dpl",
            "entry_name": "BENCHMARK ENTRY",
            "query_name": "benchmark",
            "matched_name": "bench",
            "score": 0.8,
            "explanation": {"features": []},
            "state": "open" if i % 3 else "cleared",
            "still_matching": True,
            "party_fingerprint": "0" * 64,
            "entry_fingerprint": "0" * 64,
            "matcher": "bench",
            "party_data": {},
            "entry_data": {},
            "created_at": now,
            "updated_at": now,
            "data_changed_at": now,
        }  # fmt: skip
        for i in range(max(0, 100_000 - have))
    ]
    with session_scope(engine) as s:
        for start in range(0, len(rows), 10_000):
            s.execute(insert(PartyAlert), rows[start : start + 10_000])
    with session_scope(engine) as s:
        open_ids = s.execute(
            select(PartyAlert.id)
            .where(PartyAlert.organisation_id == org, PartyAlert.state == AlertState.OPEN.value)
            .order_by(PartyAlert.id.desc())
            .offset(49_999)
            .limit(1)
        ).scalar_one()
    cases: list[tuple[str, list[AlertState] | None, dict[str, int]]] = [
        ("newest 50 open", [AlertState.OPEN], {}),
        ("newest 50 of every state", None, {}),
        ("open, 50,000 deep by cursor (after_id)", [AlertState.OPEN], {"after_id": open_ids}),
        ("open, offset 50,000", [AlertState.OPEN], {"offset": 50_000}),
    ]
    for label, states, paging in cases:
        times = []
        for _ in range(20):
            wall = time.perf_counter()
            with session_scope(engine) as s:
                page, total = list_alerts(s, organisation_id=org, states=states, limit=50, **paging)
                json.dumps([a.to_json() for a in page])
            times.append((time.perf_counter() - wall) * 1000)
        print(f"ALERT LIST {label}: p50 {statistics.median(times):.1f} ms, max {max(times):.1f} ms "
              f"({total:,} of 100,000; target <= 100 ms)")  # fmt: skip


def alerts_only(url: str | None) -> None:
    """Step 4 alone, on a fresh organisation with a 2,000-party synthetic register (no lists needed)."""
    engine = _engine(url)
    with session_scope(engine) as s:
        org = create_organisation(s, f"Benchmark Exporter {time.time_ns()}", "exporter")
        parties = [PartyData(f"p{i}", f"benchmark party {i}", country="DE") for i in range(2_000)]
        upsert_parties(s, parties, organisation_id=org)
    alert_list(engine, org)


def _engine(url: str | None) -> Engine:
    if url is None:
        directory = Path(tempfile.mkdtemp(prefix="exportctl-parties-bench-"))
        url = f"sqlite:///{directory / 'bench.sqlite3'}"
    engine = make_engine(url)
    upgrade(engine)
    return engine


if __name__ == "__main__":
    if sys.argv[1:2] == ["alerts"]:
        alerts_only(sys.argv[2] if len(sys.argv) > 2 else None)
    else:
        main(
            int(sys.argv[1]) if len(sys.argv) > 1 else 100_000,
            sys.argv[2] if len(sys.argv) > 2 and sys.argv[2] != "-" else None,
            os.environ.get("EXPORTCTL_DASK_SCHEDULER"),
        )
