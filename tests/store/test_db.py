from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import IntegrityError

import exportctl.store
from exportctl.cli.db import configured_engine
from exportctl.config import default_data_dir, reset_settings_cache
from exportctl.errors import ConfigError
from exportctl.store import db
from exportctl.store.base import Base
from exportctl.store.db import data_dir_of, make_engine, session_scope, upgrade


def test_upgrade_reaches_head_and_matches_the_models(engine: Engine) -> None:
    upgrade(engine)  # a second run at head is a no-op
    for module in pkgutil.iter_modules(exportctl.store.__path__):
        if module.name.endswith("_tables"):
            importlib.import_module(f"exportctl.store.{module.name}")
    with engine.connect() as connection:
        context = MigrationContext.configure(connection)
        assert set(context.get_current_heads()) == set(_script_directory().get_heads())
        assert compare_metadata(context, Base.metadata) == []
    assert {"list_snapshots", "list_current", "list_entries", "list_entry_names"} <= set(
        inspect(engine).get_table_names()
    )


def _script_directory() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", str(Path(db.__file__).parent / "migrations"))
    return ScriptDirectory.from_config(config)


def test_my_revision_id_is_fixed() -> None:
    assert _script_directory().get_revision("0001_lists").down_revision is None


def test_default_database_is_a_sqlite_file_under_xdg_data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    reset_settings_cache()
    engine = configured_engine()
    upgrade(engine)
    engine.dispose()
    assert (tmp_path / "xdg" / "exportctl" / "exportctl.sqlite3").is_file()


def test_database_url_setting_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXPORTCTL_DATABASE_URL", f"sqlite:///{tmp_path / 'deep' / 'dir' / 'x.db'}")
    reset_settings_cache()
    engine = configured_engine()
    assert engine.url.database == str(tmp_path / "deep" / "dir" / "x.db")
    upgrade(engine)
    engine.dispose()
    assert (tmp_path / "deep" / "dir" / "x.db").is_file()


def test_caches_live_where_the_caller_says(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings are injected: the store reads no global settings; the CLI passes the configured data directory."""
    given = make_engine(f"sqlite:///{tmp_path / 'a.db'}", data_dir=tmp_path / "caches")
    assert data_dir_of(given) == tmp_path / "caches"
    assert data_dir_of(make_engine(f"sqlite:///{tmp_path / 'b.db'}")) == default_data_dir()
    monkeypatch.setenv("EXPORTCTL_DATA_DIR", str(tmp_path / "configured"))
    reset_settings_cache()
    try:
        assert data_dir_of(configured_engine()) == tmp_path / "configured"
    finally:
        monkeypatch.undo()
        reset_settings_cache()


def test_sqlite_connections_use_wal_foreign_keys_and_a_busy_timeout(sqlite_engine: Engine) -> None:
    with sqlite_engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30_000


def test_foreign_keys_are_enforced_on_both_backends(engine: Engine) -> None:
    with pytest.raises(IntegrityError), session_scope(engine) as session:
        session.execute(text("INSERT INTO list_current (source, snapshot_id) VALUES ('dpl', 999)"))


def test_session_scope_rolls_back_on_error(engine: Engine) -> None:
    insert = text(
        "INSERT INTO list_snapshots (source, status, imported_at, content_hash, file_name, entry_count, "
        "counts_by_list) VALUES ('dpl', 'complete', CURRENT_TIMESTAMP, 'h', 'f', 0, '{}')"
    )
    with pytest.raises(RuntimeError), session_scope(engine) as session:
        session.execute(insert)
        raise RuntimeError("boom")
    with session_scope(engine) as session:
        assert session.execute(text("SELECT count(*) FROM list_snapshots")).scalar() == 0


def test_postgresql_urls_use_psycopg_3() -> None:
    assert make_engine("postgresql://u@localhost/x").url.drivername == "postgresql+psycopg"
    assert make_engine("postgresql+psycopg://u@localhost/x").url.drivername == "postgresql+psycopg"
    with pytest.raises(ConfigError, match="psycopg 3"):
        make_engine("postgresql+psycopg2://u@localhost/x")
