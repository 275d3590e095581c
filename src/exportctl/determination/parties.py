"""Screened parties, as the determination engine takes them: the engine itself never screens.

A :class:`PartyMatch` is one list entry a party's name matched, with the screening score and whether the match is
*certain* (exact or near-exact: the party is that entry) or *fuzzy* (similar enough to report, not enough to decide:
a person must confirm). It is screening's (:mod:`exportctl.screening.party`, the one party screener); the service
layer (:mod:`exportctl.determination.service`) produces these; tests and batch callers may build them directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from exportctl.screening.party import PartyMatch

__all__ = ["PartyMatch", "PartyScreening", "PartyRole"]


class PartyRole(StrEnum):
    """Party roles of an export transaction (15 CFR 748.5)."""

    PURCHASER = "purchaser"
    INTERMEDIATE_CONSIGNEE = "intermediate_consignee"
    ULTIMATE_CONSIGNEE = "ultimate_consignee"
    END_USER = "end_user"


@dataclass(frozen=True, slots=True)
class PartyScreening:
    """One party of the transaction and every list entry its name matched (empty: screened, no hits)."""

    role: PartyRole
    name: str
    hits: tuple[PartyMatch, ...] = ()
    country: str | None = None
    # list sources whose data begins after the determination date and on which the party matched no entry for
    # certain: an entry removed before that data would be missing, so "no hit" there proves nothing for the date
    unsettled: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return f"{self.role.value}: {self.name}"
