"""Screened parties, as the determination engine takes them: the engine itself never screens.

A :class:`PartyMatch` is one list entry a party's name matched, with the screening score and whether the match is
*certain* (exact or near-exact: the party is that entry) or *fuzzy* (similar enough to report, not enough to decide:
a person must confirm). The service layer (:mod:`exportctl.determination.service`) produces these from the
screening engine; tests and batch callers may build them directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from exportctl.lists.model import ListEntry


class Role(StrEnum):
    """Party roles of an export transaction (15 CFR 748.5)."""

    PURCHASER = "purchaser"
    INTERMEDIATE_CONSIGNEE = "intermediate_consignee"
    ULTIMATE_CONSIGNEE = "ultimate_consignee"
    END_USER = "end_user"


@dataclass(frozen=True, slots=True)
class PartyMatch:
    entry: ListEntry
    score: float
    matched_name: str
    certain: bool
    features: tuple[tuple[str, float], ...] = ()  # (feature, contribution to the score) from the screening engine

    def to_dict(self) -> dict[str, Any]:
        return {
            "entry_id": self.entry.entry_id,
            "list": self.entry.list.value,
            "primary_name": self.entry.primary_name,
            "matched_name": self.matched_name,
            "score": round(self.score, 4),
            "certain": self.certain,
            "listed_on": self.entry.listed_on.isoformat() if self.entry.listed_on else None,
            "federal_register_citations": list(self.entry.federal_register_citations),
            "features": [{"name": name, "contribution": round(value, 4)} for name, value in self.features],
        }


@dataclass(frozen=True, slots=True)
class PartyScreening:
    """One party of the transaction and every list entry its name matched (empty: screened, no hits)."""

    role: Role
    name: str
    hits: tuple[PartyMatch, ...] = ()
    country: str | None = None
    # list sources whose data begins after the determination date and on which the party matched no entry for
    # certain: an entry removed before that data would be missing, so "no hit" there proves nothing for the date
    unsettled: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return f"{self.role.value}: {self.name}"
