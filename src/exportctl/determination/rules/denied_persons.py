"""Denied Persons: General Prohibition 4 (15 CFR 736.2(b)(4)) — no dealing with a person whose export privileges
are denied by an order in force. Prohibited, not licensable through a licence application for the item.
"""

from __future__ import annotations

from collections.abc import Sequence

from exportctl.determination.facts import Transaction
from exportctl.determination.findings import Effect, Finding
from exportctl.determination.parties import PartyMatch, PartyScreening
from exportctl.determination.rules._listing import Denial, DenialStatus, FuzzyHits, denial_on, describe
from exportctl.lists.model import ListCode

RULE = "denied_persons"
CITATION = "15 CFR 736.2(b)(4) (General Prohibition 4); part 764, Supp. No. 1 (denial orders)"
_RANK = {DenialStatus.IN_FORCE: 0, DenialStatus.RENEWED: 0, DenialStatus.UNKNOWN: 1, DenialStatus.NOT_LISTED: 2}


def evaluate(tx: Transaction, screenings: Sequence[PartyScreening]) -> list[Finding]:
    findings: list[Finding] = []
    fuzzy = FuzzyHits(RULE, CITATION)
    # one party may match the same denied person in several files (an older order, the newer renewal chain):
    # the decisive reading wins — in force or renewed, else unknown, else not listed
    best: dict[tuple[str, str], tuple[int, PartyScreening, PartyMatch, Denial]] = {}
    for party in screenings:
        for hit in party.hits:
            if hit.entry.list is not ListCode.DPL:
                continue
            denial = denial_on(hit.entry, tx.date)
            rank = _RANK[denial.status]
            key = (party.label, hit.entry.primary_name.casefold())
            if key not in best or rank < best[key][0]:
                best[key] = (rank, party, hit, denial)
    for _, party, hit, denial in best.values():
        if denial.status is DenialStatus.NOT_LISTED:
            continue
        if not hit.certain:
            fuzzy.add(party, hit, "the export is prohibited (General Prohibition 4)")
            continue
        expiry = f"; order expires {hit.entry.removed_on.isoformat()}" if hit.entry.removed_on else ""
        if denial.status is DenialStatus.UNKNOWN:
            findings.append(
                Finding(
                    RULE,
                    CITATION,
                    f"{party.label} is a denied person ({describe(hit)}{expiry}) and whether the denial was in force "
                    f"on {tx.date.isoformat()} is unknown: {denial.reason} — if it was, the export is prohibited; "
                    "check the Federal Register before any export",
                    Effect.NEEDS_REVIEW,
                    party=party.label,
                    hit=hit,
                    bars_license_exceptions=True,
                )
            )
            continue
        how = "" if denial.status is DenialStatus.IN_FORCE else f"; on this date {denial.reason}"
        findings.append(
            Finding(
                RULE,
                CITATION,
                f"{party.label} is a denied person ({describe(hit)}{expiry}{how}): the export is prohibited and no "
                "licence exception applies",
                Effect.PROHIBITED,
                party=party.label,
                hit=hit,
                bars_license_exceptions=True,
            )
        )
    findings.extend(fuzzy.findings())
    return findings
