"""Licence pages: the list with remaining value, one licence with its shipments, the form to draw one (the holder's
exporters) and the authority's form to suspend, revoke or reinstate it from a date (reviewers and policy admins, as
the workflow allows). Refusals the user can act on are explained inline on the licence page."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Path, Query, Request
from fastapi.responses import RedirectResponse, Response

from exportctl.accounts.administration import account_names
from exportctl.accounts.roles import Actor
from exportctl.http.context import get_context
from exportctl.http.security import require_user
from exportctl.licensing.repository import get_licence, list_licences, list_shipments, list_status_changes
from exportctl.licensing.steps import Extra, run_step, step
from exportctl.store.db import session_scope
from exportctl.web.inline_errors import FIXABLE_ERRORS, form_date, inline_status
from exportctl.web.licence_status import shown_status
from exportctl.web.templating import render

router = APIRouter(include_in_schema=False)
User = Annotated[Actor, Depends(require_user)]
LicenceId = Annotated[int, Path(ge=1, le=2**31 - 1)]
PAGE_SIZE = 50
STATUSES = ("active", "used_up", "expired", "not_yet_valid", "suspended", "revoked")


@router.get("/licences")
def licences_page(
    request: Request,
    user: User,
    q: Annotated[str, Query(max_length=200)] = "",
    status: Annotated[str, Query(max_length=20)] = "",
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    """The licences the user may see, newest first, with their holder; filtered by holder or number (``q``) and
    by the status shown (from the dates and drawdown), :data:`PAGE_SIZE` at a time."""
    today = get_context(request).clock.today()
    with session_scope(get_context(request).engine) as session:
        views = list_licences(session, actor=user)
        holders = account_names(session).organisations
    needle = q.strip().casefold()
    shown = [
        lic
        for lic in reversed(views)
        if (not needle or needle in f"{lic.number} {holders.get(lic.holder_organisation_id, '')}".casefold())
        and (not status or shown_status(lic, today) == status)
    ]
    pages = max(1, -(-len(shown) // PAGE_SIZE))
    page = min(page, pages)
    context = {
        "licences": shown[(page - 1) * PAGE_SIZE : page * PAGE_SIZE],
        "holders": holders,
        "today": today,
        "q": q,
        "status": status,
        "statuses": STATUSES,
        "page": page,
        "pages": pages,
        "total": len(shown),
        "query": {"q": q, "status": status},
    }
    return render(request, "licences.html", context)


def _licence(
    request: Request,
    user: Actor,
    licence_id: int,
    error: Exception | None = None,
    *,
    at: str = "",
    kept: dict[str, str] | None = None,
) -> Response:
    """The licence page; with ``error``, the refusal is shown next to the form ``at`` (ship or status), which
    keeps what was typed (``kept``)."""
    with session_scope(get_context(request).engine) as session:
        licence = get_licence(session, licence_id, actor=user)
        shipments = list_shipments(session, licence_id, actor=user)
        changes = list_status_changes(session, licence_id, actor=user)
    today = get_context(request).clock.today()
    context: dict[str, object] = {
        "licence": licence,
        "shipments": shipments,
        "today": today,
        "state": shown_status(licence, today),
        "last_change": changes[-1] if changes else None,
        "changes": changes,
        "kept": kept or {},
    }
    if error is not None:
        context["step_error"] = {"message": str(error), "field": getattr(error, "field", None), "at": at}
    return render(request, "licence.html", context, status_code=inline_status(error) if error else 200)


@router.get("/licences/{licence_id}")
def licence_page(request: Request, user: User, licence_id: LicenceId) -> Response:
    return _licence(request, user, licence_id)


def _take(request: Request, user: Actor, name: str, licence_id: int, values: dict[str, object]) -> None:
    """One licence step through the step table, in its own transaction."""
    ctx = get_context(request)
    hold = None
    if Extra.PARTY_HOLD in step(name).extras:  # the counterparty register's hold on the licence's parties
        day = values.get("shipped_on")
        hold = ctx.party_hold(licence_id, user.organisation_id, day if isinstance(day, date) else None)
    with session_scope(ctx.engine) as session:
        run_step(session, user, name, licence_id, values, periods=ctx.periods, party_hold=hold)


@router.post("/licences/{licence_id}/ship")
def ship(
    request: Request,
    user: User,
    licence_id: LicenceId,
    value: Annotated[str, Form(max_length=30)],
    quantity: Annotated[str, Form(max_length=30)],
    reference: Annotated[str, Form(max_length=200)] = "",
    shipped_on: Annotated[str, Form(max_length=20)] = "",
) -> Response:
    try:
        day = form_date(shipped_on, "shipped_on")
        values: dict[str, object] = {"value": value, "quantity": quantity, "reference": reference, "shipped_on": day}
        _take(request, user, "ship", licence_id, values)
    except FIXABLE_ERRORS as exc:
        kept = {"value": value, "quantity": quantity, "reference": reference}
        return _licence(request, user, licence_id, exc, at="ship", kept=kept)
    return RedirectResponse(f"/licences/{licence_id}", status_code=303)


@router.post("/licences/{licence_id}/status")
def change_status(
    request: Request,
    user: User,
    licence_id: LicenceId,
    action: Annotated[str, Form(pattern="^(suspend|revoke|reinstate)$")],
    from_date: Annotated[str, Form(max_length=20)] = "",
    reason: Annotated[str, Form(max_length=5000)] = "",
) -> Response:
    """Suspend, revoke (final) or reinstate from a date. The workflow checks the role before reading the licence
    (403 for exporters, auditors and admins) and that the actor belongs to the licensing authority."""
    try:
        day = form_date(from_date, "from_date") or get_context(request).clock.today()
        _take(request, user, action, licence_id, {"from_date": day, "reason": reason})
    except FIXABLE_ERRORS as exc:
        kept = {"action": action, "from_date": from_date, "reason": reason}
        return _licence(request, user, licence_id, exc, at="status", kept=kept)
    return RedirectResponse(f"/licences/{licence_id}", status_code=303)
