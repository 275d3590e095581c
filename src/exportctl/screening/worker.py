"""One partition, screened where it lies: read it, screen its rows, write its part of the output to the parts folder.

The same function runs in the local process and on a Dask worker. A worker loads the index once from the pickled
index file it is given (the on-disk index cache, or a copy the run wrote beside its parts) and keeps it for the
partitions that follow; a replacement worker loads it again. What comes back to the client is a small summary, never
the rows: the client never holds the input nor the results.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from exportctl.csv_cells import SafeWriter
from exportctl.errors import Problem
from exportctl.screening.gc_pause import cyclic_gc_paused
from exportctl.screening.index import ScreeningIndex, preload_query_tables
from exportctl.screening.partitions import Columns, Partition, UnreadablePartition, read_partition
from exportctl.screening.rows import RowOutcome, screen_rows

OutputFormat = Literal["csv", "parquet"]
OUTPUT_COLUMNS = (
    "id",
    "query",
    "query_country",
    "rank",
    "score",
    "list",
    "entry_id",
    "primary_name",
    "matched_name",
    "entry_country",
    "note",
)
NO_HIT = "no hit"

_lock = threading.Lock()
_loaded: tuple[str, int, ScreeningIndex] | None = None  # (path, mtime_ns, index): one index per worker process


@dataclass(frozen=True)
class Settings:
    threshold: float
    top: int
    output_format: OutputFormat
    parts_dir: str


@dataclass(frozen=True)
class PartitionResult:
    """What screening one partition did; its output rows are in ``part`` (None when the partition was unreadable)."""

    number: int
    records: int
    rows: int
    screened: int
    with_hits: int
    rows_written: int
    bad_rows: tuple[Problem, ...]
    unreadable: Problem | None
    part: str | None


def index_at(path: str) -> ScreeningIndex:
    """The index pickled at ``path``, loaded once per process (again only if the file changed)."""
    global _loaded
    stamp = os.stat(path).st_mtime_ns
    with _lock:
        if _loaded is not None and _loaded[0] == path and _loaded[1] == stamp:
            return _loaded[2]
        _loaded = None  # the old one goes before the new one loads: one index in memory at a time
        with open(path, "rb") as f, cyclic_gc_paused():  # noqa: PTH123
            index = pickle.load(f)
        if not isinstance(index, ScreeningIndex):
            raise TypeError(f"{path} does not hold a screening index")
        preload_query_tables()
        _loaded = (path, stamp, index)
        return index


def part_path(parts_dir: str, number: int, output_format: OutputFormat) -> str:
    return os.path.join(parts_dir, f"part-{number:07d}.{output_format}")


def output_rows(outcomes: list[RowOutcome]) -> list[tuple[str, ...]]:
    """One row per hit; one ``no hit`` row for a name without hits; one ``not screened`` row for a bad row. The note
    column carries what the result says about the name besides (a script read letter by letter, a name cut short)."""
    out: list[tuple[str, ...]] = []
    for outcome in outcomes:
        if outcome.rows:
            out.extend(outcome.rows)
        else:
            note = NO_HIT if outcome.problem is None else f"not screened (line {outcome.line}): {outcome.problem}"
            empty = ("",) * (len(OUTPUT_COLUMNS) - 4)  # rank … entry_country: no hit to fill them
            out.append((outcome.id, outcome.name, outcome.country, *empty, "; ".join((note, *outcome.notes))))
    return out


def screen_partition(
    partition: Partition, columns: Columns, index: ScreeningIndex | str, settings: Settings
) -> PartitionResult:
    """Screen one partition and write its output part; bad rows and an unreadable partition are reported."""
    loaded = index_at(index) if isinstance(index, str) else index
    try:
        rows = read_partition(partition, columns)
    except UnreadablePartition as error:
        return PartitionResult(partition.number, partition.records, 0, 0, 0, 0, (), error.problem, None)
    outcomes = screen_rows(loaded, rows, settings.threshold, settings.top)
    out = output_rows(outcomes)
    path = part_path(settings.parts_dir, partition.number, settings.output_format)
    _write_part(path, out, settings.output_format)
    names = {"name": columns.names[1], "country": columns.names[2]}
    bad = tuple(
        Problem(partition.path, o.line, names.get(o.field or "", o.field), o.problem)
        for o in outcomes
        if o.problem is not None
    )
    return PartitionResult(
        number=partition.number,
        records=partition.records,
        rows=len(rows),
        screened=len(rows) - len(bad),
        with_hits=sum(1 for o in outcomes if o.rows),
        rows_written=len(out),
        bad_rows=bad,
        unreadable=None,
        part=path,
    )


def _write_part(path: str, rows: list[tuple[str, ...]], output_format: OutputFormat) -> None:
    """Written to a temporary name and renamed: a recomputed partition never leaves a half part behind."""
    temp = f"{path}.{os.getpid()}.{threading.get_ident()}.tmp"
    try:
        if output_format == "parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            table = pa.table({name: [r[i] for r in rows] for i, name in enumerate(OUTPUT_COLUMNS)})
            pq.write_table(table.cast(pa.schema([(n, pa.string()) for n in OUTPUT_COLUMNS])), temp)
        else:
            with open(temp, "w", encoding="utf-8", newline="") as f:  # noqa: PTH123
                SafeWriter(f, lineterminator="\n").writerows(rows)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temp).unlink()
        raise


def csv_header() -> str:
    return ",".join(OUTPUT_COLUMNS) + "\n"  # plain names: nothing to quote
