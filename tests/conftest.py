"""Fixtures shared by every test package.

* ``db_url``: parametrised over ``sqlite`` (a fresh file per test) and ``postgresql`` (a fresh database per test
  on a real throwaway server). Postgres cases carry the ``postgres`` marker.
* ``engine``: an engine for ``db_url`` with every migration applied (``exportctl.store.db.upgrade``).
* ``sqlite_engine``: the same for tests that need one backend only.

The PostgreSQL server is Debian's: ``initdb`` + ``pg_ctl`` from ``/usr/lib/postgresql/*/bin``, started once per test
session on a free loopback port with its sockets in the temporary directory, and stopped at the end. As root
(CI runs as root), initdb refuses to run, so the server runs as the ``postgres`` system user. Without PostgreSQL
installed the postgres cases FAIL with a message saying what to install; locally (not in CI)
``EXPORTCTL_SKIP_POSTGRES=1`` skips them instead, installed or not (see ``tests/external.py``; ``-m "not postgres"``
deselects them too). In CI (``CI=true``) the variable is ignored.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings
from sqlalchemy import Engine

from exportctl.config import reset_settings_cache
from exportctl.store.db import make_engine, upgrade
from tests.external import in_ci, skip_requested, tool_missing

# No per-example deadline: on a shared CI machine one example's time says nothing (a first Chinese name loads the
# dictionary, ~0.3 s), and speed is measured by benchmarks/, not by tests.
hypothesis_settings.register_profile("exportctl", deadline=None)
hypothesis_settings.load_profile("exportctl")


def _pg_bin_dir() -> Path | None:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    return Path(candidates[-1]).parent if candidates else None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PostgresServer:
    """A throwaway PostgreSQL cluster; ``create_database()`` hands out a fresh empty database."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="exportctl-pg-"))
        self.data_dir = self.root / "data"
        self.port = _free_port()
        self._counter = itertools.count(1)
        self._as_user: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.root, user="postgres", group="postgres")
            self._as_user = ["runuser", "-u", "postgres", "--"]

    def _run(self, *args: str) -> None:
        result = subprocess.run([*self._as_user, *args], capture_output=True, text=True, cwd=self.root, check=False)
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(args)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")

    def start(self) -> None:
        self._run(
            str(self.bin_dir / "initdb"), "-D", str(self.data_dir), "-U", "postgres", "--auth=trust", "-E", "UTF8",
            "--locale=C", "--no-sync",
        )  # fmt: skip
        # A test server: durability does not matter, speed does.
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={self.root} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        self._run(
            str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir), "-l", str(self.root / "server.log"),
            "-o", options, "-w", "-t", "60", "start",
        )  # fmt: skip

    def stop(self) -> None:
        try:
            self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres", autocommit=True) as c:
            c.execute(sql)

    def create_database(self) -> str:
        name = f"t{os.getpid()}_{next(self._counter)}_{int(time.time() * 1000) % 100000}"
        self._admin(f'CREATE DATABASE "{name}"')
        return name

    def drop_database(self, name: str) -> None:
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    if skip_requested("EXPORTCTL_SKIP_POSTGRES") and not in_ci():
        pytest.skip("EXPORTCTL_SKIP_POSTGRES=1: PostgreSQL cases skipped")
    bin_dir = _pg_bin_dir()
    if bin_dir is None:
        tool_missing(
            "PostgreSQL",
            "no /usr/lib/postgresql/*/bin/initdb",
            "install Debian's `postgresql` package (.ci/run does)",
            "EXPORTCTL_SKIP_POSTGRES",
        )
    server = PostgresServer(bin_dir)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    name = postgres_server.create_database()
    yield postgres_server.url(name)
    postgres_server.drop_database(name)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'exportctl.sqlite3'}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest) -> str:
    name = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    return str(request.getfixturevalue(name))


def _upgraded(url: str) -> Iterator[Engine]:
    engine = make_engine(url)
    upgrade(engine)
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    yield from _upgraded(db_url)


@pytest.fixture
def sqlite_engine(sqlite_url: str) -> Iterator[Engine]:
    yield from _upgraded(sqlite_url)


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Keep every test away from the developer's real database: point the data directory at a temp dir."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("xdg-data")))
    monkeypatch.delenv("EXPORTCTL_DATABASE_URL", raising=False)
    reset_settings_cache()
    yield
    reset_settings_cache()
