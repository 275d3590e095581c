"""Tenant-scoped reads. Every function takes the acting user as ``actor=``: exporters see only their own
organisation's applications and licences; asking for another organisation's gives :class:`NotFoundError`, so
its existence is not revealed. Authority staff and auditors see all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from exportctl.errors import NotFoundError
from exportctl.licensing.actor import Actor
from exportctl.licensing.views import (
    ApplicationView,
    DecisionView,
    LicenceView,
    ShipmentView,
    application_view,
    decision_view,
    licence_view,
    shipment_view,
)
from exportctl.store.licensing_tables import Application, Decision, Licence, LicenceStatusEvent, Shipment


@dataclass(frozen=True)
class StatusChangeView:
    """A recorded suspension, revocation or reinstatement: from when, why (a policy's title and citation when a
    policy change applied it), recorded when."""

    status: str
    effective_from: date
    reason: str
    recorded_at: datetime


def scoped_applications(actor: Actor) -> Select[Application]:
    query = select(Application)
    if not actor.sees_all_tenants:
        query = query.where(Application.organisation_id == actor.organisation_id)
    return query


def scoped_licences(actor: Actor) -> Select[Licence]:
    query = select(Licence)
    if not actor.sees_all_tenants:
        query = query.where(Licence.holder_organisation_id == actor.organisation_id)
    return query


def load_application(session: Session, application_id: int, *, actor: Actor) -> Application:
    """The stored row, freshly read (for writers holding the write lock); NotFoundError outside the tenant."""
    query = scoped_applications(actor).where(Application.id == application_id)
    app = session.execute(query.execution_options(populate_existing=True)).scalar_one_or_none()
    if app is None:
        raise NotFoundError(f"no application {application_id}")
    return app


def load_licence(session: Session, licence_id: int, *, actor: Actor) -> Licence:
    query = scoped_licences(actor).where(Licence.id == licence_id)
    licence = session.execute(query.execution_options(populate_existing=True)).scalar_one_or_none()
    if licence is None:
        raise NotFoundError(f"no licence {licence_id}")
    return licence


def get_application(session: Session, application_id: int, *, actor: Actor) -> ApplicationView:
    return application_view(load_application(session, application_id, actor=actor))


def list_applications(
    session: Session, *, actor: Actor, statuses: Sequence[str] | None = None, limit: int | None = None
) -> list[ApplicationView]:
    query = scoped_applications(actor).order_by(Application.id)
    if statuses:
        query = query.where(Application.status.in_(list(statuses)))
    if limit is not None:
        query = query.limit(limit)
    return [application_view(app) for app in session.execute(query).scalars()]


def list_decisions(session: Session, application_id: int, *, actor: Actor) -> list[DecisionView]:
    """Every decision row of one application, oldest first, with the licence it issued (if any)."""
    load_application(session, application_id, actor=actor)
    licence = session.execute(select(Licence).where(Licence.application_id == application_id)).scalar()
    rows = session.execute(select(Decision).where(Decision.application_id == application_id).order_by(Decision.id))
    return [
        decision_view(d, licence if licence is not None and licence.decision_id == d.id else None)
        for d in rows.scalars()
    ]


def get_licence(session: Session, licence_id: int, *, actor: Actor) -> LicenceView:
    return licence_view(load_licence(session, licence_id, actor=actor))


def list_licences(
    session: Session, *, actor: Actor, statuses: Sequence[str] | None = None, limit: int | None = None
) -> list[LicenceView]:
    query = scoped_licences(actor).order_by(Licence.id)
    if statuses:
        query = query.where(Licence.status.in_(list(statuses)))
    if limit is not None:
        query = query.limit(limit)
    return [licence_view(licence) for licence in session.execute(query).scalars()]


def list_shipments(session: Session, licence_id: int, *, actor: Actor) -> list[ShipmentView]:
    load_licence(session, licence_id, actor=actor)
    rows = session.execute(select(Shipment).where(Shipment.licence_id == licence_id).order_by(Shipment.id))
    return [shipment_view(s) for s in rows.scalars()]


def list_status_changes(session: Session, licence_id: int, *, actor: Actor) -> list[StatusChangeView]:
    """The licence's status changes, oldest first."""
    load_licence(session, licence_id, actor=actor)
    rows = session.execute(
        select(LicenceStatusEvent)
        .where(LicenceStatusEvent.licence_id == licence_id)
        .order_by(LicenceStatusEvent.effective_from, LicenceStatusEvent.id)
    )
    return [StatusChangeView(e.status, e.effective_from, e.reason, e.recorded_at) for e in rows.scalars()]
