"""Was a party listed on a date? Answered from the snapshot in force that day plus the entry's own dates.

Per matching entry: the snapshot that speaks for the date (:func:`~exportctl.lists.repository.snapshot_for_date`),
then the entry's listing and removal dates (:func:`~exportctl.lists.repository.in_force_on`). An entry missing from
that snapshot may still have been listed: a later snapshot's listing date is the evidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine

from exportctl.lists.entry_versions import appearances, matching_entry_ids, source_snapshots
from exportctl.lists.model import ListEntry
from exportctl.lists.repository import SnapshotInfo, in_force_on, snapshot_for_date


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


def was_listed(engine: Engine, name_or_entry_id: str, on: date) -> ListedAnswer:
    """Was the party listed on ``on``? Per matching entry: the snapshot in force that day, then its dates."""
    entry_ids = matching_entry_ids(engine, name_or_entry_id)
    if not entry_ids:
        reason = f"no snapshot of any list has an entry named {name_or_entry_id!r} (exact normalised name or id)"
        return ListedAnswer(name_or_entry_id, on, False, (), reason)
    by_source = source_snapshots(engine, entry_ids)
    matches = []
    for entry_id in entry_ids:
        chosen, note = snapshot_for_date(by_source[entry_id.partition(":")[0]], on)
        versions = appearances(engine, entry_id)
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
