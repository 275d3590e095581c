"""The screening benchmark corpus: every bundled list, parsed straight from the shipped files.

The store holds one current snapshot per source; this mirrors it without a database: each source's last bundled
file (the DPL ships twice — the 2026 CSV is the current one).
"""

from __future__ import annotations

from exportctl.lists.bundled import BUNDLED
from exportctl.lists.model import ListEntry
from exportctl.lists.sources import get_parser


def bundled_entries() -> list[ListEntry]:
    """Entries of the current bundled file of every source."""
    latest = {bundled.source: bundled for bundled in BUNDLED}
    entries: list[ListEntry] = []
    for bundled in latest.values():
        entries.extend(_parse(bundled.source, bundled.path))
    return entries


# --- Stand-ins while the ofac-sdn and un parsers are being written (used only when the real parser says so) ---------
import csv  # noqa: E402
import xml.etree.ElementTree as ET  # noqa: E402
from pathlib import Path  # noqa: E402

from exportctl.errors import InputError  # noqa: E402
from exportctl.lists.model import Address, EntryType, ListCode  # noqa: E402


def _clean(value: str) -> str:
    value = value.strip()
    return "" if value == "-0-" else value


def _sdn_standin(folder: Path) -> list[ListEntry]:
    aliases: dict[str, list[str]] = {}
    with open(folder / "alt.csv", encoding="utf-8", errors="replace", newline="") as f:
        for row in csv.reader(f):
            if len(row) >= 4 and _clean(row[3]):
                aliases.setdefault(row[0].strip(), []).append(_clean(row[3]))
    addresses: dict[str, list[Address]] = {}
    with open(folder / "add.csv", encoding="utf-8", errors="replace", newline="") as f:
        for row in csv.reader(f):
            if len(row) >= 5:
                country = _clean(row[4])
                full = ", ".join(x for x in (_clean(row[2]), _clean(row[3]), country) if x)
                addresses.setdefault(row[0].strip(), []).append(Address(full=full, country_name=country or None))
    entries = []
    with open(folder / "sdn.csv", encoding="utf-8", errors="replace", newline="") as f:
        for row in csv.reader(f):
            if len(row) < 4 or not row[0].strip().isdigit():
                continue
            kind = EntryType.INDIVIDUAL if _clean(row[2]) == "individual" else EntryType.ENTITY
            entries.append(
                ListEntry(
                    source="ofac-sdn",
                    source_id=row[0].strip(),
                    list=ListCode.SDN,
                    primary_name=_clean(row[1]),
                    entry_type=kind,
                    aliases=tuple(aliases.get(row[0].strip(), ())),
                    addresses=tuple(addresses.get(row[0].strip(), ())),
                    programs=tuple(p.strip() for p in _clean(row[3]).split(";") if p.strip()),
                )
            )
    return entries


def _un_standin(path: Path) -> list[ListEntry]:
    entries = []
    root = ET.parse(path).getroot()
    for tag, kind in (("INDIVIDUAL", EntryType.INDIVIDUAL), ("ENTITY", EntryType.ENTITY)):
        for node in root.iter(tag):
            parts = [
                (node.findtext(t) or "").strip() for t in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
            ]
            name = parts[0] if kind == EntryType.ENTITY else " ".join(p for p in parts if p)
            aliases = [(a.findtext("ALIAS_NAME") or "").strip() for a in node.iter(f"{tag}_ALIAS")]
            original = (node.findtext("NAME_ORIGINAL_SCRIPT") or "").strip()
            entries.append(
                ListEntry(
                    source="un",
                    source_id=(node.findtext("REFERENCE_NUMBER") or node.findtext("DATAID") or "").strip(),
                    list=ListCode.UN,
                    primary_name=name,
                    entry_type=kind,
                    aliases=tuple(a for a in [*aliases, original] if a),
                )
            )
    return entries


_STANDINS = {"ofac-sdn": _sdn_standin, "un": _un_standin}


def _parse(source: str, path: Path) -> list[ListEntry]:
    try:
        return list(get_parser(source).parse(path))
    except InputError as error:
        if "not implemented" in str(error) and source in _STANDINS:
            return _STANDINS[source](path)
        if "not implemented" in str(error):
            return []
        raise
