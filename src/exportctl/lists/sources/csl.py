"""trade.gov Consolidated Screening List (CSL) CSV.

One file holds the entries of many lists; the ``source`` column names each row's list ("Entity List (EL) - Bureau of
Industry and Security", "Specially Designated Nationals (SDN) - Treasury Department", …) and its abbreviation in
parentheses gives the :class:`~exportctl.lists.model.ListCode`. Two headers are accepted: the 28-column one, and the
29-column one that starts with ``_id``. Multi-valued fields are ``;``-separated.

``source_id`` is the list code plus the row's own id: ``entity_number`` (OFAC's ent_num) when given, else ``_id``,
else a key derived from the normalised name and country (BIS and State rows have no id in the 28-column export).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

from exportctl.lists.fr import first_citation_date, split_citations
from exportctl.lists.identity import assign_ids, name_key
from exportctl.lists.model import EntryType, ListCode, ListEntry
from exportctl.lists.sources._common import ProblemLog, Row, date_field, entry_country, null, read_delimited
from exportctl.lists.sources.csl_fields import csl_address, identifiers_of, split_semicolons

HEADER = (
    "source",
    "entity_number",
    "type",
    "programs",
    "name",
    "title",
    "addresses",
    "federal_register_notice",
    "start_date",
    "end_date",
    "standard_order",
    "license_requirement",
    "license_policy",
    "call_sign",
    "vessel_type",
    "gross_tonnage",
    "gross_registered_tonnage",
    "vessel_flag",
    "vessel_owner",
    "remarks",
    "source_list_url",
    "alt_names",
    "citizenships",
    "dates_of_birth",
    "nationalities",
    "places_of_birth",
    "source_information_url",
    "ids",
)
HEADERS = (HEADER, ("_id", *HEADER))

# The abbreviation in the ``source`` column → our list code. FSE (Foreign Sanctions Evaders) has no code of its own.
LIST_CODES: dict[str, ListCode] = {
    "EL": ListCode.ENTITY_LIST,
    "MEU": ListCode.MEU,
    "UVL": ListCode.UVL,
    "DPL": ListCode.DPL,
    "SDN": ListCode.SDN,
    "SSI": ListCode.SSI,
    "PLC": ListCode.PLC,
    "CAP": ListCode.CAP,
    "NS-MBS": ListCode.NS_MBS,
    "CMIC": ListCode.CMIC,
    "NS-CMIC": ListCode.CMIC,
    "ISN": ListCode.ISN,
    "DTC": ListCode.DTC,
}
ENTRY_TYPES = {
    "individual": EntryType.INDIVIDUAL,
    "entity": EntryType.ENTITY,
    "vessel": EntryType.VESSEL,
    "aircraft": EntryType.AIRCRAFT,
}
_ABBREVIATION = re.compile(r"\(([A-Z][A-Z-]*)(?: List)?\)")  # "(EL)", "(NS-MBS List)"


def parse(path: Path) -> Iterator[ListEntry]:
    """Entries of a CSL CSV (validated whole before the first is yielded)."""
    yield from load(path)


def effective_date(path: Path) -> date | None:
    """The CSL CSV carries no publication date: unknown."""
    return None


def list_code(source: str) -> ListCode:
    """The list of a ``source`` column value; OTHER for a list we have no code for (e.g. FSE)."""
    match = _ABBREVIATION.search(source)
    return LIST_CODES.get(match.group(1), ListCode.OTHER) if match else ListCode.OTHER


def load(path: Path) -> list[ListEntry]:
    """Every entry of the file. The last file read is remembered (by path, size and modification time): the bundled
    CSL is read twice in a row, as the CSL and as the source of the 2026 SDN snapshot (ofac_sdn_csl)."""
    try:
        stat = path.stat()
    except OSError:
        return _load(path)  # reports the file as unreadable
    return list(_load_once(path, stat.st_size, stat.st_mtime_ns))


@functools.lru_cache(maxsize=1)
def _load_once(path: Path, size: int, mtime_ns: int) -> tuple[ListEntry, ...]:
    return tuple(_load(path))


def _load(path: Path) -> list[ListEntry]:
    log = ProblemLog(path)
    rows, header = read_delimited(path, log, HEADERS)
    type_first = header[:1] == ("_id",)  # the newer export writes ids as "type, number, CC"
    drafts = [_entry(row, log, type_first) for row in rows]
    log.raise_if_any()
    keys = [_own_id(entry) or name_key(entry.primary_name, entry.country) for entry in drafts]
    keys = [f"{entry.list.value}:{key}" for entry, key in zip(drafts, keys, strict=True)]
    tiebreaks = [entry.raw["addresses"] for entry in drafts]
    return [replace(e, source_id=i) for e, i in zip(drafts, assign_ids(keys, tiebreaks), strict=True)]


def _own_id(entry: ListEntry) -> str | None:
    return null(entry.raw.get("entity_number")) or null(entry.raw.get("_id"))


def _entry(row: Row, log: ProblemLog, type_first: bool) -> ListEntry:
    fields = row.fields
    name = fields["name"].strip()
    if not name:
        log.add(row.line, "name", "empty name")
    source = fields["source"].strip()
    if not source:
        log.add(row.line, "source", "empty source list")
    notes: list[str] = []
    start = date_field(row, "start_date", log, notes)
    end = date_field(row, "end_date", log, notes)
    addresses = tuple(csl_address(part) for part in split_semicolons(fields["addresses"]))
    identifiers = identifiers_of(fields, type_first)
    entry_type = ENTRY_TYPES.get(fields["type"].strip().lower(), EntryType.UNKNOWN)
    country = entry_country(entry_type, addresses, identifiers)
    notice = fields["federal_register_notice"]
    remarks = "; ".join(part for part in (fields["remarks"].strip(), *notes) if part) or None
    return ListEntry(
        source="csl",
        source_id="",
        list=list_code(source),
        primary_name=name,
        entry_type=entry_type,
        aliases=split_semicolons(fields["alt_names"]),
        addresses=addresses,
        country=country,
        country_name=next((a.country_name for a in addresses if a.country == country), None),
        identifiers=identifiers,
        programs=split_semicolons(fields["programs"]),
        license_requirement=null(fields["license_requirement"]),
        license_review_policy=null(fields["license_policy"]),
        federal_register_citations=split_citations(notice),
        listed_on=start or first_citation_date(notice),
        removed_on=end,
        remarks=remarks,
        raw=dict(fields),
    )
