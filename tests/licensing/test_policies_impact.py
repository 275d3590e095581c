"""Policy-change impact (pending recommendations before -> after, licences in scope) and licence actions."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from exportctl.licensing.policies.impact import LicenceFacts, licences_hit_by_action, preview_policy_change
from exportctl.licensing.policies.model import (
    ApplicationFacts,
    ItemFacts,
    PartyFacts,
    RecommendedDecision,
    ReviewPolicy,
)
from exportctl.licensing.policies.seed import halt_2023, revocation_2024, seed_policies

BEFORE_HALT = tuple(p for p in seed_policies() if p.policy_id != "huawei-2023-halt")
HUAWEI = PartyFacts("Huawei Device Co., Ltd.")
CHIP = ItemFacts("3A991", "AT", Decimal(10))


def pending(app_id: str, party: PartyFacts, *, issues: tuple[str, ...] = ()) -> ApplicationFacts:
    return ApplicationFacts(app_id, (party,), (CHIP,), documentation_issues=issues, justification="civil use")


def licence(licence_id: str, holder: str, party: PartyFacts, status: str = "active") -> LicenceFacts:
    return LicenceFacts(licence_id, holder, (party,), (CHIP,), status, date(2021, 1, 1), date(2025, 1, 1))


def test_halt_changes_pending_huawei_recommendations_only() -> None:
    apps = [
        pending("hw", HUAWEI),
        pending("hw-bad-docs", HUAWEI, issues=("vague end use",)),
        pending("acme", PartyFacts("Acme GmbH")),
    ]
    impact = preview_policy_change(halt_2023(), policies=BEFORE_HALT, pending=apps)
    assert impact.on_date == date(2023, 1, 1)
    changes = {c.application_id: c for c in impact.changes}
    assert set(changes) == {"hw", "hw-bad-docs"}
    hw = changes["hw"]
    assert (hw.before_outcome, hw.after_outcome) == (ReviewPolicy.CASE_BY_CASE, ReviewPolicy.NO_NEW_LICENCES)
    assert (changes["hw"].before_decision, changes["hw"].after_decision) == (
        RecommendedDecision.APPROVE,
        RecommendedDecision.DENY,
    )
    # documentation still decides first: the outcome changes, the decision does not
    assert changes["hw-bad-docs"].after_decision is RecommendedDecision.RETURN_WITHOUT_ACTION
    assert impact.unchanged == 1


def test_halt_lists_active_licences_in_scope() -> None:
    licences = [
        licence("L1", "Qualcomm", HUAWEI),
        licence("L2", "Qualcomm", HUAWEI, status="revoked"),
        licence("L3", "Intel", PartyFacts("Acme GmbH")),
    ]
    impact = preview_policy_change(halt_2023(), policies=BEFORE_HALT, pending=[], licences=licences)
    assert [a.licence_id for a in impact.affected_licences] == ["L1"]


def test_licences_issued_after_the_effective_date_are_in_scope() -> None:
    later = LicenceFacts("L4", "Qualcomm", (HUAWEI,), (CHIP,), "active", date(2024, 3, 1), date(2028, 3, 1))
    ended = LicenceFacts("L5", "Qualcomm", (HUAWEI,), (CHIP,), "active", date(2020, 1, 1), date(2022, 6, 1))
    impact = preview_policy_change(halt_2023(), policies=BEFORE_HALT, pending=[], licences=[later, ended])
    assert [a.licence_id for a in impact.affected_licences] == ["L4"]  # issued 2024, after the 2023 halt


def test_preview_before_the_policy_takes_effect_changes_nothing() -> None:
    impact = preview_policy_change(
        halt_2023(), policies=BEFORE_HALT, pending=[pending("hw", HUAWEI)], on_date=date(2022, 12, 31)
    )
    assert impact.changes == () and impact.affected_licences == ()


def test_2024_revocation_reaches_named_holders_active_on_the_date() -> None:
    action = revocation_2024()
    assert action.effective == date(2024, 5, 7) and action.kind == "revoke"
    licences = [
        licence("L1", "Qualcomm", HUAWEI),
        licence("L2", "Intel Corporation", HUAWEI),
        licence("L3", "Northwind Components Inc.", HUAWEI),
        licence("L4", "Intel", PartyFacts("Acme GmbH")),
        LicenceFacts("L5", "Intel", (HUAWEI,), (CHIP,), "active", date(2020, 1, 1), date(2024, 5, 7)),  # expired
    ]
    assert [a.licence_id for a in licences_hit_by_action(action, licences)] == ["L1", "L2"]
