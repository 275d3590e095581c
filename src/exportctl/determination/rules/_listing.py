"""Shared by the party-list rules: which hits count on the determination date, and how to describe them."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

from exportctl.determination.findings import Effect, Finding
from exportctl.determination.parties import PartyMatch, PartyScreening
from exportctl.lists.model import ListCode

PUBLICATION_LAG_DAYS = 30  # how long before an entry's FR publication date a determination is flagged


def hits_on(
    screenings: Sequence[PartyScreening], codes: frozenset[ListCode], on: date
) -> Iterator[tuple[PartyScreening, PartyMatch]]:
    """(party, hit) for each hit on one of ``codes`` whose entry is in force on ``on``.

    Listed on or before ``on`` and not removed before it; an unknown listing date counts as listed (the safe
    reading: the entry is on the list we hold).
    """
    for party in screenings:
        for hit in party.hits:
            entry = hit.entry
            if entry.list not in codes:
                continue
            if entry.listed_on is not None and entry.listed_on > on:
                continue
            if entry.removed_on is not None and entry.removed_on < on:
                continue
            yield party, hit


def listed_soon_after(
    screenings: Sequence[PartyScreening], codes: frozenset[ListCode], on: date, days: int
) -> Iterator[tuple[PartyScreening, PartyMatch]]:
    """Certain hits on entries whose listing date falls within ``days`` after ``on``.

    Our listing dates come from the Federal Register citation (publication); a rule often takes effect a few days
    earlier (Huawei: effective 2019-05-16, published 2019-05-21), so such a date is not a safe "not yet listed".
    """
    for party in screenings:
        for hit in party.hits:
            listed = hit.entry.listed_on
            if hit.certain and hit.entry.list in codes and listed is not None and 0 < (listed - on).days <= days:
                yield party, hit


def describe(hit: PartyMatch) -> str:
    entry = hit.entry
    listed = f", listed {entry.listed_on.isoformat()}" if entry.listed_on else ", listing date not recorded"
    fr = f" ({'; '.join(entry.federal_register_citations)})" if entry.federal_register_citations else ""
    return f"{entry.primary_name!r}{listed}{fr}"


class FuzzyHits:
    """Collects a rule's possible (not certain) matches and reports one review finding per party.

    The finding carries the best-scoring hit; the other candidates are named in its summary, so a party that
    resembles ten listed affiliates yields one question for a person, not ten.
    """

    def __init__(self, rule: str, citation: str) -> None:
        self.rule = rule
        self.citation = citation
        self._by_party: dict[str, tuple[PartyScreening, list[tuple[PartyMatch, str]]]] = {}

    def add(self, party: PartyScreening, hit: PartyMatch, consequence: str) -> None:
        self._by_party.setdefault(party.label, (party, []))[1].append((hit, consequence))

    def findings(self) -> list[Finding]:
        result = []
        for party, hits in self._by_party.values():
            hits.sort(key=lambda item: -item[0].score)
            best, consequence = hits[0]
            others = "; ".join(f"{h.entry.primary_name!r} ({h.score:.2f})" for h, _ in hits[1:6])
            more = f" (and {len(hits) - 6} more)" if len(hits) > 6 else ""
            also = f". Other possible matches: {others}{more}" if others else ""
            result.append(
                Finding(
                    self.rule,
                    self.citation,
                    f"possible match (score {best.score:.2f}, matched {best.matched_name!r}) of {party.label} with "
                    f"{describe(best)}: if it is the same party, {consequence}{also}",
                    Effect.NEEDS_REVIEW,
                    party=party.label,
                    hit=best,
                )
            )
        return result
