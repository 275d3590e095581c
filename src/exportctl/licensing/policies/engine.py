"""The review-policy engine: which policy governs each item of an application on a date, and what to decide.

Pure: plain objects in (:class:`ApplicationFacts`, policies, a date), a :class:`PolicyRecommendation` out.

How a rule is chosen for an item, when several are in force and match:
  1. higher ``priority`` wins (a blanket halt such as "no new licences" is seeded with a high priority);
  2. then the more specific rule (party by entry id beats a name family; each item dimension given counts);
  3. then the rule that took effect later (a newer rule replaces an older one of the same shape);
  4. then the more restrictive outcome.
The application's outcome is the most restrictive of its items' outcomes: one 5G item under a presumption of
denial makes the whole application a presumption-of-denial case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from functools import lru_cache

from exportctl.licensing.policies.model import (
    RESTRICTIVENESS,
    ApplicationFacts,
    ItemFacts,
    ItemScope,
    PartyFacts,
    PartyScope,
    Policy,
    PolicyRecommendation,
    RecommendedDecision,
    ReviewPolicy,
    RuleMatch,
)

_DENYING = {ReviewPolicy.NO_NEW_LICENCES, ReviewPolicy.POLICY_OF_DENIAL, ReviewPolicy.PRESUMPTION_OF_DENIAL}


@lru_cache(maxsize=256)
def _word_pattern(pattern: str) -> re.Pattern[str]:
    """Whole-word, case-insensitive: "SMIC" must not match "Seismic"."""
    return re.compile(rf"(?<!\w){re.escape(pattern)}(?!\w)", re.IGNORECASE)


def party_match(scope: PartyScope, parties: Iterable[PartyFacts]) -> str | None:
    """Why ``scope`` covers one of ``parties`` (a readable reason), or None when it covers none."""
    for party in parties:
        if party.entry_id is not None and party.entry_id in scope.entry_ids:
            return f"{party.role} {party.name!r} is Entity List entry {party.entry_id}"
        for pattern in scope.name_contains:
            if _word_pattern(pattern).search(party.name):
                return f"{party.role} {party.name!r} belongs to the {scope.family} family (name contains {pattern!r})"
    return None


def item_match(scope: ItemScope, item: ItemFacts) -> str | None:
    """Why ``scope`` covers ``item``, or None. Every dimension the scope gives must match."""
    parts: list[str] = []
    if scope.eccns:
        code = item.eccn.upper()
        # "3A991" covers "3A991.a.1": a scope ECCN covers its sub-paragraphs
        if not any(code == e or code.startswith(e + ".") for e in scope.eccns):
            return None
        parts.append(f"ECCN {item.eccn}")
    if scope.categories:
        if item.category not in scope.categories:
            return None
        parts.append(f"category {item.category}")
    if scope.product_groups:
        if item.product_group not in scope.product_groups:
            return None
        parts.append(f"product group {item.product_group}")
    if scope.technology_flags:
        flags = scope.technology_flags & item.technology_flags
        if not flags:
            return None
        parts.append("technology " + ", ".join(sorted(flags)))
    return ", ".join(parts) if parts else scope.description


def _rank(policy: Policy) -> tuple[int, int, date, int]:
    specificity = policy.parties.specificity() + policy.items.specificity()
    return (policy.priority, specificity, policy.effective_from, RESTRICTIVENESS[policy.outcome])


def govern_item(
    facts: ApplicationFacts, index: int, policies: Iterable[Policy], on_date: date
) -> tuple[Policy | None, list[RuleMatch]]:
    """The policy governing item ``index`` on ``on_date`` and every rule that matched it (winner first)."""
    item = facts.items[index]
    candidates: list[tuple[Policy, str, str]] = []
    for policy in policies:
        if not policy.in_force(on_date):
            continue
        why_party = party_match(policy.parties, facts.parties)
        why_item = item_match(policy.items, item) if why_party else None
        if why_party and why_item:
            candidates.append((policy, f"{why_party}; item {index + 1} ({item.eccn}): {why_item}", why_party))
    candidates.sort(key=lambda found: _rank(found[0]), reverse=True)
    matches = [
        RuleMatch(policy, index, why, applied=(n == 0), party_reason=party)
        for n, (policy, why, party) in enumerate(candidates)
    ]
    return (candidates[0][0] if candidates else None), matches


def describe(policy: Policy) -> str:
    text = f"{policy.title}: {policy.outcome.value.replace('_', ' ')} from {policy.effective_from.isoformat()}"
    if policy.date_note:
        text += f" ({policy.date_note})"
    return f"{text} — {policy.citation}"


def recommend(facts: ApplicationFacts, policies: Iterable[Policy], on_date: date) -> PolicyRecommendation:
    """Recommend a decision for ``facts`` under the policies in force on ``on_date``, with reasons."""
    policy_list = list(policies)
    matched: list[RuleMatch] = []
    governing: list[Policy] = []
    reasons: list[str] = []
    for index in range(len(facts.items)):
        winner, matches = govern_item(facts, index, policy_list, on_date)
        matched.extend(matches)
        if winner is not None:
            governing.append(winner)
            why = matches[0].party_reason
            reasons.append(f"item {index + 1} ({facts.items[index].eccn}) governed by {describe(winner)} [{why}]")
        else:
            reasons.append(f"item {index + 1} ({facts.items[index].eccn}): no review policy recorded for these parties")
    outcome = max((p.outcome for p in governing), key=RESTRICTIVENESS.__getitem__, default=None)
    decision = _decide(facts, outcome, reasons)
    return PolicyRecommendation(facts.application_id, on_date, outcome, decision, tuple(reasons), tuple(matched))


def _decide(facts: ApplicationFacts, outcome: ReviewPolicy | None, reasons: list[str]) -> RecommendedDecision:
    """Turn the policy outcome into a recommended decision; the documentation check comes first because an
    incomplete application is returned before its merits are weighed."""
    if facts.documentation_issues:
        reasons.append("documentation deficient: " + "; ".join(facts.documentation_issues))
        return RecommendedDecision.RETURN_WITHOUT_ACTION
    if outcome in _DENYING:
        assert outcome is not None
        reasons.append(f"{outcome.value.replace('_', ' ')} applies and nothing in the application rebuts it")
        return RecommendedDecision.DENY
    if outcome is ReviewPolicy.PRESUMPTION_OF_APPROVAL:
        reasons.append("presumption of approval applies")
        return RecommendedDecision.APPROVE
    if not facts.justification.strip():
        reasons.append("case-by-case review needs a national-security justification and none was given")
        return RecommendedDecision.RETURN_WITHOUT_ACTION
    if outcome is None:
        reasons.append("review policy unknown (the source does not record one): decided case by case on the merits")
    else:
        reasons.append("case-by-case review: documentation complete and justification given")
    return RecommendedDecision.APPROVE
