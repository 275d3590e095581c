"""The ``ofac-sdn`` source's entry point: an SDN folder of legacy CSVs, or the CSL's SDN rows enriched by add/alt.

OFAC's 2026 ``sdn.csv`` was not obtainable, but the Consolidated Screening List of 2026-07-31 holds every SDN entry
(entity number, name, type, programs, alternate names; addresses reduced to country codes) and OFAC's ``add.csv``
and ``alt.csv`` of 2026-06-02 hold their full addresses and aliases. A folder holding ``consolidated.csv``,
``add.csv`` and ``alt.csv`` (and no ``sdn.csv``) becomes an SDN snapshot with the same entry ids
(``ofac-sdn:{ent_num}``) as those read from ``sdn.csv``, so ``lists diff`` and ``lists history`` compare them.
add/alt rows of an entity number the CSL no longer lists (delisted in between) are left out; entries designated
after the add/alt date keep the CSL's country codes as their addresses.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from exportctl.errors import FileFormatError
from exportctl.lists.model import ListCode, ListEntry
from exportctl.lists.sources import csl, ofac_sdn
from exportctl.lists.sources._common import ProblemLog, Row, entry_country, null


def parse(path: Path) -> Iterator[ListEntry]:
    """Entries of an SDN folder: ``sdn.csv`` [+ alt/add/comments], or ``consolidated.csv`` + add.csv + alt.csv."""
    if path.is_dir() and not (path / "sdn.csv").is_file() and (path / ofac_sdn.CSL_FILE).is_file():
        yield from load(path)
    else:
        yield from ofac_sdn.load(path)


def load(folder: Path) -> list[ListEntry]:
    log = ProblemLog(folder)
    related = ofac_sdn.read_related(folder, log)
    try:
        rows = [e for e in csl.load(folder / ofac_sdn.CSL_FILE) if e.list is ListCode.SDN]
    except FileFormatError as error:  # its problems join this folder's
        log.problems.extend(error.problems)
        rows = []
    for entry in rows:
        if not (entry.raw.get("entity_number") or "").strip().isdigit():
            log.add(None, "entity_number", f"SDN row {entry.primary_name!r} has no entity number")
    if not rows and not log.problems:
        log.add(None, None, f"{ofac_sdn.CSL_FILE} holds no SDN rows")
    log.raise_if_any()
    by_id: dict[str, dict[str, list[Row]]] = defaultdict(lambda: defaultdict(list))
    for name, table in related.items():
        for row in table:
            by_id[row.fields["ent_num"].strip()][name].append(row)
    return [_entry(entry, by_id.get(entry.raw["entity_number"].strip(), {})) for entry in rows]


def _entry(row: ListEntry, related: dict[str, list[Row]]) -> ListEntry:
    ent_num = row.raw["entity_number"].strip()
    alt_names = [name for r in related.get("alt.csv", []) if (name := null(r.fields["alt_name"], ofac_sdn.NULL))]
    addresses = tuple(a for r in related.get("add.csv", []) if (a := ofac_sdn.address(r)).full)
    raw = {k: v for k, v in row.raw.items() if v}
    country = entry_country(row.entry_type, addresses, row.identifiers) if addresses else row.country
    return replace(
        row,
        source=ofac_sdn.SOURCE,
        source_id=ent_num,
        aliases=tuple(dict.fromkeys([*alt_names, *row.aliases])),
        addresses=addresses or row.addresses,
        country=country,
        country_name=next((a.country_name for a in addresses if a.country == country), None) or row.country_name,
        raw=raw,
    )
