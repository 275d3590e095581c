"""A real service for tests: a SQLite file with every migration and the bundled lists, real users with real
passwords and tokens, and the real app (no doubles). Used by the API, web and browser tests.

Each test gets its own copy (:func:`fresh_service`): the database is built once per session (importing the bundled
lists and hashing six passwords takes ~15 s), then copied for every test (~20 ms) and served by a new app, so that
nothing one test does (a policy applied, an account locked out, a list imported) is seen by another, whatever the
order. The copies share one in-memory list index (built on first use, ~8 s), which is sound because every copy holds
the same snapshots under the same database URL and the index is keyed by URL and snapshot ids.
"""

from __future__ import annotations

import atexit
import os
import secrets
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from fastapi import FastAPI
from sqlalchemy import Engine

from exportctl.accounts.roles import Actor, Role
from exportctl.accounts.tokens import issue_token
from exportctl.accounts.users import create_user
from exportctl.app import create_app
from exportctl.config import Settings, reset_settings_cache
from exportctl.determination.list_index import ListIndexes
from exportctl.lists.ingest import import_bundled
from exportctl.lists.repository import current_snapshot_ids
from exportctl.store.db import make_engine, session_scope, upgrade

ORG_A = "Exporter A Corp (test)"
ORG_B = "Exporter B GmbH (test)"
AUTHORITY = "Licensing Authority (test)"

#: name → (role, organisation)
TEST_USERS: dict[str, tuple[Role, str]] = {
    "exporter_a": (Role.EXPORTER, ORG_A),
    "exporter_b": (Role.EXPORTER, ORG_B),
    "reviewer": (Role.REVIEWER, AUTHORITY),
    "policy_admin": (Role.POLICY_ADMIN, AUTHORITY),
    "auditor": (Role.AUDITOR, AUTHORITY),
    "admin": (Role.ADMIN, AUTHORITY),
}


@dataclass
class ServiceUnderTest:
    engine: Engine
    app: FastAPI
    settings: Settings
    principals: dict[str, Actor] = field(default_factory=dict)
    passwords: dict[str, str] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)

    def auth(self, user: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[user]}"}

    def email(self, user: str) -> str:
        return self.principals[user].email


def build_service(directory: Path, max_upload_bytes: int = 256 * 1024) -> ServiceUnderTest:
    url = f"sqlite:///{directory / 'service.sqlite3'}"
    engine = make_engine(url)
    upgrade(engine)
    import_bundled(engine)
    settings = Settings(
        database_url=url,
        secret_key=secrets.token_urlsafe(32),
        max_upload_bytes=max_upload_bytes,
        batch_max_upload_bytes=max_upload_bytes,
    )
    service = ServiceUnderTest(engine=engine, app=create_app(settings, engine), settings=settings)
    with session_scope(engine) as session:
        for name, (role, org) in TEST_USERS.items():
            password = secrets.token_urlsafe(12)
            principal = create_user(
                session,
                email=f"{name}@test.example",
                password=password,
                roles=frozenset({role}),
                organisation=org,
                display_name=name.replace("_", " ").title(),
            )
            service.principals[name] = principal
            service.passwords[name] = password
            service.tokens[name] = issue_token(session, principal, "tests").token
    return service


@lru_cache(maxsize=1)
def _template() -> tuple[Path, ServiceUnderTest]:
    """The database every test copies (built once per session) and the service over it, whose users, passwords and
    tokens every copy shares. The template's own database is never served."""
    directory = Path(tempfile.mkdtemp(prefix="exportctl-service-"))
    atexit.register(shutil.rmtree, directory, ignore_errors=True)
    (directory / "template").mkdir()
    template = build_service(directory / "template")
    template.engine.dispose()  # closes the last connection: SQLite checkpoints the WAL into the file
    return directory, template


_in_use: list[Path] = []


@contextmanager
def fresh_service() -> Iterator[ServiceUnderTest]:
    """A service of its own: a fresh copy of the template database served by a new app, disposed at the end.

    Every copy lives at the same path (the shared list index is keyed by database URL), so only one can be in use
    at a time; asking for a second one while the first is open is a test bug and raises.
    """
    directory, template = _template()
    live = directory / "live"
    if _in_use:
        raise RuntimeError("fresh_service() is already in use: close the first service before asking for another")
    if live.exists():
        shutil.rmtree(live)
    live.mkdir()
    shutil.copyfile(directory / "template" / "service.sqlite3", live / "service.sqlite3")
    url = f"sqlite:///{live / 'service.sqlite3'}"
    engine = make_engine(url)
    settings = template.settings.model_copy(update={"database_url": url})
    app = create_app(settings, engine)
    app.state.ctx.list_indexes = _shared_list_indexes()
    service = replace(template, engine=engine, app=app, settings=settings)
    _in_use.append(live)
    # The screening indexes' disk cache (keyed by database URL, date and snapshot ids) is shared by every copy too:
    # otherwise each test's first submission would rebuild the day's index (~8 s).
    previous_xdg = os.environ.get("XDG_DATA_HOME")
    os.environ["XDG_DATA_HOME"] = str(directory / "xdg-data")
    reset_settings_cache()
    try:
        yield service
    finally:
        try:
            if current_snapshot_ids(engine) != current_snapshot_ids(template.engine):
                # the test imported lists: its snapshot ids may be reused by the next test's import, with other
                # entries, so every index built from them is forgotten
                shutil.rmtree(directory / "xdg-data", ignore_errors=True)
                _shared_list_indexes().clear()
        finally:
            _in_use.clear()
            app.state.ctx.jobs.shutdown()
            engine.dispose()
            template.engine.dispose()
            if previous_xdg is None:
                os.environ.pop("XDG_DATA_HOME", None)
            else:
                os.environ["XDG_DATA_HOME"] = previous_xdg
            reset_settings_cache()


@lru_cache(maxsize=1)
def _shared_list_indexes() -> ListIndexes:
    return ListIndexes()
