"""Reading an equipment inventory or a contract register from CSV or XLSX, row by row.

Every problem is collected (file:line [field]: what is wrong) and the row that has one is skipped; the rows
without problems are kept. An unknown column is reported once (on the header line) and ignored. A file whose header
lacks a required column, or that cannot be read at all, raises :class:`~exportctl.errors.FileFormatError`: nothing
of it is kept. Storing the rows (:mod:`exportctl.exposure.repository`) is one transaction.

Columns (header names case-insensitive; spaces and hyphens read as underscores):

* equipment: ``vendor``, ``site``, ``function`` (RAN, core, transport, OSS), ``quantity`` (whole, at least 1) —
  required; ``model``, ``install_date`` (YYYY-MM-DD), ``book_value``, ``replacement_cost`` (per unit, not
  negative), ``contract`` — optional.
* contracts: ``contract_id``, ``vendor`` — required; ``start_date``, ``end_date``, ``notice_days``,
  ``security_clause`` (yes/no), ``security_notice_days`` (required when the clause is yes), ``termination_cost``,
  ``exit_cost`` — optional.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Generic, TypeVar

from exportctl.errors import FileFormatError, Problem
from exportctl.exposure.model import Contract, Equipment, NetworkFunction

T = TypeVar("T")
MAX_ROWS = 1_000_000
MAX_AMOUNT = Decimal("1e13")

EQUIPMENT_REQUIRED = ("vendor", "site", "function", "quantity")
EQUIPMENT_OPTIONAL = ("model", "install_date", "book_value", "replacement_cost", "contract")
CONTRACT_REQUIRED = ("contract_id", "vendor")
CONTRACT_OPTIONAL = (
    "start_date",
    "end_date",
    "notice_days",
    "security_clause",
    "security_notice_days",
    "termination_cost",
    "exit_cost",
)
EQUIPMENT_ALIASES = {"contract_id": "contract", "network_function": "function", "qty": "quantity"}
CONTRACT_ALIASES = {"contract": "contract_id"}
_YES = {"yes", "y", "true", "1", "x"}
_NO = {"no", "n", "false", "0", ""}


@dataclass(frozen=True)
class ReadResult(Generic[T]):
    """The rows read from one file and the problems of the rows that were skipped."""

    path: str
    rows: tuple[T, ...]
    problems: tuple[Problem, ...]
    lines_read: int


class _Row:
    """One data row's cells by column, collecting the problems found while parsing them."""

    def __init__(self, path: str, line: int, cells: dict[str, Any]) -> None:
        self.path, self.line, self.cells = path, line, cells
        self.problems: list[Problem] = []

    def fail(self, column: str, message: str) -> None:
        self.problems.append(Problem(self.path, self.line, column, message))

    def text(self, column: str, *, required: bool = False, limit: int = 300) -> str:
        value = self.cells.get(column)
        text = "" if value is None else (str(value) if not isinstance(value, float) else f"{value:g}").strip()
        if required and not text:
            self.fail(column, "empty")
        if len(text) > limit:
            self.fail(column, f"longer than {limit} characters")
            return text[:limit]
        return text

    def day(self, column: str) -> date | None:
        value = self.cells.get(column)
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        text = self.text(column)
        if not text:
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            self.fail(column, f"{text!r} is not a date (YYYY-MM-DD)")
            return None

    def amount(self, column: str) -> Decimal | None:
        text = self.text(column)
        if not text:
            return None
        try:
            value = Decimal(text)
        except InvalidOperation:
            self.fail(column, f"{text!r} is not an amount")
            return None
        if not value.is_finite() or value < 0:
            self.fail(column, f"{text} is negative" if value.is_finite() else f"{text!r} is not an amount")
            return None
        if value >= MAX_AMOUNT:
            self.fail(column, f"{text} is implausibly large")
            return None
        return value

    def whole(self, column: str, *, minimum: int, required: bool = False) -> int | None:
        text = self.text(column, required=required)
        if not text:
            return None
        try:
            value = int(Decimal(text)) if Decimal(text) == Decimal(text).to_integral_value() else None
        except InvalidOperation:
            value = None
        if value is None:
            self.fail(column, f"{text!r} is not a whole number")
            return None
        if value < minimum:
            self.fail(column, f"{value} is {'negative' if value < 0 else 'below ' + str(minimum)}")
            return None
        if value > 10**9:
            self.fail(column, f"{value} is implausibly large")
            return None
        return value

    def flag(self, column: str) -> bool:
        text = self.text(column).casefold()
        if text in _YES:
            return True
        if text not in _NO:
            self.fail(column, f"{text!r} is not yes or no")
        return False


def _column(name: Any, aliases: dict[str, str]) -> str:
    text = "" if name is None else str(name)
    key = text.strip().casefold().replace(" ", "_").replace("-", "_")
    return aliases.get(key, key)


def _records(path: str, data: bytes) -> Iterator[tuple[int, list[Any]]]:
    """(line or row number, cells) of every row of a CSV or XLSX file, header first."""
    if data[:4] == b"PK\x03\x04":
        yield from _xlsx_records(path, data)
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FileFormatError(path, [Problem(path, None, None, f"not UTF-8 text ({error.reason})")]) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        for record in reader:
            yield reader.line_num, list(record)
    except csv.Error as error:
        raise FileFormatError(path, [Problem(path, reader.line_num, None, f"not CSV: {error}")]) from None


def _xlsx_records(path: str, data: bytes) -> Iterator[tuple[int, list[Any]]]:
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise FileFormatError(path, [Problem(path, None, None, f"not an XLSX workbook ({error})")]) from None
    try:
        sheet = book.worksheets[0]
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, list(values)
    finally:
        book.close()


def _read(
    path: str,
    data: bytes,
    required: Sequence[str],
    optional: Sequence[str],
    parse: Callable[[_Row], T | None],
    aliases: dict[str, str],
) -> ReadResult[T]:
    records = _records(path, data)
    header_line, header = next(records, (1, []))
    columns = [_column(name, aliases) for name in header]
    missing = [c for c in required if c not in columns]
    if missing:
        shown = ", ".join(c for c in columns if c) or "none"
        raise FileFormatError(
            path, [Problem(path, header_line, c, f"required column missing (columns: {shown})") for c in missing]
        )
    known = {*required, *optional}
    listed = ", ".join((*required, *optional))
    problems = [
        Problem(path, header_line, name or f"column {n + 1}", f"unknown column, ignored (known: {listed})")
        for n, name in enumerate(columns)
        if name not in known and any(str(h or "").strip() for h in header[n : n + 1])
    ]
    rows: list[T] = []
    lines = 0
    for line, cells in records:
        if not any(str(c).strip() for c in cells if c is not None):
            continue
        lines += 1
        if lines > MAX_ROWS:
            raise FileFormatError(path, [Problem(path, line, None, f"more than {MAX_ROWS:,} rows")])
        row = _Row(path, line, {c: cells[n] for n, c in enumerate(columns) if n < len(cells) and c in known})
        if len(cells) > len(columns) and any(str(c).strip() for c in cells[len(columns) :] if c is not None):
            row.fail("", f"{len(cells)} cells but {len(columns)} columns in the header")
        parsed = parse(row)
        if row.problems or parsed is None:
            problems.extend(row.problems)
        else:
            rows.append(parsed)
    return ReadResult(path, tuple(rows), tuple(problems), lines)


def _function(row: _Row) -> NetworkFunction | None:
    text = row.text("function", required=True)
    if not text:
        return None
    try:
        return NetworkFunction(text.casefold())
    except ValueError:
        row.fail("function", f"{text!r} is not one of RAN, core, transport, OSS")
        return None


def _equipment(row: _Row) -> Equipment | None:
    vendor = row.text("vendor", required=True)
    site = row.text("site", required=True, limit=200)
    function = _function(row)
    quantity = row.whole("quantity", minimum=1, required=True)
    model = row.text("model", limit=200)
    install = row.day("install_date")
    book, replacement = row.amount("book_value"), row.amount("replacement_cost")
    contract = row.text("contract", limit=100)
    if function is None or quantity is None:
        return None
    return Equipment(row.line, vendor, model, site, function, quantity, install, book, replacement, contract)


def _contract(row: _Row, seen: dict[str, int]) -> Contract | None:
    contract_id = row.text("contract_id", required=True, limit=100)
    vendor = row.text("vendor", required=True)
    start, end = row.day("start_date"), row.day("end_date")
    notice = row.whole("notice_days", minimum=0)
    clause = row.flag("security_clause")
    security_notice = row.whole("security_notice_days", minimum=0)
    termination, exit_cost = row.amount("termination_cost"), row.amount("exit_cost")
    if start is not None and end is not None and end < start:
        row.fail("end_date", f"{end} is before the start date {start}")
    if clause and security_notice is None and not any(p.field == "security_notice_days" for p in row.problems):
        row.fail("security_notice_days", "empty, but the contract has a security-termination clause")
    if contract_id and contract_id.casefold() in seen:
        row.fail("contract_id", f"{contract_id!r} already on line {seen[contract_id.casefold()]}")
    elif contract_id and not row.problems:
        seen[contract_id.casefold()] = row.line
    return Contract(row.line, contract_id, vendor, start, end, notice, clause, security_notice, termination, exit_cost)


def read_equipment(path: str, data: bytes) -> ReadResult[Equipment]:
    """Equipment rows of a CSV or XLSX file (``path`` names it in problems); the rows with problems skipped."""
    return _read(path, data, EQUIPMENT_REQUIRED, EQUIPMENT_OPTIONAL, _equipment, EQUIPMENT_ALIASES)


def read_contracts(path: str, data: bytes) -> ReadResult[Contract]:
    """Contracts of a CSV or XLSX file; the rows with problems skipped (a repeated contract id is a problem)."""
    seen: dict[str, int] = {}
    return _read(path, data, CONTRACT_REQUIRED, CONTRACT_OPTIONAL, lambda row: _contract(row, seen), CONTRACT_ALIASES)


def read_file(path: Path) -> bytes:
    """The bytes of ``path``; an unreadable file is a :class:`FileFormatError` naming it."""
    try:
        return path.read_bytes()
    except OSError as error:
        raise FileFormatError(str(path), [Problem(str(path), None, None, f"cannot read ({error.strerror})")]) from None
