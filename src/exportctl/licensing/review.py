"""The licensing officer's steps before a decision: register (starts the clock), start review, request
information / put on hold / resume (pause and restart the clock), refer to agencies and record their
recommendations, issue an intent to deny. Each checks role, tenant, state and date, and is audited."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from exportctl.audit.chain import append_event
from exportctl.audit.locking import lock_for_write
from exportctl.errors import InputError, InvalidTransitionError, NotFoundError
from exportctl.licensing import _steps
from exportctl.licensing.actor import Actor, Role
from exportctl.licensing.clock import intent_response_due_on, referral_due_on
from exportctl.licensing.periods import DEFAULT_PERIODS, StatutoryPeriods
from exportctl.licensing.records import close_open_pause, open_pause
from exportctl.licensing.repository import load_application
from exportctl.licensing.states import Status
from exportctl.licensing.views import ApplicationView, application_view
from exportctl.store.licensing_tables import ClockPause, Referral


class AgencyRecommendation(StrEnum):
    APPROVE = "approve"
    DENY = "deny"
    APPROVE_WITH_CONDITIONS = "approve_with_conditions"


def register(session: Session, actor: Actor, application_id: int, *, on: date | None = None) -> ApplicationView:
    """Register a submitted application: the statutory clock starts on this date."""
    app, _ = _steps.begin_step(session, actor, application_id, "register")
    _steps.require_independent_reviewer(actor, app, "register an application")
    day = on or _steps.today()
    _steps.not_before(day, app.submitted_on, "its submission", app)
    before = _steps.snapshot(app)
    app.registered_on = day
    _steps.finish_step(session, actor, app, "application.registered", Status.REGISTERED, before, {"registered_on": day})
    return application_view(app)


def start_review(session: Session, actor: Actor, application_id: int, *, on: date | None = None) -> ApplicationView:
    """Assign the application to the acting reviewer and open the review."""
    app, _ = _steps.begin_step(session, actor, application_id, "start_review")
    _steps.require_independent_reviewer(actor, app, "start a review")
    day = on or _steps.today()
    _steps.not_before(day, app.registered_on, "its registration", app)
    before = _steps.snapshot(app)
    app.assigned_reviewer_id = actor.user_id
    _steps.finish_step(
        session, actor, app, "review.started", Status.UNDER_REVIEW, before, {"reviewer": actor.user_id, "on": day}
    )
    return application_view(app)


def _pause(
    session: Session, actor: Actor, application_id: int, step: str, reason: str, on: date | None
) -> ApplicationView:
    if not reason.strip():
        raise InputError("say why the clock stops", field="reason")
    app, current = _steps.begin_step(session, actor, application_id, step)
    _steps.require_independent_reviewer(actor, app, step.replace("_", " "))
    day = on or _steps.today()
    _steps.not_before(day, app.registered_on, "its registration", app)
    ended = session.scalar(select(func.max(ClockPause.ended_on)).where(ClockPause.application_id == app.id))
    _steps.not_before(day, ended, "the end of its previous pause", app)
    new_status = Status.INFO_REQUESTED if step == "request_info" else Status.ON_HOLD
    before = _steps.snapshot(app)
    session.add(
        ClockPause(
            application_id=app.id, kind=new_status.value, reason=reason, started_on=day, resume_status=current.value
        )
    )
    _steps.finish_step(
        session, actor, app, f"review.{new_status.value}", new_status, before, {"reason": reason, "on": day}
    )
    return application_view(app)


def request_info(
    session: Session, actor: Actor, application_id: int, *, reason: str, on: date | None = None
) -> ApplicationView:
    """Ask the applicant for information; the clock stops until :func:`resume`."""
    return _pause(session, actor, application_id, "request_info", reason, on)


def put_on_hold(
    session: Session, actor: Actor, application_id: int, *, reason: str, on: date | None = None
) -> ApplicationView:
    """Hold the application (e.g. at the applicant's request); the clock stops until :func:`resume`."""
    return _pause(session, actor, application_id, "put_on_hold", reason, on)


def resume(session: Session, actor: Actor, application_id: int, *, on: date | None = None) -> ApplicationView:
    """Restart the clock and return to the state the pause interrupted (the reviewer, or the applicant answering
    a request for information)."""
    app, current = _steps.begin_step(session, actor, application_id, "resume")
    if current is Status.INFO_REQUESTED and actor.organisation_id == app.organisation_id:
        actor.require(Role.EXPORTER, action="answer a request for information")
    else:
        _steps.require_independent_reviewer(actor, app, "resume a review")
    day = on or _steps.today()
    pause = open_pause(session, app)
    if pause is not None:
        _steps.not_before(day, pause.started_on, "the pause began", app)
    before = _steps.snapshot(app)
    back_to = close_open_pause(session, app, day) or Status.UNDER_REVIEW
    _steps.finish_step(session, actor, app, "review.resumed", back_to, before, {"on": day})
    return application_view(app)


def refer(
    session: Session,
    actor: Actor,
    application_id: int,
    *,
    agencies: Sequence[str],
    on: date | None = None,
    periods: StatutoryPeriods = DEFAULT_PERIODS,
) -> ApplicationView:
    """Refer to agencies (e.g. "DoD", "State", "Energy"); each has ``referral_days`` to recommend."""
    names = [a.strip() for a in agencies if a.strip()]
    if not names:
        raise InputError("name at least one agency", field="agencies")
    app, _ = _steps.begin_step(session, actor, application_id, "refer")
    _steps.require_independent_reviewer(actor, app, "refer an application")
    day = on or _steps.today()
    _steps.not_before(day, app.registered_on, "its registration", app)
    due = referral_due_on(day, referral_days=periods.referral_days)
    before = _steps.snapshot(app)
    for agency in names:
        session.add(Referral(application_id=app.id, agency=agency, referred_on=day, due_on=due))
    _steps.finish_step(
        session, actor, app, "review.referred", Status.REFERRED, before, {"agencies": names, "due_on": due}
    )
    return application_view(app)


def record_referral_recommendation(
    session: Session,
    actor: Actor,
    referral_id: int,
    *,
    recommendation: AgencyRecommendation | str,
    basis: str,
    on: date | None = None,
) -> ApplicationView:
    """An agency's recommendation with its basis; recorded once, never changed."""
    lock_for_write(session)
    referral = session.get(Referral, referral_id, populate_existing=True)
    if referral is None:
        raise NotFoundError(f"no referral {referral_id}")
    app = load_application(session, referral.application_id, actor=actor)
    _steps.require_independent_reviewer(
        actor, app, "record a referral recommendation", kinds=_steps.AUTHORITY_OR_AGENCY
    )
    try:
        choice = AgencyRecommendation(recommendation)
    except ValueError:
        raise InputError(f"unknown recommendation {recommendation!r}", field="recommendation") from None
    if not basis.strip():
        raise InputError("give the basis of the recommendation", field="basis")
    if referral.recommendation is not None:
        raise InvalidTransitionError(f"referral {referral_id} to {referral.agency} already has a recommendation")
    day = on or _steps.today()
    _steps.not_before(day, referral.referred_on, "the referral", app)
    referral.recommendation, referral.basis, referral.recommended_on = choice.value, basis, day
    referral.recorded_by = actor.user_id
    session.flush()
    after = {"agency": referral.agency, "recommendation": choice, "basis": basis, "on": day}
    append_event(session, actor, "referral.recommended", "referral", referral.id, None, after)
    return application_view(app)


def intent_to_deny(
    session: Session,
    actor: Actor,
    application_id: int,
    *,
    reason: str,
    on: date | None = None,
    periods: StatutoryPeriods = DEFAULT_PERIODS,
) -> ApplicationView:
    """Notify the applicant of the intent to deny (15 CFR 750.6); a denial may follow after the response window
    (``intent_to_deny_response_days``) or the applicant's response."""
    if not reason.strip():
        raise InputError("give the reason for the intended denial", field="reason")
    app, _ = _steps.begin_step(session, actor, application_id, "intent_to_deny")
    _steps.require_independent_reviewer(actor, app, "issue an intent to deny")
    day = on or _steps.today()
    _steps.not_before(day, app.registered_on, "its registration", app)
    before = _steps.snapshot(app)
    app.intent_to_deny_on = day
    app.intent_response_due_on = intent_response_due_on(day, response_days=periods.intent_to_deny_response_days)
    app.intent_response = None
    after = {"reason": reason, "on": day, "response_due_on": app.intent_response_due_on}
    _steps.finish_step(session, actor, app, "review.intent_to_deny", Status.INTENT_TO_DENY, before, after)
    return application_view(app)
