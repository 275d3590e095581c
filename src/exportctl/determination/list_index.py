"""One screening index per set of list snapshots, reused for every date those snapshots speak for.

Building the screening index takes seconds and loading every entry from the store most of a second, so neither
may happen per request. A :class:`ListIndex` covers *every* entry of a set of snapshots (not only those in force on
one date); callers keep the hits in force on their date with :func:`exportctl.lists.repository.in_force_on` (the
determination also keeps entries listed within the publication lag after it, which an as-of index would lose).

When the set is the store's current snapshots the index comes from
:func:`exportctl.screening.service.load_index`, cached on disk by snapshot ids; any other set (a date before the
latest import) from :mod:`exportctl.determination.index_cache`, also on disk. A new process (the CLI, a restarted
service) thus loads an index instead of building it. :class:`ListIndexes` keeps the few most recent sets per
process; a new import changes the snapshot ids and thereby the key, so a stale index is never used.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from datetime import date
from functools import cached_property

from sqlalchemy import Engine

from exportctl.determination.exact import ExactNameScreener
from exportctl.determination.fuzzy import FuzzyScreener
from exportctl.determination.index_cache import index_of_snapshots
from exportctl.determination.parties import PartyMatch
from exportctl.errors import NotFoundError
from exportctl.lists.repository import (
    SnapshotInfo,
    current_snapshot_ids,
    in_force_on,
    snapshot_for_date,
    snapshots,
)
from exportctl.screening import ScreeningIndex
from exportctl.screening.service import load_index

MAX_KEPT = 4  # snapshot sets kept per process: the current one and a few historical dates


class ListIndex:
    """The screening index over every entry of the snapshots ``snapshot_ids`` (sorted), with its screeners."""

    def __init__(self, snapshot_ids: Sequence[int], index: ScreeningIndex) -> None:
        self.snapshot_ids = tuple(sorted(snapshot_ids))
        self.index = index

    @cached_property
    def fuzzy(self) -> FuzzyScreener:
        """The determination's fuzzy screener (hits on every entry of the snapshots, in force or not)."""
        return FuzzyScreener(self.index)

    @cached_property
    def exact(self) -> ExactNameScreener:
        """Exact-name matches over every entry of the snapshots."""
        return ExactNameScreener(self.index.entries)

    def exact_in_force(self, on: date) -> Callable[[str, str | None], tuple[PartyMatch, ...]]:
        """Exact-name matches on entries in force on ``on`` only (what an exact screener over
        ``entries_as_of(engine, on).entries`` answers)."""

        def screener(name: str, country: str | None = None) -> tuple[PartyMatch, ...]:
            return tuple(m for m in self.exact(name, country) if in_force_on(m.entry, on))

        return screener


def snapshots_by_source(engine: Engine) -> dict[str, list[SnapshotInfo]]:
    by_source: dict[str, list[SnapshotInfo]] = {}
    for snap in snapshots(engine):
        by_source.setdefault(snap.source, []).append(snap)
    return by_source


def snapshot_ids_for(engine: Engine, on: date) -> tuple[int, ...]:
    """The snapshot of each source that speaks for ``on`` (:func:`snapshot_for_date`), sorted; empty: none."""
    return tuple(sorted(snapshot_for_date(snaps, on)[0].id for snaps in snapshots_by_source(engine).values()))


def build_list_index(engine: Engine, snapshot_ids: Sequence[int]) -> ListIndex:
    """Load (current snapshots: from the disk cache) or build the index over every entry of ``snapshot_ids``."""
    ids = tuple(sorted(snapshot_ids))
    if ids and ids == tuple(sorted(current_snapshot_ids(engine).values())):
        try:
            index = load_index(engine)
        except NotFoundError:  # snapshots without a single entry
            return ListIndex(ids, ScreeningIndex.build(()))
        # an import between the two reads would have given the index of other snapshots: then build our own
        if ids == tuple(sorted(current_snapshot_ids(engine).values())):
            return ListIndex(ids, index)
    return ListIndex(ids, index_of_snapshots(engine, ids))


class ListIndexes:
    """The list indexes of one process (or one service), by database and snapshot set; thread-safe.

    Building happens under a lock, so concurrent first requests build an index once, not once each.
    """

    def __init__(self, max_kept: int = MAX_KEPT) -> None:
        self.max_kept = max_kept
        self._kept: dict[tuple[str, tuple[int, ...]], ListIndex] = {}
        self._lock = threading.Lock()

    def for_ids(self, engine: Engine, snapshot_ids: Sequence[int]) -> ListIndex:
        key = (engine.url.render_as_string(hide_password=True), tuple(sorted(snapshot_ids)))
        found = self._kept.get(key)
        if found is not None:
            return found
        with self._lock:
            found = self._kept.get(key)
            if found is None:
                found = build_list_index(engine, key[1])
                if len(self._kept) >= self.max_kept:
                    self._kept.pop(next(iter(self._kept)))
                self._kept[key] = found
        return found

    def for_date(self, engine: Engine, on: date) -> ListIndex | None:
        """The index over the snapshots that speak for ``on``; None when no list is imported."""
        ids = snapshot_ids_for(engine, on)
        return self.for_ids(engine, ids) if ids else None

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()


PROCESS_INDEXES = ListIndexes()
"""Used when a caller passes no index of its own (the CLI, library calls)."""
