"""Licences: issue on approval, draw shipments down, suspend / revoke / reinstate from a date.

A shipment is recorded when it leaves: its date lies between today minus ``shipment_grace_days`` (late recording)
and today (plus ``clock_skew_days``). It is refused once a suspension or revocation has been recorded, whatever
the date it claims, and the licence's status and the parties' denial checks are made at the recording time as
well as on the claimed date, so a back-dated shipment cannot draw on a licence that no longer covers it.

Drawdown is one conditional UPDATE (``value_used + :v <= value_limit AND quantity_used + :q <= quantity_limit``)
inside the workflow write lock, so concurrent shipments can never overdraw, on SQLite or PostgreSQL. Status
changes are rows in ``licence_status_events``; the status on a date is the latest event in force on that date.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from exportctl.audit.chain import append_event, utc_now
from exportctl.audit.locking import lock_for_write
from exportctl.errors import InputError, InvalidTransitionError, PermissionDeniedError, ShipmentRefusedError
from exportctl.licensing import _steps
from exportctl.licensing.actor import Actor, OrganisationKind, Role
from exportctl.licensing.denial import DeniedPartyCheck, denied_party_reason
from exportctl.licensing.inputs import MAX_QUANTITY, MAX_VALUE
from exportctl.licensing.numbering import LICENCE_PREFIX, next_number
from exportctl.licensing.periods import DEFAULT_PERIODS, StatutoryPeriods
from exportctl.licensing.repository import load_licence
from exportctl.licensing.views import LicenceView, ShipmentView, licence_view, shipment_view
from exportctl.parties.holds import PartyHold
from exportctl.store.licensing_tables import (
    Application,
    ApplicationParty,
    Decision,
    Licence,
    LicenceItem,
    LicenceStatusEvent,
    Organisation,
    Shipment,
)
from exportctl.store.pause_points import pause_point

ACTIVE, SUSPENDED, REVOKED, EXPIRED = "active", "suspended", "revoked", "expired"


def add_years(day: date, years: int) -> date:
    """``day`` ``years`` later (28 February for 29 February), at most ``date.max``."""
    if day.year + years > date.max.year:
        return date.max
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def issue_licence(
    session: Session, actor: Actor, app: Application, decision: Decision, periods: StatutoryPeriods = DEFAULT_PERIODS
) -> Licence:
    """Called by :func:`decide` for approvals: the licence covers the approved items only."""
    items = [item for item in app.items if item.id in set(decision.approved_item_ids)]
    licence = Licence(
        number=next_number(session, LICENCE_PREFIX),
        application_id=app.id,
        decision_id=decision.id,
        holder_organisation_id=app.organisation_id,
        value_limit=sum((item.total_value for item in items), Decimal("0.00")),
        value_used=Decimal("0.00"),
        quantity_limit=sum(item.quantity for item in items),
        quantity_used=0,
        valid_from=decision.decided_on,
        valid_to=add_years(decision.decided_on, periods.licence_validity_years),
        conditions=[*decision.conditions, *(f"Rider: {rider}" for rider in decision.riders)],
        status=ACTIVE,
        version=1,
        items=[
            LicenceItem(
                application_item_id=i.id,
                eccn=i.eccn,
                description=i.description,
                quantity=i.quantity,
                value=i.total_value,
            )
            for i in items
        ],
    )
    session.add(licence)
    session.flush()
    append_event(session, actor, "licence.issued", "licence", licence.id, None, _summary(licence))
    return licence


def _summary(licence: Licence) -> dict[str, object]:
    return {
        "number": licence.number,
        "application_id": licence.application_id,
        "value_limit": licence.value_limit,
        "quantity_limit": licence.quantity_limit,
        "valid_from": licence.valid_from,
        "valid_to": licence.valid_to,
        "status": licence.status,
    }


def status_on(session: Session, licence_id: int, on: date) -> str:
    """The status on ``on``: the latest status event effective on or before it (active if none), or "expired"
    once an active licence is past its validity."""
    row = session.execute(
        select(LicenceStatusEvent.status)
        .where(LicenceStatusEvent.licence_id == licence_id, LicenceStatusEvent.effective_from <= on)
        .order_by(LicenceStatusEvent.effective_from.desc(), LicenceStatusEvent.id.desc())
        .limit(1)
    ).scalar()
    status = row or ACTIVE
    valid_to = session.execute(select(Licence.valid_to).where(Licence.id == licence_id)).scalar()
    if status == ACTIVE and valid_to is not None and on > valid_to:
        return EXPIRED
    return status


def _refuse_if_not_covered(
    session: Session, licence: Licence, on: date, denied: DeniedPartyCheck | None, hold: PartyHold | None = None
) -> None:
    if on < licence.valid_from:
        raise ShipmentRefusedError(f"licence {licence.number} is valid only from {licence.valid_from.isoformat()}")
    status = status_on(session, licence.id, on)
    if status == EXPIRED:
        raise ShipmentRefusedError(f"licence {licence.number} expired on {licence.valid_to.isoformat()}")
    if status != ACTIVE:
        raise ShipmentRefusedError(f"licence {licence.number} is {status} on {on.isoformat()}")
    parties = session.execute(
        select(ApplicationParty.name, ApplicationParty.country).where(
            ApplicationParty.application_id == licence.application_id
        )
    ).all()
    reason = denied_party_reason(session, [(name, country) for name, country in parties], on, check=denied)
    if reason is None and hold is not None:  # the counterparty register: any alert not cleared holds (issue 15)
        granted = session.get(Decision, licence.decision_id)
        listed = [(name, country) for name, country in parties]
        reason = hold(session, licence.holder_organisation_id, listed, on, granted.decided_at if granted else None)
    if reason is not None:
        raise ShipmentRefusedError(f"licence {licence.number}: {reason}")


def check_shipment_date(shipped_on: date, recorded_on: date, periods: StatutoryPeriods = DEFAULT_PERIODS) -> None:
    """Refuse a shipment date after the recording day (beyond the clock-skew allowance) or earlier than the
    late-recording grace period allows."""
    settings = periods
    latest = recorded_on + timedelta(days=settings.clock_skew_days)
    earliest = recorded_on - timedelta(days=settings.shipment_grace_days)
    if shipped_on > latest:
        raise InputError(
            f"shipped_on {shipped_on.isoformat()} is in the future: record a shipment when it leaves",
            field="shipped_on",
        )
    if shipped_on < earliest:
        raise InputError(
            f"shipped_on {shipped_on.isoformat()} is more than {settings.shipment_grace_days} days ago "
            f"(setting EXPORTCTL_SHIPMENT_GRACE_DAYS): late shipments are reported to the authority, not drawn",
            field="shipped_on",
        )


def _refuse_if_status_recorded(licence: Licence) -> None:
    """A recorded suspension or revocation stops shipments at once, whatever date it takes effect from."""
    if licence.status != ACTIVE:
        raise ShipmentRefusedError(f"licence {licence.number} is {licence.status}: no shipment may be recorded")


def record_shipment(
    session: Session,
    actor: Actor,
    licence_id: int,
    *,
    value: Decimal,
    quantity: int,
    shipped_on: date | None = None,
    reference: str = "",
    denied_party_check: DeniedPartyCheck | None = None,
    recorded_on: date | None = None,
    periods: StatutoryPeriods = DEFAULT_PERIODS,
    party_hold: PartyHold | None = None,
) -> ShipmentView:
    """Draw ``value``/``quantity`` down from the licence, or refuse with the reason (nothing is recorded).

    ``party_hold`` (the step table's context: :func:`exportctl.parties.holds.shipment_hold`) screens the licence's
    parties through the holder's counterparty register: an open, confirmed or escalated alert refuses the shipment.

    ``recorded_on`` is the recording day (default today, UTC); only code replaying a dated history passes it.
    Interfaces never do: the recording time is the server's."""
    actor.require(Role.EXPORTER, action="record a shipment")
    value = Decimal(value)
    if not value.is_finite():
        raise InputError(f"a shipment's value must be a number of USD, not {value}", field="value")
    if not (0 < value <= MAX_VALUE) or value != value.quantize(Decimal("0.01")):
        raise InputError(f"a shipment's value is positive, in whole cents, at most {MAX_VALUE:,} USD", field="value")
    if not 0 <= quantity <= MAX_QUANTITY:
        raise InputError(f"a shipment's quantity is between 0 and {MAX_QUANTITY:,}", field="quantity")
    now = recorded_on or _steps.today()
    day = shipped_on or now
    check_shipment_date(day, now, periods)
    lock_for_write(session)
    licence = load_licence(session, licence_id, actor=actor)
    _refuse_if_status_recorded(licence)
    _refuse_if_not_covered(session, licence, day, denied_party_check, party_hold)
    if day != now:  # status and parties also at the recording time, not only on the claimed date
        _refuse_if_not_covered(session, licence, now, denied_party_check, party_hold)
    drawn = session.execute(
        update(Licence)
        .where(
            Licence.id == licence.id,
            Licence.value_used + value <= Licence.value_limit,
            Licence.quantity_used + quantity <= Licence.quantity_limit,
        )
        .values(
            value_used=Licence.value_used + value,
            quantity_used=Licence.quantity_used + quantity,
            version=Licence.version + 1,
        )
        .execution_options(synchronize_session=False)
    )
    if getattr(drawn, "rowcount", 0) != 1:
        session.refresh(licence)
        raise ShipmentRefusedError(
            f"licence {licence.number} has {licence.value_limit - licence.value_used} USD and "
            f"{licence.quantity_limit - licence.quantity_used} units left; "
            f"the shipment asks {value} USD, {quantity} units"
        )
    shipment = Shipment(
        licence_id=licence.id,
        shipped_on=day,
        value=value,
        quantity=quantity,
        reference=reference,
        recorded_by=actor.user_id,
        recorded_at=utc_now(),
    )
    session.add(shipment)
    session.flush()
    pause_point("licensing.shipment_written")  # crash tests kill the process here
    session.refresh(licence)
    after = {
        "licence": licence.number,
        "value": value,
        "quantity": quantity,
        "shipped_on": day,
        "value_used": licence.value_used,
        "quantity_used": licence.quantity_used,
    }
    append_event(session, actor, "shipment.recorded", "shipment", shipment.id, None, after)
    return shipment_view(shipment)


def _change_status(
    session: Session, actor: Actor, licence_id: int, new_status: str, from_date: date, reason: str
) -> LicenceView:
    actor.require(Role.POLICY_ADMIN, Role.REVIEWER, action=f"set a licence {new_status}")  # before any read
    if not reason.strip():
        raise InputError("give the reason for the status change", field="reason")
    lock_for_write(session)
    licence = load_licence(session, licence_id, actor=actor)
    org = session.get(Organisation, actor.organisation_id)
    if org is None or org.kind != OrganisationKind.AUTHORITY.value:
        raise PermissionDeniedError(f"set a licence {new_status}: only the licensing authority may do this")
    if licence.status == REVOKED:
        raise InvalidTransitionError(f"licence {licence.number} is revoked; a revocation is final")
    if new_status == ACTIVE and licence.status == ACTIVE:
        raise InvalidTransitionError(f"licence {licence.number} is already active")
    if new_status == SUSPENDED and licence.status == SUSPENDED:
        raise InvalidTransitionError(f"licence {licence.number} is already suspended")
    before = {"status": licence.status, "version": licence.version}
    session.add(
        LicenceStatusEvent(
            licence_id=licence.id,
            status=new_status,
            effective_from=from_date,
            reason=reason,
            recorded_by=actor.user_id,
            recorded_at=utc_now(),
        )
    )
    licence.status = new_status
    licence.version += 1
    session.flush()
    after = {"status": new_status, "version": licence.version, "effective_from": from_date, "reason": reason}
    append_event(session, actor, f"licence.{new_status}", "licence", licence.id, before, after)
    return licence_view(licence)


def suspend(session: Session, actor: Actor, licence_id: int, *, from_date: date, reason: str) -> LicenceView:
    return _change_status(session, actor, licence_id, SUSPENDED, from_date, reason)


def revoke(session: Session, actor: Actor, licence_id: int, *, from_date: date, reason: str) -> LicenceView:
    """End the licence from ``from_date`` (shipments dated earlier stay valid); final."""
    return _change_status(session, actor, licence_id, REVOKED, from_date, reason)


def reinstate(session: Session, actor: Actor, licence_id: int, *, from_date: date, reason: str) -> LicenceView:
    """Lift a suspension from ``from_date``."""
    return _change_status(session, actor, licence_id, ACTIVE, from_date, reason)
