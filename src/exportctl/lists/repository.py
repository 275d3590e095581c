"""Read side of the versioned list store, used by screening, determination, reports and the interfaces.

Only ``complete`` snapshots are ever read: a snapshot still ``loading`` (or left behind by a killed import) is
invisible here. "Current" means the snapshot that ``list_current`` points at for a source.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from exportctl.errors import NotFoundError
from exportctl.lists.codec import entry_from_json
from exportctl.lists.model import ListEntry
from exportctl.store.lists_tables import SNAPSHOT_COMPLETE, ListCurrent, ListEntryRow, ListSnapshot


@dataclass(frozen=True)
class SnapshotInfo:
    """One complete import of one source."""

    id: int
    source: str
    imported_at: datetime
    effective_date: date | None  # None: the file does not say; date rules then use the import date
    content_hash: str
    file_name: str
    entry_count: int
    counts_by_list: dict[str, int]
    is_current: bool

    @property
    def in_force_from(self) -> date:
        """The date this snapshot speaks for: its effective date, else the day it was imported."""
        return self.effective_date or self.imported_at.date()


@dataclass(frozen=True)
class SourceStatus:
    """What ``exportctl lists status`` shows for one source."""

    source: str
    snapshot_id: int
    effective_date: date | None
    imported_at: datetime
    entry_count: int
    counts_by_list: dict[str, int]
    file_name: str
    snapshot_count: int


def _info(snap: ListSnapshot, current_ids: Iterable[int]) -> SnapshotInfo:
    return SnapshotInfo(
        id=snap.id,
        source=snap.source,
        # SQLite returns naive datetimes; every import time is stored in UTC.
        imported_at=snap.imported_at if snap.imported_at.tzinfo else snap.imported_at.replace(tzinfo=UTC),
        effective_date=snap.effective_date,
        content_hash=snap.content_hash,
        file_name=snap.file_name,
        entry_count=snap.entry_count,
        counts_by_list=dict(snap.counts_by_list),
        is_current=snap.id in set(current_ids),
    )


def current_snapshot_ids(engine: Engine) -> dict[str, int]:
    """``{source: current snapshot id}``; screening keys its index cache on this."""
    with engine.connect() as connection:
        rows = connection.execute(select(ListCurrent.source, ListCurrent.snapshot_id)).all()
    return {source: snapshot_id for source, snapshot_id in rows}


def snapshots(engine: Engine, source: str | None = None) -> list[SnapshotInfo]:
    """Every complete snapshot (of ``source``, or of all sources), in import order."""
    query = select(ListSnapshot).where(ListSnapshot.status == SNAPSHOT_COMPLETE).order_by(ListSnapshot.id)
    if source is not None:
        query = query.where(ListSnapshot.source == source)
    current = set(current_snapshot_ids(engine).values())
    with Session(engine) as session:
        return [_info(snap, current) for snap in session.scalars(query)]


def get_snapshot(engine: Engine, snapshot_id: int) -> SnapshotInfo:
    """One complete snapshot by id (NotFoundError otherwise)."""
    with Session(engine) as session:
        snap = session.get(ListSnapshot, snapshot_id)
        if snap is None or snap.status != SNAPSHOT_COMPLETE:
            raise NotFoundError(f"no list snapshot with id {snapshot_id}")
        return _info(snap, current_snapshot_ids(engine).values())


def list_status(engine: Engine) -> list[SourceStatus]:
    """Per source with a current snapshot: that snapshot's dates and counts, and how many snapshots exist."""
    all_snapshots = snapshots(engine)
    statuses = []
    for snap in all_snapshots:
        if snap.is_current:
            statuses.append(
                SourceStatus(
                    source=snap.source,
                    snapshot_id=snap.id,
                    effective_date=snap.effective_date,
                    imported_at=snap.imported_at,
                    entry_count=snap.entry_count,
                    counts_by_list=snap.counts_by_list,
                    file_name=snap.file_name,
                    snapshot_count=sum(1 for s in all_snapshots if s.source == snap.source),
                )
            )
    return sorted(statuses, key=lambda s: s.source)


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
