"""``exportctl screen`` and ``screen-file``: screening parties against the lists in the store."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from exportctl.cli.db import open_engine
from exportctl.cli.errors import handle_errors
from exportctl.screening import DEFAULT_THRESHOLD, ScreeningResult
from exportctl.screening.grouping import group_hits
from exportctl.screening.service import screen_file_in_store, screen_in_store

console = Console()
err_console = Console(stderr=True)

AS_OF = typer.Option(None, "--as-of", formats=["%Y-%m-%d"], help="Screen against the lists in force on this date.")
THRESHOLD = typer.Option(DEFAULT_THRESHOLD, "--threshold", min=0.0, max=1.0, help="Minimum score of a hit (0–1).")


def _day(value: datetime | None) -> date | None:
    return value.date() if value is not None else None


def _show(result: ScreeningResult) -> None:
    for note in result.notes:
        console.print(f"[yellow]note:[/] {escape(note)}")
    if not result.hits:
        console.print(f"no hit for {escape(result.query)!r} at threshold {result.threshold:.2f}")
        return
    table = Table("score", "list", "entry", "primary name", "matched name", "country", "review policy", "also listed")
    for group in group_hits(result.hits):  # one row per party; the other sources' entries in the last column
        hit = group.best
        table.add_row(
            f"{hit.score:.3f}",
            hit.list,
            escape(hit.entry_id),
            escape(hit.primary_name),
            escape(hit.matched_name),
            hit.country or "",
            escape(hit.review_policy_text),
            escape(", ".join(listing.entry_id for listing in group.listings[1:])),
        )
    console.print(table)
    for notice in result.attributions:
        console.print(f"[dim]{escape(notice)}[/]", highlight=False)
    best = result.hits[0]
    why = Table("feature", "value", "weight", "contribution", "meaning", title=f"why {escape(best.primary_name)}")
    for f in best.features:
        why.add_row(f.name, f"{f.value:.3f}", f"{f.weight:+.2f}", f"{f.contribution:+.3f}", escape(f.doc))
    console.print(why)
    if best.license_requirement:
        console.print(f"licence requirement: {escape(best.license_requirement)}")


@handle_errors
def screen_command(
    name: str = typer.Argument(..., help="The party's name, in any script."),
    country: str | None = typer.Option(None, "--country", help="Country hint (ISO 3166 code or name)."),
    as_of: datetime | None = AS_OF,
    threshold: float = THRESHOLD,
    limit: int = typer.Option(10, "--limit", min=1, max=100, help="At most this many hits."),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Screen one name against every list: hits with their score and why they matched."""
    result = screen_in_store(open_engine(), name, country=country, as_of=_day(as_of), threshold=threshold, limit=limit)
    if as_json:
        payload = {**result.to_dict(), "parties": [group.to_dict() for group in group_hits(result.hits)]}
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        _show(result)


@handle_errors
def screen_file_command(
    input_csv: Path = typer.Argument(..., help="CSV (UTF-8) or Parquet (.parquet) with an id and a name column."),
    out: Path = typer.Option(..., "--out", help="Where to write the results (.csv, or .parquet for Parquet)."),
    id_column: str = typer.Option("id", "--id-column"),
    name_column: str = typer.Option("name", "--name-column"),
    country_column: str = typer.Option("country", "--country-column", help="Optional column with a country hint."),
    threshold: float = THRESHOLD,
    top: int = typer.Option(5, "--top", min=1, max=100, help="At most this many hits per name."),
    scheduler: str | None = typer.Option(None, "--scheduler", help="Dask scheduler address, e.g. tcp://host:8786."),
    as_of: datetime | None = AS_OF,
) -> None:
    """Screen every name of a CSV or Parquet file, streamed in partitions (here, or on a Dask cluster with
    --scheduler): one output row per hit, one "no hit" row per name without hits, one "not screened" row per bad row.
    """
    columns = (TextColumn("screening"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=err_console, transient=True) as bar:
        task = bar.add_task("screening", total=None)
        report = screen_file_in_store(
            open_engine(),
            input_csv,
            out,
            as_of=_day(as_of),
            id_column=id_column,
            name_column=name_column,
            country_column=country_column,
            threshold=threshold,
            top=top,
            scheduler=scheduler,
            progress=lambda done, total: bar.update(task, completed=done, total=total),
        )
    for note in report.notes:  # as a single screening shows them in its result
        console.print(f"[yellow]note:[/] {escape(note)}")
    for problem in report.bad_rows:
        err_console.print(f"[yellow]skipped[/] {escape(str(problem))}", soft_wrap=True, highlight=False)
    for problem in report.unreadable:
        err_console.print(f"[red]unreadable[/] {escape(str(problem))}", soft_wrap=True, highlight=False)
    console.print(
        f"{report.rows} rows in {report.partitions} partitions: {report.screened} screened, {report.with_hits} with "
        f"hits, {len(report.bad_rows)} skipped; {report.hits_written} rows written to {escape(report.output_path)} "
        f"({report.names_per_second:,.0f} names/s)"
    )
    if report.unreadable:
        err_console.print(
            f"[red]error:[/] {len(report.unreadable)} partition(s) could not be read: their rows are not in the output"
        )
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("screen")(screen_command)
    app.command("screen-file")(screen_file_command)
