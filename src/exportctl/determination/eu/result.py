"""The EU answer for one export: :class:`EuDetermination` (frozen, JSON via :meth:`to_dict`) and the GEA verdicts."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from exportctl.determination.eu.facts import EuTransaction
from exportctl.determination.findings import Finding
from exportctl.determination.result import DataVersions
from exportctl.regulations.eu import Condition

REGIME = "eu-dual-use"


class GeaStatus(StrEnum):
    AVAILABLE = "available"  # item and destination in scope: usable if its conditions are met
    NOT_AVAILABLE = "not_available"
    NEEDS_REVIEW = "needs_review"  # the data cannot decide (a paragraph-level scope, sanctions)


@dataclass(frozen=True, slots=True)
class GeaResult:
    code: str
    title: str
    status: GeaStatus
    citation: str
    reason: str
    conditions: tuple[Condition, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "title": self.title,
            "status": self.status.value,
            "citation": self.citation,
            "reason": self.reason,
            "conditions": [{"kind": c.kind, "text": c.text, "point": c.point} for c in self.conditions],
        }


@dataclass(frozen=True, slots=True)
class EuDetermination:
    """``authorisation_required`` is True when Annex I requires an authorisation (Art. 3), False only when every
    rule decided that none is needed under the Regulation, None when something could not be decided."""

    transaction: EuTransaction
    authorisation_required: bool | None
    reasons: tuple[Finding, ...]
    general_authorisations: tuple[GeaResult, ...]
    needs_review: bool
    needs_review_reasons: tuple[str, ...]
    attribution: str
    data_versions: DataVersions

    regime = REGIME

    @property
    def verdict(self) -> str:
        """The shared vocabulary of every regime: ``license_required`` (here: an EU export authorisation, which a
        GEA may give), ``review_needed``, ``no_license_required`` (no EU dual-use authorisation)."""
        if self.authorisation_required:
            return "license_required"
        return "review_needed" if self.needs_review or self.authorisation_required is None else "no_license_required"

    @property
    def available_geas(self) -> tuple[GeaResult, ...]:
        """GEAs in scope for an ordinary export (not those limited to a circumstance: repair, exhibition, intra-group,
        which the table still shows)."""
        return tuple(
            g
            for g in self.general_authorisations
            if g.status is GeaStatus.AVAILABLE
            and not any(c.kind == "circumstance" and g.code != "EU008" for c in g.conditions)
        )

    @property
    def headline(self) -> str:
        if self.verdict == "license_required":
            geas = ", ".join(g.code for g in self.available_geas)
            return (
                "EU export authorisation required (Art. 3)"
                + (f" — a Union general export authorisation may cover it: {geas}" if geas else "")
                + (" (and review needed)" if self.needs_review else "")
            )
        if self.verdict == "review_needed":
            return "Review needed — do not export until a person decides"
        return "No EU dual-use authorisation needed (national measures may still apply)"

    def to_dict(self) -> dict[str, Any]:
        tx = self.transaction
        return {
            "regime": REGIME,
            "transaction": {
                "control": tx.item.code,
                "item_kind": tx.item.kind.value,
                "item_text": tx.item.text,
                "from": tx.origin,
                "destination": tx.destination,
                "parties": [{"role": p.role.value, "name": p.name, "country": p.country} for p in tx.parties],
                "end_use": tx.end_use,
                "date": tx.date.isoformat(),
            },
            "us_correspondence": tx.item.correspondence.note if tx.item.correspondence else None,
            "verdict": self.verdict,
            "headline": self.headline,
            "license_required": self.authorisation_required,
            "authorisation_required": self.authorisation_required,
            "prohibited": False,
            "reasons": [f.to_dict() for f in self.reasons],
            "general_authorisations": [g.to_dict() for g in self.general_authorisations],
            "needs_review": self.needs_review,
            "needs_review_reasons": list(self.needs_review_reasons),
            "attribution": self.attribution,
            "data_versions": self.data_versions.to_dict(),
        }
