"""What a policy change or a licence action would do, before anyone applies it (pure).

:func:`preview_policy_change` re-runs the engine on every pending application with and without the new policy and
lists the applications whose recommendation changes, plus the active licences the new policy covers.
:func:`licences_hit_by_action` lists the active licences a suspend/revoke action reaches. Applying either is the
job of :mod:`exportctl.licensing.policies.store`, which calls the workflow so each licence change is an audit event.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from exportctl.licensing.policies.engine import item_match, party_match, recommend
from exportctl.licensing.policies.model import (
    ApplicationFacts,
    ItemFacts,
    PartyFacts,
    Policy,
    RecommendedDecision,
    ReviewPolicy,
)
from exportctl.licensing.policies.seed import LicenceAction


@dataclass(frozen=True)
class LicenceFacts:
    """An issued licence as the impact analysis sees it. ``valid_to`` is exclusive."""

    licence_id: str
    holder: str
    parties: tuple[PartyFacts, ...]
    items: tuple[ItemFacts, ...]
    status: str  # "active" | "suspended" | "revoked" | "expired" …
    valid_from: date
    valid_to: date

    def active_on(self, on_date: date) -> bool:
        return self.status == "active" and self.valid_from <= on_date < self.valid_to


@dataclass(frozen=True)
class RecommendationChange:
    application_id: str
    before_outcome: ReviewPolicy | None
    after_outcome: ReviewPolicy | None
    before_decision: RecommendedDecision
    after_decision: RecommendedDecision
    reasons: tuple[str, ...]  # the "after" reasons


@dataclass(frozen=True)
class AffectedLicence:
    licence_id: str
    holder: str
    reason: str


@dataclass(frozen=True)
class Impact:
    """The effect of adding ``policy``: changed recommendations (before -> after) and licences it reaches."""

    policy_id: str
    on_date: date
    changes: tuple[RecommendationChange, ...]
    unchanged: int
    affected_licences: tuple[AffectedLicence, ...]


def with_policy(policies: Iterable[Policy], new_policy: Policy) -> tuple[Policy, ...]:
    """``policies`` with ``new_policy`` added, replacing any policy with the same id."""
    return (*(p for p in policies if p.policy_id != new_policy.policy_id), new_policy)


def preview_policy_change(
    new_policy: Policy,
    *,
    policies: Iterable[Policy],
    pending: Iterable[ApplicationFacts],
    licences: Iterable[LicenceFacts] = (),
    on_date: date | None = None,
) -> Impact:
    """Compare recommendations with and without ``new_policy`` on ``on_date`` (default: its effective date)."""
    when = on_date or new_policy.effective_from
    before_set = tuple(policies)
    after_set = with_policy(before_set, new_policy)
    changes: list[RecommendationChange] = []
    unchanged = 0
    for facts in pending:
        before = recommend(facts, before_set, when)
        after = recommend(facts, after_set, when)
        if (before.outcome, before.decision) == (after.outcome, after.decision):
            unchanged += 1
            continue
        changes.append(
            RecommendationChange(
                facts.application_id, before.outcome, after.outcome, before.decision, after.decision, after.reasons
            )
        )
    affected = tuple(_licences_in_scope(new_policy, licences, when)) if new_policy.in_force(when) else ()
    return Impact(new_policy.policy_id, when, tuple(changes), unchanged, affected)


def _licences_in_scope(policy: Policy, licences: Iterable[LicenceFacts], on_date: date) -> Iterable[AffectedLicence]:
    """Licences the policy reaches: active on ``on_date``, or issued (active) after it, while the policy is in force."""
    for licence in licences:
        issued_later = licence.status == "active" and licence.valid_from > on_date
        if not (licence.active_on(on_date) or issued_later):
            continue
        why_party = party_match(policy.parties, licence.parties)
        if why_party is None:
            continue
        why_items = [why for item in licence.items if (why := item_match(policy.items, item)) is not None]
        if why_items:
            yield AffectedLicence(licence.licence_id, licence.holder, f"{why_party}; {why_items[0]}")


def licences_hit_by_action(action: LicenceAction, licences: Iterable[LicenceFacts]) -> tuple[AffectedLicence, ...]:
    """Active licences (on the action's date) for the action's parties, held by one of its named holders."""
    hit: list[AffectedLicence] = []
    for licence in licences:
        if not licence.active_on(action.effective):
            continue
        why_party = party_match(action.parties, licence.parties)
        if why_party is None:
            continue
        if action.holders and not any(h.casefold() in licence.holder.casefold() for h in action.holders):
            continue
        holder_note = f"; holder {licence.holder} named by the source" if action.holders else ""
        hit.append(AffectedLicence(licence.licence_id, licence.holder, f"{why_party}{holder_note}"))
    return tuple(hit)
