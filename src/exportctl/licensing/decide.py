"""The final decision on an application: approve (whole or in part, with conditions and riders; issues a
licence), deny (only after an intent to deny, 15 CFR 750.6), or return without action.

A decision is a new row, never an update. The deciding reviewer must belong to another organisation than the
applicant. A decision taken on a stale view of the application (``expected_version``) is refused with
:class:`ConflictError`, so of two reviewers deciding at once exactly one wins.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from exportctl.audit.chain import append_event, utc_now
from exportctl.errors import InputError, InvalidTransitionError
from exportctl.licensing import _steps
from exportctl.licensing.actor import Actor
from exportctl.licensing.licences import issue_licence
from exportctl.licensing.periods import DEFAULT_PERIODS, StatutoryPeriods
from exportctl.licensing.records import close_open_pause
from exportctl.licensing.states import Outcome, Status
from exportctl.licensing.views import DecisionView, decision_view
from exportctl.store.licensing_tables import Application, Decision, Referral
from exportctl.store.pause_points import pause_point

STEP_FOR = {
    Outcome.APPROVED: "approve",
    Outcome.APPROVED_IN_PART: "approve",
    Outcome.DENIED: "deny",
    Outcome.RETURNED_WITHOUT_ACTION: "return_without_action",
}


def _parse_outcome(outcome: Outcome | str) -> Outcome:
    try:
        parsed = Outcome(outcome)
    except ValueError:
        parsed = None
    if parsed is None or parsed not in STEP_FOR:
        allowed = ", ".join(o.value for o in STEP_FOR)
        raise InputError(f"outcome must be one of: {allowed} (withdrawal is the applicant's step)", field="outcome")
    return parsed


def _approved_items(app: Application, outcome: Outcome, approved_item_ids: Sequence[int] | None) -> list[int]:
    all_ids = [item.id for item in app.items]
    if outcome is Outcome.APPROVED:
        if approved_item_ids is not None and sorted(approved_item_ids) != sorted(all_ids):
            raise InputError("an approval covers every item; use approved_in_part for some", field="approved_item_ids")
        return all_ids
    if outcome is Outcome.APPROVED_IN_PART:
        chosen = list(dict.fromkeys(approved_item_ids or ()))
        unknown = set(chosen) - set(all_ids)
        if unknown or not chosen or len(chosen) == len(all_ids):
            raise InputError(
                f"approved_in_part needs some but not all of items {all_ids} (got {chosen})", field="approved_item_ids"
            )
        return chosen
    return []


def _check_timing(session: Session, app: Application, outcome: Outcome, day: date) -> None:
    _steps.not_before(day, app.registered_on or app.submitted_on, "its registration", app)
    if outcome is Outcome.DENIED and app.intent_response is None:
        due = app.intent_response_due_on
        if due is not None and day <= due:
            raise InvalidTransitionError(
                f"cannot deny {app.number} before the applicant's response window closes on {due.isoformat()}"
            )
    if app.status == Status.REFERRED.value and outcome is not Outcome.RETURNED_WITHOUT_ACTION:
        waiting = session.execute(
            select(Referral.agency, Referral.due_on).where(
                Referral.application_id == app.id, Referral.recommendation.is_(None), Referral.due_on >= day
            )
        ).all()
        if waiting:
            listed = ", ".join(f"{agency} (due {due.isoformat()})" for agency, due in waiting)
            raise InvalidTransitionError(
                f"cannot decide {app.number}: waiting for referral recommendations from {listed}"
            )


def decide(
    session: Session,
    actor: Actor,
    application_id: int,
    *,
    outcome: Outcome | str,
    reasons: Sequence[str],
    on: date | None = None,
    conditions: Sequence[str] = (),
    riders: Sequence[str] = (),
    approved_item_ids: Sequence[int] | None = None,
    expected_version: int | None = None,
    periods: StatutoryPeriods = DEFAULT_PERIODS,
) -> DecisionView:
    """Record the decision; approvals issue a licence (valid ``licence_validity_years`` from ``on``)."""
    parsed = _parse_outcome(outcome)
    reason_list = [r.strip() for r in reasons if r.strip()]
    if not reason_list:
        raise InputError("a decision states at least one reason", field="reasons")
    app, _ = _steps.begin_step(session, actor, application_id, STEP_FOR[parsed], expected_version=expected_version)
    _steps.require_independent_reviewer(actor, app, "decide an application")
    day = on or _steps.today()
    _check_timing(session, app, parsed, day)
    item_ids = _approved_items(app, parsed, approved_item_ids)
    before = _steps.snapshot(app)
    close_open_pause(session, app, day)
    decision = Decision(
        application_id=app.id,
        outcome=parsed.value,
        reasons=reason_list,
        conditions=list(conditions),
        riders=list(riders),
        approved_item_ids=item_ids,
        decided_by=actor.user_id,
        decided_on=day,
        decided_at=utc_now(),
    )
    session.add(decision)
    session.flush()
    details = {"decision_id": decision.id, "outcome": parsed, "reasons": reason_list, "on": day}
    _steps.finish_step(session, actor, app, "application.decided", Status(parsed.value), before, details)
    append_event(session, actor, "decision.created", "decision", decision.id, None, details)
    pause_point("licensing.decision_written")  # crash tests kill the process here
    licence = issue_licence(session, actor, app, decision, periods) if item_ids else None
    return decision_view(decision, licence)
