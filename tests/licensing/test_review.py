"""Pauses, referrals and the intent to deny, on both databases."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import Engine, select

from exportctl.errors import InputError, InvalidTransitionError, PermissionDeniedError
from exportctl.licensing.applicant import respond_to_intent
from exportctl.licensing.clock_queries import application_clock
from exportctl.licensing.decide import decide
from exportctl.licensing.review import (
    intent_to_deny,
    put_on_hold,
    record_referral_recommendation,
    refer,
    request_info,
    resume,
)
from exportctl.store.db import session_scope
from exportctl.store.licensing_tables import Application, Referral
from tests.licensing.conftest import REGISTERED, Cast, in_review, step


def test_request_info_pauses_the_clock_until_the_applicant_answers(engine: Engine, cast: Cast) -> None:
    app_id = in_review(engine, cast)
    paused = step(
        engine, request_info, cast.reviewer, app_id, reason="end-user statement missing", on=date(2020, 11, 20)
    )
    assert paused.status == "info_requested"
    with pytest.raises(InvalidTransitionError, match="before the pause began"):
        step(engine, resume, cast.exporter, app_id, on=date(2020, 11, 19))
    resumed = step(engine, resume, cast.exporter, app_id, on=date(2020, 11, 30))  # the applicant answers
    assert resumed.status == "under_review"
    with session_scope(engine) as s:
        clock = application_clock(s, app_id, actor=cast.reviewer, as_of=date(2020, 12, 10))
    assert clock.paused_days == 10 and clock.elapsed_days == 20
    assert clock.decision_due_on == date(2021, 2, 18)  # 90 clock days from 10 Nov 2020, plus 10 paused


def test_hold_returns_to_the_state_it_interrupted(engine: Engine, cast: Cast) -> None:
    app_id = in_review(engine, cast)
    step(engine, refer, cast.reviewer, app_id, agencies=["DoD"], on=date(2020, 11, 12))
    held = step(engine, put_on_hold, cast.reviewer, app_id, reason="applicant asked", on=date(2020, 11, 13))
    assert held.status == "on_hold"
    with pytest.raises(InvalidTransitionError, match="allowed only from"):
        step(engine, request_info, cast.reviewer, app_id, reason="twice", on=date(2020, 11, 14))
    assert step(engine, resume, cast.reviewer, app_id, on=date(2020, 11, 20)).status == "referred"


def test_exporter_cannot_lift_a_hold(engine: Engine, cast: Cast) -> None:
    app_id = in_review(engine, cast)
    step(engine, put_on_hold, cast.reviewer, app_id, reason="applicant asked", on=date(2020, 11, 13))
    with pytest.raises(PermissionDeniedError, match="reviewer"):
        step(engine, resume, cast.exporter, app_id, on=date(2020, 11, 14))


def test_decision_waits_for_referral_recommendations_until_due(engine: Engine, cast: Cast) -> None:
    app_id = in_review(engine, cast)
    step(engine, refer, cast.reviewer, app_id, agencies=["DoD", "State"], on=date(2020, 11, 12))
    with pytest.raises(InvalidTransitionError, match="waiting for referral recommendations from DoD.*State"):
        step(engine, decide, cast.reviewer, app_id, outcome="approved", reasons=["ok"], on=date(2020, 11, 20))
    with session_scope(engine) as s:
        referrals = s.execute(select(Referral).where(Referral.application_id == app_id)).scalars().all()
        assert {r.due_on for r in referrals} == {date(2020, 12, 12)}  # 30 days (referral_days)
        ids = [r.id for r in referrals]
    step(engine, record_referral_recommendation, cast.reviewer, ids[0], recommendation="approve", basis="commercial")
    with pytest.raises(InvalidTransitionError, match="State"):
        step(engine, decide, cast.reviewer, app_id, outcome="approved", reasons=["ok"], on=date(2020, 11, 20))
    with pytest.raises(InvalidTransitionError, match="already has a recommendation"):
        step(engine, record_referral_recommendation, cast.reviewer, ids[0], recommendation="deny", basis="changed mind")
    # after the due date an agency that did not answer no longer holds the decision up
    decision = step(engine, decide, cast.reviewer, app_id, outcome="approved", reasons=["ok"], on=date(2020, 12, 13))
    assert decision.licence_number is not None


def test_unknown_recommendation_is_an_input_error(engine: Engine, cast: Cast) -> None:
    app_id = in_review(engine, cast)
    step(engine, refer, cast.reviewer, app_id, agencies=["Energy"], on=REGISTERED)
    with session_scope(engine) as s:
        referral_id = s.execute(select(Referral.id).where(Referral.application_id == app_id)).scalar_one()
    with pytest.raises(InputError, match="maybe"):
        step(engine, record_referral_recommendation, cast.reviewer, referral_id, recommendation="maybe", basis="x")


def test_denial_needs_an_intent_to_deny_and_the_response_window(engine: Engine, cast: Cast) -> None:
    app_id = in_review(engine, cast)
    with pytest.raises(InvalidTransitionError, match="allowed only from: intent_to_deny"):
        step(engine, decide, cast.reviewer, app_id, outcome="denied", reasons=["military end user"], on=REGISTERED)
    itd = step(engine, intent_to_deny, cast.reviewer, app_id, reason="military end user", on=date(2020, 12, 1))
    assert itd.intent_response_due_on == date(2020, 12, 21)  # 20 days (750.6)
    with pytest.raises(InvalidTransitionError, match="response window closes on 2020-12-21"):
        step(
            engine,
            decide,
            cast.reviewer,
            app_id,
            outcome="denied",
            reasons=["military end user"],
            on=date(2020, 12, 10),
        )
    decision = step(
        engine, decide, cast.reviewer, app_id, outcome="denied", reasons=["military end user"], on=date(2020, 12, 22)
    )
    assert decision.outcome == "denied" and decision.licence_number is None


def test_applicant_response_lets_the_reviewer_decide_early(engine: Engine, cast: Cast) -> None:
    app_id = in_review(engine, cast)
    step(engine, intent_to_deny, cast.reviewer, app_id, reason="diversion risk", on=date(2020, 12, 1))
    step(engine, respond_to_intent, cast.exporter, app_id, response="end-use check attached", on=date(2020, 12, 5))
    with pytest.raises(InvalidTransitionError, match="already given"):
        step(engine, respond_to_intent, cast.exporter, app_id, response="again", on=date(2020, 12, 6))
    early = step(
        engine, decide, cast.reviewer, app_id, outcome="denied", reasons=["diversion risk"], on=date(2020, 12, 7)
    )
    assert early.outcome == "denied" and early.licence_number is None


def test_approve_in_part_covers_only_the_chosen_items(engine: Engine, cast: Cast) -> None:
    app_id = in_review(engine, cast)
    with session_scope(engine) as s:
        from exportctl.licensing.repository import get_application, get_licence

        first_item = get_application(s, app_id, actor=cast.reviewer).items[0]
    with pytest.raises(InputError, match="some but not all"):
        step(engine, decide, cast.reviewer, app_id, outcome="approved_in_part", reasons=["x"], approved_item_ids=[])
    decision = step(
        engine, decide, cast.reviewer, app_id, outcome="approved_in_part", reasons=["modems only"],
        riders=["Report shipments quarterly"], approved_item_ids=[first_item.id], on=date(2020, 12, 1),
    )  # fmt: skip
    assert decision.licence_id is not None
    with session_scope(engine) as s:
        licence = get_licence(s, decision.licence_id, actor=cast.exporter)
    assert licence.value_limit == first_item.total_value and licence.quantity_limit == first_item.quantity
    assert licence.valid_to == date(2024, 12, 1)  # licence_validity_years = 4
    assert licence.conditions == ("Rider: Report shipments quarterly",)


def test_agencies_recommend_but_only_the_authority_decides(engine: Engine, cast: Cast) -> None:
    from exportctl.errors import PermissionDeniedError
    from exportctl.licensing.organisations import actor_for_user, create_organisation, create_user

    with session_scope(engine) as s:
        dod = create_organisation(s, "Department of Defense (DTSA)", "agency")
        agency = actor_for_user(s, create_user(s, dod, "analyst@dtsa.example", "analyst", ["reviewer"]))
    app_id = in_review(engine, cast)
    step(engine, refer, cast.reviewer, app_id, agencies=["DoD"], on=date(2020, 11, 12))
    with session_scope(engine) as s:
        referral_id = s.execute(select(Referral.id).where(Referral.application_id == app_id)).scalar_one()
    step(
        engine,
        record_referral_recommendation,
        agency,
        referral_id,
        recommendation="approve_with_conditions",
        basis="no NS concern",
    )
    with pytest.raises(PermissionDeniedError, match="only reviewers of an authority organisation"):
        step(engine, decide, agency, app_id, outcome="approved", reasons=["agency says so"], on=date(2020, 11, 20))
    approved = step(
        engine, decide, cast.reviewer, app_id, outcome="approved", reasons=["DoD concurs"], on=date(2020, 11, 20)
    )
    assert approved.outcome == "approved" and approved.licence_number is not None


def test_a_pause_or_a_withdrawal_is_not_dated_before_the_step_it_follows(engine: Engine, cast: Cast) -> None:
    from exportctl.licensing.applicant import withdraw
    from exportctl.licensing.review import put_on_hold, resume

    app_id = in_review(engine, cast)
    with session_scope(engine) as s:
        app = s.get(Application, app_id)
        assert app is not None and app.registered_on is not None
        registered = app.registered_on
    step(engine, put_on_hold, cast.reviewer, app_id, reason="applicant asked", on=registered + timedelta(days=10))
    step(engine, resume, cast.reviewer, app_id, on=registered + timedelta(days=20))
    with pytest.raises(InvalidTransitionError, match="previous pause"):
        step(engine, put_on_hold, cast.reviewer, app_id, reason="again", on=registered + timedelta(days=15))
    with pytest.raises(InvalidTransitionError, match="submission or registration"):
        step(engine, withdraw, cast.exporter, app_id, reason="no longer needed", on=registered - timedelta(days=1))
