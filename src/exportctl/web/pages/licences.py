"""Licence pages: the list with remaining value, one licence with its shipments and the form to draw one."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Path, Request
from fastapi.responses import RedirectResponse, Response

from exportctl.accounts.roles import Principal
from exportctl.errors import InputError
from exportctl.licensing.licences import record_shipment
from exportctl.licensing.repository import get_licence, list_licences, list_shipments
from exportctl.store.db import session_scope
from exportctl.web.context import get_context
from exportctl.web.security import require_user
from exportctl.web.templating import render

router = APIRouter(include_in_schema=False)
User = Annotated[Principal, Depends(require_user)]
LicenceId = Annotated[int, Path(ge=1, le=2**31 - 1)]


@router.get("/licences")
def licences_page(request: Request, user: User) -> Response:
    with session_scope(get_context(request).engine) as session:
        views = list_licences(session, actor=user.actor)
    return render(request, "licences.html", {"licences": list(reversed(views)), "today": date.today()})


@router.get("/licences/{licence_id}")
def licence_page(request: Request, user: User, licence_id: LicenceId) -> Response:
    with session_scope(get_context(request).engine) as session:
        licence = get_licence(session, licence_id, actor=user.actor)
        shipments = list_shipments(session, licence_id, actor=user.actor)
    return render(request, "licence.html", {"licence": licence, "shipments": shipments})


@router.post("/licences/{licence_id}/ship")
def ship(
    request: Request,
    user: User,
    licence_id: LicenceId,
    value: Annotated[str, Form(max_length=30)],
    quantity: Annotated[int, Form(ge=0, le=10**12)],
    reference: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    try:
        amount = Decimal(value.replace(",", "").strip())
    except InvalidOperation:
        raise InputError(f"value {value!r} is not an amount in USD", field="value") from None
    with session_scope(get_context(request).engine) as session:
        record_shipment(session, user.actor, licence_id, value=amount, quantity=quantity, reference=reference)
    return RedirectResponse(f"/licences/{licence_id}", status_code=303)
