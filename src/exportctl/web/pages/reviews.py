"""Reviewer pages: the queue with each application's clock, and one application with the policy engine's
recommendation (with reasons), the parties' list history, and the review steps as forms."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Path, Request
from fastapi.responses import RedirectResponse, Response

from exportctl.accounts.roles import Principal, require_role
from exportctl.errors import ExportctlError, NotFoundError
from exportctl.licensing.actor import Role
from exportctl.licensing.clock_queries import application_clock, review_queue
from exportctl.licensing.decide import decide
from exportctl.licensing.policies import recommend_application
from exportctl.licensing.repository import get_application, list_applications, list_decisions
from exportctl.licensing.review import refer, register, request_info, resume, start_review
from exportctl.licensing.views import ApplicationView
from exportctl.lists.history import HistoryEvent, history
from exportctl.store.db import session_scope
from exportctl.web.context import get_context
from exportctl.web.security import require_user
from exportctl.web.templating import render

router = APIRouter(include_in_schema=False)
User = Annotated[Principal, Depends(require_user)]
AppId = Annotated[int, Path(ge=1, le=2**31 - 1)]
MAX_HISTORY_ENTRIES = 4


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


@router.get("/reviews")
def queue_page(request: Request, user: User) -> Response:
    require_role(user, Role.REVIEWER, Role.AUDITOR, Role.POLICY_ADMIN, Role.ADMIN)
    with session_scope(get_context(request).engine) as session:
        entries = review_queue(session, actor=user.actor, as_of=date.today())
        incoming = list_applications(session, actor=user.actor, statuses=["submitted"])
    return render(request, "reviews.html", {"entries": entries, "incoming": incoming})


def party_history(request: Request, app: ApplicationView) -> list[tuple[str, str, list[HistoryEvent]]]:
    """(party name, entry id, events) for the entries the parties matched when screened at submission."""
    engine = get_context(request).engine
    seen: list[tuple[str, str, list[HistoryEvent]]] = []
    for party in app.parties:
        for hit in (party.screening or {}).get("hits", [])[:2]:
            entry_id = str(hit.get("entry_id", ""))
            if not entry_id or any(entry_id == e for _, e, _ in seen) or len(seen) >= MAX_HISTORY_ENTRIES:
                continue
            try:
                seen.append((party.name, entry_id, history(engine, entry_id)))
            except NotFoundError:
                continue
    return seen


@router.get("/reviews/{application_id}")
def review_page(request: Request, user: User, application_id: AppId) -> Response:
    require_role(user, Role.REVIEWER, Role.AUDITOR, Role.POLICY_ADMIN, Role.ADMIN)
    context: dict[str, Any] = {"recommendation": None, "recommendation_error": None, "clock": None}
    with session_scope(get_context(request).engine) as session:
        app = get_application(session, application_id, actor=user.actor)
        context["decisions"] = list_decisions(session, application_id, actor=user.actor)
        try:
            context["recommendation"] = recommend_application(session, user.actor, application_id, on=date.today())
        except ExportctlError as exc:
            context["recommendation_error"] = str(exc)
        if app.registered_on is not None:
            context["clock"] = application_clock(session, application_id, actor=user.actor, as_of=date.today())
    context.update(
        {"app": app, "history": party_history(request, app), "own": app.organisation_id == user.organisation_id}
    )
    return render(request, "review.html", context)


@router.post("/reviews/{application_id}/step")
def review_step(
    request: Request,
    user: User,
    application_id: AppId,
    step: Annotated[str, Form(pattern="^(register|start|resume|request_info|refer)$")],
    text: Annotated[str, Form(max_length=5000)] = "",
) -> Response:
    with session_scope(get_context(request).engine) as session:
        actor = user.actor
        if step == "register":
            register(session, actor, application_id)
        elif step == "start":
            start_review(session, actor, application_id)
        elif step == "resume":
            resume(session, actor, application_id)
        elif step == "request_info":
            request_info(session, actor, application_id, reason=text)
        else:
            refer(session, actor, application_id, agencies=[a.strip() for a in text.split(",")])
    return RedirectResponse(f"/reviews/{application_id}", status_code=303)


@router.post("/reviews/{application_id}/decide")
def decide_page(
    request: Request,
    user: User,
    application_id: AppId,
    outcome: Annotated[str, Form(max_length=40)],
    reasons: Annotated[str, Form(max_length=20_000)],
    conditions: Annotated[str, Form(max_length=20_000)] = "",
) -> Response:
    with session_scope(get_context(request).engine) as session:
        decide(
            session,
            user.actor,
            application_id,
            outcome=outcome,
            reasons=_lines(reasons),
            conditions=_lines(conditions),
        )
    return RedirectResponse(f"/reviews/{application_id}", status_code=303)
