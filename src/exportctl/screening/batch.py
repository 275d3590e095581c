"""Screening a file of names (CSV or Parquet), streamed: one code path whether it runs here or on a Dask cluster.

1. :func:`~exportctl.screening.partitions.plan` cuts the input into partitions (byte ranges at record boundaries, or
   Parquet row groups), reading it once and keeping only the boundaries.
2. Each partition is screened where it lies (:func:`~exportctl.screening.worker.screen_partition`): read by the
   worker itself, screened with the index loaded once per worker, written as its own part file in a parts folder
   beside the output. Here (no scheduler) the partitions run one after the other in this process; with a scheduler
   address they run on the cluster (:mod:`.distributed`); only small summaries come back.
3. The parts are concatenated in input order into a temporary file beside the output, renamed into place at the
   end. On any failure the temporary file and the parts are deleted: no partial file under the output name.

The output has one row per hit, one ``no hit`` row per name without hits and one ``not screened`` row per bad row,
so every input row is accounted for; the bytes are the same whichever runner screened them. The parts folder and
the output must be on a filesystem the workers can write to (local disk for a local cluster, a shared one else).
"""

from __future__ import annotations

import os
import pickle
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from exportctl.errors import ExportctlError, FileFormatError, InputError, Problem
from exportctl.screening.engine import DEFAULT_THRESHOLD
from exportctl.screening.index import ScreeningIndex
from exportctl.screening.partitions import PARTITION_BYTES, Format, Plan, plan
from exportctl.screening.worker import (
    OUTPUT_COLUMNS,
    OutputFormat,
    PartitionResult,
    Settings,
    csv_header,
    screen_partition,
)

__all__ = ["OUTPUT_COLUMNS", "BatchReport", "Progress", "screen_file"]

Progress = Callable[[int, int], None]  # (rows done, rows total), called as partitions finish


@dataclass(frozen=True)
class BatchReport:
    """What a batch run did: rows read, screened, with hits; output rows written; bad rows with their line;
    partitions that could not be read (bad encoding) with their byte range and first bad line."""

    input_path: str
    output_path: str
    rows: int
    screened: int
    with_hits: int
    hits_written: int  # output rows written (hit, no-hit and not-screened rows)
    bad_rows: tuple[Problem, ...]
    seconds: float
    partitions: int = 0
    unreadable: tuple[Problem, ...] = ()
    notes: tuple[str, ...] = ()  # what the index says about its data (an as-of run: see ScreeningIndex.notes)

    @property
    def names_per_second(self) -> float:
        return self.screened / self.seconds if self.seconds > 0 else 0.0


def output_format_of(path: Path) -> OutputFormat:
    return "parquet" if path.suffix.lower() in (".parquet", ".pq") else "csv"


def _run_locally(work: Plan, index: ScreeningIndex | str, settings: Settings) -> Iterator[PartitionResult]:
    for partition in work.partitions:
        yield screen_partition(partition, work.columns, index, settings)


def screen_file(
    index: ScreeningIndex | Path,
    input_file: Path | str,
    output_file: Path | str,
    *,
    id_column: str | None = "id",
    name_column: str = "name",
    country_column: str | None = "country",
    threshold: float = DEFAULT_THRESHOLD,
    top: int = 5,
    scheduler: str | None = None,
    progress: Progress | None = None,
    index_path: Path | str | None = None,
    partition_bytes: int = PARTITION_BYTES,
    input_format: Format | None = None,
    output_format: OutputFormat | None = None,
) -> BatchReport:
    """Screen every row of ``input_file`` (CSV, or Parquet by its suffix) into ``output_file`` (CSV or Parquet, by
    its suffix): columns :data:`OUTPUT_COLUMNS`, in input order.

    ``index`` is the index, or the path of a pickled one (then this process never loads it when the run is on
    Dask). ``index_path`` is a pickled copy of ``index`` that Dask workers can read (the on-disk index cache);
    without either path a run on Dask writes one into its parts folder. Raises :class:`InputError` for a missing
    file or column and :class:`ExportctlError` when the cluster cannot finish; the output file is then not written.
    """
    if top < 1:
        raise InputError(f"top must be at least 1, got {top}", field="top")
    if not 0.0 <= threshold <= 1.0:
        raise InputError(f"threshold must be between 0 and 1, got {threshold}", field="threshold")
    input_path, output_path = Path(input_file), Path(output_file)
    kind = output_format or output_format_of(output_path)
    started = time.perf_counter()
    work = plan(
        input_path, id_column, name_column, country_column, partition_bytes=partition_bytes, format=input_format
    )
    output_path.parent.mkdir(parents=True, exist_ok=True)
    parts_dir = Path(tempfile.mkdtemp(prefix=f".{output_path.name}.parts-", dir=output_path.parent))
    settings = Settings(threshold=threshold, top=top, output_format=kind, parts_dir=str(parts_dir))
    results: list[PartitionResult | None] = [None] * len(work.partitions)
    finished: Iterator[PartitionResult] = iter(())
    try:
        if scheduler:
            from exportctl.screening.distributed import run_on_dask

            if isinstance(index, Path):
                index_path = index
            shipped = str(index_path) if index_path is not None and Path(index_path).is_file() else None
            if shipped is None:
                shipped = str(parts_dir / "index.pickle")
                with open(shipped, "wb") as f:  # noqa: PTH123
                    pickle.dump(index, f, protocol=pickle.HIGHEST_PROTOCOL)
            finished = run_on_dask(work, shipped, settings, scheduler)
        else:
            finished = _run_locally(work, str(index) if isinstance(index, Path) else index, settings)
        done = 0
        for result in finished:
            results[result.number] = result
            done += result.records
            if progress is not None:
                progress(done, work.records)
        complete = [r for r in results if r is not None]
        if len(complete) != len(results):
            raise ExportctlError("the run ended before every partition was screened")
        if work.partitions and all(r.unreadable is not None for r in complete):
            problems = [r.unreadable for r in complete if r.unreadable is not None]
            raise FileFormatError(str(input_path), problems)
        _assemble(output_path, complete, kind)
    finally:
        close = getattr(finished, "close", None)
        if close is not None:
            close()  # a Dask run cancels what is still queued
        remove_parts(parts_dir)
    return BatchReport(
        input_path=str(input_path),
        output_path=str(output_path),
        rows=sum(r.rows for r in complete),
        screened=sum(r.screened for r in complete),
        with_hits=sum(r.with_hits for r in complete),
        hits_written=sum(r.rows_written for r in complete),
        bad_rows=tuple(p for r in complete for p in r.bad_rows),
        seconds=time.perf_counter() - started,
        partitions=len(complete),
        unreadable=tuple(r.unreadable for r in complete if r.unreadable is not None),
    )


def remove_parts(parts_dir: Path, attempts: int = 50) -> None:
    """Delete the parts folder, again while a late writer keeps refilling it.

    A cancelled Dask task that is already running cannot be stopped: it may write its part while the folder is
    being deleted, and one ``rmtree`` then leaves the folder behind. Workers never create the folder, so once it
    is gone nothing can bring it back.
    """
    for _ in range(attempts):
        shutil.rmtree(parts_dir, ignore_errors=True)
        if not parts_dir.exists():
            return
        time.sleep(0.02)


def _assemble(output: Path, results: list[PartitionResult], kind: OutputFormat) -> None:
    """Concatenate the parts in input order into a temporary file, then rename it to ``output``."""
    handle, temp = tempfile.mkstemp(prefix=f".{output.name}.", dir=output.parent)
    try:
        if kind == "parquet":
            os.close(handle)
            _assemble_parquet(temp, results)
        else:
            with os.fdopen(handle, "wb") as out:
                out.write(csv_header().encode("utf-8"))
                for result in results:
                    if result.part is not None:
                        with open(result.part, "rb") as part:  # noqa: PTH123
                            shutil.copyfileobj(part, out, 1 << 20)
        os.replace(temp, output)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _assemble_parquet(temp: str, results: list[PartitionResult]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(name, pa.string()) for name in OUTPUT_COLUMNS])
    with pq.ParquetWriter(temp, schema) as writer:
        for result in results:
            if result.part is not None:
                writer.write_table(pq.read_table(result.part, schema=schema))  # one part in memory at a time
