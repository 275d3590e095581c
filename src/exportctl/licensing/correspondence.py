"""The exchange between the authority and the applicant on one application, oldest first: requests for
information and holds (with their reasons), intents to deny (with the reason), the applicant's answers, and the
agencies' recommendations with their stated basis. Read from the audit trail and the referral rows, so what is
shown is exactly what was recorded; read-only, scoped like every application read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from exportctl.licensing.actor import Actor
from exportctl.licensing.repository import load_application
from exportctl.store.audit_tables import AuditEvent
from exportctl.store.licensing_tables import Referral

# audit action -> (who speaks, kind, the field of the event's "after" holding the text)
_SPOKEN: dict[str, tuple[str, str, str | None]] = {
    "review.info_requested": ("authority", "info_requested", "reason"),
    "review.on_hold": ("authority", "on_hold", "reason"),
    "review.intent_to_deny": ("authority", "intent_to_deny", "reason"),
    "review.resumed": ("authority", "resumed", None),
    "application.info_answered": ("applicant", "info_answered", "answer"),
    "application.intent_response": ("applicant", "intent_response", "response"),
}


@dataclass(frozen=True)
class Message:
    side: str  # authority | applicant | agency
    kind: str  # a key of _SPOKEN's kinds, or "recommendation"
    text: str
    on: date | None  # the step's date as recorded
    at: datetime | None  # when it was recorded (UTC), for ordering
    author_user_id: int | None
    agency: str | None = None
    recommendation: str | None = None


def _day(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def application_correspondence(session: Session, application_id: int, *, actor: Actor) -> tuple[Message, ...]:
    app = load_application(session, application_id, actor=actor)
    events = session.execute(
        select(AuditEvent)
        .where(
            AuditEvent.entity_type == "application",
            AuditEvent.entity_id == str(app.id),
            AuditEvent.action.in_(list(_SPOKEN)),
        )
        .order_by(AuditEvent.seq)
    ).scalars()
    messages: list[Message] = []
    for event in events:
        side, kind, field = _SPOKEN[event.action]
        after = event.after if isinstance(event.after, dict) else {}
        text = str(after.get(field, "")) if field else ""
        messages.append(Message(side, kind, text, _day(after.get("on")), event.occurred_at, event.actor_user_id))
    referrals = session.execute(
        select(Referral).where(Referral.application_id == app.id, Referral.recommendation.is_not(None))
    ).scalars()
    for r in referrals:
        messages.append(
            Message(
                "agency",
                "recommendation",
                r.basis or "",
                r.recommended_on,
                None,
                r.recorded_by,
                r.agency,
                r.recommendation,
            )  # fmt: skip
        )
    return tuple(sorted(messages, key=lambda m: (m.on or date.min, m.at or datetime.max)))
