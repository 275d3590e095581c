"""Reading a register file (CSV, UTF-8) into parties: the same column options and bad-row reporting as
``screen-file``, except that a bad row does not stop the file: it is reported as ``file:line [field]: message``
and every good row is imported.

Columns: ``--id-column`` (default ``id``), ``--name-column`` (``name``), ``--country-column`` (``country``;
optional), and, when present, ``other_names`` and ``identifiers`` (several values separated by ``;``),
``address`` and ``role`` (customer, supplier, consignee, end_user, other).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from exportctl.errors import FileFormatError, InputError, Problem
from exportctl.parties.model import CounterpartyRole, PartyData

MAX_ROWS = 2_000_000


@dataclass(frozen=True)
class RegisterFile:
    parties: tuple[PartyData, ...]
    problems: tuple[Problem, ...]


def _split(cell: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(part.strip() for part in cell.split(";") if part.strip()))


def read_register(
    path: Path, *, id_column: str = "id", name_column: str = "name", country_column: str | None = "country"
) -> RegisterFile:
    """The parties of a register file and the problems of its bad rows; a file that cannot be read at all (no
    such file, not UTF-8, no header, a missing id or name column) raises instead."""
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
    at = {name: header.index(name) for name in header}
    parties: list[PartyData] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for record in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in record):
            continue
        if len(parties) + len(problems) >= MAX_ROWS:
            problems.append(Problem(str(path), line, None, f"more than {MAX_ROWS:,} rows: the rest is not read"))
            break
        cells = [*record, *[""] * (len(header) - len(record))]

        def cell(column: str | None, cells: list[str] = cells) -> str:
            return cells[at[column]].strip() if column is not None and column in at else ""

        party_id = cell(id_column)
        if party_id in seen:
            problems.append(
                Problem(str(path), line, id_column, f"id {party_id!r} already given on line {seen[party_id]}")
            )
            continue
        country = cell(country_column).upper() or None
        try:
            role = CounterpartyRole(cell("role").lower().replace(" ", "_") or "other")
        except ValueError:
            choices = ", ".join(r.value for r in CounterpartyRole)
            problems.append(Problem(str(path), line, "role", f"{cell('role')!r} is not a role ({choices})"))
            continue
        try:
            party = PartyData(
                external_id=party_id,
                name=cell(name_column),
                other_names=_split(cell("other_names")),
                country=country,
                address=cell("address"),
                identifiers=_split(cell("identifiers")),
                role=role,
            )
        except InputError as error:
            columns: dict[str, str | None] = {"id": id_column, "name": name_column, "country": country_column}
            where = columns.get(error.field or "", error.field)
            problems.append(Problem(str(path), line, where, str(error)))
            continue
        seen[party_id] = line
        parties.append(party)
    return RegisterFile(tuple(parties), tuple(problems))
