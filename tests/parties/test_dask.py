"""A register run on Dask (a LocalCluster in this process) gives exactly the alerts of a local run, on SQLite and
PostgreSQL: the first (full) run, then a delta run after an entry changed and parties were added; the partitions
are small so several tasks finish in any order. The progress callback is fed as partitions finish."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from exportctl.lists.ingest import import_file
from exportctl.parties import PartyData, rescreen
from exportctl.parties import distributed as register_dask
from exportctl.store.db import session_scope
from exportctl.store.parties_tables import PartyAlert, RegisterParty
from tests.parties.conftest import AS_OF, LISTED, Orgs, add, amended_dpl

REGISTER = [
    PartyData("a", LISTED, country="US"),
    PartyData("b", LISTED, country="US"),  # the same name as "a": screened once, an alert each
    PartyData("c", "Aaron Abraham Villa", country="US"),
    PartyData("d", "Nordwind Feinmechanik GmbH", country="DE"),
    PartyData("e", "Saidi Abdul", country="US"),
    PartyData("f", "Aaron James Hicks"),
    PartyData("g", "Hicks Aaron Trading", country="US"),
]
LATER = [PartyData("h", "Abdul M. Saidi", country="US"), PartyData("d", "Nordwind Feinmechanik AG", country="DE")]


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=":0") as cluster:
        yield str(cluster.scheduler_address)


def _alerts(engine: Engine, org: int) -> dict[tuple[str, str], tuple[Any, ...]]:
    with session_scope(engine) as s:
        rows = s.query(RegisterParty.external_id, PartyAlert).join(
            RegisterParty, RegisterParty.id == PartyAlert.party_id
        )
        return {
            (pid, a.entry_key): (a.state, a.still_matching, a.score, a.query_name, a.matched_name, a.explanation)
            for pid, a in rows.filter(PartyAlert.organisation_id == org)
        }


def test_dask_run_gives_the_local_alerts(
    dpl_engine: Engine, orgs: Orgs, scheduler: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(register_dask, "PARTITION_PARTIES", 2)
    add(dpl_engine, orgs.chips, *REGISTER)
    add(dpl_engine, orgs.other, *REGISTER)
    local = rescreen(dpl_engine, organisation_id=orgs.chips, as_of=AS_OF)
    calls: list[tuple[str, int, int]] = []
    remote = rescreen(
        dpl_engine, organisation_id=orgs.other, as_of=AS_OF, scheduler=scheduler, progress=lambda *c: calls.append(c)
    )
    assert (local.kind, remote.kind) == ("full", "full") and local.alerts_opened == remote.alerts_opened >= 3
    assert _alerts(dpl_engine, orgs.chips) == _alerts(dpl_engine, orgs.other)
    assert {"a", "b"} <= {pid for pid, _ in _alerts(dpl_engine, orgs.other)}
    assert calls[-1] == ("parties", len(REGISTER), len(REGISTER)) and len(calls) == 4  # 4 partitions of <= 2

    import_file(dpl_engine, "dpl", amended_dpl(tmp_path))
    add(dpl_engine, orgs.chips, *LATER)
    add(dpl_engine, orgs.other, *LATER)
    local = rescreen(dpl_engine, organisation_id=orgs.chips, as_of=AS_OF)
    remote = rescreen(dpl_engine, organisation_id=orgs.other, as_of=AS_OF, scheduler=scheduler)
    assert (local.kind, local.parties_screened, local.entries_changed) == ("delta", 2, 1)
    assert (remote.parties_screened, remote.entries_changed, remote.candidate_parties) == (
        local.parties_screened,
        local.entries_changed,
        local.candidate_parties,
    )
    assert _alerts(dpl_engine, orgs.chips) == _alerts(dpl_engine, orgs.other)


def test_progress_of_a_local_run_counts_distinct_names(dpl_engine: Engine, orgs: Orgs) -> None:
    add(dpl_engine, orgs.chips, *REGISTER)
    calls: list[tuple[str, int, int]] = []
    report = rescreen(dpl_engine, organisation_id=orgs.chips, as_of=AS_OF, progress=lambda *c: calls.append(c))
    assert calls == [("parties", len(REGISTER) - 1, len(REGISTER) - 1)]  # "a" and "b" share one screened name
    alerted = {pid for pid, _ in _alerts(dpl_engine, orgs.chips)}
    assert {"a", "b"} <= alerted and report.alerts_opened >= 3


def test_an_unreachable_scheduler_writes_nothing(dpl_engine: Engine, orgs: Orgs) -> None:
    from exportctl.errors import ExportctlError

    add(dpl_engine, orgs.chips, *REGISTER)
    with pytest.raises(ExportctlError, match="cannot use the Dask scheduler"):
        rescreen(dpl_engine, organisation_id=orgs.chips, as_of=AS_OF, scheduler="tcp://127.0.0.1:9")
    assert _alerts(dpl_engine, orgs.chips) == {}
