"""A real service for tests: a SQLite file with every migration and the bundled lists, real users with real
passwords and tokens, and the real app (no doubles). Shared by the API, web and browser tests."""

from __future__ import annotations

import atexit
import secrets
import shutil
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from fastapi import FastAPI
from sqlalchemy import Engine

from exportctl.accounts.roles import Principal, Role
from exportctl.accounts.tokens import issue_token
from exportctl.accounts.users import create_user
from exportctl.app import create_app
from exportctl.config import Settings
from exportctl.lists.ingest import import_bundled
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
    principals: dict[str, Principal] = field(default_factory=dict)
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
    settings = Settings(database_url=url, secret_key=secrets.token_urlsafe(32), max_upload_bytes=max_upload_bytes)
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
def shared_service() -> ServiceUnderTest:
    """One service for the whole test session (API, page and browser tests): building one imports the bundled
    lists and hashes six passwords, which is worth doing once. Tests create their own resources in it."""
    directory = Path(tempfile.mkdtemp(prefix="exportctl-service-"))
    atexit.register(shutil.rmtree, directory, ignore_errors=True)
    return build_service(directory)
