"""The SQL of an import: the ``loading`` row, the entry rows, the flip of ``list_current``, clean-up.

Kept apart from :mod:`exportctl.lists.ingest` (which decides *what* to write and *when*) so the transaction
boundaries are easy to read: :func:`start_snapshot` commits on its own; :func:`write_entries` and
:func:`make_current` run inside the caller's single transaction.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, delete, insert, select, update
from sqlalchemy.orm import Session

from exportctl.errors import ConflictError
from exportctl.lists.codec import stored_forms
from exportctl.lists.identity import normalise_name
from exportctl.lists.model import ListEntry
from exportctl.store.lists_tables import (
    SNAPSHOT_COMPLETE,
    SNAPSHOT_LOADING,
    ListCurrent,
    ListEntryName,
    ListEntryRow,
    ListSnapshot,
)

_BATCH = 2_000


def content_hash(path: Path) -> str:
    """SHA-256 of the file's bytes; for a folder, of every file in it (name and bytes, in name order)."""
    digest = hashlib.sha256()
    files = sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path]
    for file in files:
        data = file.read_bytes()
        if path.is_dir():
            digest.update(f"{file.name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def current_snapshot(engine: Engine, source: str) -> ListSnapshot | None:
    query = select(ListSnapshot).join(ListCurrent, ListCurrent.snapshot_id == ListSnapshot.id)
    with Session(engine) as session:
        return session.scalars(query.where(ListCurrent.source == source)).first()


def snapshot_with_hash(engine: Engine, source: str, digest: str) -> ListSnapshot | None:
    """The latest complete snapshot of ``source`` whose content hash is ``digest``."""
    query = (
        select(ListSnapshot)
        .where(ListSnapshot.source == source, ListSnapshot.content_hash == digest)
        .where(ListSnapshot.status == SNAPSHOT_COMPLETE)
        .order_by(ListSnapshot.id.desc())
    )
    with Session(engine) as session:
        return session.scalars(query).first()


def start_snapshot(
    engine: Engine,
    source: str,
    file_name: str,
    digest: str,
    effective_date: date | None,
    counts: dict[str, int],
) -> int:
    """Commit a new ``loading`` snapshot row, removing what killed imports of ``source`` left behind.

    The insert comes first so that on SQLite the transaction takes the write lock at once (a read first would
    risk a lock upgrade failure under a concurrent writer). Leftovers are removed only while still ``loading``:
    on PostgreSQL an import running concurrently holds its row, and once it commits it is no longer ``loading``.
    """
    with engine.begin() as connection:
        snapshot_id = int(
            connection.execute(
                insert(ListSnapshot).returning(ListSnapshot.id),
                {
                    "source": source,
                    "status": SNAPSHOT_LOADING,
                    "imported_at": datetime.now(UTC),
                    "effective_date": effective_date,
                    "content_hash": digest,
                    "file_name": file_name,
                    "entry_count": sum(counts.values()),
                    "counts_by_list": counts,
                },
            ).scalar_one()
        )
        leftovers = select(ListSnapshot.id).where(
            ListSnapshot.source == source, ListSnapshot.status == SNAPSHOT_LOADING, ListSnapshot.id != snapshot_id
        )
        _delete_snapshots(connection, list(connection.scalars(leftovers)))
        return snapshot_id


def write_entries(
    connection: Connection,
    snapshot_id: int,
    entries: Sequence[ListEntry],
    forms: Sequence[tuple[str, str]] | None = None,
) -> None:
    """Insert every entry of the snapshot and each of its distinct normalised names, in batches.

    ``forms``: each entry's :func:`~exportctl.lists.codec.stored_forms`, when the caller already computed them.
    """
    all_forms = forms if forms is not None else [stored_forms(e) for e in entries]
    for start, batch in _batches(entries):
        rows = [_entry_row(snapshot_id, e, all_forms[start + i]) for i, e in enumerate(batch)]
        connection.execute(insert(ListEntryRow), rows)
        names = [
            {"snapshot_id": snapshot_id, "entry_id": e.entry_id, "normalised": name}
            for e in batch
            for name in dict.fromkeys(n for n in map(normalise_name, e.names) if n)
        ]
        if names:
            connection.execute(insert(ListEntryName), names)


def make_current(connection: Connection, source: str, snapshot_id: int, effective_date: date | None) -> int | None:
    """Mark the snapshot complete and, unless it is older than the current one, point ``list_current`` at it.

    Runs inside the caller's transaction. "Older" compares effective dates (both known): importing an old file
    adds history without turning the list back in time. Returns the snapshot that stays current instead, or None.
    """
    marked = connection.execute(
        update(ListSnapshot)
        .where(ListSnapshot.id == snapshot_id, ListSnapshot.status == SNAPSHOT_LOADING)
        .values(status=SNAPSHOT_COMPLETE)
    )
    if marked.rowcount != 1:
        raise ConflictError(f"snapshot {snapshot_id} was removed by a concurrent import of {source}")
    current = connection.execute(
        select(ListSnapshot.id, ListSnapshot.effective_date)
        .join(ListCurrent, ListCurrent.snapshot_id == ListSnapshot.id)
        .where(ListCurrent.source == source)
    ).first()
    if current is None:
        connection.execute(insert(ListCurrent), {"source": source, "snapshot_id": snapshot_id})
        return None
    if effective_date is not None and current.effective_date is not None and effective_date < current.effective_date:
        return int(current.id)
    connection.execute(update(ListCurrent).where(ListCurrent.source == source).values(snapshot_id=snapshot_id))
    return None


def discard_snapshot(engine: Engine, snapshot_id: int) -> None:
    """Best-effort removal of a snapshot that failed to load (a later import would remove it anyway)."""
    try:
        with engine.begin() as connection:
            status = connection.scalar(select(ListSnapshot.status).where(ListSnapshot.id == snapshot_id))
            if status == SNAPSHOT_LOADING:
                _delete_snapshots(connection, [snapshot_id])
    except Exception:  # noqa: BLE001 - the original error matters more; the leftover is harmless
        pass


def _delete_snapshots(connection: Connection, snapshot_ids: list[int]) -> None:
    if not snapshot_ids:
        return
    connection.execute(delete(ListEntryName).where(ListEntryName.snapshot_id.in_(snapshot_ids)))
    connection.execute(delete(ListEntryRow).where(ListEntryRow.snapshot_id.in_(snapshot_ids)))
    still_loading = ListSnapshot.status == SNAPSHOT_LOADING
    connection.execute(delete(ListSnapshot).where(ListSnapshot.id.in_(snapshot_ids), still_loading))


def _entry_row(snapshot_id: int, entry: ListEntry, form: tuple[str, str]) -> dict[str, object]:
    data, digest = form
    return {
        "snapshot_id": snapshot_id,
        "entry_id": entry.entry_id,
        "source_id": entry.source_id,
        "list_code": entry.list.value,
        "primary_name": entry.primary_name,
        "country": entry.country,
        "listed_on": entry.listed_on,
        "removed_on": entry.removed_on,
        "content_hash": digest,
        "data": data,
    }


def _batches(entries: Sequence[ListEntry]) -> Iterator[tuple[int, Sequence[ListEntry]]]:
    for start in range(0, len(entries), _BATCH):
        yield start, entries[start : start + _BATCH]
