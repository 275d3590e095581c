"""Read side of the versioned list store, used by screening, determination, reports and the interfaces.

Entries (current, of given snapshots, as of a date) live here; the snapshot queries (status, snapshots, current
ids) live in :mod:`exportctl.lists.snapshot_queries` and are re-exported, so callers need only this module.
Only ``complete`` snapshots are ever read: a snapshot still ``loading`` (or left behind by a killed import) is
invisible.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine, select

from exportctl.errors import NotFoundError
from exportctl.lists.codec import entry_from_json
from exportctl.lists.model import ListEntry
from exportctl.lists.snapshot_queries import (
    SnapshotInfo,
    SourceStatus,
    current_snapshot_ids,
    get_snapshot,
    list_status,
    snapshots,
)
from exportctl.store.lists_tables import ListEntryRow

__all__ = [
    "AsOfEntries",
    "SnapshotInfo",
    "SourceStatus",
    "current_entries",
    "current_snapshot_ids",
    "entries_as_of",
    "entries_of_snapshots",
    "get_entry",
    "get_snapshot",
    "in_force_on",
    "list_status",
    "snapshot_for_date",
    "snapshots",
    "source_of",
]


def entries_of_snapshots(engine: Engine, snapshot_ids: Iterable[int]) -> list[ListEntry]:
    """Every entry of the given snapshots, in snapshot then entry-id order."""
    ids = sorted(set(snapshot_ids))
    if not ids:
        return []
    query = (
        select(ListEntryRow.data)
        .where(ListEntryRow.snapshot_id.in_(ids))
        .order_by(ListEntryRow.snapshot_id, ListEntryRow.entry_id)
    )
    with engine.connect() as connection:
        return [entry_from_json(data) for data in connection.scalars(query)]


def current_entries(engine: Engine, sources: Iterable[str] | None = None) -> list[ListEntry]:
    """Every entry of the current snapshot of each source (or of the given sources)."""
    current = current_snapshot_ids(engine)
    wanted = current if sources is None else {s: current[s] for s in sources if s in current}
    return entries_of_snapshots(engine, wanted.values())


def source_of(entry_id: str) -> str:
    """``"entity-list:huawei…"`` → ``"entity-list"``."""
    source, sep, _ = entry_id.partition(":")
    if not sep:
        raise NotFoundError(f"{entry_id!r} is not an entry id (expected SOURCE:SOURCE_ID)")
    return source


def get_entry(engine: Engine, entry_id: str, snapshot_id: int | None = None) -> ListEntry:
    """One entry from ``snapshot_id``, or from the current snapshot of its source."""
    if snapshot_id is None:
        snapshot_id = current_snapshot_ids(engine).get(source_of(entry_id))
        if snapshot_id is None:
            raise NotFoundError(f"no current snapshot holds {entry_id!r} (source not imported)")
    query = select(ListEntryRow.data).where(ListEntryRow.snapshot_id == snapshot_id, ListEntryRow.entry_id == entry_id)
    with engine.connect() as connection:
        data = connection.scalar(query)
    if data is None:
        raise NotFoundError(f"entry {entry_id!r} is not in snapshot {snapshot_id}")
    return entry_from_json(data)


@dataclass(frozen=True)
class AsOfEntries:
    """The entries in force on ``as_of``, the snapshot used for each source, and a note on every assumption."""

    as_of: date
    entries: list[ListEntry]
    snapshots: dict[str, SnapshotInfo]
    notes: tuple[str, ...]


def snapshot_for_date(source_snapshots: list[SnapshotInfo], as_of: date) -> tuple[SnapshotInfo, str | None]:
    """The snapshot that speaks for ``as_of``: the latest in force on that date, else the earliest (with a note).

    "Latest" orders by the date a snapshot speaks for (effective date, else import date), then by import order.
    """
    ordered = sorted(source_snapshots, key=lambda s: (s.in_force_from, s.id))
    in_force = [s for s in ordered if s.in_force_from <= as_of]
    notes = []
    if in_force:
        chosen = in_force[-1]
    else:
        chosen = ordered[0]
        notes.append(
            f"{chosen.source}: no snapshot in force on {as_of} (the earliest, snapshot {chosen.id}, is of "
            f"{chosen.in_force_from}); used it, keeping only entries listed by {as_of}"
        )
    if chosen.effective_date is None:
        notes.append(f"{chosen.source}: snapshot {chosen.id} has no effective date; its import date stands in")
    return chosen, "; ".join(notes) or None


def in_force_on(entry: ListEntry, as_of: date) -> bool:
    """Listed by ``as_of`` (unknown listing date counts as listed) and not removed before it."""
    listed = entry.listed_on is None or entry.listed_on <= as_of
    return listed and not (entry.removed_on is not None and entry.removed_on < as_of)


def entries_as_of(engine: Engine, as_of: date, sources: Iterable[str] | None = None) -> AsOfEntries:
    """The entries in force on ``as_of``, per source from :func:`snapshot_for_date`, filtered by :func:`in_force_on`.

    Example: the Entity List snapshot is from 2026, but Huawei's listing date is 2019-05-21, so Huawei is absent
    as of 2019-01-01 and present as of 2019-06-01.
    """
    by_source: dict[str, list[SnapshotInfo]] = {}
    for snap in snapshots(engine):
        by_source.setdefault(snap.source, []).append(snap)
    wanted = sorted(by_source) if sources is None else [s for s in sources if s in by_source]
    notes: list[str] = []
    chosen: dict[str, SnapshotInfo] = {}
    for source in wanted:
        chosen[source], note = snapshot_for_date(by_source[source], as_of)
        if note:
            notes.append(note)
    if sources is not None:
        notes.extend(f"{s}: never imported" for s in sources if s not in by_source)
    entries = [e for e in entries_of_snapshots(engine, (s.id for s in chosen.values())) if in_force_on(e, as_of)]
    undated: dict[str, int] = {}
    for entry in entries:
        if entry.listed_on is None:
            undated[entry.source] = undated.get(entry.source, 0) + 1
    notes.extend(
        f"{source}: {count} entries have no known listing date and are kept"
        for source, count in sorted(undated.items())
    )
    return AsOfEntries(as_of=as_of, entries=entries, snapshots=chosen, notes=tuple(notes))
