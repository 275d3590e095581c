"""Screening results that explain themselves: a hit carries the entry, the matched name and every feature's part.

Like splink's match weights, the explanation *is* the score: ``score`` is the clipped sum of the contributions in
``features``, and each contribution carries the docstring of the feature that produced it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from exportctl.lists.attribution import attribution_of

REVIEW_POLICY_UNKNOWN = "not recorded in list data"


@dataclass(frozen=True)
class FeatureContribution:
    """One feature's part in a score: its value in [-1, 1], its weight, and what it means (``doc``)."""

    name: str
    value: float
    weight: float
    doc: str

    @property
    def contribution(self) -> float:
        return self.value * self.weight


@dataclass(frozen=True)
class Hit:
    """A list entry that matched a query, with the name that matched and how the score came about."""

    entry_id: str
    list: str
    primary_name: str
    matched_name: str
    score: float
    country: str | None
    license_requirement: str | None
    review_policy: str | None
    features: tuple[FeatureContribution, ...]
    source: str
    programs: tuple[str, ...] = ()
    federal_register_citations: tuple[str, ...] = ()
    equivalents: tuple[tuple[str, str], ...] = ()  # (query word, listed word) brands the lists give as one
    # the entry whose name matched, when it is another list's entry for the same party (screening.same_party)
    name_of: str | None = None

    @property
    def review_policy_text(self) -> str:
        """The licence review policy, or an explicit statement that the source does not record one."""
        return self.review_policy if self.review_policy else REVIEW_POLICY_UNKNOWN

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the CLI/API contract (extra fields beyond the contract are allowed)."""
        return {
            "entry_id": self.entry_id,
            "list": self.list,
            "primary_name": self.primary_name,
            "matched_name": self.matched_name,
            "score": round(self.score, 4),
            "country": self.country,
            "license_requirement": self.license_requirement,
            "review_policy": self.review_policy_text,
            "source": self.source,
            "attribution": attribution_of(self.source),
            "programs": list(self.programs),
            "federal_register_citations": list(self.federal_register_citations),
            "equivalents": [{"query_word": a, "listed_word": b} for a, b in self.equivalents],
            "matched_name_of": self.name_of,
            "features": [
                {"name": f.name, "value": round(f.value, 4), "weight": f.weight, "doc": f.doc} for f in self.features
            ],
        }


@dataclass(frozen=True)
class ScreeningResult:
    """The hits for one query, best first (empty when nothing scored at or above the threshold)."""

    query: str
    hits: tuple[Hit, ...]
    country: str | None = None
    threshold: float = 0.0
    notes: tuple[str, ...] = ()

    @property
    def attributions(self) -> list[str]:
        """The notices the hits' lists require (e.g. the UK list's Open Government Licence), once each."""
        return list(dict.fromkeys(a for hit in self.hits if (a := attribution_of(hit.source))))

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "country": self.country,
            "threshold": self.threshold,
            "notes": list(self.notes),
            "attributions": self.attributions,
            "hits": [hit.to_dict() for hit in self.hits],
        }
