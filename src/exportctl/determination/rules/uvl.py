"""Unverified List (15 CFR 744.15, Supp. No. 6 to part 744): for a listed party, no licence exceptions may be used,
and an export that needs no licence still needs a UVL statement from the party before it ships (744.15(b)): the
determination asks for review (hold) rather than answering "no licence required" without that condition.
"""

from __future__ import annotations

from collections.abc import Sequence

from exportctl.determination.facts import Transaction
from exportctl.determination.findings import Effect, Finding
from exportctl.determination.parties import PartyScreening
from exportctl.determination.rules._listing import FuzzyHits, describe, hits_on
from exportctl.lists.model import ListCode

RULE = "unverified_list"
CITATION = "15 CFR 744.15; part 744, Supp. No. 6"


def evaluate(tx: Transaction, screenings: Sequence[PartyScreening]) -> list[Finding]:
    findings: list[Finding] = []
    fuzzy = FuzzyHits(RULE, CITATION)
    for party, hit in hits_on(screenings, frozenset({ListCode.UVL}), tx.date):
        if not hit.certain:
            consequence = "a UVL statement is required and no licence exception may be used"
            fuzzy.add(party, hit, consequence)
            continue
        findings.append(
            Finding(
                RULE,
                CITATION,
                f"{party.label} is on the Unverified List ({describe(hit)}): no licence exceptions may be used; a "
                "UVL statement from the party is required before any export that needs no licence (744.15(b)) — "
                "hold until it is obtained",
                Effect.NEEDS_REVIEW,
                party=party.label,
                hit=hit,
                bars_license_exceptions=True,
            )
        )
    findings.extend(fuzzy.findings())
    return findings
