"""Alerts: one per (party, list entry) above the screening threshold, and the decisions people make on them.

States: ``open`` → ``cleared`` (not the same party; a reason is required; optionally until a review date) /
``confirmed`` (a true match) / ``escalated`` (someone else decides); a decided alert may be decided again. Each
change is an audit event (``alert.opened``, ``alert.cleared``, ``alert.confirmed``, ``alert.escalated``,
``alert.reopened``) in the hash chain, in the transaction that makes it.

A decision records the fingerprints of the party's data, the entry's data and the matcher version it was made on,
with the data itself; :func:`reopen_reasons` says what changed since, which is what reopens a cleared alert.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from exportctl.audit.chain import AuditActor, append_event, utc_now
from exportctl.errors import InputError, InvalidTransitionError, NotFoundError
from exportctl.parties.model import HOLDING_STATES, AlertState, AlertView, data_diff
from exportctl.store.audit_tables import AuditEvent
from exportctl.store.parties_tables import PartyAlert, RegisterParty

ENTITY = "party_alert"
MAX_REASON = 2000


def alert_view(alert: PartyAlert, party: RegisterParty) -> AlertView:
    return AlertView(
        id=alert.id,
        organisation_id=alert.organisation_id,
        party_id=alert.party_id,
        party_external_id=party.external_id,
        party_name=party.name,
        entry_key=alert.entry_key,
        list_code=alert.list_code,
        entry_name=alert.entry_name,
        query_name=alert.query_name,
        matched_name=alert.matched_name,
        score=alert.score,
        state=alert.state,
        still_matching=alert.still_matching,
        explanation=alert.explanation,
        party_data=alert.party_data,
        entry_data=alert.entry_data,
        reason=alert.reason,
        decided_by=alert.decided_by,
        decided_at=alert.decided_at,
        review_by=alert.review_by,
        changes=alert.changes,
        created_at=alert.created_at,
        updated_at=alert.updated_at,
        data_changed_at=alert.data_changed_at,
    )


def audit_summary(alert: PartyAlert) -> dict[str, Any]:
    """What an audit event keeps of an alert."""
    return {
        "state": alert.state,
        "party_id": alert.party_id,
        "entry_key": alert.entry_key,
        "score": f"{alert.score:.4f}",
        "reason": alert.reason,
        "review_by": alert.review_by.isoformat() if alert.review_by else None,
        "party_fingerprint": alert.party_fingerprint,
        "entry_fingerprint": alert.entry_fingerprint,
        "matcher": alert.matcher,
        "changes": alert.changes,
    }


def _load(session: Session, alert_id: int, organisation_id: int) -> tuple[PartyAlert, RegisterParty]:
    row = session.execute(
        select(PartyAlert, RegisterParty)
        .join(RegisterParty, RegisterParty.id == PartyAlert.party_id)
        .where(PartyAlert.id == alert_id, PartyAlert.organisation_id == organisation_id)
    ).first()
    if row is None:
        raise NotFoundError(f"no alert {alert_id}")
    return row[0], row[1]


def get_alert(session: Session, alert_id: int, *, organisation_id: int) -> AlertView:
    return alert_view(*_load(session, alert_id, organisation_id))


def list_alerts(
    session: Session,
    *,
    organisation_id: int,
    states: Iterable[AlertState | str] | None = None,
    party_id: int | None = None,
    limit: int = 50,
    offset: int = 0,
    after_id: int | None = None,
    before_id: int | None = None,
) -> tuple[list[AlertView], int]:
    """A page of the organisation's alerts, newest first, and the total matching.

    Keyset paging: ``after_id`` gives the page of alerts older than that alert (the next page after a page ending
    with it), ``before_id`` the page of those newer (the previous page); either is read from the index on
    (organisation, state, id) or (organisation, id) however deep the page, where ``offset`` (kept for callers that
    page by number) walks the skipped rows."""
    if after_id is not None and before_id is not None:
        raise InputError("page after an alert or before one, not both", field="after")
    if (after_id is not None or before_id is not None) and offset:
        raise InputError("page by cursor (after/before) or by offset, not both", field="offset")
    conditions = [PartyAlert.organisation_id == organisation_id]
    if states is not None:
        wanted = sorted({AlertState(s).value for s in states})
        conditions.append(PartyAlert.state.in_(wanted))
    if party_id is not None:
        conditions.append(PartyAlert.party_id == party_id)
    total = int(session.execute(select(func.count()).select_from(PartyAlert).where(*conditions)).scalar_one())
    ids = select(PartyAlert.id).where(*conditions)  # ids from the index first, then only those rows are read
    if after_id is not None:
        ids = ids.where(PartyAlert.id < after_id).order_by(PartyAlert.id.desc())
    elif before_id is not None:
        ids = ids.where(PartyAlert.id > before_id).order_by(PartyAlert.id.asc())
    else:
        ids = ids.order_by(PartyAlert.id.desc()).offset(offset)
    page = list(session.execute(ids.limit(limit)).scalars())
    if not page:
        return [], total
    rows = session.execute(
        select(PartyAlert, RegisterParty)
        .join(RegisterParty, RegisterParty.id == PartyAlert.party_id)
        .where(PartyAlert.id.in_(page))
        .order_by(PartyAlert.id.desc())
    ).all()
    return [alert_view(alert, party) for alert, party in rows], total


def decide(
    session: Session,
    alert_id: int,
    state: AlertState,
    *,
    organisation_id: int,
    actor: AuditActor,
    reason: str = "",
    review_by: date | None = None,
    today: date,
) -> AlertView:
    """Clear, confirm or escalate an alert, recording who, when, why and what it was decided on."""
    if state is AlertState.OPEN:
        raise InvalidTransitionError("an alert is opened by screening, not by a decision")
    reason = reason.strip()
    if state is AlertState.CLEARED and not reason:
        raise InputError("clearing an alert needs the reason it is not the same party", field="reason")
    if len(reason) > MAX_REASON:
        raise InputError(f"the reason is at most {MAX_REASON} characters", field="reason")
    if review_by is not None and state is not AlertState.CLEARED:
        raise InputError("only a clearance has a review date", field="review_by")
    if review_by is not None and review_by <= today:
        raise InputError(f"the review date {review_by.isoformat()} must be after today", field="review_by")
    alert, party = _load(session, alert_id, organisation_id)
    if alert.state == state.value:
        raise InvalidTransitionError(f"alert {alert_id} is already {state.value}")
    before = audit_summary(alert)
    alert.state = state.value
    alert.reason = reason or None
    alert.review_by = review_by
    alert.decided_by = actor.user_id
    alert.decided_at = utc_now()
    alert.decided_party_fingerprint = alert.party_fingerprint
    alert.decided_entry_fingerprint = alert.entry_fingerprint
    alert.decided_matcher = alert.matcher
    alert.decided_party_data = alert.party_data
    alert.decided_entry_data = alert.entry_data
    alert.decided_score = alert.score
    alert.changes = None
    alert.updated_at = alert.decided_at
    session.flush()
    append_event(session, actor, f"alert.{state.value}", ENTITY, alert.id, before, audit_summary(alert))
    return alert_view(alert, party)


def reopen_reasons(alert: PartyAlert, today: date) -> dict[str, Any]:
    """Why a cleared alert must reopen: the party diff, the entry diff, the matcher change, the review date passed
    (with the score then and now); empty when nothing changed."""
    changes: dict[str, Any] = {}
    if alert.party_fingerprint != alert.decided_party_fingerprint:
        changes["party"] = data_diff(alert.decided_party_data, alert.party_data)
    if alert.entry_fingerprint != alert.decided_entry_fingerprint:
        changes["entry"] = data_diff(alert.decided_entry_data, alert.entry_data)
    if alert.matcher != alert.decided_matcher:
        changes["matcher"] = {"before": alert.decided_matcher, "after": alert.matcher}
    if alert.review_by is not None and alert.review_by <= today:
        changes["review_by"] = {"date": alert.review_by.isoformat(), "passed_on": today.isoformat()}
    if changes:
        before = f"{alert.decided_score:.4f}" if alert.decided_score is not None else None
        changes["score"] = {"before": before, "after": f"{alert.score:.4f}"}  # text: audit events keep exact values
    return changes


def reopen(session: Session, alert: PartyAlert, changes: dict[str, Any], actor: AuditActor | None = None) -> None:
    before = audit_summary(alert)
    alert.state = AlertState.OPEN.value
    alert.changes = changes
    alert.updated_at = utc_now()
    session.flush()
    append_event(session, actor, "alert.reopened", ENTITY, alert.id, before, audit_summary(alert))


def holding_alerts(session: Session, party_ids: Sequence[int], *, organisation_id: int) -> list[AlertView]:
    """The alerts on ``party_ids`` that hold a shipment (open, confirmed or escalated) of live parties."""
    if not party_ids:
        return []
    rows = session.execute(
        select(PartyAlert, RegisterParty)
        .join(RegisterParty, RegisterParty.id == PartyAlert.party_id)
        .where(
            PartyAlert.organisation_id == organisation_id,
            PartyAlert.party_id.in_(list(party_ids)),
            PartyAlert.state.in_(sorted(s.value for s in HOLDING_STATES)),
            RegisterParty.deleted_at.is_(None),
        )
        .order_by(PartyAlert.id)
    ).all()
    return [alert_view(alert, party) for alert, party in rows]


def alert_history(session: Session, alert_id: int, *, organisation_id: int) -> list[dict[str, Any]]:
    """The alert's audit events, oldest first: ``{seq, occurred_at, action, actor_user_id, before, after}``."""
    _load(session, alert_id, organisation_id)
    events = session.execute(
        select(AuditEvent)
        .where(AuditEvent.entity_type == ENTITY, AuditEvent.entity_id == str(alert_id))
        .order_by(AuditEvent.seq)
    ).scalars()
    return [
        {
            "seq": e.seq,
            "occurred_at": e.occurred_at.isoformat(),
            "action": e.action,
            "actor_user_id": e.actor_user_id,
            "before": e.before,
            "after": e.after,
        }
        for e in events
    ]
