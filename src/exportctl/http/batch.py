"""Batch screening uploads, run as background jobs (:mod:`.jobs`) on the same streaming pipeline as
``exportctl screen-file`` (:func:`exportctl.screening.batch.screen_file`): one code path, the same output.

1. The upload is streamed to a file in the jobs folder (:func:`save_upload`), a chunk at a time, never held in
   memory; a CSV upload must be UTF-8 text (checked as it streams: the first bad byte's line is named).
2. The file is planned (:func:`~exportctl.screening.partitions.plan`: one pass, keeping only partition boundaries):
   a missing column or an empty file is refused now (nothing starts), and its row count is checked against the
   user's row budget.
3. The job's task screens the file partition by partition (in a pool process, or on the Dask cluster) against the
   index the service screened against (pickled once into the shared jobs folder), writes the result (CSV or
   Parquet) into the results folder, and a small summary beside it. Progress is the rows of the partitions done.

The result has screen-file's columns (:data:`~exportctl.screening.worker.OUTPUT_COLUMNS`) and its contract: one row
per hit, one ``no hit`` row per name without hits, one ``not screened (line N): ...`` row per bad row, in input
order; the bytes are those ``screen-file`` writes for the same input and options.
"""

from __future__ import annotations

import codecs
import hashlib
import itertools
import json
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

from exportctl.accounts.roles import Actor
from exportctl.errors import ExportctlError, FileFormatError, InputError, Problem
from exportctl.http.context import ServiceContext
from exportctl.http.errors import BadUploadError, UploadTooLarge
from exportctl.http.jobs import Job, ProgressCallback, summary_path
from exportctl.screening import DEFAULT_THRESHOLD
from exportctl.screening.partitions import PARTITION_BYTES, Format, Plan, plan

CHUNK_BYTES = 1 << 20
CSV_CONTENT_TYPES = frozenset(
    {"text/csv", "application/csv", "text/plain", "application/vnd.ms-excel", "application/octet-stream", ""}
)
PARQUET_CONTENT_TYPES = frozenset(
    {"application/vnd.apache.parquet", "application/x-parquet", "application/parquet", "application/octet-stream", ""}
)
PARQUET_MAGIC = b"PAR1"
ResultFormat = Literal["csv", "parquet"]
MEDIA_TYPES: dict[str, str] = {"csv": "text/csv; charset=utf-8", "parquet": "application/vnd.apache.parquet"}


class Upload(Protocol):
    """An uploaded file as the web framework hands it over (Starlette's ``UploadFile``)."""

    async def read(self, size: int = -1) -> bytes: ...


async def upload_chunks(upload: Upload) -> AsyncIterator[bytes]:
    while chunk := await upload.read(CHUNK_BYTES):
        yield chunk


@dataclass(frozen=True)
class BatchColumns:
    name: str = "name"
    id: str | None = "id"  # None: a row's id is its row number
    country: str | None = "country"


def upload_format(filename: str, content_type: str, head: bytes) -> Format:
    """Parquet by its magic bytes (or name), else CSV; a content type that is neither is refused."""
    kind = content_type.split(";")[0].strip().lower()
    if head.startswith(PARQUET_MAGIC) or filename.lower().endswith((".parquet", ".pq")):
        if kind not in PARQUET_CONTENT_TYPES:
            raise BadUploadError(f"{filename}: a Parquet file sent as {content_type!r}", field="file")
        return "parquet"
    if kind not in CSV_CONTENT_TYPES:
        raise BadUploadError(f"{filename}: expected a CSV or Parquet file, got {content_type!r}", field="file")
    return "csv"


class _Utf8Check:
    """Checks a CSV upload as it streams: UTF-8 text without NUL; a refusal names the line of the first bad byte."""

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.decoder = codecs.getincrementaldecoder("utf-8")()
        self.lines = 1
        self.offset = 0

    def feed(self, chunk: bytes, final: bool = False) -> None:
        try:
            text = self.decoder.decode(chunk, final)
        except UnicodeDecodeError as error:
            line = self.lines + chunk[: error.start].count(b"\n")
            where = f"line {line}, byte {self.offset + error.start}"
            message = f"{self.filename}: not UTF-8 text ({where}): save it as UTF-8"
            raise BadUploadError(message, field="file") from None
        if "\x00" in text:
            raise BadUploadError(f"{self.filename}: binary content, not a CSV file", field="file")
        self.lines += chunk.count(b"\n")
        self.offset += len(chunk)


async def save_upload(
    chunks: AsyncIterator[bytes], target: Path, filename: str, content_type: str, max_bytes: int
) -> Format:
    """Stream an upload into ``target``, a chunk at a time; its format; a file over ``max_bytes``, of another
    content type, or (CSV) not UTF-8 is refused and ``target`` deleted."""
    try:
        kind: Format | None = None
        check = _Utf8Check(filename)
        size = 0
        with target.open("wb") as out:
            async for chunk in chunks:
                if kind is None:
                    kind = upload_format(filename, content_type, chunk[:4])
                size += len(chunk)
                if size > max_bytes:
                    raise UploadTooLarge(
                        f"{filename}: more than {max_bytes:,} bytes, the most one batch upload may hold "
                        "(setting EXPORTCTL_BATCH_MAX_UPLOAD_BYTES): split the file",
                        field="file",
                    )
                if kind == "csv":
                    check.feed(chunk)
                out.write(chunk)
        if kind is None:
            raise FileFormatError(filename, [Problem(filename, 1, None, "the file is empty; expected a header row")])
        if kind == "csv":
            check.feed(b"", final=True)
        return kind
    except BaseException:
        target.unlink(missing_ok=True)
        raise


def _plan(path: Path, filename: str, kind: Format, columns: BatchColumns) -> Plan:
    """The upload's partitions; errors name the upload's file name, never the server's path."""
    try:
        return plan(path, columns.id, columns.name, columns.country, format=kind)
    except FileFormatError as error:
        problems = [Problem(filename, p.line, p.field, p.message) for p in error.problems]
        raise FileFormatError(filename, problems) from None
    except InputError as error:
        raise InputError(str(error).replace(str(path), filename), field=error.field) from None


def _shared_index(ctx: ServiceContext) -> Path:
    """The current index pickled once (per database, snapshot set and index format) into the jobs folder that every
    pool process and worker reads."""
    from exportctl.screening.index import INDEX_FORMAT
    from exportctl.screening.service import write_cached_index

    live = ctx.live_index()
    url = ctx.engine.url.render_as_string(hide_password=True)
    digest = hashlib.sha256(f"v{INDEX_FORMAT}|{url}|{live.snapshot_ids}".encode()).hexdigest()[:32]
    path = ctx.jobs.directory / "index" / f"{digest}.pickle"
    if not path.is_file():
        write_cached_index(path, live.index)
    return path


@dataclass(frozen=True)
class ScreeningTask:
    """A batch job's work (picklable): ``screen_file`` over the job's input file, into its result file."""

    filename: str
    columns: BatchColumns
    threshold: float
    top: int
    index_path: str  # the index the service screened against, pickled in the shared jobs folder
    input_format: Format
    output_format: ResultFormat
    scheduler: str | None = None  # a Dask scheduler: the partitions run on its workers
    partition_bytes: int = PARTITION_BYTES

    def run(self, input_path: Path | None, result_stem: Path, progress: ProgressCallback) -> Path:
        if input_path is None:
            raise ExportctlError("the job has no input file")
        output = result_stem.with_name(f"{result_stem.name}.{self.output_format}")
        try:
            return self._run(input_path, output, progress)
        except ExportctlError as error:  # the user sees the file name they uploaded, never the server's paths
            raise ExportctlError(str(error).replace(str(input_path), self.filename)) from None

    def _run(self, input_path: Path, output: Path, progress: ProgressCallback) -> Path:
        from exportctl.screening.batch import screen_file

        report = screen_file(
            Path(self.index_path),
            input_path,
            output,
            id_column=self.columns.id,
            name_column=self.columns.name,
            country_column=self.columns.country,
            threshold=self.threshold,
            top=self.top,
            scheduler=self.scheduler,
            progress=progress,
            index_path=self.index_path,
            partition_bytes=self.partition_bytes,
            input_format=self.input_format,
            output_format=self.output_format,
        )
        if report.unreadable:  # a CSV upload was checked as UTF-8: only a damaged Parquet row group gets here
            output.unlink(missing_ok=True)
            first = report.unreadable[0]
            raise FileFormatError(self.filename, [Problem(self.filename, first.line, None, first.message)])
        summary = {
            "parties": report.rows,
            "with_hits": report.with_hits,
            "without_hits": report.screened - report.with_hits,
            "not_screened": len(report.bad_rows),
            "rows_written": report.hits_written,
        }
        summary_path(output).write_text(json.dumps(summary), encoding="utf-8")
        return output


def start_batch_job(
    ctx: ServiceContext,
    principal: Actor,
    input_path: Path,
    filename: str,
    input_format: Format,
    *,
    columns: BatchColumns,
    threshold: float | None,
    top: int,
    output_format: ResultFormat = "csv",
    partition_bytes: int = PARTITION_BYTES,
) -> Job:
    """Plan the upload streamed to ``input_path`` (a missing column or an empty file is refused: nothing starts),
    then queue it for the worker pool. ``input_path`` is the job's from now on: deleted on refusal or once run."""
    try:
        work = _plan(input_path, filename, input_format, columns)
        if work.records == 0:
            raise FileFormatError(filename, [Problem(filename, None, None, "no rows to screen")])
        index_path = _shared_index(ctx)  # no list imported: not found now, not a failed job later
    except BaseException:
        input_path.unlink(missing_ok=True)
        raise
    cutoff = DEFAULT_THRESHOLD if threshold is None else threshold
    task = ScreeningTask(
        filename,
        columns,
        cutoff,
        top,
        str(index_path),
        input_format,
        output_format,
        ctx.jobs.dask_scheduler,
        partition_bytes,
    )
    return ctx.jobs.start(principal, "screening", filename, work.records, task, input_path=input_path)


def result_filename(job: Job, path: Path) -> str:
    """The download's name: the upload's stem (letters, digits, ``-`` and ``_`` only) + ``-hits`` + the format."""
    stem = job.filename.rsplit(".", 1)[0] or "screening"
    safe = "".join(c for c in stem if c.isalnum() or c in "-_")[:80] or "screening"
    return f"{safe}-hits{path.suffix}"


def preview_rows(path: Path, limit: int) -> list[dict[str, Any]]:
    """The first ``limit`` rows of a result file (CSV or Parquet), read without reading the rest."""
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq

        batches: Iterator[Any] = pq.ParquetFile(path).iter_batches(batch_size=limit)
        first = next(batches, None)
        return [] if first is None else list(first.to_pylist())
    import csv

    with path.open(encoding="utf-8", newline="") as f:
        return list(itertools.islice(csv.DictReader(f), limit))
