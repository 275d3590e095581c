"""History on the two real Denied Persons List snapshots: the 2022 tab export and the 2026 CSV.

The concrete entries below were checked by reading both files:
* AARON ABRAHAM VILLA: dpl.txt line 3 (effective 08/24/2022, expires 01/14/2026, 87 F.R. 52741); absent from the
  2026 CSV → removed.
* AIDEN DAVIDSON: only in the 2026 CSV (effective 2023-03-21, 88 F.R. 17800) → added.
* ABDIEL PADRON MADRID: in both; the tab file leaves Country empty, the CSV says "United States" → changed
  (country None → US), same FR citation 87 F.R. 9030.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import Engine

from exportctl.errors import InputError, NotFoundError
from exportctl.lists.bundled import DATA_DIR
from exportctl.lists.history import ListedStatus, diff, history, was_listed
from exportctl.lists.ingest import import_file
from exportctl.lists.repository import SnapshotInfo, snapshots
from exportctl.lists.sources import get_parser
from exportctl.store.db import make_engine, upgrade
from tests.conftest import PostgresServer

AARON = "dpl:aaron-abraham-villa"
AIDEN = "dpl:aiden-davidson"
ABDIEL = "dpl:abdiel-padron-madrid"


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def dpl_engine(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """One database per backend for this module's read-only tests, holding both DPL snapshots."""
    server: PostgresServer | None = None
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('dpl') / 'exportctl.sqlite3'}"
    else:
        server = request.getfixturevalue("postgres_server")
        name = server.create_database()
        url = server.url(name)
    engine = make_engine(url)
    upgrade(engine)
    import_file(engine, "dpl", DATA_DIR / "dpl.txt")
    import_file(engine, "dpl", DATA_DIR / "denied_persons_list.csv")
    yield engine
    engine.dispose()
    if server is not None:
        server.drop_database(name)


@pytest.fixture
def dpl_snapshots(dpl_engine: Engine) -> tuple[SnapshotInfo, SnapshotInfo]:
    old, new = snapshots(dpl_engine, "dpl")
    return old, new


def test_diff_of_the_two_dpl_snapshots(dpl_engine: Engine, dpl_snapshots: tuple[SnapshotInfo, SnapshotInfo]) -> None:
    old, new = dpl_snapshots
    result = diff(dpl_engine, "dpl")  # default: the snapshot before the current one → the current one
    assert (result.from_snapshot.id, result.to_snapshot.id) == (old.id, new.id)
    added = {e.entry_id for e in result.added}
    removed = {e.entry_id for e in result.removed}
    changed = {c.entry_id: c for c in result.changed}
    assert AIDEN in added and AARON in removed and ABDIEL in changed
    fields = {c.field: (c.before, c.after) for c in changed[ABDIEL].changes}
    assert fields["country"] == (None, "US")
    assert "federal_register_citations" not in fields  # same citation in both files
    # Every entry is accounted for exactly once on each side.
    assert len(added) + len(changed) + result.unchanged_count == new.entry_count == 564
    assert len(removed) + len(changed) + result.unchanged_count == old.entry_count == 581
    # And the store agrees with the parser about identities.
    parser = get_parser("dpl")
    ids_2022 = {e.entry_id for e in parser.parse(DATA_DIR / "dpl.txt")}
    ids_2026 = {e.entry_id for e in parser.parse(DATA_DIR / "denied_persons_list.csv")}
    assert added == ids_2026 - ids_2022 and removed == ids_2022 - ids_2026


def test_diff_backwards_swaps_added_and_removed(
    dpl_engine: Engine, dpl_snapshots: tuple[SnapshotInfo, SnapshotInfo]
) -> None:
    old, new = dpl_snapshots
    backwards = diff(dpl_engine, "dpl", from_snapshot=new.id, to_snapshot=old.id)
    assert AARON in {e.entry_id for e in backwards.added}
    assert AIDEN in {e.entry_id for e in backwards.removed}


def test_diff_needs_two_snapshots_of_the_same_source(engine: Engine) -> None:
    dpl = import_file(engine, "dpl", DATA_DIR / "dpl.txt")
    with pytest.raises(NotFoundError, match="no snapshot before"):
        diff(engine, "dpl")
    el = import_file(engine, "meu", DATA_DIR / "military_end_user_list.csv")
    with pytest.raises(InputError, match="not dpl"):
        diff(engine, "dpl", from_snapshot=el.snapshot_id, to_snapshot=dpl.snapshot_id)
    with pytest.raises(NotFoundError):
        diff(engine, "un")


@pytest.mark.parametrize(
    ("query", "on", "listed", "because"),
    [
        ("Aaron Abraham Villa", date(2023, 1, 1), True, "effective 2022-08-24, expiry 2026-01-14"),
        ("aaron abraham-villa", date(2022, 1, 1), False, "after 2022-01-01"),  # before any file; FR cite of 2022
        (AARON, date(2026, 2, 1), False, "ended on 2026-01-14; absent from snapshot"),  # expired, then gone
        (AARON, date(2026, 6, 1), False, "not in snapshot"),  # gone from the 2026 list
        ("AIDEN DAVIDSON", date(2024, 1, 1), True, "effective 2023-03-21"),  # only the 2026 file has it
        ("AIDEN DAVIDSON", date(2023, 1, 1), False, "the file in force on 2023-01-01; per snapshot"),
        # renewed every six months since 2011: the 2022 file ends the order on 2022-11-09, the 2026 file has it from
        # 2025-10-27 to 2026-10-27; in between, no file says (unknown, not "not listed")
        ("SIRJANCO TRADING LLC", date(2026, 1, 15), True, "effective 2025-10-27, expiry 2026-10-27"),
        ("SIRJANCO TRADING LLC", date(2024, 1, 15), None, "ended on 2022-11-09"),
        ("SIRJANCO TRADING LLC", date(2015, 1, 15), None, "citations go back to 2011-08-31"),
        ("SIRJANCO TRADING LLC", date(2027, 1, 15), None, "no later file says whether it was renewed"),
    ],
)
def test_was_listed(
    dpl_engine: Engine,
    dpl_snapshots: tuple[SnapshotInfo, SnapshotInfo],
    query: str,
    on: date,
    listed: bool | None,
    because: str,
) -> None:
    answer = was_listed(dpl_engine, query, on)
    expected = {True: ListedStatus.LISTED, False: ListedStatus.NOT_LISTED, None: ListedStatus.UNKNOWN}[listed]
    assert answer.status is expected and answer.listed is (listed is True)
    assert because in answer.reason


def test_was_listed_with_an_unknown_name(dpl_engine: Engine, dpl_snapshots: tuple[SnapshotInfo, SnapshotInfo]) -> None:
    answer = was_listed(dpl_engine, "Nobody In Particular", date(2024, 1, 1))
    assert not answer.listed and answer.matches == ()
    assert "no snapshot" in answer.reason


def test_history_of_an_entry_that_expired(dpl_engine: Engine, dpl_snapshots: tuple[SnapshotInfo, SnapshotInfo]) -> None:
    old, new = dpl_snapshots
    events = history(dpl_engine, "aaron abraham villa")
    assert [(e.date, e.kind, e.snapshot_id) for e in events] == [
        (date(2022, 8, 24), "listed", None),
        (date(2022, 9, 2), "appeared", old.id),
        (date(2026, 1, 14), "removed", None),
        (date(2026, 4, 14), "disappeared", new.id),
    ]
    assert "87 F.R. 52741" in events[0].description


def test_history_of_a_changed_entry(dpl_engine: Engine, dpl_snapshots: tuple[SnapshotInfo, SnapshotInfo]) -> None:
    events = history(dpl_engine, ABDIEL)
    assert [e.kind for e in events] == ["listed", "appeared", "changed", "removed"]
    changed = events[2]
    assert ("country", None, "US") in [(c.field, c.before, c.after) for c in changed.changes]
    assert events[-1].date == date(2030, 6, 17)


def test_history_of_nothing_is_not_found(dpl_engine: Engine, dpl_snapshots: tuple[SnapshotInfo, SnapshotInfo]) -> None:
    with pytest.raises(NotFoundError):
        history(dpl_engine, "Nobody In Particular")
