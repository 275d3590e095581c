"""The watch: the counterparty register's alerts on an organisation's inventory vendors, and what changed in the
lists since its last review.

Alerts come from the register (:mod:`.register`): inventory vendors are parties there, screened by the register's
runs (after each inventory import and each list import or update), so there is one way to screen a party and a
decision on an alert (cleared, confirmed) shows here too. A vendor the register has not screened yet is listed as
such (hits unknown). Changes compare, per list, the snapshot the last review saw with the current one
(:func:`exportctl.lists.history.diff`) and keep the added, removed and amended entries that concern the inventory:
an entry one of its vendors has an alert on, or whose name one of its vendors means
(:func:`~exportctl.exposure.vendors.same_vendor`). With no list imported the watch says so (hits unknown), never
"no hit"; with no review yet there is nothing to compare.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine

from exportctl.errors import NotFoundError
from exportctl.exposure import repository
from exportctl.exposure.register import VendorRegister, vendor_parties_with_alerts
from exportctl.exposure.vendors import EXPOSURE_LISTS, readings, same_vendor, vendor_query
from exportctl.lists.history import diff
from exportctl.lists.model import ListEntry
from exportctl.lists.repository import current_snapshot_ids
from exportctl.parties import AlertState


@dataclass(frozen=True)
class EntryChange:
    kind: str  # added | removed | amended
    entry_id: str
    list: str
    name: str
    detail: str = ""


@dataclass(frozen=True)
class SourceChange:
    """One list whose snapshot changed since the review: every change counted, the inventory's listed."""

    source: str
    from_snapshot: int | None  # None: the list was not imported at the review
    to_snapshot: int
    added: int
    removed: int
    amended: int
    concerning: tuple[EntryChange, ...]


@dataclass(frozen=True)
class Watch:
    as_of: date
    organisation: str
    vendors: tuple[str, ...]
    lists_imported: bool
    register: VendorRegister
    last_review: repository.Review | None
    snapshot_ids: dict[str, int]
    changes: tuple[SourceChange, ...]

    @property
    def flagged(self) -> tuple[str, ...]:
        """The vendor parties with an alert that is not cleared."""
        return tuple(
            p.name for p in self.register.parties if any(a.state != AlertState.CLEARED.value for a in p.alerts)
        )

    def to_dict(self) -> dict[str, object]:
        review = self.last_review
        return {
            "as_of": self.as_of.isoformat(),
            "organisation": self.organisation,
            "vendors": list(self.vendors),
            "lists_imported": self.lists_imported,
            "register": {
                "last_run_on": self.register.last_run_on.isoformat() if self.register.last_run_on else None,
                "unscreened": [p.name for p in self.register.unscreened],
                "flagged": list(self.flagged),
            },
            "alerts": [
                {
                    "vendor": p.name,
                    "vendor_names": list(p.names),
                    "party": p.external_id,
                    "alert": a.id,
                    "url": f"/alerts/{a.id}",
                    "state": a.state,
                    "score": round(a.score, 4),
                    "list": a.list_code,
                    "exposure_list": a.list_code in EXPOSURE_LISTS,
                    "entry_id": a.entry_key,
                    "entry_name": a.entry_name,
                    "matched_name": a.matched_name,
                    "still_matching": a.still_matching,
                }
                for p in self.register.parties
                for a in p.alerts
            ],
            "last_review": (
                {"on": review.reviewed_on.isoformat(), "snapshot_ids": review.snapshot_ids} if review else None
            ),
            "snapshot_ids": self.snapshot_ids,
            "changes_since_review": [
                {
                    "source": c.source,
                    "from_snapshot": c.from_snapshot,
                    "to_snapshot": c.to_snapshot,
                    "added": c.added,
                    "removed": c.removed,
                    "amended": c.amended,
                    "concerning": [e.__dict__ for e in c.concerning],
                }  # fmt: skip
                for c in self.changes
            ],
        }


Query = tuple[tuple[str, ...], ...]


def _concerns(entry: ListEntry, queries: Iterable[Query], hit_ids: set[str]) -> bool:
    if entry.entry_id in hit_ids:
        return True
    return any(same_vendor(query, name) for query in queries for name in entry.names)


def watch(engine: Engine, *, organisation_id: int, on: date) -> Watch:
    """The organisation's watch on ``on`` (module docstring)."""
    name = repository.organisation_name(engine, organisation_id=organisation_id)
    vendors = tuple(sorted(repository.vendor_names(engine, organisation_id=organisation_id)))
    register = vendor_parties_with_alerts(engine, organisation_id=organisation_id)
    hit_ids = {a.entry_key for a in register.alerts}
    queries = [vendor_query(v) for v in vendors if readings(v)]
    ids = current_snapshot_ids(engine)
    review = repository.last_review(engine, organisation_id=organisation_id)
    changes = []
    if review is not None:
        for source, snapshot in sorted(ids.items()):
            before = review.snapshot_ids.get(source)
            if before == snapshot:
                continue
            if before is None:
                changes.append(SourceChange(source, None, snapshot, 0, 0, 0, ()))
                continue
            try:
                d = diff(engine, source, before, snapshot)
            except NotFoundError:
                changes.append(SourceChange(source, None, snapshot, 0, 0, 0, ()))
                continue
            concerning = [
                *(EntryChange("added", e.entry_id, e.list.value, e.primary_name) for e in d.added
                  if _concerns(e, queries, hit_ids)),
                *(EntryChange("removed", e.entry_id, e.list.value, e.primary_name) for e in d.removed
                  if _concerns(e, queries, hit_ids)),
                *(EntryChange("amended", c.entry_id, source, c.primary_name, f"{len(c.changes)} field(s)")
                  for c in d.changed if c.entry_id in hit_ids),
            ]  # fmt: skip
            changes.append(
                SourceChange(source, before, snapshot, len(d.added), len(d.removed), len(d.changed), tuple(concerning))
            )
    return Watch(on, name, vendors, bool(ids), register, review, ids, tuple(changes))


def mark_reviewed(engine: Engine, *, organisation_id: int, on: date, user_id: int | None) -> repository.Review:
    """Record a review against the lists as they stand now (the next watch compares with these snapshots)."""
    return repository.record_review(
        engine, current_snapshot_ids(engine), organisation_id=organisation_id, on=on, user_id=user_id
    )
