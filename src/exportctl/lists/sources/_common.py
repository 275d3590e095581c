"""What every parser shares: collecting problems, reading text and delimited files, dates.

A parser checks the whole file, collecting every :class:`~exportctl.errors.Problem` in a :class:`ProblemLog`, and
raises one :class:`~exportctl.errors.FileFormatError` at the end if there were any. Nothing is yielded before that,
so a failed parse never hands the ingest layer a partial list.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import ElementTree as SafeElementTree
from defusedxml.common import DefusedXmlException

from exportctl.errors import FileFormatError, Problem
from exportctl.lists.model import Address, EntryType, Identifier

# Dates outside this range are typos in the source (the 2022 DPL has years 0222, 2922 and 3017): they are kept in
# ``raw`` and reported in remarks, but do not fail the file.
PLAUSIBLE_YEARS = range(1900, 2100)


class ProblemLog:
    """Collects the problems of one file."""

    def __init__(self, path: Path) -> None:
        self.path = str(path)
        self.problems: list[Problem] = []

    def add(self, line: int | None, field: str | None, message: str, *, path: Path | None = None) -> None:
        """Record a problem; ``path`` names another file when this log covers a folder (ofac-sdn)."""
        where = str(path) if path is not None else self.path
        self.problems.append(Problem(path=where, line=line, field=field, message=message))

    def raise_if_any(self) -> None:
        """Raise one FileFormatError with every problem, file by file in line order."""
        if self.problems:
            ordered = sorted(self.problems, key=lambda problem: (problem.path, problem.line or 0))
            raise FileFormatError(self.path, ordered)


def read_text(path: Path, log: ProblemLog) -> str | None:
    """The file decoded as UTF-8 (BOM and a trailing Ctrl-Z dropped); each undecodable byte run is a problem.

    Returns ``None`` only when the file cannot be read at all; with bad bytes it returns the text with
    replacement characters, so that the rest of the file is still checked.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        log.add(None, None, f"cannot read file: {exc.strerror or exc}")
        return None
    text = _decode(data, log)
    return text.rstrip("\x1a")


def _decode(data: bytes, log: ProblemLog) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    for line_number, raw_line in enumerate(data.split(b"\n"), start=1):
        try:
            raw_line.decode("utf-8")
        except UnicodeDecodeError as exc:
            log.add(
                line_number, "encoding", f"not valid UTF-8 (byte 0x{raw_line[exc.start]:02x} at column {exc.start + 1})"
            )
    return data.decode("utf-8-sig", errors="replace")


@dataclass(frozen=True)
class Row:
    """One record of a delimited file: the line it starts on and its fields by column name."""

    line: int
    fields: dict[str, str]


def read_delimited(
    path: Path,
    log: ProblemLog,
    headers: Sequence[Sequence[str]],
    *,
    delimiter: str = ",",
    has_header: bool = True,
) -> tuple[list[Row], tuple[str, ...]]:
    """Read a CSV/TSV file whose header must be one of ``headers`` (for headerless files: the one column list).

    Every row with the wrong number of columns, and a quoted field left open at the end (a truncated file), is a
    problem. Returns the good rows and the header found (empty if the header was wrong).
    """
    text = read_text(path, log)
    if text is None:
        return [], ()
    if not text.strip():
        log.add(1, "header" if has_header else None, "file is empty")
        return [], ()
    rows = _records(text, delimiter, log)
    if has_header:
        header_line, header_cells = rows.pop(0) if rows else (1, [])
        header = tuple(cell.strip() for cell in header_cells)
        if header not in {tuple(h) for h in headers}:
            expected = " or ".join(",".join(h) for h in headers)
            log.add(header_line, "header", f"unexpected header {','.join(header)!r}; expected {expected!r}")
            return [], ()
    else:
        header = tuple(headers[0])
    good: list[Row] = []
    for line, cells in rows:
        if len(cells) != len(header):
            log.add(line, None, f"expected {len(header)} columns, found {len(cells)}")
            continue
        good.append(Row(line=line, fields=dict(zip(header, cells, strict=True))))
    return good, header


def _records(text: str, delimiter: str, log: ProblemLog) -> list[tuple[int, list[str]]]:
    """(start line, cells) of every non-blank record; a csv error (e.g. unterminated quote) ends the read."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records: list[tuple[int, list[str]]] = []
    next_start = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            log.add(next_start, None, f"malformed or truncated record: {exc}")
            break
        if cells and any(cell.strip() for cell in cells):
            records.append((next_start, cells))
        next_start = reader.line_num + 1
    return records


def null(value: str | None, *nulls: str) -> str | None:
    """``value`` stripped, or ``None`` when empty or one of ``nulls`` (e.g. OFAC's ``-0-``)."""
    if value is None:
        return None
    stripped = value.strip()
    if not stripped or stripped in nulls:
        return None
    return stripped


_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_MDY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def parse_date(text: str) -> date:
    """A date written ``YYYY-MM-DD`` or ``MM/DD/YYYY``; ValueError otherwise (including impossible dates)."""
    stripped = text.strip()
    if match := _ISO.fullmatch(stripped):
        year, month, day = (int(g) for g in match.groups())
    elif match := _MDY.fullmatch(stripped):
        month, day, year = (int(g) for g in match.groups())
    else:
        raise ValueError(f"unrecognised date {stripped!r} (expected YYYY-MM-DD or MM/DD/YYYY)")
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise ValueError(f"impossible date {stripped!r}: {exc}") from None


def date_field(row: Row, name: str, log: ProblemLog, notes: list[str]) -> date | None:
    """Parse a date field of a row: a bad date is a problem, an implausible year a note (the date becomes None)."""
    value = row.fields.get(name, "").strip()
    if not value:
        return None
    try:
        parsed = parse_date(value)
    except ValueError as exc:
        log.add(row.line, name, str(exc))
        return None
    if parsed.year not in PLAUSIBLE_YEARS:
        notes.append(f"{name} {value!r} is not a plausible date (a typo in the source); ignored")
        return None
    return parsed


def split_multi(value: str, separator: str) -> tuple[str, ...]:
    """The non-empty, stripped parts of a multi-valued field, without duplicates, in order."""
    parts = (part.strip() for part in value.split(separator))
    return tuple(dict.fromkeys(part for part in parts if part))


def entry_country(entry_type: EntryType, addresses: Sequence[Address], identifiers: Sequence[Identifier]) -> str | None:
    """The entry's country: a person's nationality (or citizenship) first, else the first address country."""
    by_address = next((a.country for a in addresses if a.country), None)
    by_person = next((i.country for i in identifiers if i.type in ("Nationality", "Citizenship") and i.country), None)
    if entry_type is EntryType.INDIVIDUAL:
        return by_person or by_address
    return by_address or by_person


HEAD_BYTES = 4096  # where an XML file states its date (its root's attributes or its publication header)


def head_date(path: Path, pattern: re.Pattern[bytes], read: Callable[[str], date]) -> date | None:
    """The date ``pattern``'s first group finds in the file's first bytes, read by ``read``; None when the file is
    unreadable, the date absent or not a date (the import then asks for one)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(HEAD_BYTES)
    except OSError:
        return None
    match = pattern.search(head)
    try:
        return read(match.group(1).decode()) if match else None
    except ValueError:
        return None


def parse_xml(text: str, log: ProblemLog) -> Element | None:
    """The document's root element (defusedxml: the file comes from outside), or None after logging why the XML
    is broken or refused."""
    try:
        return SafeElementTree.fromstring(text)  # type: ignore[no-any-return]
    except ParseError as exc:
        line, column = exc.position
        log.add(line, None, f"broken XML at column {column + 1}: {exc}")
    except DefusedXmlException as exc:
        log.add(None, None, f"refused unsafe XML (entities or DTD): {exc}")
    return None
