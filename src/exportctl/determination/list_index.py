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

from exportctl.determination.index_cache import index_of_snapshots
from exportctl.errors import NotFoundError
from exportctl.lists.repository import (
    SnapshotInfo,
    current_snapshot_ids,
    snapshot_for_date,
    snapshots,
)
from exportctl.screening import ScreeningIndex
from exportctl.screening.party import PartyScreener
from exportctl.screening.service import load_index

MAX_KEPT = 6  # indexes kept per process: the current one, a few historical dates and as-of indexes


class ListIndex:
    """The screening index over every entry of the snapshots ``snapshot_ids`` (sorted), or, when ``in_force_on`` is
    a date, over the entries of those snapshots in force on it (an *as-of* index), with its party screener."""

    def __init__(self, snapshot_ids: Sequence[int], index: ScreeningIndex, in_force_on: date | None = None) -> None:
        self.snapshot_ids = tuple(sorted(snapshot_ids))
        self.index = index
        self.in_force_on = in_force_on

    @cached_property
    def fuzzy(self) -> PartyScreener:
        """The party screener over the index (hits on every entry of the snapshots, in force or not)."""
        return PartyScreener(self.index, self.snapshot_ids)


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


def build_in_force_index(engine: Engine, on: date, snapshot_ids: Sequence[int]) -> ListIndex:
    """The as-of index of ``on`` (entries in force on it; :func:`exportctl.screening.service.load_index`, disk-cached
    by date and snapshot ids); an empty index when none of the snapshots' entries is in force on the date."""
    try:
        return ListIndex(snapshot_ids, load_index(engine, on), on)
    except NotFoundError:
        return ListIndex(snapshot_ids, ScreeningIndex.build(()), on)


Key = tuple[str, tuple[int, ...], date | None]  # (database, snapshot ids, in force on: None for every entry)


class ListIndexes:
    """The screening indexes of one process (or one service), by database, snapshot set and, for an as-of index,
    date; thread-safe. It is the one in-process index cache: screening, determination, submission and batch jobs
    all take their index from here, and every key holds the snapshot ids, so an import (in this process or another)
    changes the key the next caller asks for and a stale index is never used.

    Each key is built under its own lock, so concurrent first requests build an index once, not once each, and
    never while holding the lock that callers of other (kept) indexes need.
    """

    def __init__(self, max_kept: int = MAX_KEPT) -> None:
        self.max_kept = max_kept
        self._kept: dict[Key, ListIndex] = {}
        self._building: dict[Key, threading.Lock] = {}
        self._lock = threading.Lock()

    def _get(self, key: Key, build: Callable[[], ListIndex]) -> ListIndex:
        with self._lock:
            found = self._kept.pop(key, None)
            if found is not None:
                self._kept[key] = found  # most recently used last
                return found
            key_lock = self._building.setdefault(key, threading.Lock())
        # Built outside the shared lock, one build per key: a past date's index (seconds of CPU) never holds up a
        # caller whose index is kept, or one building another.
        with key_lock:
            with self._lock:
                found = self._kept.get(key)
            if found is not None:
                return found
            try:
                found = build()
            finally:
                with self._lock:
                    self._building.pop(key, None)
                    if found is not None:
                        if len(self._kept) >= self.max_kept:  # least recently used first
                            self._kept.pop(next(iter(self._kept)))
                        self._kept[key] = found
        return found

    def holds_in_force(self, engine: Engine, on: date) -> bool:
        """Whether an as-of index of ``on`` over this database is kept (asking costs no build)."""
        url = _url(engine)
        with self._lock:
            return any(key[0] == url and key[2] == on for key in self._kept)

    def for_ids(self, engine: Engine, snapshot_ids: Sequence[int]) -> ListIndex:
        """The index over every entry of ``snapshot_ids``."""
        ids = tuple(sorted(snapshot_ids))
        return self._get((_url(engine), ids, None), lambda: build_list_index(engine, ids))

    def current(self, engine: Engine) -> ListIndex | None:
        """The index over the store's current snapshots (one cheap query decides which); None: no list imported."""
        ids = tuple(current_snapshot_ids(engine).values())
        return self.for_ids(engine, ids) if ids else None

    def for_date(self, engine: Engine, on: date) -> ListIndex | None:
        """The index over every entry of the snapshots that speak for ``on``; None when no list is imported."""
        ids = snapshot_ids_for(engine, on)
        return self.for_ids(engine, ids) if ids else None

    def in_force(self, engine: Engine, on: date) -> ListIndex | None:
        """The as-of index of ``on``: the entries listed on it by the rule of ``lists listed``, which reads every
        snapshot (a later file's dates count), so every snapshot id is in its key; None when no list is imported."""
        ids = tuple(sorted(snap.id for snap in snapshots(engine)))
        if not ids:
            return None
        return self._get((_url(engine), ids, on), lambda: build_in_force_index(engine, on, ids))

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()


def _url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)


PROCESS_INDEXES = ListIndexes()
"""Used when a caller passes no index of its own (the CLI, library calls)."""
