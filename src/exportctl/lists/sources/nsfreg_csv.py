"""The seven-column CSV shared by our MEU, FCC Covered List and 2026 DPL files.

Header ``name,aliases,country,address,effective_date,federal_register,notes``: straight conversions of the nsfreg
JSON (see data/PROVENANCE.md). ``aliases`` is ``' | '``-separated; ``notes`` holds the DPL denial type and expiry
("Type of denial: Standard; Expires: 2026-12-05") or the FCC covered equipment. None of these files records a
licence requirement or review policy, so both stay ``None`` (unknown).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from exportctl.lists.countries import to_iso2
from exportctl.lists.fr import first_citation_date, split_citations
from exportctl.lists.identity import assign_ids, name_key
from exportctl.lists.model import Address, EntryType, ListCode, ListEntry
from exportctl.lists.sources._common import ProblemLog, Row, date_field, read_delimited, split_multi

HEADER = ("name", "aliases", "country", "address", "effective_date", "federal_register", "notes")
_EXPIRES = re.compile(r"Expires:\s*(\d{4}-\d{2}-\d{2})")


@dataclass(frozen=True)
class Shape:
    """How one source uses the shared columns."""

    source: str
    list: ListCode
    entry_type: EntryType
    id_uses_country: bool  # False for the DPL: its legacy export leaves most US countries blank


def load(path: Path, shape: Shape) -> list[ListEntry]:
    """Every entry of the file; raises FileFormatError listing every problem."""
    log = ProblemLog(path)
    rows, _ = read_delimited(path, log, [HEADER])
    drafts = [_entry(row, shape, log) for row in rows]
    log.raise_if_any()
    return _with_ids(drafts, shape)


def _entry(row: Row, shape: Shape, log: ProblemLog) -> ListEntry:
    fields = row.fields
    name = fields["name"].strip()
    if not name:
        log.add(row.line, "name", "empty name")
    notes: list[str] = []
    effective = date_field(row, "effective_date", log, notes)
    country_name = fields["country"].strip() or None
    iso2 = to_iso2(country_name) if country_name else None
    address = fields["address"].strip()
    citations = fields["federal_register"].strip()
    remarks = "; ".join([part for part in (fields["notes"].strip(), *notes) if part]) or None
    return ListEntry(
        source=shape.source,
        source_id="",
        list=shape.list,
        primary_name=name,
        entry_type=shape.entry_type,
        aliases=split_multi(fields["aliases"], " | "),
        addresses=(Address(full=address, country=iso2, country_name=country_name),) if address else (),
        country=iso2,
        country_name=country_name,
        federal_register_citations=split_citations(citations),
        listed_on=effective or first_citation_date(citations),
        removed_on=_expiry(fields["notes"]),
        remarks=remarks,
        raw=dict(fields),
    )


def _expiry(notes: str) -> date | None:
    match = _EXPIRES.search(notes)
    if not match:
        return None
    try:
        return date.fromisoformat(match.group(1))
    except ValueError:
        return None


def _with_ids(drafts: list[ListEntry], shape: Shape) -> list[ListEntry]:
    keys = [name_key(e.primary_name, e.country if shape.id_uses_country else None) for e in drafts]
    tiebreaks = [first_address_line(e.addresses[0].full if e.addresses else "") for e in drafts]
    ids = assign_ids(keys, tiebreaks)
    return [replace(entry, source_id=source_id) for entry, source_id in zip(drafts, ids, strict=True)]


def first_address_line(address: str) -> str:
    """The street part used to tell apart rows of one name (the DPL lists one row per address)."""
    return address.split(",")[0].strip()
