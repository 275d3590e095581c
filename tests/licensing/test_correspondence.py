"""The applicant answers a request for information (the clock restarts) and both sides read the exchange."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine, select

from exportctl.errors import InputError, InvalidTransitionError, NotFoundError, PermissionDeniedError
from exportctl.licensing.applicant import answer_info_request, respond_to_intent
from exportctl.licensing.clock_queries import application_clock
from exportctl.licensing.correspondence import application_correspondence
from exportctl.licensing.review import (
    intent_to_deny,
    put_on_hold,
    record_referral_recommendation,
    refer,
    request_info,
    resume,
)
from exportctl.store.db import session_scope
from exportctl.store.licensing_tables import Referral
from tests.licensing.conftest import Cast, in_review, step


def test_answer_restarts_the_clock_and_returns_to_review(engine: Engine, cast: Cast) -> None:
    app_id = in_review(engine, cast)
    step(engine, request_info, cast.reviewer, app_id, reason="end-user statement missing", on=date(2020, 11, 20))
    with pytest.raises(InvalidTransitionError, match="before the request"):
        step(engine, answer_info_request, cast.exporter, app_id, answer="attached", on=date(2020, 11, 19))
    answered = step(
        engine, answer_info_request, cast.exporter, app_id, answer="statement attached", on=date(2020, 11, 30)
    )
    assert answered.status == "under_review"
    with session_scope(engine) as s:
        clock = application_clock(s, app_id, actor=cast.reviewer, as_of=date(2020, 12, 10))
    assert clock.paused_days == 10 and not clock.paused
    with pytest.raises(InvalidTransitionError, match="allowed only from: info_requested"):
        step(engine, answer_info_request, cast.exporter, app_id, answer="again", on=date(2020, 12, 1))


def test_only_the_applicant_answers_and_not_empty(engine: Engine, cast: Cast) -> None:
    app_id = in_review(engine, cast)
    step(engine, request_info, cast.reviewer, app_id, reason="which factory?", on=date(2020, 11, 20))
    with pytest.raises(InputError, match="empty"):
        step(engine, answer_info_request, cast.exporter, app_id, answer="  ", on=date(2020, 11, 21))
    with pytest.raises(PermissionDeniedError):
        step(engine, answer_info_request, cast.reviewer, app_id, answer="x", on=date(2020, 11, 21))
    with pytest.raises(NotFoundError):
        step(engine, answer_info_request, cast.other_exporter, app_id, answer="x", on=date(2020, 11, 21))


def test_a_hold_is_not_answered_by_the_applicant(engine: Engine, cast: Cast) -> None:
    app_id = in_review(engine, cast)
    step(engine, put_on_hold, cast.reviewer, app_id, reason="awaiting policy", on=date(2020, 11, 20))
    with pytest.raises(InvalidTransitionError, match="on_hold"):
        step(engine, answer_info_request, cast.exporter, app_id, answer="x", on=date(2020, 11, 21))


def test_both_sides_read_the_whole_exchange(engine: Engine, cast: Cast) -> None:
    app_id = in_review(engine, cast)
    step(engine, request_info, cast.reviewer, app_id, reason="which factory?", on=date(2020, 11, 20))
    step(engine, answer_info_request, cast.exporter, app_id, answer="Factory 2, Dongguan", on=date(2020, 11, 22))
    step(engine, put_on_hold, cast.reviewer, app_id, reason="awaiting policy", on=date(2020, 11, 23))
    step(engine, resume, cast.reviewer, app_id, on=date(2020, 11, 24))
    step(engine, refer, cast.reviewer, app_id, agencies=["DoD"], on=date(2020, 11, 25))
    with session_scope(engine) as s:
        referral_id = s.execute(select(Referral.id).where(Referral.application_id == app_id)).scalar_one()
    step(
        engine, record_referral_recommendation, cast.reviewer, referral_id,
        recommendation="deny", basis="end user supplies the military", on=date(2020, 11, 26),
    )  # fmt: skip
    step(engine, intent_to_deny, cast.reviewer, app_id, reason="military end use", on=date(2020, 11, 27))
    step(engine, respond_to_intent, cast.exporter, app_id, response="civil only, audit attached", on=date(2020, 12, 1))
    for actor in (cast.exporter, cast.reviewer, cast.auditor):
        with session_scope(engine) as s:
            messages = application_correspondence(s, app_id, actor=actor)
        assert [(m.side, m.kind, m.text) for m in messages] == [
            ("authority", "info_requested", "which factory?"),
            ("applicant", "info_answered", "Factory 2, Dongguan"),
            ("authority", "on_hold", "awaiting policy"),
            ("authority", "resumed", ""),
            ("agency", "recommendation", "end user supplies the military"),
            ("authority", "intent_to_deny", "military end use"),
            ("applicant", "intent_response", "civil only, audit attached"),
        ]
    with session_scope(engine) as s, pytest.raises(NotFoundError):
        application_correspondence(s, app_id, actor=cast.other_exporter)
