"""The watch: the list hits of an organisation's inventory vendors today, and what changed in the lists since its
last review.

Hits come from :func:`~exportctl.exposure.vendors.screen_vendors` over the current lists (entries in force on the
day). Changes compare, per list, the snapshot the last review saw with the current one (:func:`exportctl.lists.
history.diff`) and keep the added, removed and amended entries that concern the inventory: an entry one of its
vendors hits today, or whose name one of its vendors means (:func:`~exportctl.exposure.vendors.same_vendor`). With
no list imported the watch says so (hits unknown), never "no hit"; with no review yet there is nothing to compare.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine

from exportctl.determination.list_index import ListIndexes
from exportctl.errors import NotFoundError
from exportctl.exposure import repository
from exportctl.exposure.vendors import VendorHits, readings, same_vendor, screen_vendors, vendor_query
from exportctl.lists.history import diff
from exportctl.lists.model import ListEntry
from exportctl.lists.repository import current_snapshot_ids, in_force_on


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
    hits: tuple[VendorHits, ...]
    last_review: repository.Review | None
    snapshot_ids: dict[str, int]
    changes: tuple[SourceChange, ...]

    @property
    def flagged(self) -> tuple[VendorHits, ...]:
        return tuple(h for h in self.hits if h.matches)

    def to_dict(self) -> dict[str, object]:
        review = self.last_review
        return {
            "as_of": self.as_of.isoformat(),
            "organisation": self.organisation,
            "vendors": list(self.vendors),
            "lists_imported": self.lists_imported,
            "hits": [h.to_dict() for h in self.hits if h.matches or h.error] if self.lists_imported else None,
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


def watch(engine: Engine, indexes: ListIndexes, *, organisation_id: int, on: date) -> Watch:
    """The organisation's watch on ``on`` (module docstring)."""
    inventory = repository.load_inventory(engine, organisation_id=organisation_id)
    vendors = tuple(sorted({e.vendor for e in inventory.equipment} | {c.vendor for c in inventory.contracts}))
    current = indexes.current(engine)
    hits: tuple[VendorHits, ...] = ()
    if current is not None:
        screened = screen_vendors(current.fuzzy, vendors)
        hits = tuple(
            VendorHits(h.vendor, tuple(m for m in h.matches if in_force_on(m.entry, on)), h.error) for h in screened
        )
    hit_ids = {m.entry.entry_id for h in hits for m in h.matches}
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
    return Watch(on, inventory.organisation, vendors, current is not None, hits, review, ids, tuple(changes))


def mark_reviewed(engine: Engine, *, organisation_id: int, on: date, user_id: int | None) -> repository.Review:
    """Record a review against the lists as they stand now (the next watch compares with these snapshots)."""
    return repository.record_review(
        engine, current_snapshot_ids(engine), organisation_id=organisation_id, on=on, user_id=user_id
    )
