"""Entity List: 15 CFR 744.11 (licence requirement for listed parties) and 744.16 (the list itself, Supp. No. 4).

A certain match to an entry in force on the date requires a licence for the scope its "License requirement" text
gives — usually all items subject to the EAR, EAR99 included — with no licence exceptions (744.11(a)), reviewed
under the entry's policy. Our eCFR-derived list does not carry the review-policy column, so the policy is then
unknown and said to be. Footnote marks citing § 734.9(e)/(g) (foreign-direct-product rules) are flagged when the
item is foreign-produced.
"""

from __future__ import annotations

from collections.abc import Sequence

from exportctl.determination.facts import Transaction
from exportctl.determination.findings import Effect, Finding
from exportctl.determination.parties import PartyMatch, PartyScreening
from exportctl.determination.rules._listing import (
    PUBLICATION_LAG_DAYS,
    FuzzyHits,
    describe,
    hits_on,
    listed_soon_after,
)
from exportctl.determination.rules.entity_requirement import ScopeKind, parse_entity_requirement
from exportctl.lists.model import ListCode

RULE = "entity_list"
CITATION = "15 CFR 744.11; 744.16; part 744, Supp. No. 4"
POLICY_UNKNOWN = "not recorded in list data (source: eCFR-derived Entity List without the review-policy column)"
_CODES = frozenset({ListCode.ENTITY_LIST})


def _scope_findings(tx: Transaction, party: PartyScreening, hit: PartyMatch) -> list[Finding]:
    req = parse_entity_requirement(hit.entry.license_requirement)
    who = f"{party.label} is on the Entity List as {describe(hit)}"
    policy = hit.entry.license_review_policy or None
    findings: list[Finding] = []

    def finding(citation: str, summary: str, effect: Effect, bars: bool = False) -> Finding:
        return Finding(RULE, citation, summary, effect, party.label, hit, policy, bars)

    if req.kind is ScopeKind.LISTED_ECCNS and tx.eccn.base not in req.eccns:
        findings.append(
            finding(
                CITATION,
                f"{who}; its licence requirement covers only {', '.join(sorted(req.eccns))}, not {tx.eccn}",
                Effect.NO_LICENSE_REQUIRED,
            )
        )
        return findings
    scope = "all items subject to the EAR" if req.kind is not ScopeKind.LISTED_ECCNS else f"{tx.eccn.base}"
    findings.append(
        finding(
            f"{CITATION}; 744.11(a)",
            f"{who}: licence required for {scope} (including EAR99); no licence exceptions. "
            f"Requirement as listed: {req.text!r}",
            Effect.LICENSE_REQUIRED,
            bars=True,
        )
    )
    if req.kind is ScopeKind.UNPARSED or req.qualifier:
        findings.append(
            finding(
                CITATION,
                f"{party.label}: the entry's licence requirement has terms we cannot decide from the facts "
                f"({(req.qualifier or req.text)[:300]!r}); treated as all items — review",
                Effect.NEEDS_REVIEW,
            )
        )
    if req.fdp_sections and tx.foreign_produced:
        marks = f" (footnote {', '.join(req.footnote_marks)})" if req.footnote_marks else ""
        findings.append(
            finding(
                f"15 CFR {'; '.join(req.fdp_sections)}; 744.11",
                f"{party.label}: the entry cites the foreign-direct-product rule {', '.join(req.fdp_sections)}"
                f"{marks}; the foreign-produced item is subject to the EAR if it meets that rule — check",
                Effect.NEEDS_REVIEW,
            )
        )
    return findings


def evaluate(tx: Transaction, screenings: Sequence[PartyScreening]) -> list[Finding]:
    findings: list[Finding] = []
    fuzzy = FuzzyHits(RULE, CITATION)
    for party, hit in hits_on(screenings, _CODES, tx.date):
        if hit.certain:
            findings.extend(_scope_findings(tx, party, hit))
        else:
            fuzzy.add(party, hit, "a licence is required for all items subject to the EAR")
    findings.extend(fuzzy.findings())
    for party, hit in listed_soon_after(screenings, _CODES, tx.date, PUBLICATION_LAG_DAYS):
        findings.append(
            Finding(
                RULE,
                CITATION,
                f"{party.label} is {describe(hit)}, within {PUBLICATION_LAG_DAYS} days after the determination date: "
                "the listing date is the Federal Register publication date and the rule may have taken effect "
                "earlier — check its effective date",
                Effect.NEEDS_REVIEW,
                party=party.label,
                hit=hit,
            )
        )
    return findings
