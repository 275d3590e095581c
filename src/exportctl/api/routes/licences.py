"""``/api/licences``: licences with remaining value and quantity, their shipments (drawdown; an overdraw or a
licence that no longer covers the shipment is refused with the reason), suspension, revocation, reinstatement."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Annotated

from fastapi import APIRouter, Path, Query, status
from pydantic import BaseModel, Field

from exportctl.accounts.roles import Actor
from exportctl.api.deps import Context, CurrentPrincipal
from exportctl.api.licensing_models import LicenceOut, ShipmentOut
from exportctl.api.pagination import Page, Paging, paginate
from exportctl.api.steps import step_values
from exportctl.api.strict import StrictCount
from exportctl.http.context import ServiceContext
from exportctl.http.dates import AnyDay, PastDay
from exportctl.licensing.repository import get_licence, list_licences, list_shipments
from exportctl.licensing.steps import run_step
from exportctl.store.db import session_scope

router = APIRouter(prefix="/licences", tags=["licences"])
LicenceId = Annotated[int, Path(ge=1, le=2**31 - 1)]


class ShipmentBody(BaseModel):
    value: Decimal = Field(gt=0, le=Decimal("1e15"), decimal_places=2, description="USD drawn from the licence")
    quantity: StrictCount = Field(ge=0, le=10**12)
    shipped_on: PastDay | None = Field(default=None, description="default today")
    reference: str = Field(default="", max_length=200)


class StatusChangeBody(BaseModel):
    from_date: PastDay
    reason: str = Field(min_length=1, max_length=5000)


@router.get("", response_model=Page[LicenceOut])
def licences(
    principal: CurrentPrincipal,
    ctx: Context,
    paging: Paging,
    status_in: Annotated[
        list[str] | None, Query(alias="status", max_length=3, description="active|suspended|revoked")
    ] = None,
    expiring_within_days: Annotated[int | None, Query(ge=0, le=3650)] = None,
) -> Page[LicenceOut]:
    """Licences you may see, filtered by status and by expiry within a number of days."""
    with session_scope(ctx.engine) as session:
        views = list_licences(session, actor=principal, statuses=status_in or None)
    if expiring_within_days is not None:
        today = ctx.clock.today()
        horizon = today + timedelta(days=expiring_within_days)
        views = [v for v in views if today <= v.valid_to <= horizon]
    return paginate([LicenceOut.model_validate(v) for v in views], paging)


@router.get("/{licence_id}", response_model=LicenceOut)
def licence(licence_id: LicenceId, principal: CurrentPrincipal, ctx: Context) -> LicenceOut:
    with session_scope(ctx.engine) as session:
        return LicenceOut.model_validate(get_licence(session, licence_id, actor=principal))


@router.get("/{licence_id}/shipments", response_model=Page[ShipmentOut])
def shipments(
    licence_id: LicenceId,
    principal: CurrentPrincipal,
    ctx: Context,
    paging: Paging,
    shipped_from: AnyDay | None = None,
    shipped_to: AnyDay | None = None,
) -> Page[ShipmentOut]:
    """The licence's shipments, oldest first, filtered by shipping date."""
    with session_scope(ctx.engine) as session:
        rows = list_shipments(session, licence_id, actor=principal)
    kept = [
        s
        for s in rows
        if (shipped_from is None or s.shipped_on >= shipped_from) and (shipped_to is None or s.shipped_on <= shipped_to)
    ]
    return paginate([ShipmentOut.model_validate(s) for s in kept], paging)


@router.post("/{licence_id}/shipments", status_code=status.HTTP_201_CREATED, response_model=ShipmentOut)
def ship(licence_id: LicenceId, body: ShipmentBody, principal: CurrentPrincipal, ctx: Context) -> ShipmentOut:
    """Draw a shipment down from the licence; refused (409) with the reason if the licence does not cover it (or an
    alert of the counterparty register on one of its parties holds it, named)."""
    hold = ctx.party_hold(licence_id, principal.organisation_id, body.shipped_on)
    with session_scope(ctx.engine) as session:
        view = run_step(session, principal, "ship", licence_id, step_values(body), periods=ctx.periods, party_hold=hold)
        return ShipmentOut.model_validate(view)


def _change(ctx: ServiceContext, principal: Actor, name: str, licence_id: int, body: BaseModel) -> LicenceOut:
    with session_scope(ctx.engine) as session:
        return LicenceOut.model_validate(run_step(session, principal, name, licence_id, step_values(body)))


@router.post("/{licence_id}/suspend", response_model=LicenceOut)
def suspend_licence(
    licence_id: LicenceId, body: StatusChangeBody, principal: CurrentPrincipal, ctx: Context
) -> LicenceOut:
    """Suspend the licence from a date (no shipment may be recorded while suspended)."""
    return _change(ctx, principal, "suspend", licence_id, body)


@router.post("/{licence_id}/revoke", response_model=LicenceOut)
def revoke_licence(
    licence_id: LicenceId, body: StatusChangeBody, principal: CurrentPrincipal, ctx: Context
) -> LicenceOut:
    """End the licence from a date (final); shipments dated earlier stay valid."""
    return _change(ctx, principal, "revoke", licence_id, body)


@router.post("/{licence_id}/reinstate", response_model=LicenceOut)
def reinstate_licence(
    licence_id: LicenceId, body: StatusChangeBody, principal: CurrentPrincipal, ctx: Context
) -> LicenceOut:
    """Lift a suspension from a date."""
    return _change(ctx, principal, "reinstate", licence_id, body)
