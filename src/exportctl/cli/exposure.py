"""``exportctl exposure …``: an operator's vendor exposure.

``exportctl exposure INVENTORY.csv`` (the file check, kept from before) is ``exportctl exposure check INVENTORY.csv``;
``import`` stores an organisation's equipment and contracts, ``scenario`` runs a ban scenario with its removal plan,
``plan`` exports the plan alone, ``watch`` shows the list hits of the inventory's vendors and what changed since the
last review.
"""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from typer.core import TyperGroup

from exportctl.cli.db import open_engine
from exportctl.cli.errors import handle_errors
from exportctl.clock import UTC_CLOCK
from exportctl.errors import InputError
from exportctl.exposure.check import ExposureReport
from exportctl.exposure.export import plan_csv, render_timeline, scenario_json
from exportctl.exposure.plan import Weights
from exportctl.exposure.scenario import Scenario, parse_scope
from exportctl.exposure.service import (
    DEMO_ORGANISATION,
    ImportOutcome,
    ensure_organisation,
    exposure_in_store,
    import_demo,
    import_path,
    resolve_organisation,
    scenario_in_store,
)
from exportctl.screening import DEFAULT_THRESHOLD

console = Console()
err_console = Console(stderr=True)


class ExposureGroup(TyperGroup):
    """A group whose unknown first argument is an inventory file for ``check`` (``exportctl exposure FILE``)."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:  # typer's own click Context
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            args = ["check", *args]
        return super().parse_args(ctx, args)


exposure_app = typer.Typer(
    cls=ExposureGroup,
    help="Vendor exposure: inventory check, import, ban scenario, removal plan, watch.",
    no_args_is_help=True,
)

ORG = typer.Option(None, "--org", help="The organisation (default: the only one with an inventory).")
VENDOR = typer.Option(..., "--vendor", help='The banned vendor, e.g. "Huawei" (matched as screening reads names).')
FROM = typer.Option(None, "--from", formats=["%Y-%m-%d"], help="The ban's first day (default: today, UTC).")
SCOPE = typer.Option("all", "--scope", help="Network functions: core, ran, transport, oss, all (comma-separated).")
BUDGET = typer.Option(None, "--budget-per-quarter", help="Replacement budget per quarter (default: no limit).")
WEIGHTS = typer.Option("", "--weights", help="Risk weights, e.g. core=100,transport=60,ran=40,oss=20,site=1.")


def _budget(text: str | None) -> Decimal | None:
    if text is None or not text.strip():
        return None
    try:
        value = Decimal(text.replace("_", "").replace(",", ""))
    except InvalidOperation:
        raise InputError(f"--budget-per-quarter {text!r} is not an amount", field="budget_per_quarter") from None
    if not value.is_finite() or value <= 0:
        raise InputError(f"--budget-per-quarter {text!r} must be more than 0", field="budget_per_quarter")
    return value


def _scenario(
    org: str | None, vendor: str, ban_from: datetime | None, scope: str, budget: str | None, weights: str
) -> Scenario:
    engine = open_engine()
    today = UTC_CLOCK.today()
    return scenario_in_store(
        engine,
        vendor,
        organisation_id=resolve_organisation(engine, org),
        ban_from=ban_from.date() if ban_from else today,
        as_of=today,
        scope=parse_scope(scope),
        budget_per_quarter=_budget(budget),
        weights=Weights.parse(weights),
    )


def _money(value: Decimal) -> str:
    return f"{value:,.2f}"


def _show_scenario(s: Scenario) -> None:
    t = s.totals
    console.print(
        f"[bold]Ban on {escape(s.vendor)} from {s.ban_from}[/] · {escape(s.organisation)} · scope {s.scope_text} · "
        f"as of {s.as_of}"
    )
    console.print(f"matched vendor names: {escape(', '.join(s.matched_vendors)) or 'none'}")
    console.print(f"equipment: {escape(s.equipment_imported or 'never imported')}")
    console.print(f"contracts: {escape(s.contracts_imported or 'never imported')}")
    unknown = f" (+ {t.unknown_cost_units} units without a cost)" if t.unknown_cost_units else ""
    console.print(
        f"{t.units:,} units on {t.rows:,} rows at {t.sites} sites; replacement cost {_money(t.replacement_cost)}"
        f"{unknown}; {t.contracts} contracts, exit cost {_money(t.contract_exit_cost)}"
        + (f" (+ {t.contracts_cost_unknown} of unknown cost)" if t.contracts_cost_unknown else "")
    )
    sites = Table("site", "functions", "units", "replacement cost", title="sites")
    for site, functions, units, cost in s.sites():
        sites.add_row(escape(site), ", ".join(f.value for f in functions), f"{units:,}", _money(cost))
    console.print(sites)
    groups = Table("site", "function", "units", "cost", "unknown cost", "models", "contracts", title="equipment")
    for g in s.groups:
        groups.add_row(
            escape(g.site), g.function.value, f"{g.units:,}", _money(g.cost), str(g.unknown_cost_units or ""),
            escape(", ".join(g.models)), escape(", ".join(g.contracts)),
        )  # fmt: skip
    console.print(groups)
    contracts = Table("contract", "vendor", "earliest end", "by", "cost", "other ways out", title="contracts")
    for e in s.contracts:
        others = "; ".join(f"{o.route} {o.end}" for o in e.options[1:])
        shown = _money(e.cost) if e.cost is not None else ("unknown" if not e.cost_known else "")
        contracts.add_row(
            escape(e.contract.contract_id), escape(e.contract.vendor), str(e.end or "—"), e.route, shown, others
        )
    console.print(contracts)
    _show_plan(s)


def _show_plan(s: Scenario) -> None:
    plan = s.plan
    table = Table("order", "site", "function", "risk", "units", "cost", "quarters", title="removal plan")
    for step in plan.steps:
        quarters = f"{step.first_quarter}–{step.last_quarter}" if step.first_quarter else ""
        if step.unplanned_units:
            quarters += f" ({step.unplanned_units} unplanned: no cost)"
        table.add_row(
            str(step.order), escape(step.site), step.function.value, f"{step.risk:g}", f"{step.units:,}",
            _money(step.cost), quarters,
        )  # fmt: skip
    console.print(table)
    clean = plan.clean_quarter
    if clean is not None:
        console.print(f"[bold]network clean of {escape(s.vendor)} after {clean} (by {clean.end})[/]")
    else:
        console.print(f"[yellow]not clean: {plan.unplanned_units} units have no cost and cannot be planned[/]")


def _write_outputs(s: Scenario, out: Path | None, chart: Path | None, plan_out: Path | None) -> None:
    if out is not None:
        out.write_text(scenario_json(s) + "\n", encoding="utf-8")
    if chart is not None:
        fmt = chart.suffix.lstrip(".").lower()
        chart.write_bytes(render_timeline(s, fmt))
    if plan_out is not None:
        if plan_out.suffix.lower() == ".json":
            plan_out.write_text(json.dumps(s.plan.to_dict(), indent=2) + "\n", encoding="utf-8")
        else:
            plan_out.write_text(plan_csv(s), encoding="utf-8")


@exposure_app.command("scenario")
@handle_errors
def scenario_command(
    vendor: str = VENDOR,
    ban_from: datetime | None = FROM,
    scope: str = SCOPE,
    org: str | None = ORG,
    budget: str | None = BUDGET,
    weights: str = WEIGHTS,
    as_json: bool = typer.Option(False, "--json", help="Print the scenario as JSON."),
    out: Path | None = typer.Option(None, "--out", help="Also write the JSON scenario to this file."),
    chart: Path | None = typer.Option(None, "--chart", help="Write the timeline chart (.png or .svg)."),
    plan_out: Path | None = typer.Option(None, "--plan-out", help="Write the removal plan (.csv or .json)."),
) -> None:
    """A ban on VENDOR from a date: affected sites, functions and contracts, costs, removal plan and timeline."""
    s = _scenario(org, vendor, ban_from, scope, budget, weights)
    _write_outputs(s, out, chart, plan_out)
    if as_json:
        typer.echo(scenario_json(s))
    else:
        _show_scenario(s)


@exposure_app.command("plan")
@handle_errors
def plan_command(
    vendor: str = VENDOR,
    ban_from: datetime | None = FROM,
    scope: str = SCOPE,
    org: str | None = ORG,
    budget: str | None = BUDGET,
    weights: str = WEIGHTS,
    fmt: str = typer.Option("csv", "--format", help="csv or json"),
    out: Path | None = typer.Option(None, "--out", help="Write to this file instead of printing."),
) -> None:
    """The removal plan alone, in risk order under the budget: CSV (one row per step and quarter) or JSON."""
    if fmt not in ("csv", "json"):
        raise InputError(f"--format {fmt!r}: csv or json", field="format")
    s = _scenario(org, vendor, ban_from, scope, budget, weights)
    text = plan_csv(s) if fmt == "csv" else json.dumps(s.plan.to_dict(), indent=2) + "\n"
    if out is None:
        typer.echo(text, nl=False)
    else:
        out.write_text(text, encoding="utf-8")


def _show_import(outcome: ImportOutcome) -> None:
    for problem in outcome.problems:
        err_console.print(f"[yellow]problem[/] {escape(str(problem))}", soft_wrap=True, highlight=False)
    console.print(
        f"{outcome.kind}: {outcome.imported:,} rows imported from {escape(outcome.path)}, "
        f"{len(outcome.problems)} problem(s)"
    )
    if outcome.vendors is not None:
        console.print(escape(outcome.register_text()))


@exposure_app.command("import")
@handle_errors
def import_command(
    org: str = typer.Option(..., "--org", help="The operator (created if new)."),
    equipment: Path | None = typer.Option(None, "--equipment", help="Equipment inventory (CSV or XLSX)."),
    contracts: Path | None = typer.Option(None, "--contracts", help="Contract register (CSV or XLSX)."),
    as_json: bool = typer.Option(False, "--json", help="Print the outcome as JSON."),
) -> None:
    """Replace an organisation's equipment and/or contracts; bad rows are reported (file:line [field]) and skipped."""
    if equipment is None and contracts is None:
        raise InputError("give --equipment FILE, --contracts FILE or both", field="equipment")
    engine = open_engine()
    org_id = ensure_organisation(engine, org)
    outcomes = []
    for kind, path in (("equipment", equipment), ("contracts", contracts)):
        if path is not None:
            outcomes.append(import_path(engine, kind, path, organisation_id=org_id))
    if as_json:
        typer.echo(json.dumps([o.to_dict() for o in outcomes], indent=2))
    else:
        for outcome in outcomes:
            _show_import(outcome)


@exposure_app.command("demo")
@handle_errors
def demo_command(
    org: str = typer.Option(DEMO_ORGANISATION, "--org", help="The organisation to hold the demo inventory."),
) -> None:
    """Import the bundled SYNTHETIC inventory and contracts of a fictitious operator (not real network data)."""
    for outcome in import_demo(open_engine(), org):
        _show_import(outcome)
    console.print(f'now try: exportctl exposure scenario --org "{escape(org)}" --vendor Huawei --from 2026-06-01')


def _show_exposure(report: ExposureReport) -> None:
    console.print(
        f"{report.rows} inventory rows, {report.vendors_screened} distinct vendors screened against the FCC Covered "
        f"List and the Entity List: {len(report.flagged_vendors)} flagged"
    )
    vendors = Table("vendor", "listed as", "list", "score", "rows", "sites", "contracts", title="flagged vendors")
    for v in report.flagged_vendors:
        best = v.hits[0]
        vendors.add_row(
            escape(v.vendor),
            escape(best.primary_name),
            best.list,
            f"{best.score:.3f}",
            str(v.rows),
            str(len(v.sites)),
            escape(", ".join(v.contracts)),
        )
    console.print(vendors)
    sites = Table("site", "rows", "flagged rows", "vendors", "contracts affected", title="sites")
    for s in report.sites:
        sites.add_row(
            escape(s.site),
            str(s.rows),
            str(s.flagged_rows),
            escape(", ".join(s.vendors)),
            escape(", ".join(s.contracts)),
        )
    console.print(sites)
    for problem in report.bad_rows:
        err_console.print(f"[yellow]skipped[/] {escape(str(problem))}", soft_wrap=True, highlight=False)


@exposure_app.command("check")
@handle_errors
def check_command(
    inventory: Path = typer.Argument(..., help="Inventory CSV with columns vendor, site (and model, contract)."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    out: Path | None = typer.Option(None, "--out", help="Also write the JSON report to this file."),
    threshold: float = typer.Option(DEFAULT_THRESHOLD, "--threshold", min=0.0, max=1.0, help="Minimum hit score."),
) -> None:
    """Screen an inventory file against the FCC Covered List and the Entity List (also: exportctl exposure FILE)."""
    report = exposure_in_store(open_engine(), inventory, threshold=threshold)
    text = json.dumps(report.to_dict(), ensure_ascii=False, indent=2)
    if out is not None:
        out.write_text(text + "\n", encoding="utf-8")
    if as_json:
        typer.echo(text)
    else:
        _show_exposure(report)


def register(app: typer.Typer) -> None:
    app.add_typer(exposure_app, name="exposure")
