"""Batch screening uploads: check the whole CSV first (nothing starts on a bad file), then screen row by row in a
background job (:mod:`.jobs`: a record in the database, run by the worker pool) that reports progress and produces
the result CSV. The job's task carries only the database URL and its settings: the worker reads the upload from the
job's input file and loads the index from the on-disk index cache (or builds it).

Result columns follow ``exportctl screen-file``: ``id, query, rank, score, list, entry_id, primary_name,
matched_name`` plus ``country``, ``review_policy``, ``error`` and ``outcome``. Every input row has at least one
output row, so the file proves that every party was screened: one per hit (``outcome`` "hit"), one with ``outcome``
"no hit" and no entry when nothing reached the threshold, one with ``error`` filled in (``outcome`` "error") when the
engine cannot screen the query (only punctuation, an unknown country). :func:`summarise` counts them.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from exportctl.accounts.roles import Actor
from exportctl.csv_cells import SafeWriter
from exportctl.errors import ExportctlError, FileFormatError, InputError, Problem
from exportctl.http.context import ServiceContext
from exportctl.http.errors import BadUploadError
from exportctl.http.jobs import Job, ProgressCallback
from exportctl.screening import DEFAULT_THRESHOLD, ScreeningIndex, screen

MAX_ROWS = 100_000
MAX_NAME_LENGTH = 1_000
CSV_CONTENT_TYPES = frozenset(
    {"text/csv", "application/csv", "text/plain", "application/vnd.ms-excel", "application/octet-stream", ""}
)
RESULT_COLUMNS = (
    "id",
    "query",
    "rank",
    "score",
    "list",
    "entry_id",
    "primary_name",
    "matched_name",
    "country",
    "review_policy",
    "error",
    "outcome",
)
HIT, NO_HIT, ERROR = "hit", "no hit", "error"


@dataclass(frozen=True)
class BatchSummary:
    """What a result file says: input rows (parties) screened, with hits, without, and not screenable."""

    parties: int
    with_hits: int
    without_hits: int
    errors: int


def summarise(result_csv: bytes) -> BatchSummary:
    """Count a result file's parties by outcome: an input row's output rows are consecutive, its first has rank 1
    (a hit) or no rank (no hit, error)."""
    outcomes = [
        record.get("outcome") or ""
        for record in csv.DictReader(io.StringIO(result_csv.decode("utf-8"), newline=""))
        if (record.get("rank") or "") in ("", "1")
    ]
    return BatchSummary(len(outcomes), outcomes.count(HIT), outcomes.count(NO_HIT), outcomes.count(ERROR))


@dataclass(frozen=True)
class BatchRow:
    line: int
    id: str
    name: str
    country: str | None


@dataclass(frozen=True)
class BatchColumns:
    name: str = "name"
    id: str | None = "id"
    country: str | None = "country"


def parse_upload(data: bytes, filename: str, content_type: str, columns: BatchColumns) -> list[BatchRow]:
    """Every row of an uploaded CSV, or an error listing all its problems (file, line, field)."""
    if content_type.split(";")[0].strip().lower() not in CSV_CONTENT_TYPES:
        raise BadUploadError(f"{filename}: expected a CSV file (text/csv), got {content_type!r}", field="file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadUploadError(f"{filename}: not UTF-8 text (byte {exc.start} is invalid)", field="file") from None
    if "\x00" in text:
        raise BadUploadError(f"{filename}: binary content, not a CSV file", field="file")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = reader.fieldnames or []
    if columns.name not in header:
        found = ", ".join(header) or "no header row"
        raise FileFormatError(
            filename, [Problem(filename, 1, columns.name, f"missing column {columns.name!r} (found: {found})")]
        )
    rows: list[BatchRow] = []
    problems: list[Problem] = []
    try:
        for number, record in enumerate(reader, start=2):
            _check_row(filename, number, record, columns, rows, problems)
            if len(rows) > MAX_ROWS:
                raise BadUploadError(f"{filename}: more than {MAX_ROWS:,} rows; split the file", field="file")
    except csv.Error as exc:
        problems.append(Problem(filename, reader.line_num, None, f"malformed CSV: {exc}"))
    if problems:
        raise FileFormatError(filename, problems)
    if not rows:
        raise FileFormatError(filename, [Problem(filename, None, None, "no rows to screen")])
    return rows


def _check_row(
    filename: str,
    number: int,
    record: dict[str | Any, str | Any],
    columns: BatchColumns,
    rows: list[BatchRow],
    problems: list[Problem],
) -> None:
    if None in record:
        problems.append(Problem(filename, number, None, "more fields than the header has"))
        return
    name = (record.get(columns.name) or "").strip()
    if not name:
        problems.append(Problem(filename, number, columns.name, "empty name"))
        return
    if len(name) > MAX_NAME_LENGTH:
        problems.append(Problem(filename, number, columns.name, f"name longer than {MAX_NAME_LENGTH} characters"))
        return
    row_id = (record.get(columns.id) or "").strip() if columns.id else ""
    country = (record.get(columns.country) or "").strip() if columns.country else ""
    rows.append(BatchRow(line=number, id=row_id or str(number - 1), name=name, country=country or None))


def screen_rows(
    index: ScreeningIndex, rows: list[BatchRow], threshold: float, top: int, progress: Callable[[int, int], None]
) -> bytes:
    """Screen every row and return the result CSV (UTF-8), calling ``progress(done, total)`` as it goes."""
    out = io.StringIO(newline="")
    writer = SafeWriter(out)
    writer.writerow(RESULT_COLUMNS)
    total = len(rows)
    for done, row in enumerate(rows, start=1):
        writer.writerows(_result_rows(index, row, threshold, top))
        if done % 25 == 0 or done == total:
            progress(done, total)
    return out.getvalue().encode("utf-8")


def _result_rows(index: ScreeningIndex, row: BatchRow, threshold: float, top: int) -> list[list[object]]:
    try:
        result = screen(index, row.name, country=row.country, threshold=threshold, limit=top)
    except InputError as exc:
        return [[row.id, row.name, *[""] * 8, f"line {row.line}: {exc}", ERROR]]
    if not result.hits:
        return [[row.id, row.name, *[""] * 6, row.country or "", "", "", NO_HIT]]
    return [
        [row.id, row.name, rank, f"{hit.score:.4f}", hit.list, hit.entry_id, hit.primary_name]
        + [hit.matched_name, hit.country or "", hit.review_policy_text, "", HIT]
        for rank, hit in enumerate(result.hits, start=1)
    ]


def _shared_index(ctx: ServiceContext) -> Path:
    """The current index pickled once (per database, snapshot set and index format) into the jobs folder that every
    pool process and worker reads."""
    from exportctl.screening.index import INDEX_FORMAT
    from exportctl.screening.service import write_cached_index

    live = ctx.live_index()
    index = live.index
    url = ctx.engine.url.render_as_string(hide_password=True)
    digest = hashlib.sha256(f"v{INDEX_FORMAT}|{url}|{live.snapshot_ids}".encode()).hexdigest()[:32]
    path = ctx.jobs.directory / "index" / f"{digest}.pickle"
    if not path.is_file():
        write_cached_index(path, index)
    return path


@dataclass(frozen=True)
class ScreeningTask:
    """A batch job's work (picklable): screen the upload kept in the job's input file against the current lists."""

    database_url: str
    filename: str
    content_type: str
    columns: BatchColumns
    threshold: float
    top: int
    index_path: str | None = None  # the index the service screened against, pickled in the shared jobs folder

    def run(self, input_path: Path | None, progress: ProgressCallback) -> bytes:
        from exportctl.screening.service import load_index
        from exportctl.screening.worker import index_at
        from exportctl.store.db import make_engine

        if input_path is None:
            raise ExportctlError("the job has no input file")
        rows = parse_upload(input_path.read_bytes(), self.filename, self.content_type, self.columns)
        if self.index_path is not None and Path(self.index_path).is_file():
            index = index_at(self.index_path)  # once per pool process (or Dask worker), then kept
        else:
            engine = make_engine(self.database_url)
            try:
                index = load_index(engine)
            finally:
                engine.dispose()
        return screen_rows(index, rows, self.threshold, self.top, progress)


def start_batch_job(
    ctx: ServiceContext,
    principal: Actor,
    upload: bytes,
    filename: str,
    content_type: str,
    *,
    columns: BatchColumns,
    threshold: float | None,
    top: int,
) -> Job:
    """Check the upload in full, then queue it for the worker pool (nothing starts if the file is bad)."""
    rows = parse_upload(upload, filename, content_type, columns)
    index_path = _shared_index(ctx)  # no list imported: not found now, not a failed job later
    cutoff = DEFAULT_THRESHOLD if threshold is None else threshold
    url = ctx.engine.url.render_as_string(hide_password=False)
    task = ScreeningTask(url, filename, content_type, columns, cutoff, top, str(index_path))
    return ctx.jobs.start(principal, "screening", filename, len(rows), task, upload=upload)
