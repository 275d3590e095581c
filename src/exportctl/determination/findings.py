"""What each rule reports: a :class:`Finding` with its citation, and the licence-exception verdicts."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from exportctl.determination.parties import PartyMatch


class Effect(StrEnum):
    PROHIBITED = "prohibited"  # no licence can authorise it (e.g. General Prohibition 4)
    LICENSE_REQUIRED = "license_required"
    NEEDS_REVIEW = "needs_review"  # the data cannot decide; never read as "no licence required"
    NO_LICENSE_REQUIRED = "no_license_required"  # this rule, on this data, requires nothing
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Finding:
    """One rule's conclusion. ``party``/``hit`` say which screened party and list entry triggered it."""

    rule: str
    citation: str
    summary: str
    effect: Effect
    party: str | None = None
    hit: PartyMatch | None = None
    review_policy: str | None = None
    bars_license_exceptions: bool = False
    control_reason: str | None = None  # CCL reason for control (NS, RS…) for Country Chart findings

    @property
    def license_required(self) -> bool:
        return self.effect in (Effect.LICENSE_REQUIRED, Effect.PROHIBITED)

    @property
    def prohibited(self) -> bool:
        return self.effect is Effect.PROHIBITED

    @property
    def needs_review(self) -> bool:
        return self.effect is Effect.NEEDS_REVIEW

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "citation": self.citation,
            "summary": self.summary,
            "effect": self.effect.value,
            "license_required": self.license_required,
            "prohibited": self.prohibited,
            "party": self.party,
            "hit": self.hit.to_dict() if self.hit else None,
        }


class ExceptionStatus(StrEnum):
    AVAILABLE = "available"
    NOT_AVAILABLE = "not_available"
    NOT_EVALUATED = "not_evaluated"


@dataclass(frozen=True, slots=True)
class LicenseExceptionResult:
    code: str
    status: ExceptionStatus
    citation: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "status": self.status.value, "citation": self.citation, "reason": self.reason}
