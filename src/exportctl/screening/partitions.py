"""Cutting an input file into partitions that a worker reads by itself, keeping every row's original line number.

A CSV file is cut at record boundaries (a newline outside quotes: RFC 4180 doubles quotes inside a quoted field, so
the count of ``"`` seen so far is even there) about every ``partition_bytes`` bytes. The planner reads the file once,
a line at a time, keeping nothing but the boundaries (constant memory whatever the file's size); each
:class:`Partition` holds its byte range and the line number its first line has, and the worker that screens it reads
just that range (local disk, a shared filesystem, or any fsspec URL workers can open). Bytes that are not UTF-8
make only their own partition unreadable. A Parquet file is cut at its row groups; a row's "line" is the line it
would have in the same data as CSV (header = line 1), so problems read the same for both formats.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from exportctl.errors import FileFormatError, InputError, Problem
from exportctl.screening.rows import InputRow

PARTITION_BYTES = 1 << 20  # about 25,000 names of 40 bytes: a few seconds of screening per partition
Format = Literal["csv", "parquet"]


@dataclass(frozen=True)
class Columns:
    """Where the id, name and (optional) country are in each record; ``width`` is the header's field count. Without
    an id column (``id_at`` None) a row's id is its row number (its line number less one)."""

    id_at: int | None
    name_at: int
    country_at: int | None
    width: int
    names: tuple[str | None, str, str | None]  # the column names, for problems


@dataclass(frozen=True)
class Partition:
    """Bytes ``start``..``end`` of a CSV file (whose first line is ``first_line``), or row groups ``start``..``end``
    of a Parquet file (whose first row is on CSV-equivalent ``first_line``); ``records`` counts the rows in it."""

    number: int
    path: str
    format: Format
    start: int
    end: int
    first_line: int
    records: int

    def where(self) -> str:
        if self.format == "csv":
            return f"bytes {self.start}-{self.end} (from line {self.first_line})"
        return f"row groups {self.start}-{self.end - 1} (from line {self.first_line})"


@dataclass(frozen=True)
class Plan:
    columns: Columns
    partitions: tuple[Partition, ...]

    @property
    def records(self) -> int:
        return sum(p.records for p in self.partitions)


def detect_format(path: Path) -> Format:
    return "parquet" if path.suffix.lower() in (".parquet", ".pq") else "csv"


def _columns(
    path: Path, header: list[str], id_column: str | None, name_column: str, country_column: str | None
) -> Columns:
    header = [h.strip() for h in header]
    for column in (id_column, name_column):
        if column is not None and column not in header:
            message = f"{path}: no column {column!r} in the header (columns: {', '.join(header)})"
            raise InputError(message, field=column)
    country_at = header.index(country_column) if country_column and country_column in header else None
    names = (id_column, name_column, country_column)
    id_at = header.index(id_column) if id_column is not None else None
    return Columns(id_at, header.index(name_column), country_at, len(header), names)


def plan(
    path: Path,
    id_column: str | None,
    name_column: str,
    country_column: str | None,
    *,
    partition_bytes: int = PARTITION_BYTES,
    format: Format | None = None,
) -> Plan:
    """The file's columns and partitions; a missing file or column, or an unreadable header, raise naming them."""
    kind = format or detect_format(path)
    try:
        if kind == "parquet":
            return _plan_parquet(path, id_column, name_column, country_column)
        return _plan_csv(path, id_column, name_column, country_column, partition_bytes)
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror or error})", field="input") from None


def _plan_csv(
    path: Path, id_column: str | None, name_column: str, country_column: str | None, partition_bytes: int
) -> Plan:
    partitions: list[Partition] = []
    with path.open("rb") as f:
        header_bytes = b""
        header_lines = 0
        for raw in f:  # the header record, which may span lines inside quotes
            header_bytes += raw
            header_lines += 1
            if header_bytes.count(b'"') % 2 == 0:
                break
        if not header_bytes.strip():
            raise FileFormatError(str(path), [Problem(str(path), 1, None, "the file is empty; expected a header row")])
        try:
            header_text = header_bytes.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            message = f"header not UTF-8 text (byte 0x{header_bytes[error.start]:02x}); save the file as UTF-8"
            raise FileFormatError(str(path), [Problem(str(path), 1, None, message)]) from None
        header = next(csv.reader(io.StringIO(header_text, newline="")), [])
        columns = _columns(path, header, id_column, name_column, country_column)
        offset = start = len(header_bytes)
        line = first = header_lines + 1
        records = 0
        odd = False
        for raw in f:
            offset += len(raw)
            line += 1
            odd ^= raw.count(b'"') % 2 == 1
            if not odd:
                records += 1
                if offset - start >= partition_bytes:
                    partitions.append(Partition(len(partitions), str(path), "csv", start, offset, first, records))
                    start, first, records = offset, line, 0
        if offset > start:
            records += 1 if odd else 0  # an unterminated quote runs to the end: one (malformed) record
            partitions.append(Partition(len(partitions), str(path), "csv", start, offset, first, records))
    return Plan(columns, tuple(partitions))


def _plan_parquet(path: Path, id_column: str | None, name_column: str, country_column: str | None) -> Plan:
    import pyarrow.parquet as pq

    try:
        meta = pq.ParquetFile(path).metadata
    except OSError:
        raise
    except Exception as error:  # noqa: BLE001 - pyarrow raises ArrowInvalid for a file that is not Parquet
        raise FileFormatError(str(path), [Problem(str(path), None, None, f"not a Parquet file: {error}")]) from None
    columns = _columns(path, list(meta.schema.names), id_column, name_column, country_column)
    partitions: list[Partition] = []
    line = 2
    for group in range(meta.num_row_groups):
        rows = meta.row_group(group).num_rows
        partitions.append(Partition(group, str(path), "parquet", group, group + 1, line, rows))
        line += rows
    return Plan(columns, tuple(partitions))


class UnreadablePartition(Exception):  # noqa: N818 - a partition's state, carried back as a problem
    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def read_partition(partition: Partition, columns: Columns) -> list[InputRow]:
    """The partition's non-blank rows with their original line numbers; raises :class:`UnreadablePartition`."""
    if partition.format == "parquet":
        return _read_parquet(partition, columns)
    with open(partition.path, "rb") as f:  # noqa: PTH123 - the path may be on any filesystem workers see
        f.seek(partition.start)
        data = f.read(partition.end - partition.start)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = partition.first_line + data[: error.start].count(b"\n")
        message = (
            f"not UTF-8 text (byte 0x{data[error.start]:02x} at byte {partition.start + error.start}); "
            f"{partition.where()} not screened: save the file as UTF-8"
        )
        raise UnreadablePartition(Problem(partition.path, line, None, message)) from None
    return list(_rows(partition, columns, text))


def _rows(partition: Partition, columns: Columns, text: str) -> Iterator[InputRow]:
    reader = csv.reader(io.StringIO(text, newline=""))
    before = 0  # physical lines read before this record
    try:
        for record in reader:
            line = partition.first_line + before
            before = reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            cells = [*record, *[""] * (columns.width - len(record))]
            country = cells[columns.country_at] if columns.country_at is not None else ""
            row_id = cells[columns.id_at].strip() if columns.id_at is not None else str(line - 1)
            yield InputRow(line, row_id, cells[columns.name_at], country)
    except csv.Error as error:
        line = partition.first_line + before
        message = f"malformed CSV ({error}); {partition.where()} not screened from this line on"
        raise UnreadablePartition(Problem(partition.path, line, None, message)) from None


def _read_parquet(partition: Partition, columns: Columns) -> list[InputRow]:
    import pyarrow.parquet as pq

    id_name, name_name, country_name = columns.names
    with_country = columns.country_at is not None and country_name is not None
    wanted = [c for c in (id_name, name_name, country_name if with_country else None) if c is not None]
    table = pq.ParquetFile(partition.path).read_row_groups(list(range(partition.start, partition.end)), wanted)
    names = table.column(name_name).to_pylist()
    ids = table.column(id_name).to_pylist() if id_name is not None else [None] * len(names)
    countries = table.column(country_name).to_pylist() if with_country and country_name else [None] * len(names)
    rows: list[InputRow] = []
    for offset, (row_id, name, country) in enumerate(zip(ids, names, countries, strict=True)):
        texts = ["" if v is None else str(v) for v in (row_id, name, country)]
        if not any(t.strip() for t in texts):
            continue
        line = partition.first_line + offset
        rows.append(InputRow(line, texts[0].strip() if id_name is not None else str(line - 1), texts[1], texts[2]))
    return rows
