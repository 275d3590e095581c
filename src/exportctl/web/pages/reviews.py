"""Reviewer pages: the queue with each application's clock, and one application with the policy engine's
recommendation (with reasons), the parties' list history, and the review steps as forms: register, start, pause
and resume, refer to agencies and record their recommendations, intent to deny, decide. Every step needs the
reviewer role (checked first, as in the API); errors the reviewer can act on are shown inline on the page."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Path, Request
from fastapi.responses import RedirectResponse, Response

from exportctl.accounts.roles import Actor, require_role
from exportctl.errors import ExportctlError, NotFoundError
from exportctl.http.context import get_context
from exportctl.http.security import require_user
from exportctl.licensing.actor import Role
from exportctl.licensing.clock_queries import application_clock, application_referrals, review_queue
from exportctl.licensing.correspondence import application_correspondence
from exportctl.licensing.organisations import organisation_name
from exportctl.licensing.policies.store import recommend_application
from exportctl.licensing.repository import get_application, list_applications, list_decisions
from exportctl.licensing.review import AgencyRecommendation
from exportctl.licensing.steps import STEPS, run_step
from exportctl.licensing.views import ApplicationView, DecisionView
from exportctl.lists.history import HistoryEvent, history
from exportctl.store.db import session_scope
from exportctl.web.inline_errors import FIXABLE_ERRORS, form_date, inline_status
from exportctl.web.templating import render

router = APIRouter(include_in_schema=False)
User = Annotated[Actor, Depends(require_user)]
AppId = Annotated[int, Path(ge=1, le=2**31 - 1)]
MAX_HISTORY_ENTRIES = 4


@router.get("/reviews")
def queue_page(request: Request, user: User) -> Response:
    require_role(user, Role.REVIEWER, Role.AUDITOR, Role.POLICY_ADMIN, Role.ADMIN)
    with session_scope(get_context(request).engine) as session:
        entries = review_queue(
            session, actor=user, as_of=get_context(request).clock.today(), periods=get_context(request).periods
        )
        incoming = list_applications(session, actor=user, statuses=["submitted"])
    return render(request, "reviews.html", {"entries": entries, "incoming": incoming})


def party_history(request: Request, app: ApplicationView) -> list[tuple[str, str, list[HistoryEvent]]]:
    """(party name, entry id, events) for the entries the parties matched when screened at submission."""
    engine = get_context(request).engine
    seen: list[tuple[str, str, list[HistoryEvent]]] = []
    for party in app.parties:
        for hit in party.screening.hits[:2] if party.screening is not None else ():
            entry_id = hit.entry_id
            if not entry_id or any(entry_id == e for _, e, _ in seen) or len(seen) >= MAX_HISTORY_ENTRIES:
                continue
            try:
                seen.append((party.name, entry_id, history(engine, entry_id)))
            except NotFoundError:
                continue
    return seen


def _review(
    request: Request,
    user: Actor,
    application_id: int,
    error: Exception | None = None,
    kept: dict[str, str] | None = None,
) -> Response:
    """The review page; with ``error``, the step that failed is explained at the top of the review steps, and the
    decision form keeps what was typed (``kept``)."""
    context: dict[str, Any] = {"recommendation": None, "recommendation_error": None, "clock": None}
    context["kept"] = kept or {}
    if error is not None:
        context["step_error"] = {"message": str(error), "field": getattr(error, "field", None)}
    context["intent_days"] = get_context(request).settings.intent_to_deny_response_days
    context["recommendations"] = [r.value for r in AgencyRecommendation]
    with session_scope(get_context(request).engine) as session:
        app = get_application(session, application_id, actor=user)
        context["applicant_name"] = organisation_name(session, app.organisation_id)
        context["decisions"] = list_decisions(session, application_id, actor=user)
        context["correspondence"] = application_correspondence(session, application_id, actor=user)
        context["referrals"] = application_referrals(
            session, application_id, actor=user, as_of=get_context(request).clock.today()
        )
        try:
            context["recommendation"] = recommend_application(
                session, user, application_id, on=get_context(request).clock.today()
            )
        except ExportctlError as exc:
            context["recommendation_error"] = str(exc)
        if app.registered_on is not None:
            context["clock"] = application_clock(
                session,
                application_id,
                actor=user,
                as_of=get_context(request).clock.today(),
                periods=get_context(request).periods,
            )
    context.update(
        {"app": app, "history": party_history(request, app), "own": app.organisation_id == user.organisation_id}
    )
    return render(request, "review.html", context, status_code=inline_status(error) if error else 200)


@router.get("/reviews/{application_id}")
def review_page(request: Request, user: User, application_id: AppId) -> Response:
    require_role(user, Role.REVIEWER, Role.AUDITOR, Role.POLICY_ADMIN, Role.ADMIN)
    return _review(request, user, application_id)


def _take(
    request: Request, user: Actor, name: str, target_id: int, values: dict[str, object]
) -> ApplicationView | DecisionView:
    """One review step through the step table; the day (``on``), if typed, is checked as every form date is."""
    require_role(user, *STEPS[name].roles)  # 403 before anything is read, as in the API
    if isinstance(values.get("on"), str):
        values["on"] = form_date(str(values["on"]), "on")
    ctx = get_context(request)
    with session_scope(ctx.engine) as session:
        view: ApplicationView | DecisionView = run_step(session, user, name, target_id, values, periods=ctx.periods)
        return view


@router.post("/reviews/{application_id}/step")
def review_step(
    request: Request,
    user: User,
    application_id: AppId,
    step: Annotated[str, Form(pattern="^(register|start|resume|request_info|hold|refer)$")],
    reason: Annotated[str, Form(max_length=5000)] = "",
    agencies: Annotated[str, Form(max_length=5000)] = "",
    on: Annotated[str, Form(max_length=20)] = "",
    text: Annotated[str, Form(max_length=5000)] = "",  # the page's one text field: the reason or the agencies
) -> Response:
    values: dict[str, object] = {"on": on}
    if "reason" in {a.name for a in STEPS[step].args}:
        values["reason"] = reason or text
    if step == "refer":
        values["agencies"] = agencies or text
    try:
        _take(request, user, step, application_id, values)
    except FIXABLE_ERRORS as exc:
        return _review(request, user, application_id, exc)
    return RedirectResponse(f"/reviews/{application_id}", status_code=303)


@router.post("/reviews/{application_id}/intent-to-deny")
def intent_to_deny_page(
    request: Request,
    user: User,
    application_id: AppId,
    reason: Annotated[str, Form(max_length=5000)] = "",
    on: Annotated[str, Form(max_length=20)] = "",
) -> Response:
    """Notify the applicant; the response window (``intent_to_deny_response_days``) starts on ``on``."""
    try:
        _take(request, user, "intent_to_deny", application_id, {"reason": reason, "on": on})
    except FIXABLE_ERRORS as exc:
        return _review(request, user, application_id, exc)
    return RedirectResponse(f"/reviews/{application_id}", status_code=303)


@router.post("/reviews/{application_id}/referrals/{referral_id}/recommendation")
def referral_recommendation_page(
    request: Request,
    user: User,
    application_id: AppId,
    referral_id: Annotated[int, Path(ge=1, le=2**31 - 1)],
    recommendation: Annotated[str, Form(max_length=40)] = "",
    basis: Annotated[str, Form(max_length=5000)] = "",
    on: Annotated[str, Form(max_length=20)] = "",
) -> Response:
    """Record an agency's recommendation (once). The referral decides which application it belongs to; the page
    returned is that application's."""
    values: dict[str, object] = {"recommendation": recommendation, "basis": basis, "on": on}
    try:
        view = _take(request, user, "recommend", referral_id, values)
    except FIXABLE_ERRORS as exc:
        return _review(request, user, application_id, exc)
    return RedirectResponse(f"/reviews/{view.id}", status_code=303)


@router.post("/reviews/{application_id}/decide")
def decide_page(
    request: Request,
    user: User,
    application_id: AppId,
    outcome: Annotated[str, Form(max_length=40)],
    reasons: Annotated[str, Form(max_length=20_000)],
    conditions: Annotated[str, Form(max_length=20_000)] = "",
    riders: Annotated[str, Form(max_length=20_000)] = "",
    approved_item_ids: Annotated[list[int], Form(max_length=200)] = [],  # noqa: B006 (FastAPI copies defaults)
    version: Annotated[int | None, Form(ge=1, le=2**31 - 1)] = None,
    on: Annotated[str, Form(max_length=20)] = "",
) -> Response:
    """The same decision as ``POST /api/reviews/{id}/decide``: outcome, reasons, conditions, riders, the items an
    approval in part covers, and the version the reviewer saw (a decision on a changed application is refused)."""
    values: dict[str, object] = {
        "outcome": outcome,
        "reasons": reasons,
        "conditions": conditions,
        "riders": riders,
        "approved_item_ids": approved_item_ids,
        "version": version,
        "on": on,
    }
    try:
        _take(request, user, "decide", application_id, values)
    except FIXABLE_ERRORS as exc:
        kept = {"outcome": outcome, "reasons": reasons, "conditions": conditions}
        return _review(request, user, application_id, exc, kept)
    return RedirectResponse(f"/reviews/{application_id}", status_code=303)
