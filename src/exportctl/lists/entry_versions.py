"""Every version of an entry across snapshots, and which entries a query names.

A query names entries by id (``dpl:aaron-abraham-villa``) or by any of their names, compared after
``normalise_name`` (case, accents, scripts and punctuation folded) and exactly: fuzzy matching is screening's job.
"""

from __future__ import annotations

from sqlalchemy import Engine, select

from exportctl.lists.codec import entry_from_json
from exportctl.lists.identity import normalise_name
from exportctl.lists.model import ListEntry
from exportctl.lists.repository import SnapshotInfo, snapshots
from exportctl.store.lists_tables import SNAPSHOT_COMPLETE, ListEntryName, ListEntryRow, ListSnapshot


def chronological(source_snapshots: list[SnapshotInfo]) -> list[SnapshotInfo]:
    """Snapshots in the order of the dates they speak for, then import order."""
    return sorted(source_snapshots, key=lambda s: (s.in_force_from, s.id))


def matching_entry_ids(engine: Engine, query: str) -> list[str]:
    """Entry ids named by ``query``: an entry id as is, else every entry having that (normalised) name."""
    with engine.connect() as connection:
        if ":" in query:
            hit = select(ListEntryRow.entry_id).where(ListEntryRow.entry_id == query.strip()).limit(1)
            if connection.scalar(hit) is not None:
                return [query.strip()]
        by_name = (
            select(ListEntryName.entry_id)
            .join(ListSnapshot, ListSnapshot.id == ListEntryName.snapshot_id)
            .where(ListEntryName.normalised == normalise_name(query), ListSnapshot.status == SNAPSHOT_COMPLETE)
            .distinct()
        )
        return sorted(connection.scalars(by_name))


def appearances(engine: Engine, entry_id: str) -> dict[int, tuple[str, ListEntry]]:
    """``{snapshot id: (content hash, entry)}`` for every snapshot holding ``entry_id``."""
    query = select(ListEntryRow.snapshot_id, ListEntryRow.content_hash, ListEntryRow.data).where(
        ListEntryRow.entry_id == entry_id
    )
    with engine.connect() as connection:
        return {sid: (digest, entry_from_json(data)) for sid, digest, data in connection.execute(query)}


def source_snapshots(engine: Engine, entry_ids: list[str]) -> dict[str, list[SnapshotInfo]]:
    sources = {entry_id.partition(":")[0] for entry_id in entry_ids}
    return {source: chronological(snapshots(engine, source)) for source in sources}
