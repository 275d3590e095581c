"""The application linter: what makes licensing officers return an application without action.

Pure: an :class:`ApplicationInput` (and, when available, each item's licence determination) in, findings out.
Errors block submission; warnings are shown to the applicant and kept with the application for the reviewer.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from exportctl.determination.parties import PartyRole
from exportctl.licensing.inputs import ApplicationInput


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class LintFinding:
    code: str
    severity: Severity
    message: str
    field: str


@dataclass(frozen=True)
class ItemDetermination:
    """The part of a licence determination the linter needs: is a licence required, and why (with citations)."""

    licence_required: bool
    reasons: tuple[str, ...]


# Phrases that leave the end use open; BIS asks for a specific end use (15 CFR 748 Supp. 2, block 21).
VAGUE_END_USE = (
    "including but not limited to",
    "including without limitation",
    "etc",
    "and so on",
    "various",
    "general purpose",
    "general purposes",
    "general use",
    "any purpose",
    "all purposes",
    "and other",
    "miscellaneous",
    "as needed",
    "tbd",
    "to be determined",
)
MIN_END_USE_CHARS = 20


def _vague_phrases(text: str) -> list[str]:
    lowered = text.lower()
    return [p for p in VAGUE_END_USE if re.search(rf"(?<![a-z]){re.escape(p)}(?![a-z])", lowered)]


def _end_use_findings(app: ApplicationInput) -> list[LintFinding]:
    text = app.end_use.strip()
    if len(text) < MIN_END_USE_CHARS:
        return [LintFinding("missing_end_use", Severity.ERROR, "state the specific end use of the items", "end_use")]
    phrases = _vague_phrases(text)
    if phrases:
        quoted = ", ".join(f'"{p}"' for p in phrases)
        return [LintFinding("vague_end_use", Severity.WARNING, f"end use is open-ended ({quoted})", "end_use")]
    return []


def _party_findings(app: ApplicationInput) -> list[LintFinding]:
    roles = {party.role for party in app.parties}
    findings = []
    if PartyRole.ULTIMATE_CONSIGNEE not in roles:
        findings.append(LintFinding("missing_ultimate_consignee", Severity.ERROR, "no ultimate consignee", "parties"))
    if PartyRole.END_USER not in roles:
        findings.append(
            LintFinding(
                "missing_end_user",
                Severity.WARNING,
                "no end user named (name the ultimate consignee if it is)",
                "parties",
            )
        )
    return findings


def _item_findings(app: ApplicationInput, determinations: Mapping[int, ItemDetermination]) -> list[LintFinding]:
    if not app.items:
        return [LintFinding("no_items", Severity.ERROR, "the application lists no items", "items")]
    findings = []
    for index, item in enumerate(app.items):
        expected = item.unit_value * item.quantity
        if item.total != expected:
            findings.append(
                LintFinding(
                    "value_mismatch",
                    Severity.ERROR,
                    f"{item.quantity} × {item.unit_value} = {expected}, not {item.total}",
                    f"items[{index}].total_value",
                )
            )
        found = determinations.get(index)
        if found is not None and not found.licence_required:
            why = "; ".join(found.reasons) or "the determination gives no reason"
            findings.append(
                LintFinding(
                    "no_licence_required",
                    Severity.WARNING,
                    f"{item.eccn}: no licence required — {why}",
                    f"items[{index}]",
                )
            )
    return findings


def lint(
    app: ApplicationInput, determinations: Mapping[int, ItemDetermination] | None = None
) -> tuple[LintFinding, ...]:
    """Every finding for ``app``; ``determinations`` maps item index to its determination when one was made."""
    findings = _end_use_findings(app) + _party_findings(app) + _item_findings(app, determinations or {})
    if not app.justification.strip():
        findings.append(
            LintFinding(
                "missing_justification",
                Severity.ERROR,
                "explain why the transaction is no threat to national security",
                "justification",
            )
        )
    return tuple(findings)


def has_errors(findings: tuple[LintFinding, ...]) -> bool:
    return any(finding.severity is Severity.ERROR for finding in findings)
