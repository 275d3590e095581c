"""Shared by the party-list rules: which hits count on the determination date, and how to describe them."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

from exportctl.determination.findings import Effect, Finding
from exportctl.determination.parties import PartyMatch, PartyScreening
from exportctl.lists.model import ListCode


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


def describe(hit: PartyMatch) -> str:
    entry = hit.entry
    listed = f", listed {entry.listed_on.isoformat()}" if entry.listed_on else ", listing date not recorded"
    fr = f" ({'; '.join(entry.federal_register_citations)})" if entry.federal_register_citations else ""
    return f"{entry.primary_name!r}{listed}{fr}"


def fuzzy_finding(rule: str, citation: str, party: PartyScreening, hit: PartyMatch, consequence: str) -> Finding:
    """A possible (not certain) match: the consequence holds only if a person confirms the party is the entry."""
    return Finding(
        rule,
        citation,
        f"possible match (score {hit.score:.2f}, matched {hit.matched_name!r}) of {party.label} with "
        f"{describe(hit)}: if it is the same party, {consequence}",
        Effect.NEEDS_REVIEW,
        party=party.label,
        hit=hit,
    )
