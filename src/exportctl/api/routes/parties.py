"""``/api/parties`` and ``/api/alerts``: the caller's organisation's counterparty register and its alerts. Every
query is scoped to the caller's organisation (``principal.organisation_id``) by the library functions; an alert or
party of another organisation is "not found". Changes and decisions need the exporter role."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, status
from pydantic import BaseModel, Field

from exportctl.accounts.roles import Role, require_role
from exportctl.api.deps import Context, CurrentPrincipal
from exportctl.api.pagination import Page, Paging
from exportctl.audit.locking import lock_for_write
from exportctl.errors import InputError
from exportctl.parties import (
    AlertState,
    CounterpartyRole,
    PartyData,
    decide,
    delete_party,
    get_alert,
    get_party,
    list_alerts,
    list_parties,
    party_history,
    rescreen,
    upsert_parties,
)
from exportctl.parties.alerts import alert_history
from exportctl.store.db import session_scope

router = APIRouter(tags=["register"])
AlertId = Annotated[int, Path(ge=1, le=2**31 - 1)]
PartyRef = Annotated[str, Path(min_length=1, max_length=200)]


class PartyIn(BaseModel):
    id: str = Field(min_length=1, max_length=200, description="your own id for the party")
    name: str = Field(min_length=1, max_length=500)
    other_names: list[str] = Field(default_factory=list, max_length=50)
    country: str | None = Field(default=None, min_length=2, max_length=2)
    address: str = Field(default="", max_length=2000)
    identifiers: list[str] = Field(default_factory=list, max_length=50)
    role: CounterpartyRole = CounterpartyRole.OTHER


class PartiesIn(BaseModel):
    parties: list[PartyIn] = Field(min_length=1, max_length=10_000)


class UpsertOut(BaseModel):
    created: int
    updated: int
    unchanged: int


class PartyOut(BaseModel):
    id: str
    name: str
    other_names: list[str]
    country: str | None
    address: str
    identifiers: list[str]
    role: str
    version: int
    deleted: bool
    screened: bool


class DecisionBody(BaseModel):
    reason: str = Field(default="", max_length=2000)
    review_by: date | None = None


def _party_out(view: Any) -> PartyOut:
    return PartyOut(
        id=view.external_id, name=view.name, other_names=list(view.other_names), country=view.country,
        address=view.address, identifiers=list(view.identifiers), role=view.role, version=view.version,
        deleted=view.deleted, screened=view.screened,
    )  # fmt: skip


@router.get("/parties", response_model=Page[PartyOut])
def parties(principal: CurrentPrincipal, ctx: Context, paging: Paging) -> Page[PartyOut]:
    """Your organisation's register, in name order."""
    with session_scope(ctx.engine) as session:
        views, total = list_parties(
            session, organisation_id=principal.organisation_id, limit=paging.limit, offset=paging.offset
        )
    return Page[PartyOut](items=[_party_out(v) for v in views], total=total, limit=paging.limit, offset=paging.offset)


@router.post("/parties", response_model=UpsertOut)
def add_parties(body: PartiesIn, principal: CurrentPrincipal, ctx: Context) -> UpsertOut:
    """Add or update parties by your own id (every version is kept); they are screened by the next run."""
    require_role(principal, Role.EXPORTER)
    try:
        data = [
            PartyData(
                external_id=p.id,
                name=p.name,
                other_names=tuple(p.other_names),
                country=p.country.upper() if p.country else None,
                address=p.address,
                identifiers=tuple(p.identifiers),
                role=p.role,
            )  # fmt: skip
            for p in body.parties
        ]
    except InputError as error:
        raise InputError(str(error), field=f"parties.{error.field}") from None
    with session_scope(ctx.engine) as session:
        lock_for_write(session)
        result = upsert_parties(session, data, organisation_id=principal.organisation_id, actor=principal)
    return UpsertOut(created=result.created, updated=result.updated, unchanged=result.unchanged)


@router.get("/parties/{party_id}")
def party(party_id: PartyRef, principal: CurrentPrincipal, ctx: Context) -> dict[str, Any]:
    """One party of your register: its data, every version, its alerts."""
    with session_scope(ctx.engine) as session:
        view = get_party(session, party_id, organisation_id=principal.organisation_id)
        history = party_history(session, party_id, organisation_id=principal.organisation_id)
        alerts, _ = list_alerts(session, organisation_id=principal.organisation_id, party_id=view.id, limit=500)
    return {
        "party": _party_out(view).model_dump(),
        "history": history,
        "alerts": [a.to_json() for a in alerts],
    }


@router.delete("/parties/{party_id}", response_model=PartyOut)
def remove_party(party_id: PartyRef, principal: CurrentPrincipal, ctx: Context) -> PartyOut:
    """Delete a party (its versions and alerts are kept; its alerts no longer hold shipments)."""
    require_role(principal, Role.EXPORTER)
    with session_scope(ctx.engine) as session:
        lock_for_write(session)
        view = delete_party(session, party_id, organisation_id=principal.organisation_id, actor=principal)
    return _party_out(view)


@router.post("/parties/rescreen")
def rescreen_register(principal: CurrentPrincipal, ctx: Context, full: bool = False) -> dict[str, Any]:
    """Screen your register now: new and changed parties and entries (every pair with ``full=true``)."""
    require_role(principal, Role.EXPORTER)
    report = rescreen(
        ctx.engine, organisation_id=principal.organisation_id, as_of=ctx.clock.today(), full=full,
        indexes=ctx.list_indexes, actor=principal,
    )  # fmt: skip
    return report.to_json()


@router.get("/alerts")
def alerts(
    principal: CurrentPrincipal,
    ctx: Context,
    paging: Paging,
    status_in: Annotated[list[AlertState] | None, Query(alias="status", max_length=4)] = None,
    after: Annotated[int | None, Query(ge=1, description="the page of alerts older than this id (next_after)")] = None,
    before: Annotated[int | None, Query(ge=1, description="the page of alerts newer than this id")] = None,
) -> dict[str, Any]:
    """Your organisation's alerts, newest first (``status=open`` for the queue). Page with ``after=next_after`` (a
    cursor: as fast at any depth); ``offset`` still works but walks the rows it skips."""
    with session_scope(ctx.engine) as session:
        views, total = list_alerts(
            session, organisation_id=principal.organisation_id, states=status_in or None, limit=paging.limit,
            offset=paging.offset, after_id=after, before_id=before,
        )  # fmt: skip
    next_after = views[-1].id if len(views) == paging.limit else None
    return {
        "items": [v.to_json() for v in views], "total": total, "limit": paging.limit, "offset": paging.offset,
        "next_after": next_after,
    }  # fmt: skip


@router.get("/alerts/{alert_id}")
def alert(alert_id: AlertId, principal: CurrentPrincipal, ctx: Context) -> dict[str, Any]:
    """One alert: party and entry data side by side, the score's features, what reopened it, its history."""
    with session_scope(ctx.engine) as session:
        view = get_alert(session, alert_id, organisation_id=principal.organisation_id)
        history = alert_history(session, alert_id, organisation_id=principal.organisation_id)
    return {**view.to_json(), "history": history}


def _decide(alert_id: int, state: AlertState, body: DecisionBody, principal: Any, ctx: Any) -> dict[str, Any]:
    require_role(principal, Role.EXPORTER)
    with session_scope(ctx.engine) as session:
        lock_for_write(session)
        view = decide(
            session, alert_id, state, organisation_id=principal.organisation_id, actor=principal,
            reason=body.reason, review_by=body.review_by, today=ctx.clock.today(),
        )  # fmt: skip
    return view.to_json()


@router.post("/alerts/{alert_id}/clear", status_code=status.HTTP_200_OK)
def clear(alert_id: AlertId, body: DecisionBody, principal: CurrentPrincipal, ctx: Context) -> dict[str, Any]:
    """Clear an alert (not the same party): a reason is required; optionally a review date."""
    return _decide(alert_id, AlertState.CLEARED, body, principal, ctx)


@router.post("/alerts/{alert_id}/confirm")
def confirm(alert_id: AlertId, body: DecisionBody, principal: CurrentPrincipal, ctx: Context) -> dict[str, Any]:
    """Confirm an alert (a true match): shipments to the party stay held."""
    return _decide(alert_id, AlertState.CONFIRMED, body, principal, ctx)


@router.post("/alerts/{alert_id}/escalate")
def escalate(alert_id: AlertId, body: DecisionBody, principal: CurrentPrincipal, ctx: Context) -> dict[str, Any]:
    """Escalate an alert to someone who decides it."""
    return _decide(alert_id, AlertState.ESCALATED, body, principal, ctx)
