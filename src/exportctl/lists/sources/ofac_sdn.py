"""OFAC SDN list in the legacy CSV format: a folder holding the four headerless files.

- ``sdn.csv``: ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type, Tonnage, GRT, Vess_flag,
  Vess_owner, Remarks (``-0-`` is OFAC's null; the file ends with a Ctrl-Z);
- ``alt.csv``: ent_num, alt_num, alt_type (aka/fka/nka), alt_name, alt_remarks;
- ``add.csv``: ent_num, Add_num, Address, City/State/Province/Postal, Country, Add_remarks;
- ``sdn_comments.csv``: ent_num, Remarks_Extended — the rest of a Remarks text too long for sdn.csv.

``sdn.csv`` must be present; OFAC publishes the other three with it, but an archived ``sdn.csv`` may come alone (the
bundled one of 2024-05-03 does), so they are read when present. ``source_id`` is OFAC's ent_num; ``primary_name`` is
SDN_Name exactly as published ("AL-ASSAD, Bashar"). Aliases are alt.csv's names followed by the weak a.k.a.s found in
Remarks. The legacy files carry no dates, so ``listed_on`` and the effective date are unknown (None).

A folder without ``sdn.csv`` but with a CSL ``consolidated.csv``, ``add.csv`` and ``alt.csv`` (the bundled 2026 data:
OFAC's 2026 sdn.csv was not obtainable) takes its entries from the CSL's SDN rows (entity number, name, type,
programs, alternate names, country codes) and enriches them by entity number with the full addresses and aliases
of add.csv and alt.csv: :mod:`exportctl.lists.sources.ofac_sdn_csl` reads such a folder (its ``parse`` is the
registered ``ofac-sdn`` parser and hands a folder holding ``sdn.csv`` to :func:`load`).
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from exportctl.lists.countries import to_iso2
from exportctl.lists.model import Address, EntryType, Identifier, ListCode, ListEntry
from exportctl.lists.sources._common import ProblemLog, Row, entry_country, null, read_delimited
from exportctl.lists.sources.ofac_remarks import parse_remarks

SOURCE = "ofac-sdn"
CSL_FILE = "consolidated.csv"
NULL = "-0-"
COLUMNS: dict[str, tuple[str, ...]] = {
    "sdn.csv": (
        "ent_num",
        "SDN_Name",
        "SDN_Type",
        "Program",
        "Title",
        "Call_Sign",
        "Vess_type",
        "Tonnage",
        "GRT",
        "Vess_flag",
        "Vess_owner",
        "Remarks",
    ),
    "alt.csv": ("ent_num", "alt_num", "alt_type", "alt_name", "alt_remarks"),
    "add.csv": ("ent_num", "Add_num", "Address", "City/State/Province/Postal", "Country", "Add_remarks"),
    "sdn_comments.csv": ("ent_num", "Remarks_Extended"),
}
ENTRY_TYPES = {"individual": EntryType.INDIVIDUAL, "vessel": EntryType.VESSEL, "aircraft": EntryType.AIRCRAFT}


def parse(path: Path) -> Iterator[ListEntry]:
    """Entries of an SDN folder (all four files validated before the first is yielded)."""
    yield from load(path)


def effective_date(path: Path) -> date | None:
    """The legacy CSVs carry no publication date: unknown."""
    return None


def load(folder: Path) -> list[ListEntry]:
    log = ProblemLog(folder)
    if not folder.is_dir():
        log.add(
            None, None, "not a folder: ofac-sdn expects the folder holding sdn.csv, alt.csv, add.csv, sdn_comments.csv"
        )
        log.raise_if_any()
    tables: dict[str, list[Row]] = {}
    for name, columns in COLUMNS.items():
        file_log = ProblemLog(folder / name)
        if (folder / name).is_file():
            tables[name] = _checked_rows(folder / name, columns, file_log)
        elif name == "sdn.csv":
            file_log.add(
                None, None, f"missing file (the SDN list needs sdn.csv, or {CSL_FILE} with add.csv and alt.csv)"
            )
            tables[name] = []
        else:
            tables[name] = []
        log.problems.extend(file_log.problems)
    known = {row.fields["ent_num"].strip() for row in tables["sdn.csv"]}
    for name in ("alt.csv", "add.csv", "sdn_comments.csv"):
        for row in tables[name]:
            ent_num = row.fields["ent_num"].strip()
            if ent_num not in known and ent_num.isdigit():
                log.add(row.line, "ent_num", f"ent_num {ent_num} is not in sdn.csv", path=folder / name)
    log.raise_if_any()
    return _entries(tables)


def read_related(folder: Path, log: ProblemLog) -> dict[str, list[Row]]:
    """The rows of alt.csv and add.csv (each checked; a missing one is a problem)."""
    tables = {}
    for name in ("alt.csv", "add.csv"):
        file_log = ProblemLog(folder / name)
        if (folder / name).is_file():
            tables[name] = _checked_rows(folder / name, COLUMNS[name], file_log)
        else:
            file_log.add(None, None, f"missing file (an SDN folder built on {CSL_FILE} needs add.csv and alt.csv)")
            tables[name] = []
        log.problems.extend(file_log.problems)
    return tables


def _checked_rows(path: Path, columns: tuple[str, ...], log: ProblemLog) -> list[Row]:
    rows, _ = read_delimited(path, log, [columns], has_header=False)
    for row in rows:
        if not row.fields["ent_num"].strip().isdigit():
            log.add(row.line, "ent_num", f"ent_num {row.fields['ent_num']!r} is not a number")
    if path.name == "sdn.csv":
        for row in rows:
            if null(row.fields["SDN_Name"], NULL) is None:
                log.add(row.line, "SDN_Name", "empty name")
    return rows


def _entries(tables: dict[str, list[Row]]) -> list[ListEntry]:
    by_id: dict[str, dict[str, list[Row]]] = defaultdict(lambda: defaultdict(list))
    for name in ("alt.csv", "add.csv", "sdn_comments.csv"):
        for row in tables[name]:
            by_id[row.fields["ent_num"].strip()][name].append(row)
    return [_entry(row, by_id[row.fields["ent_num"].strip()]) for row in tables["sdn.csv"]]


def _entry(row: Row, related: dict[str, list[Row]]) -> ListEntry:
    fields = row.fields
    ent_num = fields["ent_num"].strip()
    extended = "".join(r.fields["Remarks_Extended"] for r in related["sdn_comments.csv"])
    remarks = ((null(fields["Remarks"], NULL) or "") + extended).strip() or None
    facts = parse_remarks(remarks or "")
    alt_names = [name for r in related["alt.csv"] if (name := null(r.fields["alt_name"], NULL))]
    addresses = tuple(_address(r) for r in related["add.csv"])
    entry_type = ENTRY_TYPES.get((null(fields["SDN_Type"], NULL) or "").lower(), EntryType.ENTITY)
    identifiers = list(facts.identifiers)
    if call_sign := null(fields["Call_Sign"], NULL):
        identifiers.append(Identifier(type="Call sign", value=call_sign))
    country = entry_country(entry_type, addresses, identifiers)
    title = null(fields["Title"], NULL)
    return ListEntry(
        source=SOURCE,
        source_id=ent_num,
        list=ListCode.SDN,
        primary_name=fields["SDN_Name"].strip(),
        entry_type=entry_type,
        aliases=tuple(dict.fromkeys([*alt_names, *facts.weak_aliases])),
        addresses=tuple(a for a in addresses if a.full),
        country=country,
        country_name=next((a.country_name for a in addresses if a.country == country), None),
        identifiers=tuple(identifiers),
        programs=_programs(fields["Program"]),
        remarks="; ".join(part for part in (f"Title: {title}" if title else "", remarks or "") if part) or None,
        raw=_raw(fields, related, extended),
    )


def address(row: Row) -> Address:
    """An add.csv row as an Address."""
    return _address(row)


def _address(row: Row) -> Address:
    street = null(row.fields["Address"], NULL)
    locality = null(row.fields["City/State/Province/Postal"], NULL)
    country_name = null(row.fields["Country"], NULL)
    parts = [part for part in (street, locality, country_name) if part]
    return Address(
        full=", ".join(parts),
        street=street,
        city=locality,
        country=to_iso2(country_name) if country_name else None,
        country_name=country_name,
    )


def _programs(value: str) -> tuple[str, ...]:
    """Program is "SDGT" or, for several, "SDGT] [IRGC"."""
    text = null(value, NULL) or ""
    parts = (part.strip(" []") for part in text.split("] ["))
    return tuple(part for part in parts if part)


def _raw(fields: dict[str, str], related: dict[str, list[Row]], extended: str) -> dict[str, str]:
    """The sdn.csv fields, the continuation of Remarks, and the related alt/add rows as CSV lines."""
    raw = {key: value for key, value in fields.items()}
    if extended:
        raw["Remarks_Extended"] = extended
    for name in ("alt.csv", "add.csv"):
        if related[name]:
            buffer = io.StringIO()
            writer = csv.writer(buffer, lineterminator="\n")
            for r in related[name]:
                writer.writerow(r.fields.values())
            raw[name] = buffer.getvalue().rstrip("\n")
    return raw
