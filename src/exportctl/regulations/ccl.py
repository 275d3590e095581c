"""The Commerce Control List entries we bundle (15 CFR part 774, Supp. No. 1): reasons for control and the rows of
each entry's License Requirements table, parsed into (reason, destinations, paragraph scope).

Each row in the data reads ``Control(s) cell: Country Chart cell`` (e.g. ``NS applies to entire entry: NS Column 2``).
Rows the parser cannot fully read keep their text and are reported for review; they never vanish.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from exportctl.regulations._files import read_ear_csv
from exportctl.regulations.destinations import DestinationRule, parse_destinations
from exportctl.regulations.provenance import CCL, DatasetInfo
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


@dataclass(frozen=True)
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
