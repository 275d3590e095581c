"""``exportctl lists …``: import, status, diff, show, history."""

from __future__ import annotations

import typer

lists_app = typer.Typer(help="Official lists: import, status, diff, show, history.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(lists_app, name="lists")
