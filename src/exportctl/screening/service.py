"""Loading the screening index from the list store: current snapshot, or the snapshots in force on a date.

Building the index takes a few seconds, so it is cached on disk under the data directory, keyed by the snapshot ids
it was built from (and the date, for an as-of index). A new import changes the current snapshot ids and thereby the
key, so a stale index is never used. The cache file is written to a temporary name and renamed into place: a crash
leaves no half-written index. An unreadable cache file is ignored and rebuilt.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path

from sqlalchemy import Engine

from exportctl.errors import NotFoundError
from exportctl.lists import repository
from exportctl.screening.batch import BatchReport, Progress, screen_file
from exportctl.screening.engine import DEFAULT_THRESHOLD, screen
from exportctl.screening.explain import ScreeningResult
from exportctl.screening.gc_pause import cyclic_gc_paused
from exportctl.screening.index import INDEX_FORMAT, ScreeningIndex, preload_query_tables
from exportctl.store.db import data_dir_of

MAX_CACHED_INDEXES = 8  # index files kept on disk, least recently used pruned first (tens of MB each)
EMPTY_STORE = "the list store is empty: run `exportctl lists import` first"


def _cache_dir(engine: Engine) -> Path:
    return data_dir_of(engine) / "screening-index"


def _snapshot_key(engine: Engine, as_of: date | None) -> str:
    if as_of is None:
        chosen = {source: str(snapshot_id) for source, snapshot_id in repository.current_snapshot_ids(engine).items()}
    else:  # the as-of answer reads every snapshot of each source (later files' dates included): all are in the key
        chosen = {}
        for snap in repository.snapshots(engine):
            chosen[snap.source] = f"{chosen[snap.source]}+{snap.id}" if snap.source in chosen else str(snap.id)
    if not chosen:
        raise NotFoundError(EMPTY_STORE)
    ids = ",".join(f"{source}={snapshot_ids}" for source, snapshot_ids in sorted(chosen.items()))
    url = engine.url.render_as_string(hide_password=True)
    day = f"as-of:{as_of.isoformat()}:status_on" if as_of else "current"
    return f"v{INDEX_FORMAT}|{url}|{day}|{ids}"


def _cache_path(engine: Engine, key: str) -> Path:
    return _cache_dir(engine) / f"{hashlib.sha256(key.encode()).hexdigest()[:32]}.pickle"


def read_cached_index(path: Path, key: str) -> ScreeningIndex | None:
    """The index cached at ``path`` for ``key``; None when missing, unreadable, stale or of another format."""
    try:
        with path.open("rb") as f, cyclic_gc_paused():  # unpickling makes a million objects: 0.7 s -> 0.3 s
            index = pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None
    gc.collect()  # the new objects to the oldest generation in one pass, not in stalls during the first queries
    preload_query_tables()
    with contextlib.suppress(OSError):
        os.utime(path)  # most recently used: pruned last
    if not isinstance(index, ScreeningIndex) or index.__dict__.get("format") != INDEX_FORMAT:
        return None  # written by another version of exportctl
    return index if index.snapshot_key == key else None


def write_cached_index(path: Path, index: ScreeningIndex) -> None:
    """Write ``index`` to ``path`` through a temporary file renamed into place (a crash leaves no half file)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=".index.", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as f:
                pickle.dump(index, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        prune_cache(path.parent, keep=MAX_CACHED_INDEXES)
    except OSError:
        return  # a read-only data directory only costs a rebuild next time


def prune_cache(directory: Path, *, keep: int) -> None:
    """Keep the ``keep`` most recently used index files in ``directory`` (each is tens of megabytes; one per date
    and snapshot set would otherwise pile up without end); reading a file marks it used."""
    files = sorted(directory.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for stale in files[keep:]:
        stale.unlink(missing_ok=True)


def load_index(engine: Engine, as_of: date | None = None, *, use_cache: bool = True) -> ScreeningIndex:
    """The index over the store's current snapshots, or over the entries in force on ``as_of``.

    Raises :class:`NotFoundError` when the store holds no list yet. An as-of index holds the entries
    :func:`~exportctl.lists.repository.entries_as_of` keeps: listed on the date by the rule of ``lists listed``
    (every snapshot's dates), and those the files cannot settle, named in ``index.unknown`` (every hit on one says
    "unknown → review"); the store's notes (which snapshot was in force, later files' dates used, undated and
    unknown entries) are kept in ``index.notes`` and thereby in every result's notes.
    """
    key = _snapshot_key(engine, as_of)
    path = _cache_path(engine, key)
    if use_cache:
        cached = read_cached_index(path, key)
        if cached is not None:
            return cached
    if as_of is None:
        index = ScreeningIndex.build(repository.current_entries(engine), snapshot_key=key)
    else:
        in_force = repository.entries_as_of(engine, as_of)  # the rule of `lists listed`, every entry in one pass
        index = ScreeningIndex.build(in_force.entries, key, in_force.notes, in_force.unknown)
    if not index.entries:
        raise NotFoundError(EMPTY_STORE)
    if use_cache:
        write_cached_index(path, index)
    return index


def screen_in_store(
    engine: Engine,
    name: str,
    *,
    country: str | None = None,
    as_of: date | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    limit: int = 10,
) -> ScreeningResult:
    """Screen one name against the store's lists (current, or in force on ``as_of``)."""
    return screen(load_index(engine, as_of), name, country=country, threshold=threshold, limit=limit)


def screen_file_in_store(
    engine: Engine,
    input_csv: Path | str,
    output_csv: Path | str,
    *,
    as_of: date | None = None,
    id_column: str = "id",
    name_column: str = "name",
    country_column: str | None = "country",
    threshold: float = DEFAULT_THRESHOLD,
    top: int = 5,
    scheduler: str | None = None,
    progress: Progress | None = None,
) -> BatchReport:
    """:func:`~exportctl.screening.batch.screen_file` against the store's lists; Dask workers load the index from
    the on-disk index cache when they can reach it (else it is shipped once through the run's parts folder)."""
    # The file name is the digest of format, database and snapshots.
    cached = _cache_path(engine, _snapshot_key(engine, as_of))
    # An as-of run reports its index's notes (snapshot in force, later files' dates, unknown entries), which only
    # the index holds: then this process loads it even on Dask; a run on the current lists never needs to.
    if scheduler is None or as_of is not None or not cached.is_file():
        index: ScreeningIndex | Path = load_index(engine, as_of)  # (writes the cache file the workers read)
    else:
        index = cached  # on Dask, this process never holds the index: the workers load it from the cache
    report = screen_file(
        index,
        input_csv,
        output_csv,
        id_column=id_column,
        name_column=name_column,
        country_column=country_column,
        threshold=threshold,
        top=top,
        scheduler=scheduler,
        progress=progress,
        index_path=cached,
    )
    return replace(report, notes=index.notes) if isinstance(index, ScreeningIndex) else report
