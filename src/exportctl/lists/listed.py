"""Was a party listed on a date? Answered from everything we know (bitemporal), not only the file of that day.

Two times per entry: *valid time*, when it was in force (its own listing, effective, expiry and removal dates, from
any snapshot, later ones included), and *record time*, the snapshot that said so. :func:`status_on` is the pure rule
for one entry, over every snapshot of its source (the entry's version in it, or ``None`` when absent):

1. **listed** when some version's own dates put ``on`` inside its listing (listed on or before ``on``, not ended
   before it), newest knowledge first; a version without a listing date counts from its snapshot's date; beyond
   its snapshot's date a version holds only while no later snapshot published by ``on`` dropped the entry;
2. **not listed** when the files settle it: the file in force on ``on`` lacks the entry and no later file dates a
   listing before ``on``; or the listing starts after ``on`` and nothing (no earlier file, no earlier Federal
   Register citation) suggests an earlier order; or it ended before ``on`` and a later file confirms it gone;
3. **unknown** otherwise, e.g. an order whose expiry passed after its file was published and that a later file
   shows renewed (SIRJANCO TRADING's 2022 file ends it on 2022-11-09; the 2026 file has it from 2025-10-27): in
   between, nothing we hold says whether it was in force. Unknown means "review", never "not listed".

Each answer also says what the files published by ``on`` showed (record time) when that differs.
:func:`was_listed` applies the rule to every entry a name or id matches (database); :func:`entry_status_on` to
one entry id. The determination engine calls ``entry_status_on(engine, entry_id, on)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import Engine

from exportctl.lists.entry_versions import appearances, matching_entry_ids, source_snapshots
from exportctl.lists.fr import parse_citations
from exportctl.lists.model import ListEntry
from exportctl.lists.repository import SnapshotInfo

Observation = tuple[SnapshotInfo, ListEntry | None]  # a snapshot of the entry's source, and its version there


class ListedStatus(StrEnum):
    LISTED = "listed"
    NOT_LISTED = "not listed"
    UNKNOWN = "unknown"  # nothing we hold settles it: review


@dataclass(frozen=True)
class EntryStatus:
    """One entry on one date: the answer from the best current knowledge, and what the files of that time showed.

    ``snapshot_id``: the snapshot whose dates settle the answer (None when none does). ``as_published``: the answer
    of the file in force on the date taken alone (None when no file had been published by then).
    """

    status: ListedStatus
    reason: str
    snapshot_id: int | None
    as_published: ListedStatus | None
    as_published_reason: str


@dataclass(frozen=True)
class ListedMatch:
    """One entry the query named, and whether it was in force on the date, with the reason."""

    entry_id: str
    primary_name: str
    snapshot_id: int | None
    status: ListedStatus
    reason: str
    as_published: ListedStatus | None

    @property
    def listed(self) -> bool:
        return self.status is ListedStatus.LISTED


@dataclass(frozen=True)
class ListedAnswer:
    """``status``: listed if any match is, else unknown if any is, else not listed. ``listed`` is status == listed."""

    query: str
    on: date
    status: ListedStatus
    matches: tuple[ListedMatch, ...]
    reason: str

    @property
    def listed(self) -> bool:
        return self.status is ListedStatus.LISTED


def was_listed(engine: Engine, name_or_entry_id: str, on: date) -> ListedAnswer:
    """Was the party listed on ``on``? :func:`status_on` for every entry the name (exact, normalised) or id names."""
    entry_ids = matching_entry_ids(engine, name_or_entry_id)
    if not entry_ids:
        reason = f"no snapshot of any list has an entry named {name_or_entry_id!r} (exact normalised name or id)"
        return ListedAnswer(name_or_entry_id, on, ListedStatus.NOT_LISTED, (), reason)
    by_source = source_snapshots(engine, entry_ids)
    matches = []
    for entry_id in entry_ids:
        versions = appearances(engine, entry_id)
        observations = [(s, versions[s.id][1] if s.id in versions else None) for s in by_source[_source(entry_id)]]
        result = status_on(observations, on)
        name = versions[max(versions)][1].primary_name
        reason = result.reason
        if result.as_published is not None and result.as_published is not result.status:
            reason += f" (the files published by {on} showed: {result.as_published_reason})"
        matches.append(ListedMatch(entry_id, name, result.snapshot_id, result.status, reason, result.as_published))
    statuses = {m.status for m in matches}
    status = next(s for s in (ListedStatus.LISTED, ListedStatus.UNKNOWN, ListedStatus.NOT_LISTED) if s in statuses)
    summary = {ListedStatus.LISTED: "listed", ListedStatus.NOT_LISTED: "not listed"}.get(status, "unknown → review")
    reason = f"{name_or_entry_id!r} on {on}: {summary}: " + "; ".join(f"{m.entry_id}: {m.reason}" for m in matches)
    return ListedAnswer(name_or_entry_id, on, status, tuple(matches), reason)


def entry_status_on(engine: Engine, entry_id: str, on: date) -> EntryStatus:
    """:func:`status_on` for one entry id over every snapshot of its source (NotFound-free: unknown id → unknown)."""
    versions = appearances(engine, entry_id)
    if not versions:
        return EntryStatus(ListedStatus.UNKNOWN, f"no snapshot holds {entry_id}", None, None, "")
    snaps = source_snapshots(engine, [entry_id])[_source(entry_id)]
    return status_on([(s, versions[s.id][1] if s.id in versions else None) for s in snaps], on)


def _source(entry_id: str) -> str:
    return entry_id.partition(":")[0]


def status_on(observations: Sequence[Observation], on: date) -> EntryStatus:
    """The rule of the module docstring for one entry; ``observations``: every snapshot of its source."""
    obs = sorted(observations, key=lambda o: (o[0].in_force_from, o[0].id))
    published, reason_published = _as_published(obs, on)
    present = [(s, e) for s, e in obs if e is not None]
    for snap, entry in reversed(present):  # newest knowledge first
        if _covers(obs, snap, entry, on):
            return EntryStatus(ListedStatus.LISTED, _in_force(snap, entry), snap.id, published, reason_published)
    status, reason, settled_by = _not_covered(obs, present, on)
    return EntryStatus(status, reason, settled_by, published, reason_published)


def _where(snap: SnapshotInfo) -> str:
    return f"snapshot {snap.id} ({snap.file_name} of {snap.in_force_from})"


def _dates(entry: ListEntry) -> str:
    start = f"effective {entry.listed_on}" if entry.listed_on else "listing date not given"
    return start + (f", expiry {entry.removed_on}" if entry.removed_on else "")


def _in_force(snap: SnapshotInfo, entry: ListEntry) -> str:
    return f"in force per {_where(snap)}: {_dates(entry)}"


def _dropped_between(obs: Sequence[Observation], after: date, until: date) -> Observation | None:
    """The first snapshot published in (after, until] that lacks the entry."""
    return next((o for o in obs if after < o[0].in_force_from <= until and o[1] is None), None)


def _covers(obs: Sequence[Observation], snap: SnapshotInfo, entry: ListEntry, on: date) -> bool:
    start, end, published = entry.listed_on, entry.removed_on, snap.in_force_from
    if end is not None and end < on:
        return False
    if (start is not None and start > on) or (start is None and on < published):
        return False
    return on <= published or _dropped_between(obs, published, on) is None


def _earliest_citation(entries: Sequence[ListEntry]) -> date | None:
    dates = [c.date for e in entries for text in e.federal_register_citations for c in parse_citations(text) if c.date]
    return min(dates, default=None)


def _not_covered(
    obs: Sequence[Observation], present: Sequence[Observation], on: date
) -> tuple[ListedStatus, str, int | None]:
    """(status, reason, snapshot that settles it) for an entry no version puts in force on ``on``."""
    before = [o for o in obs if o[0].in_force_from <= on]
    later = [(s, e) for s, e in present if s.in_force_from > on]
    if before and before[-1][1] is None:  # the file in force that day lacks it
        snap = before[-1][0]
        absent = f"not in {_where(snap)}, the file in force on {on}"
        if not later:
            return ListedStatus.NOT_LISTED, absent, snap.id
        first_snap, first = later[0]
        assert first is not None
        if first.listed_on is None:
            return ListedStatus.UNKNOWN, f"{absent}; {_where(first_snap)} lists it without a listing date", None
        return ListedStatus.NOT_LISTED, f"{absent}; per {_where(first_snap)}: {_dates(first)}", snap.id
    entries = [e for _, e in present if e is not None]
    ended = [(s, e) for s, e in present if e is not None and e.removed_on is not None and e.removed_on < on]
    starts_later = [(s, e) for s, e in present if e is not None and e.listed_on is not None and e.listed_on > on]
    if ended:
        snap, entry = ended[-1]
        assert entry is not None and entry.removed_on is not None
        ends = f"per {_where(snap)} it ended on {entry.removed_on}"
        gone = _dropped_between(obs, entry.removed_on, date.max)
        if starts_later:
            renewed_snap, renewed = starts_later[-1]
            assert renewed is not None
            next_info = f"{_where(renewed_snap)} has it again: {_dates(renewed)}"
            if gone is not None and gone[0].in_force_from < (renewed.listed_on or date.max):
                return ListedStatus.NOT_LISTED, f"{ends}; absent from {_where(gone[0])}; {next_info}", gone[0].id
            return ListedStatus.UNKNOWN, f"{ends}; {next_info}; no file we hold covers {on} (renewal?)", None
        if gone is not None:
            return ListedStatus.NOT_LISTED, f"{ends}; absent from {_where(gone[0])}", gone[0].id
        if entry.removed_on <= snap.in_force_from:
            return ListedStatus.NOT_LISTED, ends, snap.id
        return ListedStatus.UNKNOWN, f"{ends} (a scheduled expiry); no later file says whether it was renewed", None
    if starts_later:
        snap, entry = starts_later[0]
        assert entry is not None and entry.listed_on is not None
        cited = _earliest_citation(entries)
        if cited is not None and cited <= on:
            reason = (
                f"per {_where(snap)}: {_dates(entry)}, but its Federal Register citations go back to {cited}: "
                f"an earlier order may have been in force on {on}"
            )
            return ListedStatus.UNKNOWN, reason, None
        return ListedStatus.NOT_LISTED, f"per {_where(snap)}: listed on {entry.listed_on}, after {on}", snap.id
    snap = later[0][0] if later else obs[0][0]
    return ListedStatus.UNKNOWN, f"no file published by {on}; {_where(snap)} gives no listing date", None


def _as_published(obs: Sequence[Observation], on: date) -> tuple[ListedStatus | None, str]:
    """What the file in force on ``on`` (the latest published by then) showed, taken alone."""
    before = [o for o in obs if o[0].in_force_from <= on]
    if not before:
        return None, f"no file had been published by {on}"
    snap, entry = before[-1]
    if entry is None:
        return ListedStatus.NOT_LISTED, f"not in {_where(snap)}"
    if entry.removed_on is not None and entry.removed_on < on:
        return ListedStatus.NOT_LISTED, f"{_where(snap)}: ended on {entry.removed_on}"
    if entry.listed_on is not None and entry.listed_on > on:
        return ListedStatus.NOT_LISTED, f"{_where(snap)}: listed only from {entry.listed_on}"
    return ListedStatus.LISTED, f"in {_where(snap)}: {_dates(entry)}"
