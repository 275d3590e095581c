"""``exportctl report licences …``: oversight counts and values as a table, CSV, JSON, PNG or SVG."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from exportctl.cli.dates import parse_date
from exportctl.cli.db import open_engine
from exportctl.cli.errors import handle_errors
from exportctl.errors import InputError
from exportctl.reports import Report, licence_report
from exportctl.reports.chart import render_chart
from exportctl.reports.render import money, to_csv, to_json

report_app = typer.Typer(help="Oversight reports over licence decisions.", no_args_is_help=True)
console = Console()
FORMATS = ("table", "csv", "json", "png", "svg")


def report_table(report: Report, title: str) -> Table:
    table = Table(*report.by, "count", "value (USD)", "used (USD)", title=title)
    for row in report.rows:
        if row.suppressed:
            table.add_row(*row.key, "suppressed", "suppressed", "suppressed")
            continue
        table.add_row(*row.key, str(row.count), f"{money(row.value):,}", f"{money(row.used_value):,}")
    for total in report.totals:
        table.add_row(
            f"[bold]total {total.outcome}[/]", *([""] * (len(report.by) - 1)), str(total.count),
            f"{money(total.value):,}", f"{money(total.used_value):,}",
        )  # fmt: skip
    return table


@report_app.command("licences")
@handle_errors
def licences_command(
    party: str | None = typer.Option(None, "--party", help='a party family such as "Huawei" (whole word)'),
    date_from: str | None = typer.Option(None, "--from", help="first decision date (YYYY-MM-DD)"),
    date_to: str | None = typer.Option(None, "--to", help="last decision date (YYYY-MM-DD)"),
    by: str = typer.Option("outcome,category", "--by", help="comma-separated: party, period, outcome, category"),
    fmt: str = typer.Option("table", "--format", help="table | csv | json | png | svg"),
    out: Path | None = typer.Option(None, "--out", help="write here instead of standard output (needed for png)"),
    suppress_below: int | None = typer.Option(None, "--suppress-below", help="hide cells with fewer applications"),
) -> None:
    """Counts and values of licence applications by outcome, category, party family and period."""
    if fmt not in FORMATS:
        raise InputError(f"--format must be one of {', '.join(FORMATS)}", field="format")
    if fmt == "png" and out is None:
        raise InputError("--format png needs --out FILE", field="out")
    report = licence_report(
        open_engine(),
        party=party,
        date_from=parse_date(date_from, "from"),
        date_to=parse_date(date_to, "to"),
        by=tuple(by.split(",")),
        suppress_below=suppress_below,
    )
    if fmt == "table":
        console.print(report_table(report, f"{party or 'all parties'}: {report.applications} applications"))
        for note in report.notes:
            console.print(f"note: {note}")
        return
    data: bytes = (
        render_chart(report, fmt)
        if fmt in ("png", "svg")
        else (to_csv(report) if fmt == "csv" else to_json(report)).encode()
    )
    if out is None:
        typer.echo(data.decode(), nl=False)
        return
    partial = out.with_name(out.name + ".partial")  # never leave a half-written report behind
    partial.write_bytes(data)
    partial.replace(out)
    console.print(f"wrote {out} ({len(data):,} bytes)")


def register(app: typer.Typer) -> None:
    app.add_typer(report_app, name="report")
