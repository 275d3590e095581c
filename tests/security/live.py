"""A real ``exportctl serve`` in a subprocess on a loopback port, over a SQLite file prepared here (every migration,
the bundled lists, one user per role with a token), for replaying the outside review's findings.

Every response the suite receives is recorded: a 5xx fails the suite, and so does a traceback or an ERROR line in
the service's own log. ``exportctl audit verify`` runs against the database when the service stops.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from exportctl.accounts.roles import Actor, Role
from exportctl.accounts.tokens import issue_token
from exportctl.accounts.users import create_user
from exportctl.lists.ingest import import_bundled
from exportctl.store.db import make_engine, session_scope, upgrade
from tests.web.live_server import free_port

ORG_A = "Exporter A Corp (security)"
ORG_B = "Exporter B GmbH (security)"
AUTHORITY = "Licensing Authority (security)"
USERS: dict[str, tuple[Role, str]] = {
    "exporter_a": (Role.EXPORTER, ORG_A),
    "exporter_b": (Role.EXPORTER, ORG_B),
    "reviewer": (Role.REVIEWER, AUTHORITY),
    "policy_admin": (Role.POLICY_ADMIN, AUTHORITY),
    "auditor": (Role.AUDITOR, AUTHORITY),
    "admin": (Role.ADMIN, AUTHORITY),
}
CLI = "from exportctl.cli.main import app; app()"


@dataclass
class LiveService:
    """The running service, its database file and environment, and one HTTP client per user."""

    base_url: str
    directory: Path
    env: dict[str, str]
    log_path: Path
    principals: dict[str, Actor] = field(default_factory=dict)
    passwords: dict[str, str] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)
    statuses: list[tuple[str, str, int]] = field(default_factory=list)

    @property
    def database_url(self) -> str:
        return self.env["EXPORTCTL_DATABASE_URL"]

    def client(self, user: str | None = None, **headers: str) -> httpx.Client:
        """An HTTP client (as ``user``'s bearer token when given) whose every response is recorded."""
        auth = {"Authorization": f"Bearer {self.tokens[user]}"} if user else {}

        def record(response: httpx.Response) -> None:
            self.statuses.append((response.request.method, response.request.url.path, response.status_code))

        return httpx.Client(
            base_url=self.base_url, headers={**auth, **headers}, timeout=120, event_hooks={"response": [record]}
        )

    def cli(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        """Run ``exportctl ARGS`` against the service's database."""
        return subprocess.run(
            [sys.executable, "-c", CLI, *args], env=self.env, input=stdin, capture_output=True, text=True, check=False
        )

    def server_errors(self) -> list[tuple[str, str, int]]:
        return [s for s in self.statuses if s[2] >= 500]

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")


def prepare(directory: Path) -> LiveService:
    url = f"sqlite:///{directory / 'service.sqlite3'}"
    engine = make_engine(url)
    upgrade(engine)
    import_bundled(engine)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(Path(__file__).resolve().parents[2] / "src"), str(Path.cwd())]),
        "EXPORTCTL_DATABASE_URL": url,
        "EXPORTCTL_SECRET_KEY": secrets.token_urlsafe(32),
        "EXPORTCTL_MAX_UPLOAD_BYTES": str(256 * 1024),
        "EXPORTCTL_BATCH_MAX_UPLOAD_BYTES": str(256 * 1024),
        "XDG_CACHE_HOME": str(directory / "cache"),
        "EXPORTCTL_DATA_DIR": str(directory / "data"),
        "EXPORTCTL_DATED_INDEX_REQUESTS_PER_MINUTE": "3",
        "EXPORTCTL_BATCH_JOBS_PER_USER": "1",
        "EXPORTCTL_BATCH_ROWS_PER_USER": "3000",
    }
    live = LiveService(base_url="", directory=directory, env=env, log_path=directory / "service.log")
    with session_scope(engine) as session:
        for name, (role, org) in USERS.items():
            password = secrets.token_urlsafe(12)
            principal = create_user(
                session, email=f"{name}@security.example", password=password, roles=frozenset({role}), organisation=org
            )
            live.principals[name] = principal
            live.passwords[name] = password
            live.tokens[name] = issue_token(session, principal, "security tests").token
    engine.dispose()
    return live


def start(live: LiveService) -> subprocess.Popen[bytes]:
    port = free_port()
    live.base_url = f"http://127.0.0.1:{port}"
    log = live.log_path.open("wb")
    process = subprocess.Popen(
        [sys.executable, "-c", CLI, "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=live.env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 180
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"the service exited ({process.returncode}):\n{live.log()}")
        try:
            if httpx.get(f"{live.base_url}/api/openapi.json", timeout=5).status_code == 200:
                return process
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            process.terminate()
            raise RuntimeError(f"the service did not start in time:\n{live.log()}")
        time.sleep(0.25)


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=30)


def new_directory() -> Path:
    return Path(tempfile.mkdtemp(prefix="exportctl-security-"))
