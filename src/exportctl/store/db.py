"""Engines, sessions and schema upgrades: the one place that knows how to reach the database.

The same code runs on SQLite (the embedded default: a file under the user's data directory) and PostgreSQL
(``postgresql+psycopg://``). SQLite connections get WAL journaling (readers never block the single writer, and a
killed writer leaves the last committed state intact), enforced foreign keys and a busy timeout.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from exportctl.config import default_data_dir
from exportctl.errors import ConfigError

SQLITE_BUSY_TIMEOUT_MS = 30_000
_DATA_DIRS: weakref.WeakKeyDictionary[Engine, Path] = weakref.WeakKeyDictionary()


def make_engine(url: str, *, data_dir: Path | None = None) -> Engine:
    """An engine for ``url`` (creating the SQLite file's directory). ``data_dir`` is where caches built from this
    database are kept (the screening indexes); the interfaces pass the configured one (:func:`data_dir_of`)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = _sqlite_engine(url, parsed.database)
    elif parsed.get_backend_name() == "postgresql" and parsed.get_driver_name() in ("psycopg2", "psycopg2cffi"):
        raise ConfigError(f"database URL {parsed.drivername}://…: use the psycopg 3 driver, postgresql+psycopg://…")
    else:
        if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
            url = parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
        engine = create_engine(url, pool_pre_ping=True)
    if data_dir is not None:
        _DATA_DIRS[engine] = data_dir
    return engine


def use_data_dir(engine: Engine, data_dir: Path) -> None:
    """Keep the caches built from ``engine`` under ``data_dir`` (the app factory, for an engine it was given)."""
    _DATA_DIRS[engine] = data_dir


def data_dir_of(engine: Engine) -> Path:
    """Where caches built from ``engine`` live: the directory given by the caller that made it (settings injected
    by the CLI or the app), else the platform's default data directory."""
    return _DATA_DIRS.get(engine) or default_data_dir()


def _sqlite_engine(url: str, database: str | None) -> Engine:
    if database and database != ":memory:" and not database.startswith("file:"):
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url)

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy issue BEGIN itself so a transaction covers every statement (pysqlite's default
        # would defer it and silently autocommit DDL); WAL keeps readers going during an import.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")

    return engine


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False)


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """A session whose work is committed on success and rolled back on any exception."""
    with session_factory(engine)() as session, session.begin():
        yield session


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run the Alembic migrations shipped inside the package up to ``revision`` (no alembic.ini needed)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
