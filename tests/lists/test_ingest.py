"""Import into the versioned store on SQLite and PostgreSQL, with the real bundled files."""

from __future__ import annotations

import shutil
import threading
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from exportctl.errors import ConflictError, FileFormatError, InputError, NotFoundError
from exportctl.lists.bundled import DATA_DIR
from exportctl.lists.ingest import ImportResult, import_file
from exportctl.lists.repository import (
    current_entries,
    current_snapshot_ids,
    get_entry,
    list_status,
    snapshots,
)
from exportctl.lists.snapshot_writes import start_snapshot
from exportctl.lists.sources import get_parser
from exportctl.store.lists_tables import ListEntryRow, ListSnapshot

DPL_2022 = DATA_DIR / "dpl.txt"
DPL_2026 = DATA_DIR / "denied_persons_list.csv"
ENTITY_LIST = DATA_DIR / "entity_list.csv"


def test_import_creates_a_current_snapshot_with_counts(engine: Engine) -> None:
    result = import_file(engine, "dpl", DPL_2022)
    assert not result.unchanged
    assert result.entry_count == 581 == len(list(get_parser("dpl").parse(DPL_2022)))
    assert result.counts_by_list == {"dpl": 581}
    assert result.effective_date == date(2022, 9, 2)
    assert current_snapshot_ids(engine) == {"dpl": result.snapshot_id}
    [status] = list_status(engine)
    assert (status.source, status.snapshot_id, status.entry_count) == ("dpl", result.snapshot_id, 581)
    assert status.effective_date == date(2022, 9, 2)
    assert status.imported_at.tzinfo is not None
    assert len(current_entries(engine)) == 581


def test_reimporting_an_identical_file_is_a_no_op_that_says_so(engine: Engine) -> None:
    first = import_file(engine, "dpl", DPL_2022)
    again = import_file(engine, "dpl", DPL_2022)
    assert again.unchanged
    assert again.snapshot_id == first.snapshot_id
    assert "identical to the current snapshot" in again.message
    assert len(snapshots(engine, "dpl")) == 1


def test_a_newer_file_becomes_current_and_the_old_snapshot_stays(engine: Engine) -> None:
    old = import_file(engine, "dpl", DPL_2022)
    new = import_file(engine, "dpl", DPL_2026)
    assert current_snapshot_ids(engine) == {"dpl": new.snapshot_id}
    assert [(s.id, s.is_current) for s in snapshots(engine, "dpl")] == [
        (old.snapshot_id, False),
        (new.snapshot_id, True),
    ]
    assert len(current_entries(engine)) == 564
    assert get_entry(engine, "dpl:aaron-abraham-villa", old.snapshot_id).primary_name == "AARON ABRAHAM VILLA"
    with pytest.raises(NotFoundError):
        get_entry(engine, "dpl:aaron-abraham-villa")  # expired in January 2026, gone from the 2026 list


def test_entries_round_trip_through_the_store_unchanged(engine: Engine) -> None:
    import_file(engine, "entity-list", ENTITY_LIST)
    parsed = {e.entry_id: e for e in get_parser("entity-list").parse(ENTITY_LIST)}
    stored = {e.entry_id: e for e in current_entries(engine)}
    assert stored == parsed
    huawei = get_entry(engine, "entity-list:huawei-technologies-co-ltd@cn")
    assert huawei.raw == parsed[huawei.entry_id].raw
    assert huawei.federal_register_citations == ("84 FR 22963, 5/21/19",)
    assert huawei.license_review_policy is None  # unknown in our source, never invented


def test_a_malformed_file_lists_every_problem_and_keeps_the_current_snapshot(engine: Engine, tmp_path: Path) -> None:
    good = import_file(engine, "dpl", DPL_2022)
    lines = DPL_2022.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[5] = lines[5].rsplit("\t", 1)[0] + "\n"  # a row one column short
    lines[9] = lines[9].rstrip("\n") + '\t"extra"\n'  # a row one column too long
    broken = tmp_path / "dpl.txt"
    broken.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(FileFormatError) as caught:
        import_file(engine, "dpl", broken)
    assert {p.line for p in caught.value.problems} >= {6, 10}
    assert current_snapshot_ids(engine) == {"dpl": good.snapshot_id}
    assert _snapshot_rows(engine) == 1


def test_missing_path_and_unknown_source_are_input_errors(engine: Engine, tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match="no such file"):
        import_file(engine, "dpl", tmp_path / "missing.txt")
    with pytest.raises(FileFormatError, match="folder"):
        import_file(engine, "ofac-sdn", DPL_2022)
    with pytest.raises(InputError, match="unknown source"):
        import_file(engine, "nope", DPL_2022)
    assert _snapshot_rows(engine) == 0


def test_a_file_of_another_source_is_refused(engine: Engine, tmp_path: Path) -> None:
    copy = tmp_path / "el.csv"
    shutil.copy(ENTITY_LIST, copy)
    with pytest.raises(FileFormatError):
        import_file(engine, "dpl", copy)  # wrong header for the DPL parser
    assert current_snapshot_ids(engine) == {}


def test_a_leftover_loading_snapshot_is_never_read_and_is_cleaned_by_the_next_import(engine: Engine) -> None:
    good = import_file(engine, "dpl", DPL_2022)
    leftover = start_snapshot(engine, "dpl", "dpl.txt", "0" * 64, date(2030, 1, 1), {"dpl": 9})  # as a killed run
    assert [s.id for s in snapshots(engine, "dpl")] == [good.snapshot_id]
    assert list_status(engine)[0].snapshot_id == good.snapshot_id
    with pytest.raises(NotFoundError):
        get_entry(engine, "dpl:aaron-abraham-villa", leftover)
    new = import_file(engine, "dpl", DPL_2026)
    with engine.connect() as connection:
        ids = set(connection.scalars(select(ListSnapshot.id)))
    assert ids == {good.snapshot_id, new.snapshot_id}


def _snapshot_rows(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.scalar(select(func.count()).select_from(ListSnapshot)) or 0)


def test_a_file_without_entries_never_replaces_the_list(engine: Engine, tmp_path: Path) -> None:
    good = import_file(engine, "entity-list", ENTITY_LIST)
    header_only = tmp_path / "entity_list.csv"
    header_only.write_text(ENTITY_LIST.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    with pytest.raises(FileFormatError, match="no entries found"):
        import_file(engine, "entity-list", header_only)
    assert current_snapshot_ids(engine) == {"entity-list": good.snapshot_id}


def test_an_older_file_is_kept_as_history_without_turning_the_list_back(engine: Engine) -> None:
    new = import_file(engine, "dpl", DPL_2026)
    old = import_file(engine, "dpl", DPL_2022)
    assert new.is_current and not old.is_current
    assert "history only" in old.message
    assert current_snapshot_ids(engine) == {"dpl": new.snapshot_id}
    assert [s.id for s in snapshots(engine, "dpl")] == [new.snapshot_id, old.snapshot_id]
    forced = import_file(engine, "dpl", DPL_2022.parent / "dpl.txt", effective_date=date(2026, 11, 1))
    assert forced.unchanged is False and forced.is_current  # a later effective date given by hand wins


def test_concurrent_imports_of_one_source_leave_a_consistent_store(engine: Engine) -> None:
    outcomes: dict[str, object] = {}

    def run(path: Path) -> None:
        try:
            outcomes[path.name] = import_file(engine, "dpl", path)
        except ConflictError as error:  # the documented way to lose a race
            outcomes[path.name] = error

    threads = [threading.Thread(target=run, args=(p,)) for p in (DPL_2022, DPL_2026)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert set(outcomes) == {"dpl.txt", "denied_persons_list.csv"}
    complete = snapshots(engine, "dpl")
    assert complete, outcomes
    [current] = [s for s in complete if s.is_current]
    if isinstance(outcomes["denied_persons_list.csv"], ImportResult):
        assert current.file_name == "denied_persons_list.csv"  # the 2022 file never turns the list back
    with engine.connect() as connection:
        for snap in complete:
            rows = connection.scalar(
                select(func.count()).select_from(ListEntryRow).where(ListEntryRow.snapshot_id == snap.id)
            )
            assert rows == snap.entry_count
        loading = connection.scalar(
            select(func.count()).select_from(ListSnapshot).where(ListSnapshot.status == "loading")
        )
    assert loading == 0


def test_a_nul_character_is_refused_but_a_written_backslash_u0000_is_not(engine: Engine, tmp_path: Path) -> None:
    lines = DPL_2026.read_text(encoding="utf-8").splitlines(keepends=True)
    path = tmp_path / DPL_2026.name
    path.write_text("".join([lines[0], lines[1].replace("ADT", "A\x00DT", 1), *lines[2:]]), encoding="utf-8")
    with pytest.raises(FileFormatError) as caught:
        import_file(engine, "dpl", path)
    assert ["NUL" in p.message for p in caught.value.problems] == [True]
    assert current_snapshot_ids(engine) == {}
    path.write_text("".join([lines[0], lines[1].replace("ADT", "A\\u0000DT", 1), *lines[2:]]), encoding="utf-8")
    assert import_file(engine, "dpl", path).entry_count == 564


def test_a_nul_character_is_refused_before_anything_is_written(engine: Engine, tmp_path: Path) -> None:
    """PostgreSQL text cannot hold NUL and SQLite would store it silently: both refuse the file, naming the entry,
    and neither keeps a snapshot row or an entry of it."""
    lines = DPL_2022.read_text(encoding="utf-8").splitlines(keepends=True)
    poisoned = tmp_path / "dpl.txt"
    header, first, *rest = lines
    at = first.index('\t"') + 2  # inside the quoted street address of the first person
    poisoned.write_text(header + first[:at] + "\x00" + first[at:] + "".join(rest), encoding="utf-8")
    with pytest.raises(FileFormatError, match="NUL character") as refused:
        import_file(engine, "dpl", poisoned)
    assert [p.message for p in refused.value.problems if "NUL" in p.message] == [
        p.message for p in refused.value.problems
    ]
    assert snapshots(engine, "dpl") == [] and current_snapshot_ids(engine) == {}
    with engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(ListSnapshot)) == 0
        assert connection.scalar(select(func.count()).select_from(ListEntryRow)) == 0
