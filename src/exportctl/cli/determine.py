"""``exportctl determine`` and ``exportctl determine-file``: licence determination for one transaction or a CSV.

``determine --regime us-ear|eu-dual-use|all`` answers the EAR, the EU dual-use Regulation, or both side by side."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from exportctl.cli.db import open_engine
from exportctl.cli.errors import handle_errors
from exportctl.determination import Determination, Effect, Finding
from exportctl.determination.batch import determine_file
from exportctl.determination.eu import EuDetermination
from exportctl.determination.regime_service import determine_regimes
from exportctl.determination.regimes import SideBySide
from exportctl.lists.attribution import attribution_of

console = Console()
_VERDICT_STYLE = {
    "prohibited": "bold red",
    "license_required": "bold red",
    "review_needed": "bold yellow",
    "no_license_required": "bold green",
}
_STYLE = {
    Effect.PROHIBITED: "bold red",
    Effect.LICENSE_REQUIRED: "red",
    Effect.NEEDS_REVIEW: "yellow",
    Effect.NO_LICENSE_REQUIRED: "green",
    Effect.INFO: "dim",
}


def _effect_label(d: Determination, f: Finding) -> str:
    """A rule that requires nothing is not the outcome when another rule requires a licence or asks for review."""
    if f.effect is Effect.NO_LICENSE_REQUIRED and d.verdict != "no_license_required":
        return "nothing required by this rule"
    if f.effect is Effect.NEEDS_REVIEW and f.hit is not None and not f.hit.certain:
        return f"possible match ({f.hit.score:.2f}): review"
    return f.effect.value.replace("_", " ")


def _reasons_table() -> Table:
    """The findings table both regimes print: effect, rule, citation, summary."""
    table = Table(show_lines=True, expand=True)
    table.add_column("effect", ratio=2)
    table.add_column("rule", ratio=2)
    table.add_column("citation", ratio=3)
    table.add_column("summary", ratio=8)
    return table


def _show(d: Determination) -> None:
    tx = d.transaction
    where = f"{tx.destination}" + (f" ({tx.region})" if tx.region else "")
    verdict = f"[{_VERDICT_STYLE[d.verdict]}]{escape(d.headline.upper())}[/]"
    console.print(f"{escape(str(tx.eccn))} to {escape(where)} on {tx.date.isoformat()}: {verdict}")
    table = _reasons_table()
    for f in d.reasons:
        table.add_row(f"[{_STYLE[f.effect]}]{_effect_label(d, f)}[/]", f.rule, escape(f.citation), escape(f.summary))
    console.print(table)
    notices = {a for f in d.reasons if f.hit is not None and (a := attribution_of(f.hit.entry.source))}
    for notice in sorted(notices):
        console.print(f"[dim]{escape(notice)}[/]", highlight=False)
    console.print(f"review policy: {escape(d.review_policy or f'none — {d.review_policy_reason}')}")
    if d.license_exceptions:
        exceptions = Table("licence exception", "status", "citation", "reason", title="licence exceptions")
        for e in sorted(d.license_exceptions, key=lambda e: e.status.value != "available"):
            exceptions.add_row(e.code, e.status.value.replace("_", " "), e.citation, escape(e.reason))
        console.print(exceptions)
    if d.needs_review:
        console.print("[bold yellow]needs review:[/]")
        for reason in d.needs_review_reasons:
            console.print(f"  - {escape(reason)}", soft_wrap=True)
    versions = d.data_versions
    console.print("[dim]data used:[/]")
    for info in versions.regulations:
        console.print(f"  [dim]{escape(info['citation'])}: text of {info['content_from']}..{info['content_to']}[/]")
    for v in versions.lists:
        console.print(f"  [dim]{escape(v.source)}: {escape(v.snapshot or v.note or '')}[/]")
    for note in versions.notes:
        console.print(f"  [dim]note: {escape(note)}[/]")


def _show_eu(d: EuDetermination) -> None:
    tx = d.transaction
    verdict = f"[{_VERDICT_STYLE[d.verdict]}]{escape(d.headline.upper())}[/]"
    console.print(
        f"[bold]EU dual-use (Regulation (EU) 2021/821)[/]: {escape(tx.item.code)} from {tx.origin} to "
        f"{tx.destination} on {tx.date.isoformat()}: {verdict}"
    )
    table = _reasons_table()
    for f in d.reasons:
        label = (
            "nothing required by this rule"
            if (f.effect is Effect.NO_LICENSE_REQUIRED and d.verdict != "no_license_required")
            else f.effect.value.replace("_", " ")
        )
        table.add_row(f"[{_STYLE[f.effect]}]{label}[/]", f.rule, escape(f.citation), escape(f.summary))
    console.print(table)
    in_scope = [g for g in d.general_authorisations if g.status.value != "not_available"]
    if d.general_authorisations:
        geas = Table("GEA", "status", "reason", "conditions", title="Union general export authorisations (Annex II)")
        for g in in_scope:
            conditions = "; ".join(f"{c.text} ({c.point})" for c in g.conditions)
            geas.add_row(g.code, g.status.value.replace("_", " "), escape(g.reason), escape(conditions))
        out = [g.code for g in d.general_authorisations if g.status.value == "not_available"]
        if out:
            geas.caption = f"not available: {', '.join(out)} (destination or item out of scope)"
        console.print(geas)
    if d.needs_review:
        console.print("[bold yellow]needs review:[/]")
        for reason in d.needs_review_reasons:
            console.print(f"  - {escape(reason)}", soft_wrap=True)
    console.print(
        f"[dim]data used: {escape(d.data_versions.regulations[0]['citation'])}, text of "
        f"{d.data_versions.regulations[0]['content_from']}[/]"
    )
    console.print(f"[dim]{escape(d.attribution)}[/]", soft_wrap=True)


def _show_all(result: SideBySide) -> None:
    for answer in result.answers:
        console.rule(answer.regime.value)
        if isinstance(answer.determination, EuDetermination):
            _show_eu(answer.determination)
        elif isinstance(answer.determination, Determination):
            _show(answer.determination)
        else:
            console.print(f"[yellow]not answered[/] ({escape(str(answer.field))}): {escape(str(answer.error))}")
    console.rule("what you need")
    style = _VERDICT_STYLE[result.verdict]
    console.print(f"overall: [{style}]{escape(result.verdict.replace('_', ' '))}[/]")
    for need in result.what_you_need:
        console.print(f"  - {escape(need)}", soft_wrap=True)


@handle_errors
def determine_command(
    control: str = typer.Option(
        ..., "--control", "--eccn", help="control code: an ECCN (5A992.c, 3A090.a, EAR99) or an EU Annex I code"
    ),
    destination: str = typer.Option(..., "--destination", help="ISO 3166 alpha-2 code (or UA-CRIMEA/UA-DNR/UA-LNR)"),
    regime: str = typer.Option("us-ear", "--regime", help="us-ear, eu-dual-use, or all (both side by side)"),
    origin: str | None = typer.Option(None, "--from", help="EU member state of export (eu-dual-use, all), e.g. NL"),
    party: list[str] = typer.Option(
        [], "--party", help="ROLE=NAME; ROLE: purchaser, intermediate_consignee, ultimate_consignee, end_user"
    ),
    end_use: str | None = typer.Option(None, "--end-use", help="stated end use"),
    foreign_produced: bool = typer.Option(False, "--foreign-produced", help="the item is produced outside the US"),
    on: str | None = typer.Option(None, "--date", help="YYYY-MM-DD (default: today)"),
    as_json: bool = typer.Option(False, "--json", help="print the determination as JSON"),
) -> None:
    """Does this export need a licence (EAR) or an authorisation (EU)? Reasons with citations, per regime."""
    d = determine_regimes(
        open_engine(),
        regime=regime,
        control=control,
        destination=destination,
        origin=origin,
        parties=party,
        end_use=end_use,
        foreign_produced=foreign_produced,
        on=on,
    )
    if as_json:
        typer.echo(json.dumps(d.to_dict(), indent=2, ensure_ascii=False))
    elif isinstance(d, SideBySide):
        _show_all(d)
    elif isinstance(d, EuDetermination):
        _show_eu(d)
    else:
        _show(d)


@handle_errors
def determine_file_command(
    input_csv: Path = typer.Argument(..., help="CSV: eccn, destination, date, parties/role columns, end_use…"),
    out: Path = typer.Option(..., "--out", help="output file (.json for JSON, else CSV)"),
    as_json: bool = typer.Option(False, "--json", help="write JSON whatever the output name"),
) -> None:
    """Determine every transaction of a CSV file; every bad row is reported (file:line [field]) before any output."""
    summary = determine_file(input_csv, out, engine=open_engine(), as_json=True if as_json else None)
    console.print(
        f"{summary.rows} transactions → {escape(str(summary.output))}: {summary.prohibited} prohibited, "
        f"{summary.license_required} licence required, {summary.review_needed} review needed (hold), "
        f"{summary.no_license_required} no licence required (each row counted once)"
    )


def register(app: typer.Typer) -> None:
    app.command("determine")(determine_command)
    app.command("determine-file")(determine_file_command)
