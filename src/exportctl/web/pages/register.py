"""The counterparty register's pages (issue 15): the alert queue, one alert with the party and the list entry side
by side (matched words highlighted, the score's feature table, what reopened it, its history, the decision forms),
and a party's page with its versions and alert history. Everything is scoped to the user's organisation."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Path, Query, Request
from fastapi.responses import RedirectResponse, Response

from exportctl.accounts.roles import Actor
from exportctl.audit.locking import lock_for_write
from exportctl.http.context import get_context
from exportctl.http.security import require_user
from exportctl.parties import AlertState, decide, get_alert, get_party, list_alerts, party_history
from exportctl.parties.alerts import alert_history
from exportctl.screening.features import FEATURES
from exportctl.screening.normalize import analyze
from exportctl.store.db import session_scope
from exportctl.web.inline_errors import FIXABLE_ERRORS, form_date, inline_status
from exportctl.web.templating import render

router = APIRouter(include_in_schema=False)
User = Annotated[Actor, Depends(require_user)]
AlertId = Annotated[int, Path(ge=1, le=2**31 - 1)]
PER_PAGE = 50
DOCS = {feature.name: feature.doc for feature in FEATURES}
STATES = tuple(state.value for state in AlertState)


def _tokens(text: str) -> set[str]:
    return {token for variant in analyze(text).variants for token in variant.tokens}


def highlighted(text: str, other: str) -> list[tuple[str, bool]]:
    """``text`` word by word, each marked when one of its normalised words is also in ``other``."""
    theirs = _tokens(other)
    return [(word, bool(_tokens(word) & theirs)) for word in text.split()]


@router.get("/alerts")
def alert_queue(
    request: Request,
    user: User,
    status: Annotated[str, Query(pattern="^(open|cleared|confirmed|escalated|all)$")] = "open",
    page: Annotated[int, Query(ge=1, le=20_000)] = 1,
    after: Annotated[int | None, Query(ge=1)] = None,
    before: Annotated[int | None, Query(ge=1)] = None,
) -> Response:
    """The organisation's alerts, newest first, a page at a time: the links page by cursor (``after``/``before``
    an alert id, read from the index at any depth); ``page`` alone, as in old links, skips by offset."""
    states = None if status == "all" else [AlertState(status)]
    keyset = after is not None or before is not None
    with session_scope(get_context(request).engine) as session:
        alerts, total = list_alerts(
            session, organisation_id=user.organisation_id, states=states, limit=PER_PAGE,
            offset=0 if keyset else (page - 1) * PER_PAGE, after_id=None if before is not None else after,
            before_id=before,
        )  # fmt: skip
    pages = max(1, -(-total // PER_PAGE))
    page = min(page, pages)
    context = {"alerts": alerts, "total": total, "status": status, "page": page, "pages": pages, "states": STATES}
    return render(request, "alerts.html", context)


def _alert_page(request: Request, user: Actor, alert_id: int, error: Exception | None = None) -> Response:
    with session_scope(get_context(request).engine) as session:
        alert = get_alert(session, alert_id, organisation_id=user.organisation_id)
        history = alert_history(session, alert_id, organisation_id=user.organisation_id)
    context: dict[str, Any] = {
        "alert": alert,
        "history": history,
        "party_words": highlighted(alert.query_name, alert.matched_name),
        "entry_words": highlighted(alert.matched_name, alert.query_name),
        "docs": DOCS,
        "error": str(error) if error else None,
    }
    return render(request, "alert.html", context, status_code=inline_status(error) if error else 200)


@router.get("/alerts/{alert_id}")
def alert_page(request: Request, user: User, alert_id: AlertId) -> Response:
    return _alert_page(request, user, alert_id)


@router.post("/alerts/{alert_id}/decide")
def decide_alert(
    request: Request,
    user: User,
    alert_id: AlertId,
    action: Annotated[str, Form(pattern="^(cleared|confirmed|escalated)$")],
    reason: Annotated[str, Form(max_length=2000)] = "",
    review_by: Annotated[str, Form(max_length=20)] = "",
) -> Response:
    """Clear (a reason is required), confirm or escalate; the decision is an audit event."""
    ctx = get_context(request)
    try:
        with session_scope(ctx.engine) as session:
            lock_for_write(session)
            decide(
                session, alert_id, AlertState(action), organisation_id=user.organisation_id, actor=user,
                reason=reason, review_by=form_date(review_by, "review_by"), today=ctx.clock.today(),
            )  # fmt: skip
    except FIXABLE_ERRORS as exc:
        return _alert_page(request, user, alert_id, exc)
    return RedirectResponse(f"/alerts/{alert_id}", status_code=303)


@router.get("/register/{party_id}")
def party_page(request: Request, user: User, party_id: Annotated[str, Path(min_length=1, max_length=200)]) -> Response:
    """One party of the register: its data, every version, its alerts."""
    with session_scope(get_context(request).engine) as session:
        party = get_party(session, party_id, organisation_id=user.organisation_id)
        history = party_history(session, party_id, organisation_id=user.organisation_id)
        alerts, _ = list_alerts(session, organisation_id=user.organisation_id, party_id=party.id, limit=500)
    return render(request, "party.html", {"party": party, "history": history, "alerts": alerts})
