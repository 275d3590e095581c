"""BIS Denied Persons List, in either of the two formats we have, told apart by the header.

- The legacy BIS export (``dpl.txt``, 2022): tab-separated, every field quoted, header ``Name, Street_Address,
  City, State, Country, Postal_Code, Effective_Date, Expiration_Date, Standard_Order, Last_Update, Action,
  FR_Citation``; one row per address of a denied person; dates ``MM/DD/YYYY`` (``Last_Update`` ``YYYY-MM-DD``).
  Known quirks kept, not failed: leading spaces in names, typo years (``Last_Update`` 0222, 2922, 3017), blank
  countries (most US rows).
- The 2026 DPL as converted from nsfreg (``denied_persons_list.csv``): the seven-column shape of
  :mod:`.nsfreg_csv`.

Both give the same ``source_id`` to the same denied party: the normalised name alone (countries are unreliable in
the legacy export), with the first address line as the tie-break for a name listed at several addresses.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

from exportctl.lists.countries import to_iso2
from exportctl.lists.fr import first_citation_date, split_citations
from exportctl.lists.identity import assign_ids, name_key
from exportctl.lists.model import Address, EntryType, ListCode, ListEntry
from exportctl.lists.sources import nsfreg_csv
from exportctl.lists.sources._common import PLAUSIBLE_YEARS, ProblemLog, Row, date_field, parse_date, read_delimited
from exportctl.lists.sources.nsfreg_meta import snapshot_date

SOURCE = "dpl"
LEGACY_HEADER = (
    "Name",
    "Street_Address",
    "City",
    "State",
    "Country",
    "Postal_Code",
    "Effective_Date",
    "Expiration_Date",
    "Standard_Order",
    "Last_Update",
    "Action",
    "FR_Citation",
)
CSV_SHAPE = nsfreg_csv.Shape(source=SOURCE, list=ListCode.DPL, entry_type=EntryType.UNKNOWN, id_uses_country=False)


def parse(path: Path) -> Iterator[ListEntry]:
    """Entries of a DPL file in either format (validated whole before the first is yielded)."""
    yield from load(path)


def load(path: Path) -> list[ListEntry]:
    if _is_legacy(path):
        return _load_legacy(path)
    return nsfreg_csv.load(path, CSV_SHAPE)


def effective_date(path: Path) -> date | None:
    """Legacy export: its latest plausible ``Last_Update``; 2026 CSV: the BIS export date in the nsfreg metadata."""
    if not _is_legacy(path):
        return snapshot_date(path, SOURCE)
    log = ProblemLog(path)
    rows, _ = read_delimited(path, log, [LEGACY_HEADER], delimiter="\t")
    dates: list[date] = []
    for row in rows:
        try:
            updated = parse_date(row.fields["Last_Update"])
        except ValueError:
            continue
        if updated.year in PLAUSIBLE_YEARS:
            dates.append(updated)
    return max(dates, default=None)


def _is_legacy(path: Path) -> bool:
    """The legacy export starts with a tab-separated header; anything else is read as the CSV (and checked)."""
    try:
        with path.open("rb") as handle:
            first = handle.readline()
    except OSError:
        return False
    return b"\t" in first


def _load_legacy(path: Path) -> list[ListEntry]:
    log = ProblemLog(path)
    rows, _ = read_delimited(path, log, [LEGACY_HEADER], delimiter="\t")
    drafts = [_legacy_entry(row, log) for row in rows]
    log.raise_if_any()
    keys = [name_key(entry.primary_name) for entry in drafts]
    tiebreaks = [nsfreg_csv.first_address_line(entry.raw["Street_Address"]) for entry in drafts]
    return [replace(e, source_id=i) for e, i in zip(drafts, assign_ids(keys, tiebreaks), strict=True)]


def _legacy_entry(row: Row, log: ProblemLog) -> ListEntry:
    fields = {key: value.strip() for key, value in row.fields.items()}
    if not fields["Name"]:
        log.add(row.line, "Name", "empty name")
    notes: list[str] = []
    effective = date_field(row, "Effective_Date", log, notes)
    expiration = date_field(row, "Expiration_Date", log, notes)
    date_field(row, "Last_Update", log, notes)
    country_code = fields["Country"] or None
    iso2 = to_iso2(country_code) if country_code else None
    parts = [fields[k] for k in ("Street_Address", "City", "State", "Country", "Postal_Code") if fields[k]]
    address = Address(
        full=", ".join(parts),
        street=fields["Street_Address"] or None,
        city=fields["City"] or None,
        state=fields["State"] or None,
        postal_code=fields["Postal_Code"] or None,
        country=iso2,
        country_name=country_code,
    )
    notes[:0] = _denial_notes(fields["Standard_Order"], expiration)
    return ListEntry(
        source=SOURCE,
        source_id="",
        list=ListCode.DPL,
        primary_name=fields["Name"],
        addresses=(address,) if parts else (),
        country=iso2,
        country_name=country_code,
        federal_register_citations=split_citations(fields["FR_Citation"]),
        listed_on=effective or first_citation_date(fields["FR_Citation"]),
        removed_on=expiration,
        remarks="; ".join(notes) or None,
        raw=dict(row.fields),
    )


def _denial_notes(standard_order: str, expiration: date | None) -> list[str]:
    """The denial type and expiry, worded as in the 2026 CSV's notes so both snapshots compare field by field.

    (The legacy ``Action`` column, a log of clerical updates, stays in ``raw`` only.)
    """
    notes = []
    if standard_order.upper() == "Y":
        notes.append("Type of denial: Standard")
    elif standard_order.upper() == "N":
        notes.append("Type of denial: Non-Standard")
    if expiration is not None:
        notes.append(f"Expires: {expiration.isoformat()}")
    return notes
