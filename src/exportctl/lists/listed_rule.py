"""The rule "was this entry listed on D?" for one entry, and for every entry of a store in one pass.

Pure: snapshots and entry versions in, answers with reasons out; the store is read by :mod:`exportctl.lists.listed`
(one entry, ``lists listed``) and :func:`exportctl.lists.repository.entries_as_of` (every entry, the as-of
screening index). Both apply :func:`status_on`, so "listed on D" has one meaning everywhere. The rule itself is
described in :mod:`exportctl.lists.listed`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from exportctl.lists.fr import parse_citations
from exportctl.lists.model import ListCode, ListEntry
from exportctl.lists.snapshot_queries import SnapshotInfo

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


VersionDates = tuple[date | None, date | None, tuple[str, ...]]
"""What :func:`status_on` reads of a version: listing date, end date, Federal Register citations."""


def statuses_on(
    source_snapshots: Sequence[SnapshotInfo], versions: Mapping[str, Mapping[int, VersionDates]], on: date
) -> dict[str, EntryStatus]:
    """:func:`status_on` for every entry of one source in one pass: ``source_snapshots`` are every snapshot of the
    source, ``versions`` maps each entry id to ``{snapshot id: its version's dates there}``.

    The answer depends only on which snapshots hold the entry and those dates, so entries alike in that share one
    evaluation (most of a list's entries are undated and alike). Citations count only when a version's listing
    starts after ``on`` (an earlier order may exist); a caller may leave them empty otherwise. A *listed* answer's
    reasons are left empty (tens of thousands of strings nobody reads); every other answer keeps its reason.
    """
    ordered = sorted(source_snapshots, key=lambda s: (s.in_force_from, s.id))
    decided: dict[tuple[VersionDates | None, ...], EntryStatus] = {}
    found: dict[str, EntryStatus] = {}
    for entry_id, held in versions.items():
        pattern = tuple(held.get(s.id) for s in ordered)
        status = decided.get(pattern)
        if status is None:
            obs = [(s, None if v is None else _dated(entry_id, v)) for s, v in zip(ordered, pattern, strict=True)]
            status = decided[pattern] = status_on(obs, on, presorted=True, explain_listed=False)
        found[entry_id] = status
    return found


def _dated(entry_id: str, dates: VersionDates) -> ListEntry:
    source, _, source_id = entry_id.partition(":")
    listed_on, removed_on, citations = dates
    return ListEntry(source, source_id, ListCode.OTHER, entry_id, listed_on=listed_on, removed_on=removed_on,
                     federal_register_citations=citations)  # fmt: skip


def status_on(
    observations: Sequence[Observation], on: date, *, presorted: bool = False, explain_listed: bool = True
) -> EntryStatus:
    """The rule of :mod:`exportctl.lists.listed` for one entry; ``observations``: every snapshot of its source
    (``presorted``: already in :func:`~exportctl.lists.entry_versions.chronological` order). Without
    ``explain_listed`` a *listed* answer carries empty reasons (same status, snapshot and ``as_published``)."""
    obs = observations if presorted else sorted(observations, key=lambda o: (o[0].in_force_from, o[0].id))
    present = [(s, e) for s, e in obs if e is not None]
    for snap, entry in reversed(present):  # newest knowledge first
        if _covers(obs, snap, entry, on):
            published, reason_published = _as_published(obs, on, explain_listed)
            reason = _in_force(snap, entry) if explain_listed else ""
            return EntryStatus(ListedStatus.LISTED, reason, snap.id, published, reason_published)
    published, reason_published = _as_published(obs, on)
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


def _as_published(obs: Sequence[Observation], on: date, explain: bool = True) -> tuple[ListedStatus | None, str]:
    """What the file in force on ``on`` (the latest published by then) showed, taken alone (``explain``: with the
    reason; else an empty one)."""
    before = [o for o in obs if o[0].in_force_from <= on]
    if not before:
        return None, f"no file had been published by {on}" if explain else ""
    snap, entry = before[-1]
    if entry is None:
        return ListedStatus.NOT_LISTED, f"not in {_where(snap)}" if explain else ""
    if entry.removed_on is not None and entry.removed_on < on:
        return ListedStatus.NOT_LISTED, f"{_where(snap)}: ended on {entry.removed_on}" if explain else ""
    if entry.listed_on is not None and entry.listed_on > on:
        return ListedStatus.NOT_LISTED, f"{_where(snap)}: listed only from {entry.listed_on}" if explain else ""
    return ListedStatus.LISTED, f"in {_where(snap)}: {_dates(entry)}" if explain else ""
