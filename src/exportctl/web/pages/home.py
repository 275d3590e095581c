"""The start page: what the signed-in user can do, by role (the exporter dashboard lives in ``dashboard``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from exportctl.accounts.roles import Principal
from exportctl.lists.repository import list_status
from exportctl.web.context import get_context
from exportctl.web.security import require_user
from exportctl.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/")
def home(request: Request, user: Annotated[Principal, Depends(require_user)]) -> Response:
    sources = list_status(get_context(request).engine)
    return render(request, "home.html", {"sources": sources})
