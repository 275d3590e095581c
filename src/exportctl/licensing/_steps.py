"""The shape every workflow step shares: lock, load fresh, check version and state, change, audit, flush.

Steps take the write lock first (:func:`lock_for_write`), so they run one at a time; the version check turns a
decision made on a stale view (``expected_version``) into :class:`ConflictError`, and the UPDATE itself carries
``WHERE version = :old`` so a lost update is impossible even without the lock.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from exportctl.audit.chain import append_event
from exportctl.audit.locking import lock_for_write
from exportctl.clock import UTC_CLOCK
from exportctl.errors import ConflictError, InvalidTransitionError, PermissionDeniedError
from exportctl.licensing.actor import Actor, OrganisationKind, Role
from exportctl.licensing.repository import load_application
from exportctl.licensing.states import Status, check_step
from exportctl.store.licensing_tables import Application, Organisation


def today() -> date:
    """The workflow's default day: the one clock's (:data:`exportctl.clock.UTC_CLOCK`)."""
    return UTC_CLOCK.today()


AUTHORITY_ONLY = frozenset({OrganisationKind.AUTHORITY})
AUTHORITY_OR_AGENCY = frozenset({OrganisationKind.AUTHORITY, OrganisationKind.AGENCY})
APPLICANT_STEPS = frozenset({"edit_draft", "submit", "withdraw", "respond_to_intent", "answer_info_request"})
OPEN_TO_BOTH = frozenset({"resume"})  # the applicant answering a request for information, or the reviewer


def begin_step(
    session: Session, actor: Actor, application_id: int, step: str, *, expected_version: int | None = None
) -> tuple[Application, Status]:
    """Role first (no state is revealed to someone who may not act), then lock, load, version and state."""
    if step in APPLICANT_STEPS:
        actor.require(Role.EXPORTER, action=step.replace("_", " "))
    elif step not in OPEN_TO_BOTH:
        actor.require(Role.REVIEWER, action=step.replace("_", " "))
    lock_for_write(session)
    app = load_application(session, application_id, actor=actor)
    if expected_version is not None and app.version != expected_version:
        raise ConflictError(
            f"application {app.number} changed (version {app.version}, you saw {expected_version}); reload and retry"
        )
    return app, check_step(step, app.status, application_number=app.number)


def require_applicant(actor: Actor, app: Application, action: str) -> None:
    actor.require(Role.EXPORTER, action=action)
    if actor.organisation_id != app.organisation_id:  # unreachable through scoped loads; kept as a guard
        raise PermissionDeniedError(f"{action}: only {app.number}'s own organisation may do this")


def require_independent_reviewer(
    actor: Actor, app: Application, action: str, *, kinds: frozenset[OrganisationKind] = AUTHORITY_ONLY
) -> None:
    """Licensing officers act on other organisations' applications only (no one reviews their own), and only
    from the licensing authority (agencies, for their referral recommendations)."""
    actor.require(Role.REVIEWER, action=action)
    if actor.organisation_id == app.organisation_id:
        raise PermissionDeniedError(f"{action}: a reviewer may not act on their own organisation's application")
    session = Session.object_session(app)
    org = session.get(Organisation, actor.organisation_id) if session is not None else None
    if org is None or org.kind not in kinds:
        allowed = " or ".join(sorted(kind.value for kind in kinds))
        raise PermissionDeniedError(f"{action}: only reviewers of an {allowed} organisation may do this")


def not_before(on: date, earliest: date | None, what: str, app: Application) -> None:
    if earliest is not None and on < earliest:
        raise InvalidTransitionError(f"{app.number}: {on.isoformat()} is before {what} ({earliest.isoformat()})")


def snapshot(app: Application) -> dict[str, Any]:
    return {"status": app.status, "version": app.version}


def finish_step(
    session: Session,
    actor: Actor,
    app: Application,
    action: str,
    new_status: Status | None,
    before: dict[str, Any],
    details: dict[str, Any] | None = None,
) -> None:
    """Move to ``new_status`` (if given), bump the version, record the audit event, flush."""
    if new_status is not None:
        app.status = new_status.value
    app.version = app.version + 1
    try:
        session.flush()
    except StaleDataError as exc:
        raise ConflictError(f"application {app.number} was changed concurrently; reload and retry") from exc
    append_event(session, actor, action, "application", app.id, before, {**snapshot(app), **(details or {})})
