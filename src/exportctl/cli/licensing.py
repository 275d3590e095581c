"""``exportctl applications|review|licences|audit|orgs …``: the licensing workflow from the command line.

Every command acts as a named user (``--as EMAIL``, or ``EXPORTCTL_AS``) and is one library call: workflow steps go
through the step table (``exportctl.licensing.service.step_as`` → :func:`exportctl.licensing.steps.run_step`, the
same dispatcher the API and the pages use; options are named as the table's arguments), queries through
``query_as``; library errors become clean messages with the exit codes of :mod:`exportctl.cli.errors`.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from exportctl.audit.chain import verify_chain
from exportctl.audit.checkpoints import check_key, read_checkpoints, take_checkpoint, verify_checkpoints
from exportctl.audit.events import list_events
from exportctl.cli.dates import parse_date
from exportctl.cli.db import open_engine
from exportctl.cli.errors import handle_errors
from exportctl.clock import UTC_CLOCK
from exportctl.config import get_settings
from exportctl.errors import DataIntegrityError, InputError
from exportctl.licensing import clock_queries, repository, service, steps
from exportctl.licensing.linter import LintFinding
from exportctl.licensing.organisations import create_organisation
from exportctl.licensing.periods import StatutoryPeriods
from exportctl.licensing.views import ApplicationView, LicenceView
from exportctl.store.db import session_scope

applications_app = typer.Typer(
    help="Licence applications: create, list, show, lint, submit, withdraw.", no_args_is_help=True
)
review_app = typer.Typer(
    help="The licensing officer's review: queue, register, pause, refer, decide.", no_args_is_help=True
)
licences_app = typer.Typer(help="Licences: list, show, ship against, suspend, revoke, reinstate.", no_args_is_help=True)
audit_app = typer.Typer(help="The hash-chained audit trail: verify it, read events.", no_args_is_help=True)
orgs_app = typer.Typer(help="Organisations (exporters, the authority, agencies).", no_args_is_help=True)
console = Console()

As = typer.Option(..., "--as", envvar="EXPORTCTL_AS", help="E-mail of the acting user.")
On = typer.Option(None, "--on", help="Date of the step (YYYY-MM-DD); default today.")
Json = typer.Option(False, "--json", help="Print JSON instead of a table.")


def _json(value: Any) -> None:
    def default(obj: Any) -> Any:
        if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            return dataclasses.asdict(obj)
        if isinstance(obj, date | Decimal):
            return str(obj)
        raise TypeError(type(obj).__name__)

    typer.echo(json.dumps(value, default=default, ensure_ascii=False, indent=2))


def _applications_table(apps: list[ApplicationView]) -> Table:
    table = Table("number", "status", "type", "items", "value (USD)", "registered", "version")
    for a in apps:
        table.add_row(
            a.number,
            a.status,
            a.type,
            str(len(a.items)),
            f"{a.total_value:,}",
            str(a.registered_on or ""),
            str(a.version),
        )
    return table


def _show_application(a: ApplicationView) -> None:
    console.print(f"[bold]{a.number}[/] {a.type} — [bold]{a.status}[/] (version {a.version})")
    console.print(f"end use: {escape(a.end_use)}\njustification: {escape(a.justification)}", highlight=False)
    items = Table("ECCN", "description", "qty", "unit value", "total", "flags", title="items")
    for i in a.items:
        items.add_row(
            i.eccn,
            escape(i.description),
            str(i.quantity),
            f"{i.unit_value:,}",
            f"{i.total_value:,}",
            ",".join(i.tech_flags),
        )
    console.print(items)
    parties = Table("role", "name", "country", "screening", title="parties")
    for p in a.parties:
        hits = "not screened" if not p.screening else f"{p.screening.hit_count} hit(s)"
        parties.add_row(p.role, escape(p.name), p.country, hits)
    console.print(parties)


def _findings(findings: tuple[LintFinding, ...]) -> None:
    if not findings:
        console.print("[green]no findings[/]")
    for f in findings:
        colour = "red" if f.severity == "error" else "yellow"
        console.print(f"[{colour}]{f.severity}[/] {f.code} [{escape(f.field)}]: {escape(f.message)}", highlight=False)


@applications_app.command("create")
@handle_errors
def create_command(file: Path, actor: str = As, on: str | None = On) -> None:
    """Create a draft from a JSON file (BIS-748P fields: type, items, parties, end_use, justification)."""
    view = service.create_from_file(open_engine(), actor, file, on=parse_date(on, "on"))
    console.print(f"created draft [bold]{view.number}[/]")


@applications_app.command("lint")
@handle_errors
def lint_command(
    file: Path,
    with_determination: bool = typer.Option(False, "--determine", help="Also ask the determination engine per item."),
    on: str | None = On,
) -> None:
    """Lint an application file: what would make the authority return it. Exit 1 when there are errors."""
    findings = service.lint_file(file, engine=open_engine() if with_determination else None, on=parse_date(on, "on"))
    _findings(findings)
    if any(f.severity == "error" for f in findings):
        raise typer.Exit(1)


@applications_app.command("list")
@handle_errors
def list_command(actor: str = As, status: list[str] = typer.Option([], "--status"), as_json: bool = Json) -> None:
    """Applications the acting user may see (exporters: their own organisation's)."""
    apps = service.query_as(open_engine(), actor, repository.list_applications, statuses=status or None)
    _json(apps) if as_json else console.print(_applications_table(apps))


@applications_app.command("show")
@handle_errors
def show_command(reference: str, actor: str = As, as_json: bool = Json) -> None:
    """One application by number (Z000123) or id."""
    app = service.query_as(open_engine(), actor, repository.get_application, reference)
    _json(app) if as_json else _show_application(app)


@applications_app.command("decisions")
@handle_errors
def decisions_command(reference: str, actor: str = As, as_json: bool = Json) -> None:
    """Every decision on an application (rows are never edited), with the licence each issued."""
    found = service.query_as(open_engine(), actor, repository.list_decisions, reference)
    if as_json:
        _json(found)
        return
    table = Table("id", "outcome", "decided on", "by", "reasons", "conditions", "licence")
    for d in found:
        table.add_row(
            str(d.id), d.outcome, str(d.decided_on), str(d.decided_by), escape("; ".join(d.reasons)),
            escape("; ".join((*d.conditions, *d.riders))), d.licence_number or "",
        )  # fmt: skip
    console.print(table)


Version = typer.Option(None, "--version", help="The version you saw; refused if the application changed.")


def _take(name: str, actor: str, reference: str | int, **values: object) -> Any:
    """Take a step of the step table (:mod:`exportctl.licensing.steps`) as ``actor``; options named as in it."""
    return service.step_as(open_engine(), actor, name, reference, values, periods=_periods())


@applications_app.command("submit")
@handle_errors
def submit_command(reference: str, actor: str = As, on: str | None = On, version: int | None = Version) -> None:
    """Lint and submit a draft; every party is screened against the lists in force."""
    result = _take("submit", actor, reference, on=on, version=version)
    console.print(f"{result.application.number} submitted")
    _findings(result.findings)


@applications_app.command("withdraw")
@handle_errors
def withdraw_command(
    reference: str,
    reason: str = typer.Option(..., "--reason"),
    actor: str = As,
    on: str | None = On,
    version: int | None = Version,
) -> None:
    """Withdraw an application (the applicant's step)."""
    view = _take("withdraw", actor, reference, reason=reason, on=on, version=version)
    console.print(f"{view.number} withdrawn")


@applications_app.command("intent-response")
@handle_errors
def intent_response_command(
    reference: str, response: str = typer.Option(..., "--response"), actor: str = As, on: str | None = On
) -> None:
    """Answer an intent to deny, within its response window (the applicant's step)."""
    view = _take("respond_to_intent", actor, reference, response=response, on=on)
    console.print(f"{view.number}: response recorded")


@applications_app.command("answer-info")
@handle_errors
def answer_info_command(
    reference: str, answer: str = typer.Option(..., "--answer"), actor: str = As, on: str | None = On
) -> None:
    """Answer a request for information; the statutory clock restarts (the applicant's step)."""
    view = _take("answer_info_request", actor, reference, answer=answer, on=on)
    console.print(f"{view.number}: {view.status}")


@review_app.command("queue")
@handle_errors
def queue_command(
    actor: str = As,
    as_of: str | None = typer.Option(None, "--as-of"),
    overdue: bool = typer.Option(False, "--overdue"),
    as_json: bool = Json,
) -> None:
    """Registered, undecided applications, least time left first (``--overdue``: only those past a deadline)."""
    day = parse_date(as_of, "as-of") or UTC_CLOCK.today()
    entries = service.query_as(
        open_engine(), actor, clock_queries.review_queue, as_of=day, overdue_only=overdue, periods=_periods()
    )
    if as_json:
        _json(entries)
        return
    table = Table("number", "status", "registered", "clock days", "paused", "due", "left", "referrals")
    for e in entries:
        c = e.clock
        left = f"[red]{c.days_remaining}[/]" if c.overdue else str(c.days_remaining)
        refs = ", ".join(
            f"#{r.referral_id} {r.agency}: {r.recommendation or ('LATE' if r.overdue else 'due ' + str(r.due_on))}"
            for r in e.referrals
        )
        table.add_row(
            e.application.number,
            e.application.status,
            str(c.registered_on),
            str(c.elapsed_days),
            str(c.paused_days),
            str(c.decision_due_on),
            left,
            refs,
        )
    console.print(table)


def _review_step(command_name: str, step_name: str, help_text: str) -> None:
    """Register ``exportctl review COMMAND`` for a step whose arguments are the day and, for some, a reason."""
    if "reason" in {a.name for a in steps.STEPS[step_name].args}:

        def with_reason(
            reference: str, actor: str = As, on: str | None = On, reason: str = typer.Option(..., "--reason")
        ) -> None:
            view = _take(step_name, actor, reference, on=on, reason=reason)
            console.print(f"{view.number}: {view.status}")

        command: Any = with_reason
    else:

        def without_reason(reference: str, actor: str = As, on: str | None = On) -> None:
            view = _take(step_name, actor, reference, on=on)
            console.print(f"{view.number}: {view.status}")

        command = without_reason
    command.__doc__ = help_text
    review_app.command(command_name)(handle_errors(command))


_review_step("register", "register", "Register a submitted application (starts the statutory clock).")
_review_step("start", "start", "Start reviewing a registered application (assigns it to you).")
_review_step("request-info", "request_info", "Ask the applicant for information (pauses the clock).")
_review_step("hold", "hold", "Put the application on hold (pauses the clock).")
_review_step("resume", "resume", "Resume after a request for information or a hold (restarts the clock).")
_review_step("intent-to-deny", "intent_to_deny", "Notify the intent to deny (opens the response window).")


@review_app.command("refer")
@handle_errors
def refer_command(
    reference: str,
    agencies: list[str] = typer.Option(..., "--agency", "--agencies", help="repeat: --agency DoD --agency State"),
    actor: str = As,
    on: str | None = On,
) -> None:
    """Refer to one or more agencies (--agency DoD --agency State)."""
    view = _take("refer", actor, reference, agencies=agencies, on=on)
    console.print(f"{view.number}: referred to {', '.join(agencies)}")


@review_app.command("recommend")
@handle_errors
def recommend_command(
    referral_id: int,
    recommendation: str = typer.Option(..., "--recommendation", help="approve | deny | approve_with_conditions"),
    basis: str = typer.Option(..., "--basis"),
    actor: str = As,
    on: str | None = On,
) -> None:
    """Record an agency's recommendation on a referral."""
    view = _take("recommend", actor, referral_id, recommendation=recommendation, basis=basis, on=on)
    console.print(f"{view.number}: recommendation recorded")


@review_app.command("decide")
@handle_errors
def decide_command(
    reference: str,
    outcome: str = typer.Option(
        ..., "--outcome", help="approved | approved_in_part | denied | returned_without_action"
    ),
    reasons: list[str] = typer.Option(..., "--reason", "--reasons", help="repeat for several reasons"),
    conditions: list[str] = typer.Option([], "--condition", "--conditions"),
    riders: list[str] = typer.Option([], "--rider", "--riders"),
    approved_item_ids: list[int] = typer.Option(
        [], "--item", "--approved-item-ids", help="approved item ids (approved_in_part)"
    ),
    version: int | None = Version,
    actor: str = As,
    on: str | None = On,
) -> None:
    """Decide an application; an approval issues a licence."""
    result = _take(
        "decide", actor, reference, outcome=outcome, reasons=reasons, conditions=conditions, riders=riders,
        approved_item_ids=approved_item_ids, version=version, on=on,
    )  # fmt: skip
    licence = f", licence {result.licence_number}" if result.licence_number else ""
    console.print(f"decision {result.id}: {result.outcome}{licence}")


def _licences_table(items: list[LicenceView]) -> Table:
    table = Table("number", "status", "value limit", "used", "qty limit", "used", "valid from", "valid to")
    for x in items:
        table.add_row(
            x.number,
            x.status,
            f"{x.value_limit:,}",
            f"{x.value_used:,}",
            str(x.quantity_limit),
            str(x.quantity_used),
            str(x.valid_from),
            str(x.valid_to),
        )
    return table


@licences_app.command("list")
@handle_errors
def licences_list_command(
    actor: str = As, status: list[str] = typer.Option([], "--status"), as_json: bool = Json
) -> None:
    """Licences the acting user may see."""
    found = service.query_as(open_engine(), actor, repository.list_licences, statuses=status or None)
    _json(found) if as_json else console.print(_licences_table(found))


@licences_app.command("show")
@handle_errors
def licences_show_command(reference: str, actor: str = As, as_json: bool = Json) -> None:
    """One licence by number (D000123) or id."""
    found = service.query_as(open_engine(), actor, repository.get_licence, reference)
    _json(found) if as_json else console.print(_licences_table([found]))


@licences_app.command("shipments")
@handle_errors
def shipments_command(reference: str, actor: str = As, as_json: bool = Json) -> None:
    """Shipments drawn against a licence."""
    found = service.query_as(open_engine(), actor, repository.list_shipments, reference)
    if as_json:
        _json(found)
        return
    table = Table("id", "shipped on", "value (USD)", "quantity", "reference")
    for x in found:
        table.add_row(str(x.id), str(x.shipped_on), f"{x.value:,}", str(x.quantity), escape(x.reference))
    console.print(table)


@licences_app.command("ship")
@handle_errors
def ship_command(
    licence: str = typer.Argument(..., help="Licence number (D000123) or id."),
    value: str = typer.Option(..., "--value", help="USD"),
    quantity: str = typer.Option(..., "--quantity"),
    actor: str = As,
    shipped_on: str | None = typer.Option(None, "--shipped-on", "--on", help="The day it left (default today)."),
    reference: str = typer.Option("", "--reference", help="Your reference (invoice, airway bill)."),
) -> None:
    """Record a shipment against a licence (refused, with the reason, if the licence does not cover it)."""
    recorded_on = parse_date(shipped_on, "shipped_on")  # the CLI replays dated histories: recorded on that day
    shipment = service.step_as(
        open_engine(), actor, "ship", licence,
        {"value": value, "quantity": quantity, "shipped_on": shipped_on, "reference": reference},
        periods=_periods(), recorded_on=recorded_on,
    )  # fmt: skip
    console.print(f"shipment {shipment.id} recorded: {shipment.value:,} USD, {shipment.quantity} units")


def _status_command(name: str, help_text: str) -> None:
    def command(
        reference: str,
        from_date: str = typer.Option(..., "--from", "--from-date"),
        reason: str = typer.Option(..., "--reason"),
        actor: str = As,
    ) -> None:
        view = _take(name, actor, reference, from_date=from_date, reason=reason)
        console.print(f"{view.number}: {view.status} from {from_date}")

    command.__doc__ = help_text
    licences_app.command(name)(handle_errors(command))


_status_command("suspend", "Suspend a licence from a date, with the reason.")
_status_command("revoke", "Revoke a licence from a date, with the reason (final).")
_status_command("reinstate", "Lift a suspension from a date, with the reason.")


@audit_app.command("verify")
@handle_errors
def verify_command(
    checkpoints: Path | None = typer.Option(
        None, "--checkpoints", help="Signed checkpoint file (`audit checkpoint`); needs EXPORTCTL_AUDIT_KEY."
    ),
) -> None:
    """Recompute the hash chain; exit 7 and name the first bad event if any event was edited, deleted or reordered
    in a way the chain shows. With --checkpoints, also every deletion, edit or rewrite up to the newest checkpoint."""
    engine = open_engine()
    if checkpoints is None:
        result = verify_chain(engine)
    else:
        result = verify_checkpoints(engine, read_checkpoints(checkpoints, _audit_key()))
    if not result.ok:
        raise DataIntegrityError(f"audit chain broken at event {result.first_bad_event}: {result.reason}")
    checked = "" if checkpoints is None else f", matching {checkpoints}"
    console.print(f"[green]audit chain intact[/]: {result.count} events{checked}")


@audit_app.command("checkpoint")
@handle_errors
def checkpoint_command(
    file: Path = typer.Argument(..., help="Checkpoint file to append to; keep it outside the database host."),
) -> None:
    """Verify the chain, then append a checkpoint of its newest event, signed with EXPORTCTL_AUDIT_KEY."""
    checkpoint = take_checkpoint(open_engine(), _audit_key(), file)
    console.print(f"checkpoint of event {checkpoint.seq} appended to {file}")


def _periods() -> StatutoryPeriods:
    return StatutoryPeriods.of(get_settings())


def _audit_key() -> bytes:
    key = get_settings().audit_key
    if key is None or not key.get_secret_value():
        raise InputError("set EXPORTCTL_AUDIT_KEY (a secret kept outside the database)", field="EXPORTCTL_AUDIT_KEY")
    return check_key(key.get_secret_value().encode("utf-8"))


@audit_app.command("events")
@handle_errors
def events_command(
    entity_type: str | None = typer.Option(None, "--entity-type"),
    entity_id: str | None = typer.Option(None, "--entity-id"),
    action: str | None = typer.Option(None, "--action"),
    limit: int = typer.Option(50, "--limit"),
    as_json: bool = Json,
) -> None:
    """The latest audit events, newest first."""
    events = list_events(open_engine(), entity_type=entity_type, entity_id=entity_id, action=action, limit=limit)
    if as_json:
        _json(events)
        return
    table = Table("seq", "when (UTC)", "user", "action", "entity", "after")
    for e in events:
        table.add_row(
            str(e.seq),
            e.occurred_at.isoformat(timespec="seconds"),
            str(e.actor_user_id or "-"),
            e.action,
            f"{e.entity_type}:{e.entity_id}",
            escape(json.dumps(e.after, ensure_ascii=False)[:80]),
        )
    console.print(table)


@orgs_app.command("create")
@handle_errors
def orgs_create_command(
    name: str, kind: str = typer.Option(..., "--kind", help="exporter | authority | agency")
) -> None:
    """Create an organisation (users are added with ``exportctl users create``)."""
    with session_scope(open_engine()) as session:
        org_id = create_organisation(session, name, kind)
    console.print(f"organisation {org_id}: {escape(name)}")


def register(app: typer.Typer) -> None:
    app.add_typer(applications_app, name="applications")
    app.add_typer(review_app, name="review")
    app.add_typer(licences_app, name="licences")
    app.add_typer(audit_app, name="audit")
    app.add_typer(orgs_app, name="orgs")
