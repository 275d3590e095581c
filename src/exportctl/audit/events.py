"""Reading the audit trail: events as frozen views, newest first or for one entity."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from exportctl.store.audit_tables import AuditEvent


@dataclass(frozen=True)
class AuditEventView:
    seq: int
    occurred_at: datetime
    actor_user_id: int | None
    actor_organisation_id: int | None
    action: str
    entity_type: str
    entity_id: str
    before: Any
    after: Any
    hash: str


def _view(event: AuditEvent) -> AuditEventView:
    return AuditEventView(
        seq=event.seq,
        occurred_at=event.occurred_at,
        actor_user_id=event.actor_user_id,
        actor_organisation_id=event.actor_organisation_id,
        action=event.action,
        entity_type=event.entity_type,
        entity_id=event.entity_id,
        before=event.before,
        after=event.after,
        hash=event.hash,
    )


def list_events(
    engine: Engine,
    *,
    entity_type: str | None = None,
    entity_id: str | None = None,
    action: str | None = None,
    limit: int = 100,
    before_seq: int | None = None,
) -> list[AuditEventView]:
    """The latest ``limit`` events matching the filters, newest first (with ``before_seq``: the latest ones before
    that event, for paging)."""
    query = select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(limit)
    if before_seq is not None:
        query = query.where(AuditEvent.seq < before_seq)
    if entity_type is not None:
        query = query.where(AuditEvent.entity_type == entity_type)
    if entity_id is not None:
        query = query.where(AuditEvent.entity_id == entity_id)
    if action is not None:
        query = query.where(AuditEvent.action == action)
    with Session(engine) as session:
        return [_view(event) for event in session.execute(query).scalars()]
