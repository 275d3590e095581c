"""A real ``kill -9`` of an import in the middle of writing leaves the previous snapshot current and the store
sound, on SQLite and PostgreSQL. The kill lands where the import signals that every entry is written and the
snapshot is not yet current (``lists.entries_written``, see ``tests/crash.py``), not after a guessed delay."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from exportctl.lists.bundled import DATA_DIR
from exportctl.lists.ingest import import_file
from exportctl.lists.repository import current_snapshot_ids, list_status, snapshots
from exportctl.store.lists_tables import SNAPSHOT_LOADING, ListEntryName, ListEntryRow, ListSnapshot
from tests.crash import kill_at

OFAC = DATA_DIR / "ofac_sdn"


def _older_ofac(tmp_path: Path) -> Path:
    """The bundled OFAC folder with fewer remarks: a real, different, valid earlier file set."""
    older = tmp_path / "ofac_older"
    shutil.copytree(OFAC, older)
    os.chmod(older / "sdn_comments.csv", 0o644)
    lines = (OFAC / "sdn_comments.csv").read_bytes().splitlines(keepends=True)
    (older / "sdn_comments.csv").write_bytes(b"".join(lines[:2]))
    return older


def _counts(engine: Engine, snapshot_id: int) -> tuple[int, int]:
    with engine.connect() as connection:
        entries = connection.scalar(
            select(func.count()).select_from(ListEntryRow).where(ListEntryRow.snapshot_id == snapshot_id)
        )
        names = connection.scalar(
            select(func.count()).select_from(ListEntryName).where(ListEntryName.snapshot_id == snapshot_id)
        )
    return int(entries or 0), int(names or 0)


def _loading_ids(engine: Engine) -> list[int]:
    with engine.connect() as connection:
        return list(connection.scalars(select(ListSnapshot.id).where(ListSnapshot.status == SNAPSHOT_LOADING)))


@pytest.mark.slow
def test_kill_9_during_the_write_keeps_the_previous_snapshot(engine: Engine, tmp_path: Path) -> None:
    previous = import_file(engine, "ofac-sdn", _older_ofac(tmp_path))
    before = _counts(engine, previous.snapshot_id)
    assert before[0] == previous.entry_count == 8976

    url = engine.url.render_as_string(hide_password=False)
    command = [sys.executable, "-m", "exportctl.cli.main", "lists", "import", "--source", "ofac-sdn", str(OFAC)]
    kill_at("lists.entries_written", command, tmp_path, env={"EXPORTCTL_DATABASE_URL": url})
    engine.dispose()  # PostgreSQL: the server ends the killed session and rolls its transaction back

    killed = _loading_ids(engine)
    assert len(killed) == 1, "the killed import left its loading row: it died before committing"
    assert current_snapshot_ids(engine) == {"ofac-sdn": previous.snapshot_id}
    assert [s.id for s in snapshots(engine, "ofac-sdn")] == [previous.snapshot_id]
    assert list_status(engine)[0].entry_count == 8976
    assert _counts(engine, previous.snapshot_id) == before
    assert _counts(engine, killed[0]) == (0, 0)  # the uncommitted rows vanished with the process
    if engine.dialect.name == "sqlite":
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            assert connection.exec_driver_sql("PRAGMA foreign_key_check").all() == []

    again = import_file(engine, "ofac-sdn", OFAC)
    assert not again.unchanged
    assert current_snapshot_ids(engine) == {"ofac-sdn": again.snapshot_id}
    assert _loading_ids(engine) == []  # the leftover was cleaned up
    assert _counts(engine, again.snapshot_id)[0] == 8976
