"""Vendor exposure: an operator's equipment or supplier inventory screened against the FCC Covered List and the
Entity List, reported per flagged vendor and per site.

Each distinct vendor name is screened once (an inventory repeats the same vendor on thousands of rows); a row is
flagged when its vendor has a hit on one of :data:`EXPOSURE_LISTS`. The report counts rows, sites and contracts per
flagged vendor, and flagged rows, vendors and contracts per site.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from exportctl.errors import FileFormatError, InputError, Problem
from exportctl.lists.model import ListCode
from exportctl.screening.engine import DEFAULT_THRESHOLD, screen_query
from exportctl.screening.explain import Hit
from exportctl.screening.features import Query
from exportctl.screening.index import ScreeningIndex

EXPOSURE_LISTS = (ListCode.FCC.value, ListCode.ENTITY_LIST.value)
REQUIRED_COLUMNS = ("vendor", "site")
OPTIONAL_COLUMNS = ("model", "contract")


@dataclass(frozen=True)
class InventoryRow:
    line: int
    vendor: str
    model: str
    site: str
    contract: str


@dataclass(frozen=True)
class FlaggedVendor:
    """A vendor of the inventory found on the FCC Covered List or the Entity List, with what it touches."""

    vendor: str
    hits: tuple[Hit, ...]
    rows: int
    models: tuple[str, ...]
    sites: tuple[str, ...]
    contracts: tuple[str, ...]


@dataclass(frozen=True)
class SiteExposure:
    """One site: how many inventory rows are from flagged vendors, which vendors, which contracts."""

    site: str
    rows: int
    flagged_rows: int
    vendors: tuple[str, ...]
    contracts: tuple[str, ...]


@dataclass(frozen=True)
class ExposureReport:
    inventory: str
    rows: int
    vendors_screened: int
    flagged_vendors: tuple[FlaggedVendor, ...]
    sites: tuple[SiteExposure, ...]  # only sites with at least one flagged row
    bad_rows: tuple[Problem, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "inventory": self.inventory,
            "rows": self.rows,
            "vendors_screened": self.vendors_screened,
            "lists": list(EXPOSURE_LISTS),
            "flagged_vendors": [
                {
                    "vendor": v.vendor,
                    "rows": v.rows,
                    "models": list(v.models),
                    "sites": list(v.sites),
                    "contracts": list(v.contracts),
                    "hits": [h.to_dict() for h in v.hits],
                }
                for v in self.flagged_vendors
            ],
            "sites": [
                {
                    "site": s.site,
                    "rows": s.rows,
                    "flagged_rows": s.flagged_rows,
                    "vendors": list(s.vendors),
                    "contracts_affected": list(s.contracts),
                }
                for s in self.sites
            ],
            "bad_rows": [str(p) for p in self.bad_rows],
        }


def read_inventory(path: Path) -> list[InventoryRow]:
    """Read the inventory CSV (columns vendor, site; optionally model, contract; header names case-insensitive)."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror})", field="inventory") from None
    except UnicodeDecodeError as error:
        raise FileFormatError(str(path), [Problem(str(path), None, None, f"not UTF-8 text ({error.reason})")]) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip().casefold() for h in next(reader, [])]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise InputError(
            f"{path}: no column {missing[0]!r} in the header (columns: {', '.join(header)})", field=missing[0]
        )
    at = {c: header.index(c) for c in (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS) if c in header}
    rows = []
    for record in reader:
        if not any(cell.strip() for cell in record):
            continue
        cells = [*record, *[""] * (len(header) - len(record))]
        value = {c: cells[at[c]].strip() if c in at else "" for c in (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS)}
        rows.append(InventoryRow(reader.line_num, value["vendor"], value["model"], value["site"], value["contract"]))
    return rows


def screen_inventory(
    index: ScreeningIndex, inventory: Path | str, *, threshold: float = DEFAULT_THRESHOLD
) -> ExposureReport:
    """Screen every distinct vendor of the inventory; report flagged vendors and the sites they are installed at."""
    path = Path(inventory)
    rows = read_inventory(path)
    bad: list[Problem] = []
    hits_of: dict[str, tuple[Hit, ...]] = {}
    for row in rows:
        if row.vendor in hits_of:
            continue
        try:
            result = screen_query(index, Query(row.vendor), threshold=threshold, limit=50)
        except InputError as error:
            bad.append(Problem(str(path), row.line, "vendor", str(error)))
            hits_of[row.vendor] = ()
            continue
        hits_of[row.vendor] = tuple(h for h in result.hits if h.list in EXPOSURE_LISTS)[:5]
    flagged = [row for row in rows if hits_of.get(row.vendor)]
    vendors = []
    for vendor in sorted({row.vendor for row in flagged}):
        mine = [row for row in flagged if row.vendor == vendor]
        vendors.append(
            FlaggedVendor(
                vendor=vendor,
                hits=hits_of[vendor],
                rows=len(mine),
                models=tuple(sorted({r.model for r in mine if r.model})),
                sites=tuple(sorted({r.site for r in mine if r.site})),
                contracts=tuple(sorted({r.contract for r in mine if r.contract})),
            )
        )
    sites = []
    for site in sorted({row.site for row in flagged}):
        at_site = [row for row in rows if row.site == site]
        flagged_here = [row for row in at_site if hits_of.get(row.vendor)]
        sites.append(
            SiteExposure(
                site=site,
                rows=len(at_site),
                flagged_rows=len(flagged_here),
                vendors=tuple(sorted({r.vendor for r in flagged_here})),
                contracts=tuple(sorted({r.contract for r in flagged_here if r.contract})),
            )
        )
    return ExposureReport(
        inventory=str(path),
        rows=len(rows),
        vendors_screened=len(hits_of),
        flagged_vendors=tuple(sorted(vendors, key=lambda v: (-v.rows, v.vendor))),
        sites=tuple(sorted(sites, key=lambda s: (-s.flagged_rows, s.site))),
        bad_rows=tuple(bad),
    )
