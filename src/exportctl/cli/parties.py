"""``exportctl parties …`` and ``exportctl alerts …``: the counterparty register and its alerts. Each command is one
library call of :mod:`exportctl.parties`.

Reads name the organisation with ``--org NAME`` or act as a user with ``--as EMAIL`` (its organisation);
decisions always name the user (``--as``): who cleared what is recorded in the audit trail.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, TaskID, TextColumn, TimeRemainingColumn
from rich.progress import Progress as RichProgress
from rich.table import Table
from sqlalchemy import Engine

from exportctl.cli.dates import parse_date
from exportctl.cli.db import open_engine
from exportctl.cli.errors import handle_errors
from exportctl.clock import UTC_CLOCK
from exportctl.errors import InputError
from exportctl.licensing.actor import Actor, Role
from exportctl.licensing.organisations import actor_for_email
from exportctl.parties import (
    AlertState,
    AlertView,
    RunReport,
    decide,
    get_alert,
    get_party,
    list_alerts,
    list_parties,
    party_history,
)
from exportctl.parties.alerts import alert_history
from exportctl.parties.register import delete_party, organisation_named
from exportctl.parties.rescreen import Progress, rescreen
from exportctl.parties.service import import_register_file, rescreen_registers
from exportctl.store.db import session_scope

parties_app = typer.Typer(help="The counterparty register: import, list, show, delete, rescreen.", no_args_is_help=True)
alerts_app = typer.Typer(help="Alerts of the register's screening: list, show, clear, confirm, escalate.")
alerts_app.info.no_args_is_help = True
console = Console()
err_console = Console(stderr=True)

Org = typer.Option(None, "--org", help="Organisation name (or give --as).")
AsUser = typer.Option(None, "--as", envvar="EXPORTCTL_AS", help="E-mail of the acting user.")
AsRequired = typer.Option(..., "--as", envvar="EXPORTCTL_AS", help="E-mail of the deciding user.")
Json = typer.Option(False, "--json", help="Print JSON instead of a table.")
Scheduler = typer.Option(
    None,
    "--scheduler",
    envvar="EXPORTCTL_DASK_SCHEDULER",
    help="Dask scheduler address (tcp://host:8786): screen the register's partitions on that cluster.",
)


def _organisation(engine: Engine, org: str | None, email: str | None) -> int:
    if (org is None) == (email is None):
        raise InputError("name the organisation with --org NAME, or act as a user with --as EMAIL", field="org")
    with session_scope(engine) as session:
        if email is not None:
            return actor_for_email(session, email).organisation_id
        assert org is not None
        return organisation_named(session, org)


def _decider(engine: Engine, email: str) -> Actor:
    with session_scope(engine) as session:
        actor = actor_for_email(session, email)
    actor.require(Role.EXPORTER, Role.ADMIN, action="decide an alert")
    return actor


def _print_json(value: Any) -> None:
    print(json.dumps(value, indent=2, ensure_ascii=False, default=str))  # noqa: T201


@parties_app.command("import")
@handle_errors
def import_command(
    path: Path = typer.Argument(..., help="CSV file (UTF-8) with a header row."),
    org: str | None = Org,
    email: str | None = AsUser,
    id_column: str = typer.Option("id", "--id-column"),
    name_column: str = typer.Option("name", "--name-column"),
    country_column: str = typer.Option("country", "--country-column"),
) -> None:
    """Add or update parties from a CSV file; bad rows are reported (file:line [field]) and the rest imported."""
    engine = open_engine()
    organisation_id = _organisation(engine, org, email)
    report = import_register_file(
        engine, path, organisation_id=organisation_id, id_column=id_column, name_column=name_column,
        country_column=country_column,
    )  # fmt: skip
    for problem in report.problems:
        console.print(f"[yellow]skipped[/] {escape(str(problem))}", soft_wrap=True, highlight=False)
    console.print(
        f"{report.imported} parties imported ({report.created} new, {report.updated} changed, "
        f"{report.unchanged} unchanged), {len(report.problems)} rows skipped"
    )
    if report.problems:
        raise typer.Exit(2)


@parties_app.command("list")
@handle_errors
def list_command(
    org: str | None = Org,
    email: str | None = AsUser,
    limit: int = typer.Option(100, "--limit", min=1, max=10_000),
    offset: int = typer.Option(0, "--offset", min=0),
    as_json: bool = Json,
) -> None:
    """The register, in name order."""
    engine = open_engine()
    organisation_id = _organisation(engine, org, email)
    with session_scope(engine) as session:
        parties, total = list_parties(session, organisation_id=organisation_id, limit=limit, offset=offset)
    if as_json:
        _print_json({"total": total, "parties": [p.__dict__ for p in parties]})
        return
    table = Table("id", "name", "other names", "country", "role", "screened", title=f"{total} parties")
    for p in parties:
        table.add_row(
            escape(p.external_id), escape(p.name), escape("; ".join(p.other_names)), p.country or "", p.role,
            "yes" if p.screened else "no",
        )  # fmt: skip
    console.print(table)


@parties_app.command("show")
@handle_errors
def show_command(party_id: str, org: str | None = Org, email: str | None = AsUser, as_json: bool = Json) -> None:
    """One party: its data, its versions and its alerts."""
    engine = open_engine()
    organisation_id = _organisation(engine, org, email)
    with session_scope(engine) as session:
        party = get_party(session, party_id, organisation_id=organisation_id)
        history = party_history(session, party_id, organisation_id=organisation_id)
        alerts, _ = list_alerts(session, organisation_id=organisation_id, party_id=party.id, limit=1000)
    if as_json:
        _print_json({"party": party.__dict__, "history": history, "alerts": [a.to_json() for a in alerts]})
        return
    console.print(f"[bold]{escape(party.name)}[/] ({escape(party.external_id)}), {party.role}, {party.country or '—'}")
    if party.other_names:
        console.print(f"other names: {escape('; '.join(party.other_names))}")
    if party.address:
        console.print(f"address: {escape(party.address)}")
    if party.identifiers:
        console.print(f"identifiers: {escape('; '.join(party.identifiers))}")
    console.print(f"version {party.version}{' (deleted)' if party.deleted else ''}; {len(history)} versions kept")
    _alert_table(alerts, f"{len(alerts)} alerts")


@parties_app.command("delete")
@handle_errors
def delete_command(party_id: str, org: str | None = Org, email: str | None = AsUser) -> None:
    """Delete a party (its versions and alerts are kept; its alerts no longer hold shipments)."""
    engine = open_engine()
    organisation_id = _organisation(engine, org, email)
    with session_scope(engine) as session:
        party = delete_party(session, party_id, organisation_id=organisation_id)
    console.print(f"party {escape(party.external_id)} deleted (version {party.version})")


_STAGES = {"parties": "parties against every entry", "entries": "parties against changed entries"}


@contextmanager
def run_progress() -> Iterator[Progress]:
    """A Rich progress bar per stage of a register run (on stderr, gone when done), fed by the run's callback."""
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with RichProgress(*columns, console=err_console, transient=True) as bar:
        tasks: dict[str, TaskID] = {}

        def update(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(f"screening {_STAGES.get(stage, stage)}", total=total)
            bar.update(tasks[stage], completed=done, total=total)

        yield update


def _print_run(report: RunReport) -> None:
    console.print(
        f"organisation {report.organisation_id}: {report.kind} run as of {report.as_of.isoformat()}: "
        f"{report.parties_screened} parties screened, {report.entries_changed} entries new or changed "
        f"({report.candidate_parties} parties re-screened for them), {report.pairs_found} matches, "
        f"{report.alerts_opened} alerts opened, {report.alerts_reopened} reopened ({report.seconds:.1f} s)"
    )
    for note in report.notes:
        console.print(f"[yellow]note:[/] {escape(note)}")


@parties_app.command("rescreen")
@handle_errors
def rescreen_command(
    org: str | None = Org,
    email: str | None = AsUser,
    full: bool = typer.Option(False, "--full", help="Screen every party against every entry."),
    as_of: str | None = typer.Option(None, "--as-of", help="Lists in force on this date (default today)."),
    as_json: bool = Json,
    scheduler: str | None = Scheduler,
) -> None:
    """Screen the register (every organisation's without --org/--as): new and changed parties and entries only,
    unless --full; on a Dask cluster with --scheduler (the alerts are written here, in one transaction)."""
    engine = open_engine()
    day = parse_date(as_of, "as-of")
    with run_progress() as progress:
        if org is None and email is None:
            reports = rescreen_registers(engine, as_of=day, full=full, progress=progress, scheduler=scheduler)
        else:
            organisation_id = _organisation(engine, org, email)
            reports = [
                rescreen(
                    engine,
                    organisation_id=organisation_id,
                    as_of=day,
                    full=full,
                    progress=progress,
                    scheduler=scheduler,
                )  # fmt: skip
            ]
    if as_json:
        _print_json([r.to_json() for r in reports])
        return
    if not reports:
        console.print("no register to screen")
    for report in reports:
        _print_run(report)


def _alert_table(alerts: list[AlertView], title: str) -> None:
    table = Table("alert", "state", "score", "party", "name matched", "list", "entry", title=title)
    for a in alerts:
        table.add_row(
            str(a.id), a.state + ("" if a.still_matching else " (no longer matching)"), f"{a.score:.3f}",
            escape(f"{a.party_external_id}: {a.party_name}"), escape(a.query_name), a.list_code,
            escape(f"{a.entry_key}: {a.entry_name}"),
        )  # fmt: skip
    console.print(table)


@alerts_app.command("list")
@handle_errors
def alerts_list_command(
    org: str | None = Org,
    email: str | None = AsUser,
    status: list[str] = typer.Option(None, "--status", help="open, cleared, confirmed, escalated (repeatable)."),
    limit: int = typer.Option(50, "--limit", min=1, max=10_000),
    offset: int = typer.Option(0, "--offset", min=0),
    as_json: bool = Json,
) -> None:
    """The organisation's alerts, newest first."""
    try:
        states = [AlertState(s) for s in status] if status else None
    except ValueError:
        raise InputError(f"--status is one of {', '.join(s.value for s in AlertState)}", field="status") from None
    engine = open_engine()
    organisation_id = _organisation(engine, org, email)
    with session_scope(engine) as session:
        alerts, total = list_alerts(session, organisation_id=organisation_id, states=states, limit=limit, offset=offset)
    if as_json:
        _print_json({"total": total, "offset": offset, "alerts": [a.to_json() for a in alerts]})
        return
    _alert_table(alerts, f"{total} alerts")


@alerts_app.command("show")
@handle_errors
def alerts_show_command(alert_id: int, org: str | None = Org, email: str | None = AsUser, as_json: bool = Json) -> None:
    """One alert: party and entry side by side, the score's features, what changed, its history."""
    engine = open_engine()
    organisation_id = _organisation(engine, org, email)
    with session_scope(engine) as session:
        alert = get_alert(session, alert_id, organisation_id=organisation_id)
        history = alert_history(session, alert_id, organisation_id=organisation_id)
    if as_json:
        _print_json({**alert.to_json(), "history": history})
        return
    console.print(f"[bold]alert {alert.id}[/] {alert.state}, score {alert.score:.3f}")
    side = Table("", "party", "list entry")
    for key in ("name", "other_names", "country", "address", "identifiers"):
        entry_key = {"other_names": "aliases", "address": "addresses"}.get(key, key)
        side.add_row(key, escape(_cell(alert.party_data.get(key))), escape(_cell(alert.entry_data.get(entry_key))))
    side.add_row("matched", escape(alert.query_name), escape(alert.matched_name))
    side.add_row("list", "", f"{alert.list_code} {escape(alert.entry_key)}")
    console.print(side)
    why = Table("feature", "value", "weight", "contribution")
    for f in alert.explanation.get("features", []):
        why.add_row(f["name"], f"{f['value']:.3f}", f"{f['weight']:+.2f}", f"{f['contribution']:+.3f}")
    console.print(why)
    if alert.changes:
        console.print(f"[yellow]reopened because:[/] {escape(json.dumps(alert.changes, ensure_ascii=False))}")
    if alert.reason:
        console.print(f"reason: {escape(alert.reason)}")
    if alert.review_by:
        console.print(f"review by: {alert.review_by.isoformat()}")
    for event in history:
        console.print(f"  {event['occurred_at']} {event['action']} by user {event['actor_user_id']}")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)


def _decide(alert_id: int, state: AlertState, email: str, reason: str = "", review_by: str | None = None) -> None:
    engine = open_engine()
    actor = _decider(engine, email)
    with session_scope(engine) as session:
        alert = decide(
            session, alert_id, state, organisation_id=actor.organisation_id, actor=actor, reason=reason,
            review_by=parse_date(review_by, "review-by"), today=UTC_CLOCK.today(),
        )  # fmt: skip
    console.print(f"alert {alert.id} {alert.state}: {escape(alert.party_name)} ~ {escape(alert.entry_name)}")


@alerts_app.command("clear")
@handle_errors
def clear_command(
    alert_id: int,
    reason: str = typer.Option(..., "--reason", help="Why the party is not the listed one."),
    review_by: str | None = typer.Option(None, "--review-by", help="Reopen on this date (YYYY-MM-DD)."),
    email: str = AsRequired,
) -> None:
    """Clear an alert (a false positive); it stays cleared while party, entry and matcher are unchanged."""
    _decide(alert_id, AlertState.CLEARED, email, reason, review_by)


@alerts_app.command("confirm")
@handle_errors
def confirm_command(alert_id: int, reason: str = typer.Option("", "--reason"), email: str = AsRequired) -> None:
    """Confirm an alert: the party is the listed one (its shipments stay held)."""
    _decide(alert_id, AlertState.CONFIRMED, email, reason)


@alerts_app.command("escalate")
@handle_errors
def escalate_command(alert_id: int, reason: str = typer.Option("", "--reason"), email: str = AsRequired) -> None:
    """Escalate an alert to someone who decides it (its shipments stay held)."""
    _decide(alert_id, AlertState.ESCALATED, email, reason)


def register(app: typer.Typer) -> None:
    app.add_typer(parties_app, name="parties")
    app.add_typer(alerts_app, name="alerts")
