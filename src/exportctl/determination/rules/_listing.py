"""Shared by the party-list rules: which hits count on the determination date, and how to describe them."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache

from exportctl.determination.findings import Effect, Finding
from exportctl.determination.parties import PartyMatch, PartyScreening
from exportctl.lists.model import ListCode, ListEntry

PUBLICATION_LAG_DAYS = 30  # how long before an entry's FR publication date a determination is flagged
RENEWAL_MAX_DAYS = 366  # a temporary denial order runs up to one year per renewal (15 CFR 766.24)
_FR_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b")

# Entity List rules whose effective date precedes their Federal Register publication, from sources we hold
# (data/timeline/huawei_smic_actions.csv; the rule documents named): entry citation page -> (effective date, rule).
ENTITY_RULE_EFFECTIVE: dict[tuple[int, int], tuple[date, str]] = {
    (84, 22963): (date(2019, 5, 16), "84 FR 22961 (effective 2019-05-16, published 2019-05-21)"),
    (85, 83420): (date(2020, 12, 18), "85 FR 83416 (effective 2020-12-18, published 2020-12-22)"),
    **{
        (87, page): (date(2022, 2, 24), "87 FR 12226 (effective 2022-02-24, published 2022-03-03)")
        for page in range(12226, 12252)
    },
}
_FR_PAGE = re.compile(r"\b(\d{2,3})\s*F\.?\s?R\.?\s+(\d{3,6})\b")


def citation_dates(citations: Sequence[str]) -> list[date]:
    """The dates written in Federal Register citations ("87 F.R. 21611 4/12/2022", "84 FR 22963, 5/21/19")."""
    return list(_citation_dates(tuple(citations)))


@lru_cache(maxsize=16384)
def _citation_dates(citations: tuple[str, ...]) -> tuple[date, ...]:
    found: list[date] = []
    for citation in citations:
        for month, day, year in _FR_DATE.findall(citation):
            full = int(year) + (2000 if len(year) == 2 and int(year) < 70 else 1900 if len(year) == 2 else 0)
            try:
                found.append(date(full, int(month), int(day)))
            except ValueError:
                continue
    return tuple(sorted(set(found)))


def effective_listing(entry: ListEntry) -> tuple[date | None, str | None]:
    """The date an Entity List entry took effect: the rule's effective date where a source gives it (earlier than
    the FR publication date we otherwise hold), else ``listed_on``; with the rule cited when it was used."""
    return _effective(entry.federal_register_citations, entry.listed_on)


@lru_cache(maxsize=16384)
def _effective(citations: tuple[str, ...], listed_on: date | None) -> tuple[date | None, str | None]:
    entry_listed_on = listed_on
    for citation in citations:
        for volume, page in _FR_PAGE.findall(citation):
            known = ENTITY_RULE_EFFECTIVE.get((int(volume), int(page)))
            if known and (entry_listed_on is None or known[0] <= entry_listed_on):
                return known
    return entry_listed_on, None


class DenialStatus(StrEnum):
    IN_FORCE = "in_force"  # the order we hold covers the date
    RENEWED = "renewed"  # the date falls in the chain of renewal notices the entry cites
    UNKNOWN = "unknown"  # the data cannot settle it (expired in this file, a gap, or just before the first notice)
    NOT_LISTED = "not_listed"  # well before the first notice


@dataclass(frozen=True, slots=True)
class Denial:
    status: DenialStatus
    reason: str


def denial_on(entry: ListEntry, on: date) -> Denial:
    """Whether a Denied Persons entry's order was in force on ``on``, from everything the entry says.

    A file records one order: its effective date and expiry. Orders are renewed (Aeroflot: 2022-04-07, renewed every
    six months to a year since), so a date before the current order is covered when it falls between two renewal
    notices the entry cites, and a date after the expiry in an older file is unknown, never "not denied".
    """
    notices = citation_dates(entry.federal_register_citations)
    start, end = entry.listed_on, entry.removed_on
    if (start is None or start <= on) and (end is None or on <= end):
        return Denial(DenialStatus.IN_FORCE, "the order we hold covers the date")
    if end is not None and on > end:
        return Denial(
            DenialStatus.UNKNOWN,
            f"the order in this list file expired {end.isoformat()}; denial orders are often renewed and no later "
            "list data settles whether this one was",
        )
    first = notices[0] if notices else start
    if first is None or on < first - timedelta(days=PUBLICATION_LAG_DAYS):
        return Denial(DenialStatus.NOT_LISTED, "before the first order the entry cites")
    if on < first:
        return Denial(
            DenialStatus.UNKNOWN,
            f"within {PUBLICATION_LAG_DAYS} days before the first order's publication ({first.isoformat()}); orders "
            "take effect before they are published",
        )
    chain = [*notices, *([start] if start else [])]
    before = max(d for d in chain if d <= on)
    after = min((d for d in chain if d > on), default=None)
    if after is not None and (after - before).days <= RENEWAL_MAX_DAYS:
        return Denial(
            DenialStatus.RENEWED,
            f"between renewal notices of {before.isoformat()} and {after.isoformat()} (at most one year apart, "
            "15 CFR 766.24): the order was in force",
        )
    return Denial(
        DenialStatus.UNKNOWN,
        f"the entry's notices leave a gap around the date ({before.isoformat()} to "
        f"{after.isoformat() if after else 'the current order'})",
    )


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
            listed_on = effective_listing(entry)[0] if entry.list is ListCode.ENTITY_LIST else entry.listed_on
            if listed_on is not None and listed_on > on:
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
            listed, rule = effective_listing(hit.entry)
            if rule is not None:  # the effective date is known: no publication lag to allow for
                continue
            if hit.certain and hit.entry.list in codes and listed is not None and 0 < (listed - on).days <= days:
                yield party, hit


def describe(hit: PartyMatch) -> str:
    entry = hit.entry
    effective, rule = effective_listing(entry) if entry.list is ListCode.ENTITY_LIST else (entry.listed_on, None)
    listed = f", listed {effective.isoformat()}" if effective else ", listing date not recorded"
    if rule:
        listed += f" (rule {rule})"
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
