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
one entry id. The rule itself lives in :mod:`exportctl.lists.listed_rule` (pure); screening as of a date
(:func:`exportctl.lists.repository.entries_as_of`: ``screen --as-of``, ``screen-file --as-of``, the API's
``as_of``, submission and shipment screening) applies it to every entry in one pass (:func:`statuses_on`), keeping
the listed entries and, flagged, the unknown ones. (The determination engine still filters its hits with
:func:`exportctl.lists.repository.in_force_on` over the snapshot in force; see ``determination/service.py``.)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine

from exportctl.lists.entry_versions import appearances, matching_entry_ids, source_snapshots
from exportctl.lists.listed_rule import EntryStatus, ListedStatus, Observation, status_on, statuses_on

__all__ = [
    "EntryStatus",
    "ListedAnswer",
    "ListedMatch",
    "ListedStatus",
    "Observation",
    "entry_status_on",
    "status_on",
    "statuses_on",
    "was_listed",
]


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
