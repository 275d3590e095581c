"""History of the lists: what changed between two snapshots, an entry's timeline, and (from
:mod:`exportctl.lists.listed`) whether a party was listed on a date.

Entries keep their identity across snapshots through ``entry_id`` (source + stable source id). Queries name an
entry by its id (``dpl:…``) or by any of its names (see :func:`~exportctl.lists.entry_versions.matching_entry_ids`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine, select

from exportctl.errors import InputError, NotFoundError
from exportctl.lists.codec import entry_from_json
from exportctl.lists.entry_diff import FieldChange, describe, field_changes
from exportctl.lists.entry_versions import appearances, chronological, matching_entry_ids, source_snapshots
from exportctl.lists.listed import ListedAnswer, ListedMatch, ListedStatus, entry_status_on, was_listed
from exportctl.lists.model import ListEntry
from exportctl.lists.repository import SnapshotInfo, get_snapshot, snapshots
from exportctl.store.lists_tables import ListEntryRow

__all__ = [
    "EntryChange",
    "HistoryEvent",
    "ListedAnswer",
    "ListedMatch",
    "ListedStatus",
    "SnapshotDiff",
    "diff",
    "entry_status_on",
    "history",
    "was_listed",
]


@dataclass(frozen=True)
class EntryChange:
    entry_id: str
    primary_name: str
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True)
class SnapshotDiff:
    source: str
    from_snapshot: SnapshotInfo
    to_snapshot: SnapshotInfo
    added: list[ListEntry]
    removed: list[ListEntry]
    changed: list[EntryChange]
    unchanged_count: int


@dataclass(frozen=True)
class HistoryEvent:
    """A dated event of an entry. ``kind``: listed, appeared, changed, disappeared, removed."""

    date: date
    entry_id: str
    kind: str
    snapshot_id: int | None
    description: str
    changes: tuple[FieldChange, ...] = ()


def diff(engine: Engine, source: str, from_snapshot: int | None = None, to_snapshot: int | None = None) -> SnapshotDiff:
    """Compare two snapshots of ``source`` (default: the current one against the one before it)."""
    ordered = chronological(snapshots(engine, source))
    if not ordered:
        raise NotFoundError(f"{source}: no snapshot imported")
    to_snap = (
        get_snapshot(engine, to_snapshot) if to_snapshot else next((s for s in ordered if s.is_current), ordered[-1])
    )
    if from_snapshot:
        from_snap = get_snapshot(engine, from_snapshot)
    else:
        earlier = ordered[: ordered.index(to_snap)] if to_snap in ordered else []
        if not earlier:
            raise NotFoundError(f"{source}: no snapshot before snapshot {to_snap.id} to compare with")
        from_snap = earlier[-1]
    for snap in (from_snap, to_snap):
        if snap.source != source:
            raise InputError(f"snapshot {snap.id} is of {snap.source}, not {source}", field="snapshot")
    old, new = _versions(engine, from_snap.id), _versions(engine, to_snap.id)
    changed = [
        EntryChange(entry_id, after.primary_name, field_changes(before, after))
        for entry_id, (old_hash, before) in old.items()
        if entry_id in new and new[entry_id][0] != old_hash
        for after in [new[entry_id][1]]
    ]
    return SnapshotDiff(
        source=source,
        from_snapshot=from_snap,
        to_snapshot=to_snap,
        added=[entry for entry_id, (_, entry) in new.items() if entry_id not in old],
        removed=[entry for entry_id, (_, entry) in old.items() if entry_id not in new],
        changed=[c for c in changed if c.changes],
        unchanged_count=sum(1 for entry_id in old if entry_id in new) - sum(1 for c in changed if c.changes),
    )


def _versions(engine: Engine, snapshot_id: int) -> dict[str, tuple[str, ListEntry]]:
    query = (
        select(ListEntryRow.entry_id, ListEntryRow.content_hash, ListEntryRow.data)
        .where(ListEntryRow.snapshot_id == snapshot_id)
        .order_by(ListEntryRow.entry_id)
    )
    with engine.connect() as connection:
        return {entry_id: (digest, entry_from_json(data)) for entry_id, digest, data in connection.execute(query)}


def history(engine: Engine, query: str) -> list[HistoryEvent]:
    """Dated events of every entry ``query`` names: listed, appeared in / changed in / gone from snapshots, removed."""
    entry_ids = matching_entry_ids(engine, query)
    if not entry_ids:
        raise NotFoundError(f"no snapshot of any list has an entry named {query!r} (exact normalised name or id)")
    by_source = source_snapshots(engine, entry_ids)
    events: list[HistoryEvent] = []
    for entry_id in entry_ids:
        events.extend(_entry_events(entry_id, by_source[entry_id.partition(":")[0]], appearances(engine, entry_id)))
    return sorted(events, key=lambda e: (e.date, e.entry_id, _KIND_ORDER.index(e.kind)))


_KIND_ORDER = ("listed", "appeared", "changed", "disappeared", "removed")


def _entry_events(
    entry_id: str, ordered: list[SnapshotInfo], versions: dict[int, tuple[str, ListEntry]]
) -> list[HistoryEvent]:
    events: list[HistoryEvent] = []
    previous: tuple[str, ListEntry] | None = None
    for snap in ordered:
        version = versions.get(snap.id)
        where = f"snapshot {snap.id} ({snap.file_name}, {snap.in_force_from})"
        if version and previous is None:
            events.append(HistoryEvent(snap.in_force_from, entry_id, "appeared", snap.id, f"appears in {where}"))
        elif version and previous and version[0] != previous[0]:
            changes = field_changes(previous[1], version[1])
            text = f"changed in {where}: " + "; ".join(describe(c) for c in changes)
            events.append(HistoryEvent(snap.in_force_from, entry_id, "changed", snap.id, text, changes))
        elif version is None and previous is not None:
            events.append(HistoryEvent(snap.in_force_from, entry_id, "disappeared", snap.id, f"absent from {where}"))
        previous = version
    latest = versions[max(versions, key=lambda sid: [s.id for s in ordered].index(sid))][1]
    if latest.listed_on:
        cited = f" ({latest.federal_register_citations[0]})" if latest.federal_register_citations else ""
        events.append(HistoryEvent(latest.listed_on, entry_id, "listed", None, f"listed on {latest.listed_on}{cited}"))
    if latest.removed_on:
        events.append(HistoryEvent(latest.removed_on, entry_id, "removed", None, f"listing ends {latest.removed_on}"))
    return events
