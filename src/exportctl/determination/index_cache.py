"""Disk cache for the screening index of a snapshot set other than the current one (a date before the latest import).

:func:`exportctl.screening.service.load_index` caches the current snapshots' index and as-of indexes of the
entries *in force* on a date; the determination needs every entry of the snapshots that speak for a date (entries
listed just after it count for the publication-lag check), so those indexes are cached here, under the data
directory, keyed by the database and the snapshot ids. Same rules as the screening cache: written to a temporary
name and renamed into place (a crash leaves no half-written file); an unreadable file or one written by another
index format is ignored and rebuilt; a read-only data directory only costs a rebuild. Reading and writing are
screening's own (:func:`~exportctl.screening.service.read_cached_index`, ``write_cached_index``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import Engine

from exportctl.lists.repository import entries_of_snapshots
from exportctl.screening import ScreeningIndex
from exportctl.screening.index import INDEX_FORMAT
from exportctl.screening.service import read_cached_index, write_cached_index
from exportctl.store.db import data_dir_of


def _key(engine: Engine, snapshot_ids: Sequence[int]) -> str:
    url = engine.url.render_as_string(hide_password=True)
    return f"v{INDEX_FORMAT}|{url}|snapshots|{','.join(str(i) for i in sorted(snapshot_ids))}"


def _path(engine: Engine, key: str) -> Path:
    name = f"{hashlib.sha256(key.encode()).hexdigest()[:32]}.pickle"
    return data_dir_of(engine) / "determination-index" / name


def index_of_snapshots(engine: Engine, snapshot_ids: Sequence[int]) -> ScreeningIndex:
    """The index over every entry of ``snapshot_ids``, from the disk cache or built (and then cached)."""
    key = _key(engine, snapshot_ids)
    path = _path(engine, key)
    cached = read_cached_index(path, key)
    if cached is not None:
        return cached
    index = ScreeningIndex.build(entries_of_snapshots(engine, snapshot_ids), snapshot_key=key)
    write_cached_index(path, index)
    return index
