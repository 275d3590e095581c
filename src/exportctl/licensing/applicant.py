"""The applicant's steps: create and edit a draft, submit it (lint + screening), withdraw, answer a request for
information, answer an intent to deny. Each checks the actor's role and tenant, runs in the caller's transaction
and records an audit event."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete
from sqlalchemy.orm import Session

from exportctl.audit.chain import append_event, utc_now
from exportctl.audit.locking import lock_for_write
from exportctl.errors import InputError, InvalidTransitionError
from exportctl.licensing import _steps
from exportctl.licensing.actor import Actor, Role
from exportctl.licensing.checks import ItemDeterminer, SubmissionScreener, no_determination, unavailable_screener
from exportctl.licensing.inputs import ApplicationInput, DocumentInput
from exportctl.licensing.linter import LintFinding, has_errors, lint
from exportctl.licensing.numbering import APPLICATION_PREFIX, next_number
from exportctl.licensing.records import close_open_pause, fill_from_input, input_from_row, open_pause
from exportctl.licensing.repository import load_application
from exportctl.licensing.states import FINAL, Outcome, Status
from exportctl.licensing.views import ApplicationView, application_view
from exportctl.parties.holds import RegisterScreening
from exportctl.store.licensing_tables import Application, Decision, Document


@dataclass(frozen=True)
class SubmitResult:
    application: ApplicationView
    findings: tuple[LintFinding, ...]  # warnings only: errors block submission
    register_alerts: tuple[int, ...] = ()  # the register's alerts on the parties that hold shipments (issue 15)


def create_application(
    session: Session, actor: Actor, data: ApplicationInput, *, on: date | None = None
) -> ApplicationView:
    """A new draft for the actor's own organisation."""
    actor.require(Role.EXPORTER, action="create an application")
    lock_for_write(session)
    app = Application(
        number=next_number(session, APPLICATION_PREFIX),
        organisation_id=actor.organisation_id,
        status=Status.DRAFT.value,
        created_by=actor.user_id,
        created_at=utc_now(),
        created_on=on or _steps.today(),
        version=1,
    )
    session.add(app)  # in the session before filling: documents are rows that need the application's id
    fill_from_input(session, app, data, uploaded_by=actor.user_id)
    session.flush()
    append_event(
        session, actor, "application.created", "application", app.id, None, {"number": app.number, **data.model_dump()}
    )
    return application_view(app)


def edit_draft(
    session: Session, actor: Actor, application_id: int, data: ApplicationInput, *, expected_version: int | None = None
) -> ApplicationView:
    """Replace a draft's content (items, parties, end use, justification, documents)."""
    app, _ = _steps.begin_step(session, actor, application_id, "edit_draft", expected_version=expected_version)
    _steps.require_applicant(actor, app, "edit a draft")
    before = {**_steps.snapshot(app), **input_from_row(app).model_dump()}
    app.items.clear()
    app.parties.clear()
    session.execute(delete(Document).where(Document.application_id == app.id))
    session.flush()
    fill_from_input(session, app, data, uploaded_by=actor.user_id)
    _steps.finish_step(session, actor, app, "application.edited", None, before, data.model_dump())
    return application_view(app)


def lint_application(
    session: Session, actor: Actor, application_id: int, *, determiner: ItemDeterminer | None = None
) -> tuple[LintFinding, ...]:
    """The linter's findings for a stored application (read-only)."""
    data = input_from_row(load_application(session, application_id, actor=actor))
    determine = determiner or no_determination
    determinations = {i: d for i in range(len(data.items)) if (d := determine(data, i)) is not None}
    return lint(data, determinations)


def submit(
    session: Session,
    actor: Actor,
    application_id: int,
    *,
    on: date | None = None,
    screener: SubmissionScreener | None = None,
    determiner: ItemDeterminer | None = None,
    expected_version: int | None = None,
    register: RegisterScreening | None = None,
) -> SubmitResult:
    """Lint the draft (errors refuse submission, naming each), screen every party, mark it submitted.

    With ``register`` (the step table's context: :func:`exportctl.parties.holds.register_screening`), every party
    is also entered in the organisation's counterparty register and screened there: its alerts hold shipments."""
    app, _ = _steps.begin_step(session, actor, application_id, "submit", expected_version=expected_version)
    _steps.require_applicant(actor, app, "submit an application")
    findings = lint_application(session, actor, application_id, determiner=determiner)
    if has_errors(findings):
        listed = "; ".join(f"{f.field}: {f.message}" for f in findings if f.severity == "error")
        raise InvalidTransitionError(f"cannot submit {app.number}: {listed}")
    screen = screener or unavailable_screener("no screener was given to submit")
    records = [screen(party.name, party.country) for party in app.parties]
    for party, record in zip(app.parties, records, strict=True):
        party.screening = record.to_json()
    app.submitted_on = on or _steps.today()
    _steps.not_before(app.submitted_on, app.created_on, "its creation", app)
    app.lint_findings = [
        {"code": f.code, "severity": f.severity.value, "message": f.message, "field": f.field} for f in findings
    ]
    before = _steps.snapshot(app)
    _steps.finish_step(
        session,
        actor,
        app,
        "application.submitted",
        Status.SUBMITTED,
        before,
        {
            "submitted_on": app.submitted_on,
            "findings": app.lint_findings,
            "screening": [record.to_audit() for record in records],
        },
    )
    alerts: tuple[int, ...] = ()
    if register is not None:
        alerts = register(
            session, actor, app.organisation_id, [(p.name, p.country, p.role) for p in app.parties], app.submitted_on
        )
    return SubmitResult(application_view(app), findings, alerts)


def withdraw(
    session: Session,
    actor: Actor,
    application_id: int,
    *,
    reason: str,
    on: date | None = None,
    expected_version: int | None = None,
) -> ApplicationView:
    """The applicant withdraws; recorded as a decision row with outcome "withdrawn"."""
    app, _ = _steps.begin_step(session, actor, application_id, "withdraw", expected_version=expected_version)
    _steps.require_applicant(actor, app, "withdraw an application")
    day = on or _steps.today()
    _steps.not_before(day, app.created_on, "its creation", app)
    _steps.not_before(day, app.registered_on or app.submitted_on, "its submission or registration", app)
    before = _steps.snapshot(app)
    close_open_pause(session, app, day)
    session.add(
        Decision(
            application_id=app.id,
            outcome=Outcome.WITHDRAWN.value,
            reasons=[reason],
            conditions=[],
            riders=[],
            approved_item_ids=[],
            decided_by=actor.user_id,
            decided_on=day,
            decided_at=utc_now(),
        )
    )
    _steps.finish_step(
        session, actor, app, "application.withdrawn", Status.WITHDRAWN, before, {"reason": reason, "on": day}
    )
    return application_view(app)


def respond_to_intent(
    session: Session, actor: Actor, application_id: int, *, response: str, on: date | None = None
) -> ApplicationView:
    """The applicant's answer to an intent to deny (15 CFR 750.6), within the response window."""
    if not response.strip():
        raise InputError("the response is empty", field="response")
    app, _ = _steps.begin_step(session, actor, application_id, "respond_to_intent")
    _steps.require_applicant(actor, app, "respond to an intent to deny")
    day = on or _steps.today()
    if app.intent_response_due_on is not None and day > app.intent_response_due_on:
        raise InvalidTransitionError(f"{app.number}: the response window closed on {app.intent_response_due_on}")
    if app.intent_response is not None:
        raise InvalidTransitionError(f"{app.number}: a response was already given")
    before = _steps.snapshot(app)
    app.intent_response = response
    _steps.finish_step(
        session, actor, app, "application.intent_response", None, before, {"response": response, "on": day}
    )
    return application_view(app)


def answer_info_request(
    session: Session, actor: Actor, application_id: int, *, answer: str, on: date | None = None
) -> ApplicationView:
    """The applicant's answer to a request for information: recorded (audited) and the statutory clock restarts
    (15 CFR 750.4(b)), returning the application to the state the request interrupted."""
    if not answer.strip():
        raise InputError("the answer is empty", field="answer")
    app, _ = _steps.begin_step(session, actor, application_id, "answer_info_request")
    _steps.require_applicant(actor, app, "answer a request for information")
    day = on or _steps.today()
    pause = open_pause(session, app)
    if pause is not None:
        _steps.not_before(day, pause.started_on, "the request", app)
    before = _steps.snapshot(app)
    back_to = close_open_pause(session, app, day) or Status.UNDER_REVIEW
    _steps.finish_step(session, actor, app, "application.info_answered", back_to, before, {"answer": answer, "on": day})
    return application_view(app)


def attach_document(session: Session, actor: Actor, application_id: int, document: DocumentInput) -> int:
    """Attach a supporting document's metadata (while the application is not decided, e.g. answering a request
    for information); returns the document id."""
    actor.require(Role.EXPORTER, action="attach a document")
    lock_for_write(session)
    app = load_application(session, application_id, actor=actor)
    if Status(app.status) in FINAL:
        raise InvalidTransitionError(f"cannot attach a document to {app.number}: it is already {app.status}")
    row = Document(
        application_id=app.id,
        filename=document.filename,
        content_type=document.content_type,
        size_bytes=document.size_bytes,
        sha256=document.sha256,
        description=document.description,
        uploaded_by=actor.user_id,
        uploaded_at=utc_now(),
    )
    session.add(row)
    session.flush()
    append_event(session, actor, "document.attached", "application", app.id, None, document.model_dump())
    return row.id
