"""Read side: as-of queries on real snapshots, and the snapshot-selection rule."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import Engine

from exportctl.lists.bundled import DATA_DIR
from exportctl.lists.ingest import import_file
from exportctl.lists.model import ListCode, ListEntry
from exportctl.lists.repository import (
    SnapshotInfo,
    current_snapshot_ids,
    entries_as_of,
    in_force_on,
    snapshot_for_date,
)

HUAWEI = "entity-list:huawei-technologies-co-ltd@cn"


def test_huawei_is_in_the_entity_list_only_from_its_listing_date(engine: Engine) -> None:
    snap = import_file(engine, "entity-list", DATA_DIR / "entity_list.csv")
    before = entries_as_of(engine, date(2019, 1, 1))
    after = entries_as_of(engine, date(2019, 6, 1))
    assert HUAWEI not in {e.entry_id for e in before.entries}
    assert HUAWEI in {e.entry_id for e in after.entries}
    assert before.snapshots["entity-list"].id == snap.snapshot_id
    assert any("no snapshot in force on 2019-01-01" in note for note in before.notes)
    assert len(before.entries) < len(after.entries) < snap.entry_count + 1


def test_the_snapshot_in_force_is_used_per_source(engine: Engine) -> None:
    old = import_file(engine, "dpl", DATA_DIR / "dpl.txt")  # effective 2022-09-02
    new = import_file(engine, "dpl", DATA_DIR / "denied_persons_list.csv")  # effective 2026-04-14
    meu = import_file(engine, "meu", DATA_DIR / "military_end_user_list.csv")
    in_2024 = entries_as_of(engine, date(2024, 1, 1), sources=["dpl"])
    assert in_2024.snapshots["dpl"].id == old.snapshot_id
    assert {e.source for e in in_2024.entries} == {"dpl"}
    assert "dpl:aaron-abraham-villa" in {e.entry_id for e in in_2024.entries}
    # The order against Aaron Abraham Villa expired on 2026-01-14; the 2022 snapshot is still the one in force.
    in_feb_2026 = entries_as_of(engine, date(2026, 2, 1), sources=["dpl"])
    assert "dpl:aaron-abraham-villa" not in {e.entry_id for e in in_feb_2026.entries}
    in_may_2026 = entries_as_of(engine, date(2026, 5, 1))
    assert in_may_2026.snapshots["dpl"].id == new.snapshot_id
    assert in_may_2026.snapshots["meu"].id == meu.snapshot_id
    assert current_snapshot_ids(engine) == {"dpl": new.snapshot_id, "meu": meu.snapshot_id}
    assert entries_as_of(engine, date(2026, 5, 1), sources=["un"]).notes == ("un: never imported",)


def _snap(snapshot_id: int, effective: date | None, imported: date = date(2026, 11, 1)) -> SnapshotInfo:
    return SnapshotInfo(
        id=snapshot_id,
        source="dpl",
        imported_at=datetime(imported.year, imported.month, imported.day, tzinfo=UTC),
        effective_date=effective,
        content_hash="",
        file_name="f",
        entry_count=0,
        counts_by_list={},
        is_current=False,
    )


def test_snapshot_selection_rule() -> None:
    snaps = [_snap(1, date(2022, 9, 2)), _snap(2, date(2026, 4, 14)), _snap(3, date(2024, 1, 1))]
    assert snapshot_for_date(snaps, date(2025, 1, 1)) == (snaps[2], None)  # latest in force, not latest imported
    assert snapshot_for_date(snaps, date(2026, 4, 14))[0].id == 2
    chosen, note = snapshot_for_date(snaps, date(2020, 1, 1))
    assert chosen.id == 1 and note and "no snapshot in force" in note
    undated, note = snapshot_for_date([_snap(4, None, imported=date(2026, 11, 1))], date(2026, 12, 1))
    assert undated.id == 4 and note and "import date stands in" in note


@pytest.mark.parametrize(
    ("listed_on", "removed_on", "on", "expected"),
    [
        (date(2019, 5, 21), None, date(2019, 5, 21), True),
        (date(2019, 5, 21), None, date(2019, 5, 20), False),
        (None, None, date(1990, 1, 1), True),  # unknown listing date: kept (and noted by entries_as_of)
        (date(2000, 1, 1), date(2026, 1, 14), date(2026, 1, 14), True),
        (date(2000, 1, 1), date(2026, 1, 14), date(2026, 1, 15), False),
    ],
)
def test_in_force_on(listed_on: date | None, removed_on: date | None, on: date, expected: bool) -> None:
    entry = ListEntry("dpl", "x", ListCode.DPL, "X", listed_on=listed_on, removed_on=removed_on)
    assert in_force_on(entry, on) is expected
