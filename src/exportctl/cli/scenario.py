"""``exportctl scenario huawei``: the Huawei/SMIC timeline scenario in a fresh database, with its report and impacts.

The per-application details are GENERATED to match published aggregates; the command says so first.
"""

from __future__ import annotations

import typer
from rich.console import Console
from rich.markup import escape

from exportctl.cli.db import open_engine
from exportctl.cli.errors import handle_errors
from exportctl.cli.policies import print_impact
from exportctl.cli.reports import report_table
from exportctl.licensing.scenarios.huawei import DEFAULT_SEED
from exportctl.reports.scenario import huawei_scenario

scenario_app = typer.Typer(help="Scenarios built from published data (details GENERATED).", no_args_is_help=True)
console = Console()


@scenario_app.command("huawei")
@handle_errors
def huawei_command(seed: int = typer.Option(DEFAULT_SEED, "--seed", help="generation seed (deterministic)")) -> None:
    """Load the Huawei/SMIC timeline as policies, generate and decide the 2020-11-09..2021-04-20 applications
    through the workflow, report them against the published table, then apply the 2023 halt and 2024 revocations.
    Run it against a fresh database (EXPORTCTL_DATABASE_URL)."""
    result = huawei_scenario(open_engine(), seed=seed)
    console.print("[bold yellow]NOTE:[/] per-application details are GENERATED to match published aggregates.")
    start, end = result.period
    console.print(report_table(result.report, f"Huawei, {start} to {end}: {result.report.applications} applications"))
    console.print(f"SMIC (generated: published Category 2 row only): {result.run.smic_outcomes}")
    for gap in result.smic.missing:
        console.print(f"  SMIC missing from the published data: {escape(gap)}")
    print_impact(result.run.halt_impact)
    moved = ", ".join(f"{k}: {v}" for k, v in result.run.halt_counterfactual.items()) or "none"
    console.print(f"had the halt applied to every application filed (Huawei and SMIC), decisions would change: {moved}")
    revoked = result.run.revocation
    console.print(
        f"{revoked.kind} from {revoked.from_date}: {len(revoked.licences)} licence(s) — {escape(revoked.reason)}"
    )
    for note in result.run.notes:
        console.print(f"note: {escape(note)}")


def register(app: typer.Typer) -> None:
    app.add_typer(scenario_app, name="scenario")
