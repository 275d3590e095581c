"""The ``exportctl`` command. Each area registers its own commands; each command is one library call."""

from __future__ import annotations

import typer

from exportctl.cli import db as db_cli
from exportctl.cli import determine as determine_cli
from exportctl.cli import exposure as exposure_cli
from exportctl.cli import licensing as licensing_cli
from exportctl.cli import lists as lists_cli
from exportctl.cli import parties as parties_cli
from exportctl.cli import policies as policies_cli
from exportctl.cli import reports as reports_cli
from exportctl.cli import scenario as scenario_cli
from exportctl.cli import screen as screen_cli
from exportctl.cli import serve as serve_cli

app = typer.Typer(
    name="exportctl",
    help="Export-control lists, screening, licence determination, licensing and oversight.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

for module in (
    lists_cli,
    db_cli,
    determine_cli,
    serve_cli,
    licensing_cli,
    screen_cli,
    policies_cli,
    reports_cli,
    scenario_cli,
    exposure_cli,
    parties_cli,
):
    module.register(app)

if __name__ == "__main__":
    app()
