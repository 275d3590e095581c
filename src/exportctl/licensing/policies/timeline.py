"""Reads the bundled Huawei/SMIC timeline (data/timeline/huawei_smic_actions.csv) into dated actions.

The file records, per action, the Federal Register citation *as far as it was verified* and a verification note;
both are kept verbatim so a policy seeded from a row can show exactly how sure we are of its source. Dates may be
given to the month only ("2023-01"); :attr:`TimelineAction.date_precision` says so.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from importlib import resources

from exportctl.errors import FileFormatError, Problem
from exportctl.licensing.policies.model import Citation, Verification

TIMELINE_RESOURCE = "data/timeline/huawei_smic_actions.csv"
COLUMNS = ("date", "action", "entity", "federal_register_citation", "summary", "source", "verification")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")


@dataclass(frozen=True)
class TimelineAction:
    """One row of the timeline. ``on`` is the first day of the month when only a month is recorded."""

    line: int
    date_text: str
    on: date
    date_precision: str  # "day" | "month"
    action: str
    entity: str
    citation_text: str
    summary: str
    source: str
    verification: str

    def citation(self) -> Citation:
        """The row's citation with its verification status (UNVERIFIED wins when either column says so)."""
        if not self.citation_text.strip():
            return Citation("", Verification.NONE, note=f"timeline: {self.verification}")
        if "UNVERIFIED" in self.citation_text or self.verification.upper().startswith("UNVERIFIED"):
            status = Verification.UNVERIFIED
        elif self.verification.lower().startswith("partial"):
            status = Verification.PARTIAL
        else:
            status = Verification.VERIFIED
        return Citation(self.citation_text, status, note=self.verification)


def parse_timeline(text: str, path: str = TIMELINE_RESOURCE) -> tuple[TimelineAction, ...]:
    """Parse timeline CSV text; every bad row is reported at once (path, line, field)."""
    reader = csv.DictReader(text.splitlines())
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise FileFormatError(path, [Problem(path, 1, c, "column missing") for c in missing])
    actions: list[TimelineAction] = []
    problems: list[Problem] = []
    for line, row in enumerate(reader, start=2):
        raw = (row["date"] or "").strip()
        if _DAY.match(raw):
            on, precision = date.fromisoformat(raw), "day"
        elif _MONTH.match(raw):
            on, precision = date.fromisoformat(raw + "-01"), "month"
        else:
            problems.append(Problem(path, line, "date", f"expected YYYY-MM-DD or YYYY-MM, got {raw!r}"))
            continue
        if not (row["action"] or "").strip():
            problems.append(Problem(path, line, "action", "empty"))
            continue
        actions.append(
            TimelineAction(
                line,
                raw,
                on,
                precision,
                row["action"].strip(),
                (row["entity"] or "").strip(),
                (row["federal_register_citation"] or "").strip(),
                (row["summary"] or "").strip(),
                (row["source"] or "").strip(),
                (row["verification"] or "").strip(),
            )
        )
    if problems:
        raise FileFormatError(path, problems)
    return tuple(actions)


def bundled_timeline() -> tuple[TimelineAction, ...]:
    """The timeline shipped with the package."""
    text = resources.files("exportctl").joinpath(TIMELINE_RESOURCE).read_text(encoding="utf-8")
    return parse_timeline(text)


def find_action(actions: tuple[TimelineAction, ...], date_text: str, action_prefix: str) -> TimelineAction:
    """The row dated ``date_text`` whose action starts with ``action_prefix``; a seed naming no row is a bug in
    the bundled data, reported as a file-format error rather than silently skipped."""
    for action in actions:
        if action.date_text == date_text and action.action.startswith(action_prefix):
            return action
    problem = Problem(TIMELINE_RESOURCE, None, "date", f"no row {date_text} {action_prefix!r}")
    raise FileFormatError(TIMELINE_RESOURCE, [problem])
