"""Read side of the versioned list store, used by screening, determination, reports and the interfaces.

Entries (current, of given snapshots, as of a date) live here; the snapshot queries (status, snapshots, current
ids) live in :mod:`exportctl.lists.snapshot_queries` and are re-exported, so callers need only this module.
Only ``complete`` snapshots are ever read: a snapshot still ``loading`` (or left behind by a killed import) is
invisible.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Engine, select

from exportctl.errors import NotFoundError
from exportctl.lists.codec import entry_from_json
from exportctl.lists.listed_rule import ListedStatus, VersionDates, statuses_on
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
    """The entries listed on ``as_of`` (and those the files cannot settle), with a note on every assumption.

    ``snapshots``: per source, the snapshot in force on the date (else its earliest); the answer itself draws on
    every snapshot of the source (see :func:`entries_as_of`). ``unknown``: entry id -> why the files cannot say
    whether it was listed on the date; those entries are in ``entries`` too (kept for review, never "not listed").
    ``consulted``: the ids of every snapshot the answer read.
    """

    as_of: date
    entries: list[ListEntry]
    snapshots: dict[str, SnapshotInfo]
    notes: tuple[str, ...]
    unknown: dict[str, str] = field(default_factory=dict)
    consulted: tuple[int, ...] = ()


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
    """The entries listed on ``as_of`` by the rule of ``lists listed``
    (:func:`exportctl.lists.listed_rule.status_on`: every snapshot of the source, newest knowledge first), decided
    for every entry in one pass over the snapshots' rows. Listed entries are kept; entries the files cannot settle
    (*unknown*) are kept too, named in ``unknown``; the notes say which snapshot was in force, where a later file's
    dates were used, and how many entries are undated or unknown.

    Each kept entry is the version of the file in force on the date when that version shows it in force, else the
    version whose dates settle the answer (for an unknown one: the newest). Example: Huawei's Entity List listing
    date is 2019-05-21, so it is absent as of 2019-01-01 and present as of 2019-06-01 although the only snapshot is
    of 2026.
    """
    by_source: dict[str, list[SnapshotInfo]] = {}
    for snap in snapshots(engine):
        by_source.setdefault(snap.source, []).append(snap)
    wanted = sorted(by_source) if sources is None else [s for s in sources if s in by_source]
    consulted = sorted(s.id for source in wanted for s in by_source[source])
    held = _rows(engine, consulted, as_of)
    notes: list[str] = []
    chosen: dict[str, SnapshotInfo] = {}
    entries: list[ListEntry] = []
    unknown: dict[str, str] = {}
    for source in wanted:
        ordered = sorted(by_source[source], key=lambda s: (s.in_force_from, s.id))
        chosen[source], _ = snapshot_for_date(ordered, as_of)
        kept, source_unknown, source_notes = _decide(source, ordered, held.get(source, _Rows()), as_of)
        entries.extend(kept)
        unknown.update(source_unknown)
        notes.extend(source_notes)
    if sources is not None:
        notes.extend(f"{s}: never imported" for s in sources if s not in by_source)
    return AsOfEntries(as_of, entries, chosen, tuple(notes), unknown, tuple(consulted))


@dataclass
class _Rows:
    """One source's stored rows: per entry, per snapshot, the version's dates and its JSON text (decoded only for
    the version kept, or for its citations when they can count)."""

    dates: dict[str, dict[int, VersionDates]] = field(default_factory=dict)
    data: dict[str, dict[int, str]] = field(default_factory=dict)


def _rows(engine: Engine, snapshot_ids: Iterable[int], on: date) -> dict[str, _Rows]:
    """Every row of the snapshots in one query, by source; citations read only for entries with a version listed
    after ``on`` (:func:`statuses_on` reads them only then)."""
    ids = sorted(set(snapshot_ids))
    found: dict[str, _Rows] = {}
    if not ids:
        return found
    query = select(
        ListEntryRow.snapshot_id, ListEntryRow.entry_id, ListEntryRow.listed_on, ListEntryRow.removed_on,
        ListEntryRow.data,
    ).where(ListEntryRow.snapshot_id.in_(ids))  # fmt: skip
    later: set[str] = set()
    with engine.connect() as connection:
        for snapshot_id, entry_id, listed_on, removed_on, data in connection.execute(query):
            rows = found.get(entry_id.partition(":")[0])
            if rows is None:
                rows = found[entry_id.partition(":")[0]] = _Rows()
            rows.dates.setdefault(entry_id, {})[snapshot_id] = (listed_on, removed_on, ())
            rows.data.setdefault(entry_id, {})[snapshot_id] = data
            if listed_on is not None and listed_on > on:
                later.add(entry_id)
    for entry_id in later:
        rows = found[entry_id.partition(":")[0]]
        for snapshot_id, (listed_on, removed_on, _) in rows.dates[entry_id].items():
            cited = json.loads(rows.data[entry_id][snapshot_id]).get("federal_register_citations", ())
            rows.dates[entry_id][snapshot_id] = (listed_on, removed_on, tuple(cited))
    return found


def _decide(
    source: str, ordered: list[SnapshotInfo], rows: _Rows, as_of: date
) -> tuple[list[ListEntry], dict[str, str], list[str]]:
    """(entries kept, unknown ones with their reasons, notes) for one source: :func:`statuses_on` for each entry."""
    in_force = [s for s in ordered if s.in_force_from <= as_of]
    current = in_force[-1] if in_force else None
    kept: list[ListEntry] = []
    unknown: dict[str, str] = {}
    later, undated = 0, 0
    for entry_id, status in statuses_on(ordered, rows.dates, as_of).items():
        if status.status is ListedStatus.NOT_LISTED:
            continue
        held = rows.data[entry_id]
        if status.as_published is ListedStatus.LISTED and current is not None:
            chosen = current.id  # the file in force on the date shows it in force: its version
        elif status.snapshot_id is not None and status.snapshot_id in held:
            chosen = status.snapshot_id
        else:
            chosen = [s.id for s in ordered if s.id in held][-1]
        entry = entry_from_json(held[chosen])
        if status.status is ListedStatus.UNKNOWN:
            unknown[entry_id] = status.reason
        else:
            later += status.as_published is not ListedStatus.LISTED
            undated += entry.listed_on is None
        kept.append(entry)
    kept.sort(key=lambda e: e.entry_id)
    return kept, unknown, _notes(source, ordered, current, as_of, later, undated, unknown)


def _notes(
    source: str,
    ordered: list[SnapshotInfo],
    current: SnapshotInfo | None,
    as_of: date,
    later: int,
    undated: int,
    unknown: dict[str, str],
) -> list[str]:
    if current is None:
        first = ordered[0]
        shown = f"no file of {as_of} or before"
        notes = [
            f"{source}: no snapshot in force on {as_of} (the earliest, snapshot {first.id}, is of "
            f"{first.in_force_from}): answered from the dates the later files give"
        ]
    else:
        shown = f"snapshot {current.id} ({current.file_name} of {current.in_force_from}), the file in force then"
        notes = []
        if current.effective_date is None:
            notes.append(f"{source}: snapshot {current.id} has no effective date; its import date stands in")
    if later:
        by_later = f"{later} entries are listed on {as_of} by the dates of a later file"
        notes.append(f"{source}: {by_later} ({shown} did not show them in force)")
    if undated:
        notes.append(
            f"{source}: {undated} entries have no known listing date and are kept as listed from the date of the "
            "file that holds them"
        )
    if unknown:
        entry_id, reason = min(unknown.items())
        notes.append(
            f"{source}: {len(unknown)} entries whose listing on {as_of} the files we hold cannot settle are kept, "
            f"flagged unknown → review (e.g. {entry_id}: {reason})"
        )
    return notes
