"""The statutory clock of stored applications: one application's clock, the review queue, the overdue list."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from exportctl.errors import InvalidTransitionError
from exportctl.licensing.actor import Actor, Role
from exportctl.licensing.clock import ClockStatus, Pause, clock_status
from exportctl.licensing.periods import DEFAULT_PERIODS, StatutoryPeriods
from exportctl.licensing.repository import load_application, scoped_applications
from exportctl.licensing.states import FINAL, Status
from exportctl.licensing.views import ApplicationView, application_view
from exportctl.store.licensing_tables import Application, ClockPause, Referral


@dataclass(frozen=True)
class ReferralDue:
    referral_id: int
    agency: str
    due_on: date
    recommendation: str | None
    overdue: bool


@dataclass(frozen=True)
class QueueEntry:
    application: ApplicationView
    clock: ClockStatus
    referrals: tuple[ReferralDue, ...]


def _pauses(session: Session, application_ids: list[int]) -> dict[int, list[Pause]]:
    found: dict[int, list[Pause]] = defaultdict(list)
    rows = session.execute(select(ClockPause).where(ClockPause.application_id.in_(application_ids)))
    for pause in rows.scalars():
        found[pause.application_id].append(Pause(pause.started_on, pause.ended_on))
    return found


def _referrals(session: Session, application_ids: list[int], as_of: date) -> dict[int, list[ReferralDue]]:
    found: dict[int, list[ReferralDue]] = defaultdict(list)
    rows = session.execute(select(Referral).where(Referral.application_id.in_(application_ids)).order_by(Referral.id))
    for r in rows.scalars():
        late = r.recommendation is None and as_of > r.due_on
        found[r.application_id].append(ReferralDue(r.id, r.agency, r.due_on, r.recommendation, late))
    return found


def application_clock(
    session: Session, application_id: int, *, actor: Actor, as_of: date, periods: StatutoryPeriods = DEFAULT_PERIODS
) -> ClockStatus:
    app = load_application(session, application_id, actor=actor)
    if app.registered_on is None:
        raise InvalidTransitionError(f"{app.number} is not registered: its clock has not started")
    pauses = _pauses(session, [app.id])[app.id]
    return clock_status(app.registered_on, as_of, pauses, decision_days=periods.review_decision_days)


def application_referrals(
    session: Session, application_id: int, *, actor: Actor, as_of: date
) -> tuple[ReferralDue, ...]:
    """One application's referrals (oldest first) with their due dates and recommendations, if any."""
    app = load_application(session, application_id, actor=actor)
    return tuple(_referrals(session, [app.id], as_of)[app.id])


def review_queue(
    session: Session,
    *,
    actor: Actor,
    as_of: date,
    overdue_only: bool = False,
    periods: StatutoryPeriods = DEFAULT_PERIODS,
) -> list[QueueEntry]:
    """Registered, undecided applications with their clocks, the least time remaining first."""
    actor.require(Role.REVIEWER, Role.AUDITOR, Role.POLICY_ADMIN, Role.ADMIN, action="see the review queue")
    open_states = [s.value for s in Status if s not in FINAL and s not in (Status.DRAFT, Status.SUBMITTED)]
    apps = list(session.execute(scoped_applications(actor).where(Application.status.in_(open_states))).scalars())
    ids = [app.id for app in apps]
    pauses, referrals = _pauses(session, ids), _referrals(session, ids, as_of)
    days = periods.review_decision_days
    entries = [
        QueueEntry(
            application_view(app),
            clock_status(app.registered_on, as_of, pauses[app.id], decision_days=days),
            tuple(referrals[app.id]),
        )
        for app in apps
        if app.registered_on is not None
    ]
    if overdue_only:
        entries = [e for e in entries if e.clock.overdue or any(r.overdue for r in e.referrals)]
    return sorted(entries, key=lambda e: (e.clock.days_remaining, e.application.id))
