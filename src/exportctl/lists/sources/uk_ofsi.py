"""UK HM Treasury / OFSI Consolidated List of Financial Sanctions Targets, official XLSX (``ConList.xlsx``).

The first sheet has "Last Updated" and the date (DD/MM/YYYY, the effective date) on row 1, the header on row 2,
then one row per *name* of a designation: the rows of one designation share its ``Group ID`` (``source_id``). A name
is its parts Name 1 … Name 5 followed by Name 6 (the surname, or an entity's whole name); ``Alias Type`` says which
row is the primary name ("Primary name"; the others are "Primary name variation", "AKA", "FKA"). Names written in
another script (``Name Non-Latin Script``) are kept as names. ``Regime`` is the program, ``Listed On`` the listing
date. Contains public sector information licensed under the Open Government Licence v3.0 (:data:`ATTRIBUTION`).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from exportctl.lists.attribution import OGL_V3
from exportctl.lists.countries import to_iso2
from exportctl.lists.model import Address, EntryType, Identifier, ListCode, ListEntry
from exportctl.lists.sources._common import PLAUSIBLE_YEARS, ProblemLog, entry_country

SOURCE = "uk-ofsi"
ATTRIBUTION = OGL_V3
HEADER = (
    "Name 6", "Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Title", "Name Non-Latin Script",
    "Non-Latin Script Type", "Non-Latin Script Language", "DOB", "Town of Birth", "Country of Birth", "Nationality",
    "Passport Number", "Passport Details", "National Identification Number", "National Identification Details",
    "Position", "Address 1", "Address 2", "Address 3", "Address 4", "Address 5", "Address 6", "Post/Zip Code",
    "Country", "Other Information", "Group Type", "Alias Type", "Alias Quality", "Regime", "Listed On",
    "UK Sanctions List Date Designated", "Last Updated", "Group ID",
)  # fmt: skip
ENTRY_TYPES = {"individual": EntryType.INDIVIDUAL, "entity": EntryType.ENTITY, "ship": EntryType.VESSEL}
_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_NAME_PARTS = ("Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Name 6")
_ADDRESS_PARTS = ("Address 1", "Address 2", "Address 3", "Address 4", "Address 5", "Address 6", "Post/Zip Code")

Record = dict[str, str]


def parse(path: Path) -> Iterator[ListEntry]:
    """Entries of a ConList XLSX (validated whole before the first is yielded)."""
    yield from load(path)


def effective_date(path: Path) -> date | None:
    """The "Last Updated" date of row 1; None when the file cannot be read or does not say."""
    try:
        first = next(iter(_rows(path)), ())
    except (OSError, zipfile.BadZipFile, KeyError, ValueError):
        return None
    return _dmy(_cell(first[1])) if len(first) > 1 and _cell(first[0]) == "Last Updated" else None


def load(path: Path) -> list[ListEntry]:
    log = ProblemLog(path)
    try:
        rows = list(_rows(path))
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        log.add(None, None, f"not a readable XLSX workbook: {exc}")
        log.raise_if_any()
        raise AssertionError("unreachable") from exc
    records = _records(rows, log)
    groups: dict[str, list[tuple[int, Record]]] = {}
    for line, record in records:
        groups.setdefault(record["Group ID"], []).append((line, record))
    if not groups and not log.problems:
        log.add(None, None, "no designations found")
    entries = [_entry(group_id, rows_of, log) for group_id, rows_of in groups.items()]
    log.raise_if_any()
    return entries


def _rows(path: Path) -> Iterator[tuple[Any, ...]]:
    import openpyxl  # imported here: only this source needs it, and it takes ~0.1 s to import

    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        yield from workbook.worksheets[0].iter_rows(values_only=True)
    finally:
        workbook.close()


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y")
    return str(value).strip()


def _dmy(text: str) -> date | None:
    match = _DMY.fullmatch(text)
    if not match:
        return None
    day, month, year = (int(g) for g in match.groups())
    try:
        parsed = date(year, month, day)
    except ValueError:
        return None
    return parsed if parsed.year in PLAUSIBLE_YEARS else None


def _records(rows: list[tuple[Any, ...]], log: ProblemLog) -> list[tuple[int, Record]]:
    """(row number, fields) of every data row; a wrong header or a row without a Group ID is a problem."""
    if len(rows) < 2:
        log.add(len(rows) or 1, "header", "file is empty or truncated (expected 'Last Updated' row and a header row)")
        return []
    if _cell(rows[0][0] if rows[0] else None) != "Last Updated":
        log.add(1, "Last Updated", "row 1 should start with 'Last Updated' and the list's date")
    header = tuple(_cell(v) for v in rows[1])[: len(HEADER)]
    if header != HEADER:
        log.add(2, "header", f"unexpected header {', '.join(header)!r}; expected {', '.join(HEADER)!r}")
        return []
    records = []
    for number, row in enumerate(rows[2:], start=3):
        cells = [_cell(v) for v in row[: len(HEADER)]]
        if not any(cells):
            continue
        record = dict(zip(HEADER, cells + [""] * (len(HEADER) - len(cells)), strict=True))
        if not record["Group ID"].isdigit():
            log.add(number, "Group ID", f"missing or non-numeric Group ID {record['Group ID']!r}")
            continue
        if record["Listed On"] and _dmy(record["Listed On"]) is None:
            log.add(number, "Listed On", f"unrecognised date {record['Listed On']!r} (expected DD/MM/YYYY)")
        records.append((number, record))
    return records


def _name(record: Record) -> str:
    return " ".join(part for field in _NAME_PARTS if (part := record[field]))


def _entry(group_id: str, rows: list[tuple[int, Record]], log: ProblemLog) -> ListEntry:
    primary_rows = [r for _, r in rows if r["Alias Type"] == "Primary name"] or [r for _, r in rows]
    first = primary_rows[0]
    names = [n for _, r in rows if (n := _name(r))] + [r["Name Non-Latin Script"] for _, r in rows]
    primary = _name(first) or next((n for n in names if n), "")
    if not primary:
        log.add(rows[0][0], "Name 6", f"designation {group_id} has no name")
    entry_type = ENTRY_TYPES.get(first["Group Type"].lower(), EntryType.UNKNOWN)
    addresses = tuple(dict.fromkeys(a for _, r in rows if (a := _address(r)).full))
    identifiers = _identifiers(first, entry_type)
    country = entry_country(entry_type, addresses, identifiers)
    listed = [d for _, r in rows if (d := _dmy(r["Listed On"]))]
    regimes = tuple(dict.fromkeys(r["Regime"] for _, r in rows if r["Regime"]))
    return ListEntry(
        source=SOURCE,
        source_id=group_id,
        list=ListCode.UK_OFSI,
        primary_name=primary,
        entry_type=entry_type,
        aliases=tuple(dict.fromkeys(n for n in names if n and n != primary)),
        addresses=addresses,
        country=country,
        country_name=next((a.country_name for a in addresses if a.country == country), None),
        identifiers=identifiers,
        programs=regimes,
        listed_on=min(listed) if listed else None,
        remarks="; ".join(p for p in (first["Title"] and f"Title: {first['Title']}", first["Other Information"]) if p)
        or None,
        raw={k: v for k, v in first.items() if v},
    )


def _address(record: Record) -> Address:
    street = ", ".join(part for field in _ADDRESS_PARTS if (part := record[field]))
    country_name = record["Country"]
    return Address(
        full=", ".join(p for p in (street, country_name) if p),
        street=street or None,
        country=to_iso2(country_name) if country_name else None,
        country_name=country_name or None,
    )


def _identifiers(record: Record, entry_type: EntryType) -> tuple[Identifier, ...]:
    found = []
    for field, kind in (("Passport Number", "Passport"), ("National Identification Number", "National ID")):
        if value := record[field]:
            found.append(Identifier(type=kind, value=value))
    if value := record["DOB"]:
        found.append(Identifier(type="Date of birth", value=value))
    if entry_type is EntryType.INDIVIDUAL and (value := record["Nationality"]):
        found.append(Identifier(type="Nationality", value=value, country=to_iso2(value)))
    if value := record["Position"]:
        found.append(Identifier(type="Position", value=value))
    return tuple(found)
