"""The Commerce Control List entries we bundle (15 CFR part 774, Supp. No. 1): reasons for control and the rows of
each entry's License Requirements table, parsed into (reason, destinations, paragraph scope).

Each row in the data reads ``Control(s) cell: Country Chart cell`` (e.g. ``NS applies to entire entry: NS Column 2``).
Rows the parser cannot fully read keep their text and are reported for review; they never vanish.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from exportctl.regulations._files import EAR_DATA_DIR, read_ear_csv
from exportctl.regulations.destinations import DestinationRule, parse_destinations
from exportctl.regulations.provenance import CCL, CCL_2026, DatasetInfo
from exportctl.regulations.scope import ParagraphScope, parse_scope

_REASON = re.compile(r"^([A-Z]{2})\b(?: and ([A-Z]{2}))?")
_CHART_START = re.compile(r": (?=[A-Z(]|N/A)")


@dataclass(frozen=True, slots=True)
class LicenseRequirementRow:
    """One row of an ECCN's License Requirements table (or one "XX applies to" sentence outside it)."""

    reason: str | None  # NS, RS, AT… ; None when the row names no two-letter reason (e.g. Russian sanctions)
    control_text: str
    chart_text: str
    scope: ParagraphScope
    destinations: DestinationRule
    from_prose: bool  # True when the entry's requirements are prose only (``lr_format == "text"``)

    @property
    def text(self) -> str:
        return f"{self.control_text}: {self.chart_text}" if self.chart_text else self.control_text


@dataclass(frozen=True, slots=True)
class CclEntry:
    eccn: str
    heading: str
    reasons_for_control: str
    rows: tuple[LicenseRequirementRow, ...]
    notes: str
    source: str
    # "List Based License Exceptions" flags as the entry writes them ({"GBS": "Yes", "LVS": "$5000", …}); empty
    # when the dataset does not carry them (the 2025 file)
    exception_flags: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, eq=False)
class CommerceControlList:
    entries: Mapping[str, CclEntry]
    info: DatasetInfo = CCL

    def get(self, eccn: str) -> CclEntry | None:
        return self.entries.get(eccn)

    def __len__(self) -> int:
        return len(self.entries)


def _split_row(row: str) -> tuple[str, str]:
    """Split ``control: chart`` — at the last ': ' before a chart cell, else after the first sentence."""
    starts = [m.start() for m in _CHART_START.finditer(row)]
    if starts:
        cut = starts[-1]
        right = row[cut + 2 :]
        if ": " in right:  # a colon inside the chart prose: cut at the first candidate instead
            cut = starts[0]
        return row[:cut].strip(), row[cut + 2 :].strip()
    column = re.search(r"\s([A-Z]{2} Column \d)$", row)
    if column:
        return row[: column.start()].strip(), column.group(1)
    head, dot, tail = row.partition(". ")
    return (head.strip(), tail.strip()) if dot else (row.strip(), "")


def parse_row(eccn: str, row: str, names: Mapping[str, str], *, from_prose: bool) -> list[LicenseRequirementRow]:
    control, chart = _split_row(row)
    reasons = _REASON.match(control)
    codes = [c for c in (reasons.groups() if reasons else ()) if c] or [None]
    result = []
    for code in codes:
        destinations = parse_destinations(code, chart, names)
        result.append(
            LicenseRequirementRow(
                reason=code,
                control_text=control,
                chart_text=chart,
                scope=parse_scope(eccn, control),
                destinations=destinations,
                from_prose=from_prose,
            )
        )
    return result


def load_ccl(names: Mapping[str, str]) -> CommerceControlList:
    """Read the bundled CCL. ``names`` maps lower-case Country Chart names to ISO2 (for rows naming countries)."""
    entries: dict[str, CclEntry] = {}
    for record in read_ear_csv("ccl_eccns.csv"):
        from_prose = record["lr_format"] == "text"
        rows: list[LicenseRequirementRow] = []
        for row in record["license_requirements"].split(" | "):
            if row.strip():
                rows.extend(parse_row(record["eccn"], row, names, from_prose=from_prose))
        entries[record["eccn"]] = CclEntry(
            eccn=record["eccn"],
            heading=record["heading"],
            reasons_for_control=record["reasons_for_control"],
            rows=tuple(rows),
            notes=record["license_requirement_notes"],
            source=record["source"],
        )
    return CommerceControlList(entries=entries)


def load_ccl_2026(names: Mapping[str, str], older: CommerceControlList) -> CommerceControlList:
    """Read the bundled 2026-07-23 CCL index (633 ECCNs, licence-exception flags).

    Its rows are ``control`` / ``countryChart`` pairs; one trailing period per cell is dropped as in the 2025 file.
    Entries whose requirements are prose only have no rows in the index: their rows and notes come from ``older``
    (the 2025 text), and the entry's ``source`` says so. An entry with no rows in either stays without rows, which
    the determination reports as undecided.
    """
    data = json.loads((EAR_DATA_DIR / "ccl_index_2026-07-23.json").read_text(encoding="utf-8"))
    entries: dict[str, CclEntry] = {}
    for record in data["entries"]:
        eccn = record["eccn"]
        previous = older.get(eccn)
        rows: list[LicenseRequirementRow] = []
        for cell in record["countryChart"]:
            control = cell["control"].strip().removesuffix(".")
            chart = (cell.get("countryChart") or "").strip().removesuffix(".")
            text = f"{control}: {chart}" if chart else control
            rows.extend(parse_row(eccn, text, names, from_prose=False))
        source = f"{CCL_2026.source}; eCFR {data['ecfrIssueDate']}"
        notes = previous.notes if previous else ""
        if not rows and previous is not None and previous.rows:
            rows = list(previous.rows)
            source += f"; licence requirements (prose) from the 2025 text: {previous.source}"
        flags = {str(k): str(v) for k, v in (record.get("licenceExceptionFlags") or {}).items()}
        entries[eccn] = CclEntry(
            eccn=eccn,
            heading=record["heading"],
            reasons_for_control=record.get("reasonForControl") or "",
            rows=tuple(rows),
            notes=notes,
            source=source,
            exception_flags=flags,
        )
    return CommerceControlList(entries=entries, info=CCL_2026)
