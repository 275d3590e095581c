"""Everything ``exportctl serve`` does before it listens: upgrade the database, import the bundled lists on first
run, optionally load the demo (Huawei scenario and one user per role), build the app and its screening index."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from fastapi import FastAPI
from sqlalchemy import Engine, func, select

from exportctl.accounts.demo import DemoUser, ensure_demo_users
from exportctl.app.factory import create_app
from exportctl.config import Settings, get_settings
from exportctl.licensing.scenarios.run import run_huawei
from exportctl.lists.fetch import FetchOptions
from exportctl.lists.ingest import import_bundled
from exportctl.lists.refresh import Refresher, parse_interval
from exportctl.lists.repository import list_status
from exportctl.lists.update import update
from exportctl.store.db import make_engine, session_scope, upgrade
from exportctl.store.licensing_tables import Application


@dataclass(frozen=True)
class PreparedService:
    """A ready app and what was done to get there (shown at start-up)."""

    app: FastAPI
    database_url: str
    imported_sources: list[str]
    demo_users: list[DemoUser] = field(default_factory=list)
    scenario_summary: str | None = None
    index_seconds: float = 0.0
    refresher: Refresher | None = None  # EXPORTCTL_LISTS_REFRESH: lists update on a schedule (started)


def prepare_service(settings: Settings | None = None, *, demo: bool = False) -> PreparedService:
    """Upgrade, import the bundled lists if none were imported yet, load the demo if asked, build the index."""
    settings = settings or get_settings()
    url = settings.resolved_database_url()
    engine = make_engine(url, data_dir=settings.resolved_data_dir())
    upgrade(engine)
    imported: list[str] = []
    if not list_status(engine):
        imported = [result.source for result in import_bundled(engine)]
    demo_users: list[DemoUser] = []
    scenario: str | None = None
    if demo:
        scenario = _load_scenario(engine)
        with session_scope(engine) as session:
            demo_users = ensure_demo_users(session)
    app = create_app(settings, engine)
    started = time.perf_counter()
    app.state.ctx.screening_index()
    app.state.ctx.party_screener()  # today's submission screener (the lists in force today): not on a first submit
    index_seconds = time.perf_counter() - started
    refresher = _start_refresher(settings, engine)
    return PreparedService(
        app=app,
        database_url=engine.url.render_as_string(hide_password=True),
        imported_sources=imported,
        demo_users=demo_users,
        scenario_summary=scenario,
        index_seconds=index_seconds,
        refresher=refresher,
    )


def worker_app() -> FastAPI:
    """The app of one of ``exportctl serve --workers N``'s processes (uvicorn's factory): the parent prepared the
    database and the on-disk index cache; each worker loads the index from it before it serves."""
    app = create_app(get_settings())
    app.state.ctx.screening_index()
    return app


def _start_refresher(settings: Settings, engine: Engine) -> Refresher | None:
    """The scheduled ``lists update`` when ``EXPORTCTL_LISTS_REFRESH`` is set (ConfigError if it is malformed)."""
    if not settings.lists_refresh:
        return None
    options = FetchOptions(max_bytes=settings.lists_max_bytes, timeout_seconds=settings.lists_timeout_seconds)
    refresher = Refresher(
        parse_interval(settings.lists_refresh),
        lambda: update(engine, mirror=settings.lists_mirror, options=options),
    )
    refresher.start()
    return refresher


def _load_scenario(engine: Engine) -> str:
    """Run the Huawei scenario once; a database that already holds applications keeps what it has."""
    with session_scope(engine) as session:
        existing = session.scalar(select(func.count(Application.id))) or 0
    if existing:
        return f"demo: the database already holds {existing} applications; the Huawei scenario was not loaded again"
    run = run_huawei(engine)
    outcomes = ", ".join(f"{count} {outcome}" for outcome, count in sorted(run.outcomes.items()))
    return "\n".join((f"demo: Huawei scenario loaded ({outcomes})", *run.notes))
