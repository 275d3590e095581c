"""``exportctl db …``: the database itself; and :func:`open_engine`, which every command uses to reach it."""

from __future__ import annotations

import typer
from rich.console import Console
from sqlalchemy import Engine

from exportctl.cli.errors import handle_errors
from exportctl.config import get_settings
from exportctl.store.db import make_engine, upgrade

db_app = typer.Typer(help="The database: create or upgrade its schema.", no_args_is_help=True)
console = Console()


def configured_engine() -> Engine:
    """The configured database (``EXPORTCTL_DATABASE_URL``), its caches under the configured data directory."""
    settings = get_settings()
    return make_engine(settings.resolved_database_url(), data_dir=settings.resolved_data_dir())


def open_engine() -> Engine:
    """The configured database, with its schema upgraded to the latest migration (a no-op when up to date)."""
    engine = configured_engine()
    upgrade(engine)
    return engine


@db_app.command("upgrade")
@handle_errors
def upgrade_command() -> None:
    """Create the database (default: a SQLite file under the user's data directory) or upgrade it to head."""
    engine = configured_engine()
    upgrade(engine)
    console.print(f"database at {engine.url.render_as_string(hide_password=True)} is up to date")


def register(app: typer.Typer) -> None:
    app.add_typer(db_app, name="db")
