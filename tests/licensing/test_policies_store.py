"""Review policies in the store (SQLite and PostgreSQL): versions, seeding, recommendation, impact, bulk actions."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import Engine, func, select

from exportctl.audit.chain import verify_chain
from exportctl.determination.parties import PartyRole
from exportctl.errors import InputError, InvalidTransitionError, PermissionDeniedError
from exportctl.licensing.decide import decide
from exportctl.licensing.inputs import ItemInput, PartyInput
from exportctl.licensing.policies.actions import apply_policy_change, apply_to_licences
from exportctl.licensing.policies.model import RecommendedDecision, ReviewPolicy
from exportctl.licensing.policies.seed import halt_2023, seed_policies
from exportctl.licensing.policies.store import (
    end_policy,
    load_policies,
    preview_change,
    recommend_application,
    seed_timeline_policies,
)
from exportctl.licensing.repository import get_licence
from exportctl.store.audit_tables import AuditEvent
from exportctl.store.db import session_scope
from exportctl.store.policy_tables import PolicyRow
from tests.licensing.conftest import Cast, good_input, in_review, step

HUAWEI_PARTIES = (
    PartyInput(role=PartyRole.PURCHASER, name="Huawei Device Co., Ltd.", country="CN"),
    PartyInput(role=PartyRole.ULTIMATE_CONSIGNEE, name="Huawei Device Co., Ltd.", country="CN"),
    PartyInput(role=PartyRole.END_USER, name="Huawei Device Co., Ltd.", country="CN"),
)


@pytest.fixture
def seeded(engine: Engine, cast: Cast) -> Cast:
    step(engine, seed_timeline_policies, cast.policy_admin)
    return cast


def test_seeding_is_idempotent_and_round_trips(engine: Engine, seeded: Cast) -> None:
    assert step(engine, seed_timeline_policies, seeded.policy_admin) == ()
    with session_scope(engine) as s:
        stored = load_policies(s)
    ids = [p.policy_id for p in stored]
    assert ids == ["huawei-2019-listing", "huawei-2020-5g", "huawei-2020-other", "smic-2020-10nm", "smic-2020-other"]
    assert set(stored) == {p for p in seed_policies() if p.policy_id != "huawei-2023-halt"}


def test_ending_a_policy_adds_a_version(engine: Engine, seeded: Cast) -> None:
    step(engine, end_policy, seeded.policy_admin, "smic-2020-other", date(2022, 1, 1))
    with session_scope(engine) as s:
        smic = {p.policy_id: p for p in load_policies(s)}["smic-2020-other"]
        versions = s.scalar(select(func.count()).where(PolicyRow.policy_key == "smic-2020-other"))
    assert smic.effective_to == date(2022, 1, 1) and versions == 2


def test_only_policy_admins_add_policies(engine: Engine, seeded: Cast) -> None:
    with pytest.raises(PermissionDeniedError):
        step(engine, end_policy, seeded.reviewer, "smic-2020-other", date(2022, 1, 1))
    with pytest.raises(InputError):
        step(engine, end_policy, seeded.policy_admin, "smic-2020-other", date(2019, 1, 1))


def test_recommendation_for_a_stored_application(engine: Engine, seeded: Cast) -> None:
    app_id = in_review(engine, seeded, good_input(parties=HUAWEI_PARTIES))
    rec = step(engine, recommend_application, seeded.reviewer, app_id, on=date(2020, 11, 10))
    assert (rec.outcome, rec.decision) == (ReviewPolicy.CASE_BY_CASE, RecommendedDecision.APPROVE)
    five_g = good_input(parties=HUAWEI_PARTIES, items=(replace_flags(good_input().items[0], ("5G",)),))
    app5 = in_review(engine, seeded, five_g)
    rec5 = step(engine, recommend_application, seeded.reviewer, app5, on=date(2020, 11, 10))
    assert rec5.decision is RecommendedDecision.DENY and rec5.outcome is ReviewPolicy.PRESUMPTION_OF_DENIAL


def replace_flags(item: ItemInput, flags: tuple[str, ...]) -> ItemInput:
    return item.model_copy(update={"tech_flags": flags})


def test_halt_preview_then_apply_with_bulk_revocation(engine: Engine, seeded: Cast) -> None:
    in_review(engine, seeded, good_input(parties=HUAWEI_PARTIES))  # stays pending
    approved_id = in_review(engine, seeded, good_input(parties=HUAWEI_PARTIES))
    other_id = in_review(engine, seeded)  # not a Huawei party
    for app_id in (approved_id, other_id):
        step(engine, decide, seeded.reviewer, app_id, outcome="approved", reasons=["ok"], on=date(2020, 11, 20))
    halt = replace(halt_2023(), effective_from=date(2022, 6, 1))  # within the licences' validity
    impact = step(engine, preview_change, seeded.reviewer, halt)
    assert [(c.before_decision, c.after_decision) for c in impact.changes] == [
        (RecommendedDecision.APPROVE, RecommendedDecision.DENY)
    ]
    assert len(impact.affected_licences) == 1
    before_events = _events(engine)
    impact2, applied = step(
        engine, apply_policy_change, seeded.policy_admin, halt, licence_action="revoke", reason="halt test"
    )
    assert impact2 == impact and applied is not None and len(applied.licences) == 1
    lic = step(engine, get_licence, int(impact.affected_licences[0].licence_id), actor=seeded.auditor)
    assert lic.status == "revoked"
    # the policy and the revocation are audit events, and the chain still verifies
    assert _events(engine) - before_events == 2
    assert verify_chain(engine).ok
    with session_scope(engine) as s:
        assert "huawei-2023-halt" in {p.policy_id for p in load_policies(s)}
    # a second revocation of the same licence is refused: revocation is final
    again = {"kind": "revoke", "from_date": date(2023, 1, 1), "reason": "again"}
    with pytest.raises(InvalidTransitionError, match="revoked"):
        step(engine, apply_to_licences, seeded.policy_admin, [lic.id], **again)


def test_bulk_action_kind_is_checked(engine: Engine, seeded: Cast) -> None:
    with pytest.raises(InputError):
        step(engine, apply_to_licences, seeded.policy_admin, [], kind="cancel", from_date=date(2023, 1, 1), reason="x")


def _events(engine: Engine) -> int:
    with session_scope(engine) as s:
        return int(s.scalar(select(func.count()).select_from(AuditEvent)) or 0)
