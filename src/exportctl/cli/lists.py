"""``exportctl lists …``: import, status, snapshots, diff, show, history, listed.

Each command is one library call (``exportctl.lists.ingest`` / ``repository`` / ``history``) plus its rendering:
a Rich table, or ``--json`` for machines.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from sqlalchemy import Engine

from exportctl.cli.dates import required_date
from exportctl.cli.db import open_engine
from exportctl.cli.errors import handle_errors
from exportctl.cli.parties import run_progress
from exportctl.config import get_settings
from exportctl.errors import InputError
from exportctl.lists import history as list_history
from exportctl.lists import ingest, repository
from exportctl.lists import update as list_update
from exportctl.lists.downloads import DOWNLOADS
from exportctl.lists.entry_diff import describe, only_reformatted
from exportctl.lists.fetch import FetchOptions
from exportctl.lists.listed import ListedStatus
from exportctl.lists.sources import SOURCES
from exportctl.parties.model import RunReport
from exportctl.parties.service import after_lists_changed

lists_app = typer.Typer(help="Official lists: import, status, diff, show, history.", no_args_is_help=True)
console = Console()
JsonOption = typer.Option(False, "--json", help="Print JSON instead of a table.")


def _default(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, tuple | set):
        return list(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")


def print_json(value: Any) -> None:
    """Result dataclasses (and lists of them) as indented JSON on stdout; dates in ISO format."""
    typer.echo(json.dumps(value, default=_default, ensure_ascii=False, indent=2))


def attribution_of(source: str) -> str | None:
    """The notice the licence of a source's data requires (the UK list's OGL v3.0), if any."""
    parser = SOURCES.get(source)
    return parser.attribution if parser else None


def _rescreen_registers(engine: Engine) -> list[RunReport]:
    """The delta run of every register after the lists changed, with a progress bar on stderr (on the Dask cluster
    of ``EXPORTCTL_DASK_SCHEDULER`` when set)."""
    with run_progress() as progress:
        return after_lists_changed(engine, progress=progress, scheduler=get_settings().dask_scheduler)


def _print_runs(runs: list[RunReport]) -> None:
    """The registers re-screened after the lists changed (issue 15's seam: lists never import parties)."""
    for run in runs:
        console.print(
            f"register of organisation {run.organisation_id} re-screened ({run.kind}): "
            f"{run.entries_changed} entries new or changed, {run.alerts_opened} alerts opened, "
            f"{run.alerts_reopened} reopened",
            highlight=False,
        )


@lists_app.command("import")
@handle_errors
def import_command(
    path: Path | None = typer.Argument(None, help="File (folder for ofac-sdn) to import; needs --source."),
    source: str | None = typer.Option(None, "--source", help=f"One of: {', '.join(SOURCES)}."),
    effective: str | None = typer.Option(None, "--effective-date", help="Date the file is as of (YYYY-MM-DD)."),
    as_json: bool = JsonOption,
) -> None:
    """Import all bundled lists, or one file with --source NAME PATH. A file identical to the current one is skipped."""
    if (source is None) != (path is None):
        raise InputError("give both --source NAME and PATH, or neither (to import the bundled lists)", field="source")
    engine = open_engine()
    if source is not None and path is not None:
        eff = required_date(effective, "effective-date") if effective else None
        results = [ingest.import_file(engine, source, path, effective_date=eff)]
    else:
        results = ingest.import_bundled(engine)
    runs = _rescreen_registers(engine) if any(not r.unchanged for r in results) else []
    if as_json:
        print_json(results)
        return
    for result in results:
        style = "dim" if result.unchanged else "green"
        console.print(f"[{style}]{escape(result.message)}[/] ({result.seconds:.2f} s)", highlight=False)
    _print_runs(runs)


@lists_app.command("status")
@handle_errors
def status_command(as_json: bool = JsonOption) -> None:
    """Per source: current snapshot, effective date, import time, entry counts."""
    statuses = repository.list_status(open_engine())
    if as_json:
        print_json(statuses)
        return
    table = Table(
        "source", "snapshot", "effective", "imported at (UTC)", "entries", "per list", "file", "snapshots",
        "last check (UTC)", "last change (UTC)",
    )  # fmt: skip
    for s in statuses:
        per_list = ", ".join(f"{k} {v}" for k, v in s.counts_by_list.items())
        effective = str(s.effective_date) if s.effective_date else "unknown"
        imported = s.imported_at.strftime("%Y-%m-%d %H:%M:%S")
        checked = f"{s.checks.checked_at:%Y-%m-%d %H:%M} {s.checks.result}" if s.checks else "never"
        changed = f"{s.checks.changed_at:%Y-%m-%d %H:%M}" if s.checks and s.checks.changed_at else ""
        table.add_row(
            s.source, str(s.snapshot_id), effective, imported, str(s.entry_count), per_list, s.file_name,
            str(s.snapshot_count), checked, changed,
        )  # fmt: skip
    console.print(table if statuses else "no list imported yet: run `exportctl lists import`")
    for s in statuses:
        if attribution := attribution_of(s.source):
            console.print(f"{escape(s.source)}: {escape(attribution)}", highlight=False)


FROM_HELP = (
    "Mirror: a directory or base URL with one folder per source "
    "(default: $EXPORTCTL_LISTS_MIRROR, else the official addresses)."
)


@lists_app.command("update")
@handle_errors
def update_command(
    source: list[str] = typer.Option(None, "--source", help=f"Only these (repeatable): {', '.join(DOWNLOADS)}."),
    origin: str | None = typer.Option(None, "--from", help=FROM_HELP),
    as_json: bool = JsonOption,
) -> None:
    """Fetch each source's current file (conditional request, size cap, timeouts, retries) and import it if changed.

    A failed download or a file that does not validate changes nothing; exit code 9 if any source failed.
    """
    settings = get_settings()
    options = FetchOptions(max_bytes=settings.lists_max_bytes, timeout_seconds=settings.lists_timeout_seconds)
    mirror = origin or settings.lists_mirror
    engine = open_engine()
    results = list_update.update(engine, source or None, mirror=mirror, options=options)
    runs = _rescreen_registers(engine) if any(r.result == "changed" for r in results) else []
    if as_json:
        print_json(results)
    else:
        for result in results:
            style = {"changed": "green", "failed": "bold red"}.get(result.result, "dim")
            console.print(f"[{style}]{result.result}[/] {escape(result.message)}", highlight=False)
        _print_runs(runs)
    if any(r.failed for r in results):
        raise typer.Exit(9)


@lists_app.command("snapshots")
@handle_errors
def snapshots_command(
    source: str = typer.Argument(..., help="Source name, e.g. dpl."), as_json: bool = JsonOption
) -> None:
    """Every snapshot of SOURCE, in import order."""
    snaps = repository.snapshots(open_engine(), source)
    if as_json:
        print_json(snaps)
        return
    table = Table("snapshot", "current", "effective", "imported at (UTC)", "entries", "file", "content hash")
    for s in snaps:
        effective = str(s.effective_date) if s.effective_date else "unknown"
        imported = s.imported_at.strftime("%Y-%m-%d %H:%M:%S")
        current = "yes" if s.is_current else ""
        table.add_row(str(s.id), current, effective, imported, str(s.entry_count), s.file_name, s.content_hash[:12])
    console.print(table if snaps else f"no snapshot of {escape(source)}")


@lists_app.command("diff")
@handle_errors
def diff_command(
    source: str = typer.Argument(..., help="Source name, e.g. dpl."),
    from_snapshot: int | None = typer.Option(None, "--from", help="Older snapshot id (default: the one before --to)."),
    to_snapshot: int | None = typer.Option(None, "--to", help="Newer snapshot id (default: the current one)."),
    as_json: bool = JsonOption,
) -> None:
    """Entries added, removed and changed (field by field) between two snapshots of SOURCE."""
    result = list_history.diff(open_engine(), source, from_snapshot, to_snapshot)
    if as_json:
        print_json(result)
        return
    console.print(
        f"{escape(source)}: snapshot {result.from_snapshot.id} ({result.from_snapshot.in_force_from}) → "
        f"snapshot {result.to_snapshot.id} ({result.to_snapshot.in_force_from}): {len(result.added)} added, "
        f"{len(result.removed)} removed, {len(result.changed)} changed "
        f"({sum(only_reformatted(c.changes) for c in result.changed)} only reformatted), "
        f"{result.unchanged_count} unchanged",
        highlight=False,
    )
    table = Table("", "entry id", "name", "changes")
    for entry in result.added:
        table.add_row("[green]+[/]", entry.entry_id, entry.primary_name, "")
    for entry in result.removed:
        table.add_row("[red]-[/]", entry.entry_id, entry.primary_name, "")
    for change in result.changed:
        table.add_row("[yellow]~[/]", change.entry_id, change.primary_name, "\n".join(map(describe, change.changes)))
    console.print(table)


@lists_app.command("show")
@handle_errors
def show_command(
    entry_id: str = typer.Argument(..., help="Entry id, e.g. entity-list:huawei-technologies-co-ltd@cn."),
    snapshot: int | None = typer.Option(None, "--snapshot", help="Snapshot id (default: the current one)."),
    as_json: bool = JsonOption,
) -> None:
    """Every field of one entry."""
    entry = repository.get_entry(open_engine(), entry_id, snapshot)
    if as_json:
        print_json(entry)
        return
    table = Table("field", "value", show_header=False)
    for field in dataclasses.fields(entry):
        value = getattr(entry, field.name)
        if field.name == "raw":
            value = "\n".join(f"{k}: {v}" for k, v in value.items())
        elif isinstance(value, tuple):
            value = "\n".join(str(v) for v in value)
        elif field.name == "license_review_policy" and value is None:
            value = "not recorded (no source records it for this entry)"
        table.add_row(field.name, escape("" if value is None else str(value)))
    console.print(table)
    if attribution := attribution_of(entry.source):
        console.print(escape(attribution), highlight=False)


@lists_app.command("history")
@handle_errors
def history_command(
    query: str = typer.Argument(..., help="Entry id or name (exact after case/accent/punctuation folding)."),
    as_json: bool = JsonOption,
) -> None:
    """Dated events of an entry: listed, appeared in / changed in / gone from snapshots, removed."""
    events = list_history.history(open_engine(), query)
    if as_json:
        print_json(events)
        return
    table = Table("date", "entry id", "event", "snapshot", "details")
    for event in events:
        snapshot = str(event.snapshot_id) if event.snapshot_id else ""
        table.add_row(str(event.date), event.entry_id, event.kind, snapshot, escape(event.description))
    console.print(table)


_VERDICTS = {
    ListedStatus.LISTED: "[bold red]LISTED[/]",
    ListedStatus.NOT_LISTED: "[bold green]not listed[/]",
    ListedStatus.UNKNOWN: "[bold yellow]unknown → review[/] (no file we hold settles this date)",
}


@lists_app.command("listed")
@handle_errors
def listed_command(
    name: str = typer.Argument(..., help="Entry id or name (exact after case/accent/punctuation folding)."),
    on: str = typer.Option(..., "--on", help="Date (YYYY-MM-DD)."),
    as_json: bool = JsonOption,
) -> None:
    """Was NAME listed on a date? From every snapshot's own dates (later ones too); unknown → review if none says."""
    answer = list_history.was_listed(open_engine(), name, required_date(on, "on"))
    if as_json:
        print_json({**dataclasses.asdict(answer), "listed": answer.listed})
        return
    console.print(f"{escape(name)} on {answer.on}: {_VERDICTS[answer.status]}")
    for match in answer.matches:
        mark = str(match.status) if match.status is not ListedStatus.UNKNOWN else "unknown → review"
        console.print(f"  {escape(match.entry_id)} ({escape(match.primary_name)}): {mark}: {escape(match.reason)}")
    if not answer.matches:
        console.print(f"  {escape(answer.reason)}")


def register(app: typer.Typer) -> None:
    app.add_typer(lists_app, name="lists")
