"""History of the lists: what changed between two snapshots, was a party listed on a date, an entry's timeline.

Entries keep their identity across snapshots through ``entry_id`` (source + stable source id). Queries name an
entry by its id (``dpl:…``) or by any of its names; names are compared after ``normalise_name`` (case, accents,
scripts and punctuation folded), exactly, with no fuzzy matching (that is screening's job).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine, select

from exportctl.errors import InputError, NotFoundError
from exportctl.lists.codec import entry_from_json
from exportctl.lists.entry_diff import FieldChange, describe, field_changes
from exportctl.lists.identity import normalise_name
from exportctl.lists.model import ListEntry
from exportctl.lists.repository import SnapshotInfo, get_snapshot, in_force_on, snapshot_for_date, snapshots
from exportctl.store.lists_tables import SNAPSHOT_COMPLETE, ListEntryName, ListEntryRow, ListSnapshot


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
class ListedMatch:
    """One entry the query named, and whether it was in force on the date, with the reason."""

    entry_id: str
    primary_name: str
    snapshot_id: int
    listed: bool
    reason: str


@dataclass(frozen=True)
class ListedAnswer:
    query: str
    on: date
    listed: bool
    matches: tuple[ListedMatch, ...]
    reason: str


@dataclass(frozen=True)
class HistoryEvent:
    """A dated event of an entry. ``kind``: listed, appeared, changed, disappeared, removed."""

    date: date
    entry_id: str
    kind: str
    snapshot_id: int | None
    description: str
    changes: tuple[FieldChange, ...] = ()


def chronological(source_snapshots: list[SnapshotInfo]) -> list[SnapshotInfo]:
    """Snapshots in the order of the dates they speak for, then import order."""
    return sorted(source_snapshots, key=lambda s: (s.in_force_from, s.id))


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


def _appearances(engine: Engine, entry_id: str) -> dict[int, tuple[str, ListEntry]]:
    """``{snapshot id: (content hash, entry)}`` for every snapshot holding ``entry_id``."""
    query = select(ListEntryRow.snapshot_id, ListEntryRow.content_hash, ListEntryRow.data).where(
        ListEntryRow.entry_id == entry_id
    )
    with engine.connect() as connection:
        return {sid: (digest, entry_from_json(data)) for sid, digest, data in connection.execute(query)}


def _source_snapshots(engine: Engine, entry_ids: list[str]) -> dict[str, list[SnapshotInfo]]:
    sources = {entry_id.partition(":")[0] for entry_id in entry_ids}
    return {source: chronological(snapshots(engine, source)) for source in sources}


def was_listed(engine: Engine, name_or_entry_id: str, on: date) -> ListedAnswer:
    """Was the party listed on ``on``? Per matching entry: the snapshot in force that day, then its dates."""
    entry_ids = matching_entry_ids(engine, name_or_entry_id)
    if not entry_ids:
        reason = f"no snapshot of any list has an entry named {name_or_entry_id!r} (exact normalised name or id)"
        return ListedAnswer(name_or_entry_id, on, False, (), reason)
    by_source = _source_snapshots(engine, entry_ids)
    matches = []
    for entry_id in entry_ids:
        chosen, note = snapshot_for_date(by_source[entry_id.partition(":")[0]], on)
        versions = _appearances(engine, entry_id)
        prefix = f"{note}. " if note else ""
        if chosen.id not in versions:
            matches.append(_absent_from_chosen(entry_id, chosen, by_source[chosen.source], versions, on, prefix))
            continue
        entry = versions[chosen.id][1]
        listed = in_force_on(entry, on)
        matches.append(ListedMatch(entry_id, entry.primary_name, chosen.id, listed, prefix + _dates_reason(entry, on)))
    listed = any(m.listed for m in matches)
    summary = "listed" if listed else "not listed"
    reason = f"{name_or_entry_id!r} was {summary} on {on}: " + "; ".join(f"{m.entry_id}: {m.reason}" for m in matches)
    return ListedAnswer(name_or_entry_id, on, listed, tuple(matches), reason)


def _absent_from_chosen(
    entry_id: str,
    chosen: SnapshotInfo,
    ordered: list[SnapshotInfo],
    versions: dict[int, tuple[str, ListEntry]],
    on: date,
    prefix: str,
) -> ListedMatch:
    """The entry is not in the snapshot in force on ``on``; a later snapshot's listing date may still show it was.

    Snapshots are samples in time: a party listed after one snapshot and before ``on`` shows up only in a later
    snapshot, whose listing date (from the entry or its Federal Register citation) is the evidence.
    """
    later = [s for s in ordered if s.in_force_from > chosen.in_force_from and s.id in versions]
    absent = f"{prefix}not in snapshot {chosen.id} ({chosen.in_force_from}) in force on {on}"
    if not later:
        seen = sorted(versions)
        name = versions[seen[-1]][1].primary_name
        return ListedMatch(entry_id, name, chosen.id, False, f"{absent}; it appears only in snapshots {seen}")
    first = later[0]
    entry = versions[first.id][1]
    if entry.listed_on is not None and in_force_on(entry, on):
        reason = f"{absent}, but snapshot {first.id} ({first.in_force_from}) records it {_dates_reason(entry, on)}"
        return ListedMatch(entry_id, entry.primary_name, first.id, True, reason)
    reason = f"{absent}; it first appears in snapshot {first.id} ({first.in_force_from}), {_dates_reason(entry, on)}"
    return ListedMatch(entry_id, entry.primary_name, first.id, False, reason)


def _dates_reason(entry: ListEntry, on: date) -> str:
    if entry.removed_on is not None and entry.removed_on < on:
        return f"removed on {entry.removed_on}, before {on}"
    if entry.listed_on is None:
        return "in the snapshot; its listing date is unknown, so it counts as listed"
    if entry.listed_on > on:
        return f"listed on {entry.listed_on}, after {on}"
    until = f", until {entry.removed_on}" if entry.removed_on else ""
    return f"listed on {entry.listed_on}{until}"


def history(engine: Engine, query: str) -> list[HistoryEvent]:
    """Dated events of every entry ``query`` names: listed, appeared in / changed in / gone from snapshots, removed."""
    entry_ids = matching_entry_ids(engine, query)
    if not entry_ids:
        raise NotFoundError(f"no snapshot of any list has an entry named {query!r} (exact normalised name or id)")
    by_source = _source_snapshots(engine, entry_ids)
    events: list[HistoryEvent] = []
    for entry_id in entry_ids:
        events.extend(_entry_events(entry_id, by_source[entry_id.partition(":")[0]], _appearances(engine, entry_id)))
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
