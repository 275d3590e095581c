"""Whatever entries a snapshot is written with come back unchanged, on both backends (any Unicode text)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine

from exportctl.lists.codec import entry_to_json
from exportctl.lists.model import ListEntry
from exportctl.lists.repository import current_entries, current_snapshot_ids
from exportctl.lists.snapshot_writes import make_current, start_snapshot, write_entries
from tests.lists.test_codec import entries


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(entries, min_size=1, max_size=6, unique_by=lambda e: e.entry_id))
def test_written_entries_read_back_unchanged(engine: Engine, batch: list[ListEntry]) -> None:
    # Ingest refuses NUL characters (PostgreSQL text cannot hold them); see test_ingest.
    batch = [e for e in batch if "\\u0000" not in entry_to_json(e)]
    by_source: dict[str, list[ListEntry]] = {}
    for entry in batch:
        by_source.setdefault(entry.source, []).append(entry)
    for source, group in by_source.items():
        snapshot_id = start_snapshot(engine, source, "generated", "h", None, {"x": len(group)})
        with engine.begin() as connection:
            write_entries(connection, snapshot_id, group)
            make_current(connection, source, snapshot_id, None)
    stored = {e.entry_id: e for e in current_entries(engine, sources=by_source)}
    for entry in batch:
        assert stored[entry.entry_id] == entry
        assert stored[entry.entry_id].raw == entry.raw
    assert set(current_snapshot_ids(engine)) >= set(by_source)
