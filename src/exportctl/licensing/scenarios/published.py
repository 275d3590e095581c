"""The published BIS licensing figures for Huawei and SMIC, 2020-11-09 to 2021-04-20 (bundled CSV).

Source: House Foreign Affairs Committee release of 2021-10-21 (see data/PROVENANCE.md). Each row is one published
cell: an entity, a decision ("applications_considered", "approved", "returned_without_action", "denied"), a
control category ("all", "Category N", "AT", "EAR99"), a count and, where published, a value in USD. The SMIC
figures are incomplete (the captured page was cut off); empty values stay ``None`` — never zero.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from importlib import resources

from exportctl.errors import FileFormatError, Problem
from exportctl.licensing.policies.items import AT_ONLY, EAR99

PUBLISHED_RESOURCE = "data/licensing/huawei_smic_license_decisions_2020-11_2021-04.csv"
DECISIONS = ("applications_considered", "approved", "returned_without_action", "denied")


@dataclass(frozen=True)
class PublishedCell:
    entity: str
    period_start: date
    period_end: date
    category: str  # "all", or a report category "0"–"9", "AT", "EAR99"
    decision: str
    count: int
    value_usd: int | None
    source: str


def _category(raw: str) -> str | None:
    text = raw.strip()
    if text in ("all", AT_ONLY, EAR99):
        return text
    number = text.removeprefix("Category ").strip()
    return number if text.startswith("Category ") and number.isdigit() and len(number) == 1 else None


def parse_published(text: str, path: str = PUBLISHED_RESOURCE) -> tuple[PublishedCell, ...]:
    """Parse the published-figures CSV, reporting every bad row at once."""
    cells: list[PublishedCell] = []
    problems: list[Problem] = []
    for line, row in enumerate(csv.DictReader(text.splitlines()), start=2):
        try:
            category = _category(row["control_category"])
            if category is None:
                problems.append(Problem(path, line, "control_category", f"unknown {row['control_category']!r}"))
                continue
            if row["decision"] not in DECISIONS:
                problems.append(Problem(path, line, "decision", f"unknown {row['decision']!r}"))
                continue
            value = row["value_usd"].strip()
            cells.append(
                PublishedCell(
                    row["entity"].strip(),
                    date.fromisoformat(row["period_start"]),
                    date.fromisoformat(row["period_end"]),
                    category,
                    row["decision"],
                    int(row["license_count"]),
                    int(value) if value else None,
                    row["source"].strip(),
                )
            )
        except (KeyError, ValueError) as exc:
            problems.append(Problem(path, line, None, f"unreadable row: {exc}"))
    if problems:
        raise FileFormatError(path, problems)
    return tuple(cells)


def bundled_published() -> tuple[PublishedCell, ...]:
    text = resources.files("exportctl").joinpath(PUBLISHED_RESOURCE).read_text(encoding="utf-8")
    return parse_published(text)


def cells_for(cells: tuple[PublishedCell, ...], entity: str) -> tuple[PublishedCell, ...]:
    return tuple(c for c in cells if c.entity == entity)
