"""``exportctl serve`` (the service) and ``exportctl users create``."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.console import Console

from exportctl.errors import ExportctlError

console = Console()
err_console = Console(stderr=True)
users_app = typer.Typer(help="Service users: create them with a role and an organisation.", no_args_is_help=True)


def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    demo: Annotated[bool, typer.Option("--demo", help="Load the Huawei scenario and one demo user per role.")] = False,
    workers: Annotated[
        int, typer.Option("--workers", min=1, max=64, help="Service processes (more than 1 needs PostgreSQL).")
    ] = 1,
) -> None:
    """Start the web service (pages and API) on the configured database with the bundled lists."""
    import os
    import secrets

    import uvicorn
    from sqlalchemy.engine import make_url

    from exportctl.app.service import prepare_service
    from exportctl.config import get_settings

    if workers > 1:
        url = get_settings().resolved_database_url()
        if make_url(url).get_backend_name() != "postgresql":
            err_console.print(
                f"[red]error:[/red] --workers {workers} needs PostgreSQL (EXPORTCTL_DATABASE_URL=postgresql+psycopg://…"
                f"); the database is {make_url(url).get_backend_name()}, which several processes cannot share safely"
            )
            raise typer.Exit(2)
        if not os.environ.get("EXPORTCTL_SECRET_KEY"):  # one key for every worker, or sessions break between them
            console.print("EXPORTCTL_SECRET_KEY is not set: one random key for these workers (sessions end with them)")
            os.environ["EXPORTCTL_SECRET_KEY"] = secrets.token_urlsafe(48)
            get_settings.cache_clear()
    try:
        prepared = prepare_service(demo=demo)
    except ExportctlError as exc:
        err_console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from None
    console.print(f"database: {prepared.database_url}")
    if prepared.imported_sources:
        console.print(f"imported the bundled lists: {', '.join(sorted(set(prepared.imported_sources)))}")
    console.print(f"screening index built in {prepared.index_seconds:.1f} s")
    if prepared.refresher is not None:
        console.print(f"lists update every {prepared.refresher.interval} (EXPORTCTL_LISTS_REFRESH)")
    if prepared.scenario_summary:
        console.print(prepared.scenario_summary, soft_wrap=True, highlight=False)
    if prepared.demo_users:
        console.print("[bold]demo users[/bold] (passwords are new at every start):")
        for user in prepared.demo_users:
            line = f"  {user.role.value:<13} {user.email:<24} password: {user.password}   ({user.organisation})"
            console.print(line, soft_wrap=True, highlight=False)
    console.print(f"open http://{host}:{port}/ (API schema: http://{host}:{port}/api/openapi.json)")
    if workers > 1:
        console.print(f"{workers} service processes; batch jobs and sign-in throttling are shared through the database")
        del prepared  # each worker builds its own app; the index comes from the on-disk cache written above
        uvicorn.run(
            "exportctl.app.service:worker_app",
            factory=True,
            workers=workers,
            host=host,
            port=port,
            log_level="info",
            access_log=False,
        )
        return
    uvicorn.run(prepared.app, host=host, port=port, log_level="info", access_log=False)


@users_app.command("create")
def create(
    email: Annotated[str, typer.Argument(help="E-mail address; the login name.")],
    organisation: Annotated[str, typer.Option("--org", help="Organisation (created if new).")],
    role: Annotated[list[str], typer.Option("--role", help="exporter|reviewer|policy_admin|auditor|admin; repeat.")],
    name: Annotated[str | None, typer.Option(help="Display name (default: the e-mail's local part).")] = None,
    password_stdin: Annotated[bool, typer.Option("--password-stdin", help="Read the password from stdin.")] = False,
) -> None:
    """Create a user with a password (asked for twice, or read from stdin)."""
    from exportctl.accounts.users import create_user, parse_roles
    from exportctl.cli.db import configured_engine
    from exportctl.store.db import session_scope, upgrade

    password = (
        sys.stdin.readline().rstrip("\n")
        if password_stdin
        else typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    )
    try:
        engine = configured_engine()
        upgrade(engine)
        with session_scope(engine) as session:
            principal = create_user(
                session,
                email=email,
                password=password,
                roles=parse_roles(role),
                organisation=organisation,
                display_name=name,
            )
    except ExportctlError as exc:
        err_console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from None
    console.print(
        f"created user {principal.email} (id {principal.user_id}) in {principal.organisation_name} "
        f"with roles {', '.join(principal.role_names)}"
    )


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.add_typer(users_app, name="users")
