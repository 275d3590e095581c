"""The answer for one transaction: :class:`Determination`, frozen and JSON-serialisable via :meth:`to_dict`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from exportctl.determination.facts import Transaction
from exportctl.determination.findings import Finding, LicenseExceptionResult


@dataclass(frozen=True, slots=True)
class ListVersion:
    """Which list snapshot answered for one source (from the store), or how the caller screened."""

    source: str
    snapshot: str
    as_of: str | None = None
    note: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return {"source": self.source, "snapshot": self.snapshot, "as_of": self.as_of, "note": self.note}


@dataclass(frozen=True, slots=True)
class DataVersions:
    regulations: tuple[dict[str, str], ...]
    lists: tuple[ListVersion, ...]
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "regulations": [dict(r) for r in self.regulations],
            "lists": [v.to_dict() for v in self.lists],
            "notes": list(self.notes),
        }


@dataclass(frozen=True, slots=True)
class Determination:
    """``license_required`` is True when any rule requires a licence, False only when every rule decided that none
    is needed, and None when nothing requires one but something could not be decided (then ``needs_review``).
    """

    transaction: Transaction
    license_required: bool | None
    prohibited: bool
    reasons: tuple[Finding, ...]
    review_policy: str | None
    review_policy_reason: str | None
    license_exceptions: tuple[LicenseExceptionResult, ...]
    needs_review: bool
    needs_review_reasons: tuple[str, ...]
    data_versions: DataVersions = field(default_factory=lambda: DataVersions((), ()))

    @property
    def verdict(self) -> str:
        """What the officer must do, one word each, never overlapping: ``prohibited``; ``license_required`` (apply
        for a licence, even if some other point is also to be reviewed); ``review_needed`` (nothing requires a
        licence but something could not be decided — never ship on it); ``no_license_required`` (every rule decided
        and none requires one, with nothing to review)."""
        if self.prohibited:
            return "prohibited"
        if self.license_required:
            return "license_required"
        return "review_needed" if self.needs_review or self.license_required is None else "no_license_required"

    @property
    def headline(self) -> str:
        """The verdict in words for people."""
        return {
            "prohibited": "Prohibited — no licence can authorise this export",
            "license_required": "Licence required" + (" (and review needed)" if self.needs_review else ""),
            "review_needed": "Review needed — do not ship until a person decides",
            "no_license_required": "No licence required (NLR)",
        }[self.verdict]

    def to_dict(self) -> dict[str, Any]:
        tx = self.transaction
        return {
            "transaction": {
                "eccn": str(tx.eccn),
                "destination": tx.destination,
                "region": tx.region,
                "parties": [{"role": p.role.value, "name": p.name, "country": p.country} for p in tx.parties],
                "end_use": tx.end_use,
                "foreign_produced": tx.foreign_produced,
                "date": tx.date.isoformat(),
            },
            "verdict": self.verdict,
            "headline": self.headline,
            "license_required": self.license_required,
            "prohibited": self.prohibited,
            "reasons": [f.to_dict() for f in self.reasons],
            "review_policy": self.review_policy,
            "review_policy_reason": self.review_policy_reason,
            "license_exceptions": [e.to_dict() for e in self.license_exceptions],
            "needs_review": self.needs_review,
            "needs_review_reasons": list(self.needs_review_reasons),
            "data_versions": self.data_versions.to_dict(),
        }
