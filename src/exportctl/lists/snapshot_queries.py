"""Snapshots of the versioned list store: which exist, which is current per source, and the status table.

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
from exportctl.store.lists_tables import SNAPSHOT_COMPLETE, ListCurrent, ListSnapshot, ListUpdateCheck


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
class LastChecks:
    """A source's ``lists update`` checks: the latest one (when, result, message) and when one last changed it."""

    checked_at: datetime
    result: str  # changed, unchanged, not-modified, failed
    message: str
    changed_at: datetime | None


@dataclass(frozen=True)
class SourceStatus:
    """What ``exportctl lists status`` shows for one source; ``checks`` is None when it was never updated."""

    source: str
    snapshot_id: int
    effective_date: date | None
    imported_at: datetime
    entry_count: int
    counts_by_list: dict[str, int]
    file_name: str
    snapshot_count: int
    checks: LastChecks | None = None


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
    checks = last_checks(engine)
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
                    checks=checks.get(snap.source),
                )
            )
    return sorted(statuses, key=lambda s: s.source)


def last_checks(engine: Engine) -> dict[str, LastChecks]:
    """Per source ever checked by ``lists update``: its latest check and the time of its latest change."""
    found: dict[str, LastChecks] = {}
    with engine.connect() as connection:
        for row in connection.execute(select(ListUpdateCheck).order_by(ListUpdateCheck.id)):
            at = row.checked_at if row.checked_at.tzinfo else row.checked_at.replace(tzinfo=UTC)
            before = found.get(row.source)
            changed_at = at if row.result == "changed" else (before.changed_at if before else None)
            found[row.source] = LastChecks(at, row.result, row.message, changed_at)
    return found
