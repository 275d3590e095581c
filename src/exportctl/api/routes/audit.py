"""``/api/audit``: the hash-chained audit trail (auditors and admins) and its verification."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, ConfigDict

from exportctl.accounts.roles import Actor
from exportctl.api.deps import Context, requires
from exportctl.api.pagination import Paging
from exportctl.audit.chain import verify_chain
from exportctl.audit.events import AuditEventView, list_events
from exportctl.licensing.actor import Role

router = APIRouter(prefix="/audit", tags=["audit"])
Auditor = Annotated[Actor, Depends(requires(Role.AUDITOR, Role.ADMIN))]
Filter = Annotated[str | None, Query(min_length=1, max_length=100)]


class AuditPage(BaseModel):
    """Newest first. The trail can be long, so instead of a total the page says whether more follow."""

    items: list[AuditEventView]  # the domain view itself: one definition of an event's fields
    limit: int
    offset: int
    has_more: bool


class VerificationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    ok: bool
    count: int
    first_bad_event: int | None
    reason: str | None


@router.get("/events", response_model=AuditPage)
def events(
    principal: Auditor,
    ctx: Context,
    paging: Paging,
    entity_type: Filter = None,
    entity_id: Filter = None,
    action: Filter = None,
) -> AuditPage:
    """Audit events filtered by entity and action."""
    found = list_events(
        ctx.engine,
        entity_type=entity_type,
        entity_id=entity_id,
        action=action,
        limit=paging.offset + paging.limit + 1,
    )
    page = found[paging.offset : paging.offset + paging.limit]
    return AuditPage(
        items=page,
        limit=paging.limit,
        offset=paging.offset,
        has_more=len(found) > paging.offset + paging.limit,
    )


@router.get("/verify", response_model=VerificationOut)
def verify(principal: Auditor, ctx: Context) -> VerificationOut:
    """Recompute the hash chain: any edited, inserted or deleted event is found and named."""
    return VerificationOut.model_validate(verify_chain(ctx.engine))
