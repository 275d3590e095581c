"""Value objects of the review-policy engine: policies (time-versioned rules), the facts it reads, its answers.

Everything here is a frozen dataclass with no I/O, so the engine stays pure: the store persists these objects,
the workflow builds :class:`ApplicationFacts` from an application, and the engine answers with a
:class:`PolicyRecommendation` that carries every matched rule with its citation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum


class ReviewPolicy(StrEnum):
    """A licence review policy, ordered below from least to most restrictive (see :data:`RESTRICTIVENESS`)."""

    PRESUMPTION_OF_APPROVAL = "presumption_of_approval"
    CASE_BY_CASE = "case_by_case"
    PRESUMPTION_OF_DENIAL = "presumption_of_denial"
    POLICY_OF_DENIAL = "policy_of_denial"
    NO_NEW_LICENCES = "no_new_licences"


RESTRICTIVENESS: dict[ReviewPolicy, int] = {outcome: rank for rank, outcome in enumerate(ReviewPolicy)}


class RecommendedDecision(StrEnum):
    """What a reviewer may decide; the engine recommends one of these."""

    APPROVE = "approve"
    DENY = "deny"
    RETURN_WITHOUT_ACTION = "return_without_action"


class Verification(StrEnum):
    """How far a citation was checked against a source read (copied from the timeline's verification column)."""

    VERIFIED = "verified"
    PARTIAL = "partial"
    UNVERIFIED = "unverified"
    NONE = "none"  # the source records no citation at all


@dataclass(frozen=True)
class Citation:
    """Where a policy comes from. ``text`` is copied from the source file, never composed."""

    text: str
    verification: Verification
    note: str = ""

    def __str__(self) -> str:
        if self.verification is Verification.NONE:
            return f"no citation recorded ({self.note})" if self.note else "no citation recorded"
        mark = self.verification.value.upper()
        flag = "" if self.verification is Verification.VERIFIED or mark in self.text else f" [{mark}]"
        return f"{self.text}{flag}"


@dataclass(frozen=True)
class PartyScope:
    """Which parties a policy covers: explicit Entity List entry ids and/or a family by name pattern.

    An empty scope covers nobody (a policy must name its parties). Name patterns match case-insensitively as
    substrings of any party name, so "Huawei" covers every entry whose name contains it.
    """

    family: str
    entry_ids: frozenset[str] = frozenset()
    name_contains: tuple[str, ...] = ()

    def specificity(self) -> int:
        return 2 if self.entry_ids and not self.name_contains else 1


@dataclass(frozen=True)
class ItemScope:
    """Which items a policy covers; an empty dimension means "any". All given dimensions must match.

    ``categories`` holds CCL categories "0"–"9" and the pseudo-categories "EAR99" and "AT" (AT-only ECCNs).
    ``technology_flags`` are application-supplied facts such as "5G" or "10nm_or_below".
    """

    eccns: frozenset[str] = frozenset()
    categories: frozenset[str] = frozenset()
    product_groups: frozenset[str] = frozenset()
    technology_flags: frozenset[str] = frozenset()
    description: str = "all items subject to the EAR"

    def specificity(self) -> int:
        dims = (self.eccns, self.categories, self.product_groups, self.technology_flags)
        return sum(1 for dim in dims if dim)


@dataclass(frozen=True)
class Policy:
    """One time-versioned review rule: parties x items x [effective_from, effective_to) -> outcome.

    ``effective_to`` is exclusive (None: still in force). ``date_note`` says when the date itself is uncertain
    (e.g. the source gives only a month). ``priority`` lets a blanket later rule (a licensing halt) override
    more specific earlier ones; otherwise the more specific rule wins.
    """

    policy_id: str
    title: str
    parties: PartyScope
    items: ItemScope
    outcome: ReviewPolicy
    effective_from: date
    citation: Citation
    effective_to: date | None = None
    priority: int = 0
    date_note: str = ""

    def in_force(self, on_date: date) -> bool:
        return self.effective_from <= on_date and (self.effective_to is None or on_date < self.effective_to)


@dataclass(frozen=True)
class PartyFacts:
    name: str
    entry_id: str | None = None
    role: str = "ultimate_consignee"


@dataclass(frozen=True)
class ItemFacts:
    """One line item. ``category`` is "0"–"9", "AT" or "EAR99" (see :func:`.items.category_of`)."""

    eccn: str
    category: str
    value: Decimal = Decimal(0)
    product_group: str | None = None
    technology_flags: frozenset[str] = frozenset()
    description: str = ""


@dataclass(frozen=True)
class ApplicationFacts:
    """What the engine needs to know about an application; the workflow builds it (no DB session here)."""

    application_id: str
    parties: tuple[PartyFacts, ...]
    items: tuple[ItemFacts, ...]
    documentation_issues: tuple[str, ...] = ()
    justification: str = ""


@dataclass(frozen=True)
class RuleMatch:
    """A policy that matched one item of the application, and why it won or lost."""

    policy: Policy
    item_index: int
    reason: str
    applied: bool
    party_reason: str = ""  # why the policy's parties cover the application (part of ``reason``)


@dataclass(frozen=True)
class PolicyRecommendation:
    """The review-policy engine's answer: the review policy, the decision it recommends and every reason with its
    citation (a referral agency's answer is :class:`exportctl.licensing.review.AgencyRecommendation`)."""

    application_id: str
    on_date: date
    outcome: ReviewPolicy | None
    decision: RecommendedDecision
    reasons: tuple[str, ...]
    matched: tuple[RuleMatch, ...] = field(default=())

    @property
    def applied_policies(self) -> tuple[Policy, ...]:
        seen: dict[str, Policy] = {}
        for match in self.matched:
            if match.applied:
                seen.setdefault(match.policy.policy_id, match.policy)
        return tuple(seen.values())
