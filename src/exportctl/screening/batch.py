"""Screening a CSV file of names: one output row per hit, bad rows reported with their line, the rest screened.

The output is written to a temporary file beside the target and renamed into place at the end, so a failed run never
leaves a half-written result. With a Dask scheduler address the rows are screened on the cluster
(:mod:`exportctl.screening.distributed`, which imports only :mod:`.rows`); the rows, their order and the bytes
written are the same either way.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from exportctl.csv_cells import SafeWriter
from exportctl.errors import ExportctlError, FileFormatError, InputError, Problem
from exportctl.screening.engine import DEFAULT_THRESHOLD
from exportctl.screening.index import ScreeningIndex
from exportctl.screening.rows import InputRow, RowOutcome, screen_rows

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
)

Progress = Callable[[int, int], None]  # (rows done, rows total)


@dataclass(frozen=True)
class BatchReport:
    """What a batch run did: rows read, screened, with hits; hit rows written; bad rows with their line."""

    input_path: str
    output_path: str
    rows: int
    screened: int
    with_hits: int
    hits_written: int
    bad_rows: tuple[Problem, ...]
    seconds: float

    @property
    def names_per_second(self) -> float:
        return self.screened / self.seconds if self.seconds > 0 else 0.0


def read_rows(path: Path, id_column: str, name_column: str, country_column: str | None) -> list[InputRow]:
    """Read and check the input CSV; a missing column or undecodable bytes raise an error naming them."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror})", field="input") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        problem = Problem(str(path), line, None, f"not UTF-8 text (byte 0x{data[error.start]:02x}); save it as UTF-8")
        raise FileFormatError(str(path), [problem]) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None:
        raise FileFormatError(str(path), [Problem(str(path), 1, None, "the file is empty; expected a header row")])
    header = [h.strip() for h in header]
    for column in (id_column, name_column):
        if column not in header:
            message = f"{path}: no column {column!r} in the header (columns: {', '.join(header)})"
            raise InputError(message, field=column)
    positions = (header.index(id_column), header.index(name_column))
    country_at = header.index(country_column) if country_column and country_column in header else None
    rows: list[InputRow] = []
    for record in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in record):
            continue
        cells = [*record, *[""] * (len(header) - len(record))]
        country = cells[country_at] if country_at is not None else ""
        rows.append(InputRow(line, cells[positions[0]].strip(), cells[positions[1]], country))
    return rows


def _screen_locally(
    index: ScreeningIndex, rows: list[InputRow], threshold: float, top: int, progress: Progress | None
) -> list[RowOutcome]:
    outcomes: list[RowOutcome] = []
    step = 500
    for start in range(0, len(rows), step):
        outcomes.extend(screen_rows(index, rows[start : start + step], threshold, top))
        if progress is not None:
            progress(len(outcomes), len(rows))
    return outcomes


def _write(output: Path, outcomes: list[RowOutcome]) -> int:
    output.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    handle, temp = tempfile.mkstemp(prefix=f".{output.name}.", dir=output.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as f:
            writer = SafeWriter(f, lineterminator="\n")
            writer.writerow(OUTPUT_COLUMNS)
            for outcome in outcomes:
                writer.writerows(outcome.rows)
                written += len(outcome.rows)
        os.replace(temp, output)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return written


def screen_file(
    index: ScreeningIndex,
    input_csv: Path | str,
    output_csv: Path | str,
    *,
    id_column: str = "id",
    name_column: str = "name",
    country_column: str | None = "country",
    threshold: float = DEFAULT_THRESHOLD,
    top: int = 5,
    scheduler: str | None = None,
    progress: Progress | None = None,
) -> BatchReport:
    """Screen every row of ``input_csv``; write one row per hit (columns :data:`OUTPUT_COLUMNS`) to ``output_csv``."""
    if top < 1:
        raise InputError(f"top must be at least 1, got {top}", field="top")
    if not 0.0 <= threshold <= 1.0:
        raise InputError(f"threshold must be between 0 and 1, got {threshold}", field="threshold")
    input_path, output_path = Path(input_csv), Path(output_csv)
    started = time.perf_counter()
    rows = read_rows(input_path, id_column, name_column, country_column)
    if scheduler:
        from exportctl.screening.distributed import screen_rows_on_dask

        try:
            outcomes = screen_rows_on_dask(index, rows, scheduler, threshold=threshold, top=top, progress=progress)
        except (OSError, TimeoutError) as error:
            raise ExportctlError(f"cannot use the Dask scheduler at {scheduler}: {error}") from None
    else:
        outcomes = _screen_locally(index, rows, threshold, top, progress)
    written = _write(output_path, outcomes)
    columns = {"name": name_column, "country": country_column}
    bad = tuple(
        Problem(str(input_path), o.line, columns.get(o.field or "", o.field), o.problem)
        for o in outcomes
        if o.problem is not None
    )
    return BatchReport(
        input_path=str(input_path),
        output_path=str(output_path),
        rows=len(rows),
        screened=len(rows) - len(bad),
        with_hits=sum(1 for o in outcomes if o.rows),
        hits_written=written,
        bad_rows=bad,
        seconds=time.perf_counter() - started,
    )
