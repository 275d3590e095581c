"""Application pages: list, the form with the linter's findings inline (htmx), detail with status, clock and
decisions, the exchange with the authority (questions, holds, intents to deny with their reasons, the agencies'
stated basis), and the applicant's steps (submit, withdraw, answer a request for information, respond to an intent
to deny). Every call goes through the licensing workflow; a step the workflow refuses (window closed, already
answered) is explained next to its form, which keeps what was typed."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Path, Query, Request
from fastapi.responses import RedirectResponse, Response

from exportctl.accounts.roles import Actor
from exportctl.errors import InvalidTransitionError
from exportctl.http.context import get_context
from exportctl.http.security import require_user
from exportctl.licensing.applicant import create_application, edit_draft, lint_application
from exportctl.licensing.clock_queries import application_clock
from exportctl.licensing.correspondence import Message, application_correspondence
from exportctl.licensing.linter import lint
from exportctl.licensing.repository import get_application, list_applications, list_decisions
from exportctl.licensing.steps import run_step
from exportctl.store.db import session_scope
from exportctl.web.forms import ApplicationForm, form_from_view, read_form
from exportctl.web.inline_errors import FIXABLE_ERRORS, form_date, inline_status
from exportctl.web.templating import render

router = APIRouter(include_in_schema=False)
User = Annotated[Actor, Depends(require_user)]
AppId = Annotated[int, Path(ge=1, le=2**31 - 1)]
PAGE_SIZE = 50


def _form_page(request: Request, form: ApplicationForm, action: str, title: str, status: int = 200) -> Response:
    findings = lint(form.data) if form.data is not None else ()
    context = {"form": form, "findings": findings, "action": action, "title": title}
    return render(request, "application_form.html", context, status_code=status)


@router.get("/applications")
def applications_page(
    request: Request,
    user: User,
    q: Annotated[str, Query(max_length=200)] = "",
    status: Annotated[str, Query(max_length=40)] = "",
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    """The applications the user may see, newest first, filtered by number or party name (``q``) and status,
    :data:`PAGE_SIZE` at a time."""
    with session_scope(get_context(request).engine) as session:
        views = list_applications(session, actor=user)
    needle = q.strip().casefold()
    shown = [
        view
        for view in reversed(views)
        if (not needle or needle in " ".join([view.number, *(p.name for p in view.parties)]).casefold())
        and (not status or view.status == status)
    ]
    pages = max(1, -(-len(shown) // PAGE_SIZE))
    page = min(page, pages)
    context = {
        "applications": shown[(page - 1) * PAGE_SIZE : page * PAGE_SIZE],
        "q": q,
        "status": status,
        "statuses": sorted({view.status for view in views}),
        "page": page,
        "pages": pages,
        "total": len(shown),
        "query": {"q": q, "status": status},
    }
    return render(request, "applications.html", context)


@router.get("/applications/new")
def new_application(request: Request, user: User) -> Response:
    return _form_page(request, ApplicationForm(), "/applications/new", "New licence application")


@router.post("/applications/lint-preview")
async def lint_preview(request: Request, user: User) -> Response:
    """The linter's findings for the form as typed (nothing is saved)."""
    form = read_form(await request.form())
    findings = lint(form.data) if form.data is not None else ()
    return render(request, "lint_findings.html", {"form": form, "findings": findings})


@router.post("/applications/new")
async def create(request: Request, user: User) -> Response:
    form = read_form(await request.form())
    if form.data is None:
        return _form_page(request, form, "/applications/new", "New licence application", 422)
    with session_scope(get_context(request).engine) as session:
        view = create_application(session, user, form.data)
    return RedirectResponse(f"/applications/{view.id}", status_code=303)


def _last(messages: tuple[Message, ...], kind: str) -> Message | None:
    return next((m for m in reversed(messages) if m.kind == kind), None)


def _application(
    request: Request,
    user: Actor,
    application_id: int,
    error: Exception | None = None,
    *,
    at: str = "",
    kept: dict[str, str] | None = None,
) -> Response:
    """The application page; with ``error``, the failed step (``at``) is explained next to its form, which keeps
    what was typed (``kept``)."""
    with session_scope(get_context(request).engine) as session:
        view = get_application(session, application_id, actor=user)
        decisions = list_decisions(session, application_id, actor=user)
        messages = application_correspondence(session, application_id, actor=user)
        findings: Any = lint_application(session, user, application_id) if view.status == "draft" else ()
        clock = None
        if view.registered_on is not None:
            try:
                clock = application_clock(
                    session,
                    application_id,
                    actor=user,
                    as_of=get_context(request).clock.today(),
                    periods=get_context(request).periods,
                )
            except InvalidTransitionError:
                clock = None
    context = {
        "app": view,
        "decisions": decisions,
        "findings": findings,
        "clock": clock,
        "correspondence": messages,
        "open_request": _last(messages, "info_requested"),
        "open_hold": _last(messages, "on_hold"),
        "intent_notice": _last(messages, "intent_to_deny"),
        "kept": kept or {},
    }
    if error is not None:
        context["step_error"] = {"message": str(error), "field": getattr(error, "field", None), "at": at}
    return render(request, "application.html", context, status_code=inline_status(error) if error else 200)


@router.get("/applications/{application_id}")
def application_page(request: Request, user: User, application_id: AppId) -> Response:
    return _application(request, user, application_id)


@router.get("/applications/{application_id}/edit")
def edit_page(request: Request, user: User, application_id: AppId) -> Response:
    with session_scope(get_context(request).engine) as session:
        view = get_application(session, application_id, actor=user)
    form = read_form(form_from_view(view).values)
    return _form_page(request, form, f"/applications/{application_id}/edit", f"Edit {view.number}")


@router.post("/applications/{application_id}/edit")
async def edit(request: Request, user: User, application_id: AppId) -> Response:
    form = read_form(await request.form())
    if form.data is None:
        return _form_page(request, form, f"/applications/{application_id}/edit", "Edit application", 422)
    with session_scope(get_context(request).engine) as session:
        edit_draft(session, user, application_id, form.data)
    return RedirectResponse(f"/applications/{application_id}", status_code=303)


def _take(request: Request, user: Actor, name: str, application_id: int, values: dict[str, object]) -> None:
    """One applicant step through the step table; a typed day (``on``) is checked as every form date is."""
    day = form_date(str(values.get("on") or ""), "on")
    values["on"] = day
    ctx = get_context(request)
    screener = ctx.party_screener(day) if name == "submit" else None
    register = ctx.register_screening() if name == "submit" else None  # the parties enter the register (issue 15)
    with session_scope(ctx.engine) as session:
        run_step(
            session, user, name, application_id, values,
            periods=ctx.periods, screener=screener, register=register,
        )  # fmt: skip


@router.post("/applications/{application_id}/submit")
def submit_page(
    request: Request,
    user: User,
    application_id: AppId,
    on: Annotated[str, Form(max_length=20)] = "",
    version: Annotated[int | None, Form(ge=1, le=2**31 - 1)] = None,
) -> Response:
    try:
        _take(request, user, "submit", application_id, {"on": on, "version": version})
    except FIXABLE_ERRORS as exc:  # linter errors, a changed state: explained in the linter card
        return _application(request, user, application_id, exc, at="submit")
    return RedirectResponse(f"/applications/{application_id}", status_code=303)


@router.post("/applications/{application_id}/withdraw")
def withdraw_page(
    request: Request,
    user: User,
    application_id: AppId,
    reason: Annotated[str, Form(min_length=1, max_length=5000)],
    on: Annotated[str, Form(max_length=20)] = "",
    version: Annotated[int | None, Form(ge=1, le=2**31 - 1)] = None,
) -> Response:
    _take(request, user, "withdraw", application_id, {"reason": reason, "on": on, "version": version})
    return RedirectResponse(f"/applications/{application_id}", status_code=303)


@router.post("/applications/{application_id}/intent-response")
def intent_response_page(
    request: Request,
    user: User,
    application_id: AppId,
    response: Annotated[str, Form(max_length=20_000)] = "",
    on: Annotated[str, Form(max_length=20)] = "",
) -> Response:
    """The applicant's answer to an intent to deny (exporters of the owning organisation; others get 403/404)."""
    try:
        _take(request, user, "respond_to_intent", application_id, {"response": response, "on": on})
    except FIXABLE_ERRORS as exc:
        return _application(request, user, application_id, exc, at="intent", kept={"response": response})
    return RedirectResponse(f"/applications/{application_id}", status_code=303)


@router.post("/applications/{application_id}/answer-info")
def answer_info_page(
    request: Request,
    user: User,
    application_id: AppId,
    answer: Annotated[str, Form(max_length=20_000)] = "",
    on: Annotated[str, Form(max_length=20)] = "",
) -> Response:
    """The applicant answers a request for information; the statutory clock restarts."""
    try:
        _take(request, user, "answer_info_request", application_id, {"answer": answer, "on": on})
    except FIXABLE_ERRORS as exc:
        return _application(request, user, application_id, exc, at="answer", kept={"answer": answer})
    return RedirectResponse(f"/applications/{application_id}", status_code=303)
