"""The dashboard: the organisation's applications by status, licences with remaining value, licences expiring
within 90 days, and the lists in force. Authority staff see every organisation's figures."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from exportctl.accounts.roles import Actor
from exportctl.http.context import get_context
from exportctl.http.security import require_user
from exportctl.licensing.repository import list_applications, list_licences
from exportctl.licensing.views import ApplicationView, LicenceView
from exportctl.lists.repository import list_status
from exportctl.store.db import session_scope
from exportctl.web.licence_status import shown_status
from exportctl.web.templating import STATIC_DIR, render

router = APIRouter(include_in_schema=False)
EXPIRY_WINDOW_DAYS = 90
SHOWN = 10


@dataclass(frozen=True)
class Dashboard:
    by_status: list[tuple[str, int]]
    applications: list[ApplicationView]
    licences: list[LicenceView]
    expiring: list[LicenceView]
    active_licences: int
    remaining_value: Decimal


def dashboard_for(request: Request, user: Actor) -> Dashboard:
    with session_scope(get_context(request).engine) as session:
        apps = list_applications(session, actor=user)
        licences = list_licences(session, actor=user)
    today = get_context(request).clock.today()
    horizon = today + timedelta(days=EXPIRY_WINDOW_DAYS)
    active = [lic for lic in licences if shown_status(lic, today) == "active"]
    return Dashboard(
        by_status=sorted(Counter(a.status for a in apps).items()),
        applications=list(reversed(apps))[:SHOWN],
        licences=sorted(active, key=lambda lic: lic.value_remaining, reverse=True)[:SHOWN],
        expiring=sorted((lic for lic in active if lic.valid_to <= horizon), key=lambda lic: lic.valid_to)[:SHOWN],
        active_licences=len(active),
        remaining_value=sum((lic.value_remaining for lic in active), Decimal("0.00")),
    )


@router.get("/favicon.ico", include_in_schema=False)
def favicon() -> Response:
    """The site icon (an SVG: every current browser accepts it under this name)."""
    icon = (STATIC_DIR / "favicon.svg").read_bytes()
    return Response(icon, media_type="image/svg+xml", headers={"Cache-Control": "public, max-age=86400"})


@router.get("/")
def home(request: Request, user: Annotated[Actor, Depends(require_user)]) -> Response:
    sources = list_status(get_context(request).engine)
    return render(request, "home.html", {"sources": sources, "dashboard": dashboard_for(request, user)})
