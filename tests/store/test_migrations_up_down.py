"""Alembic migrations up and down WITH data, on SQLite and PostgreSQL: every revision upgrades a store holding
rows without losing them, every downgrade removes only its own tables (the rows of the tables it keeps stay), and
upgrading again gives a working store."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, func, inspect, select

from exportctl.accounts.roles import Role
from exportctl.accounts.users import create_user
from exportctl.lists.bundled import DATA_DIR
from exportctl.lists.ingest import import_file
from exportctl.lists.repository import current_snapshot_ids
from exportctl.store import db
from exportctl.store.db import make_engine, session_scope, upgrade
from exportctl.store.licensing_tables import Organisation
from exportctl.store.lists_tables import ListEntryRow

LIST_TABLES = {"list_snapshots", "list_current", "list_entries", "list_entry_names"}


def _config(connection: object) -> Config:
    config = Config()
    config.set_main_option("script_location", str(Path(db.__file__).parent / "migrations"))
    config.attributes["connection"] = connection
    return config


def downgrade(engine: Engine, revision: str) -> None:
    with engine.begin() as connection:
        command.downgrade(_config(connection), revision)


def _revisions() -> list[str]:
    """Every revision id, oldest first."""
    script = ScriptDirectory.from_config(_config(None))
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def _tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names()) - {"alembic_version"}


def _list_rows(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.scalar(select(func.count()).select_from(ListEntryRow)) or 0)


def test_up_and_down_with_data(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        revisions = _revisions()
        assert revisions[0] == "0001_lists" and len(revisions) >= 5
        upgrade(engine, revisions[0])
        assert _tables(engine) == LIST_TABLES
        imported = import_file(engine, "dpl", DATA_DIR / "dpl.txt")
        assert _list_rows(engine) == imported.entry_count == 581

        tables_at: dict[str, set[str]] = {revisions[0]: _tables(engine)}
        for revision in revisions[1:]:  # one step at a time, the lists' rows surviving each
            upgrade(engine, revision)
            tables_at[revision] = _tables(engine)
            assert tables_at[revision] > tables_at[revisions[revisions.index(revision) - 1]], revision
            assert _list_rows(engine) == 581 and current_snapshot_ids(engine) == {"dpl": imported.snapshot_id}

        with session_scope(engine) as session:  # rows in the later revisions' tables too
            create_user(
                session,
                email="migrate@test.example",
                password="a-long-enough-password",
                roles=frozenset({Role.EXPORTER}),
                organisation="Migrating Exporter Ltd",
            )

        for revision in reversed(revisions[:-1]):  # back down, one step at a time
            downgrade(engine, revision)
            assert _tables(engine) == tables_at[revision], revision
            assert _list_rows(engine) == 581, revision

        upgrade(engine)  # and up again: a working store whose later tables start empty
        assert _tables(engine) == tables_at[revisions[-1]]
        assert _list_rows(engine) == 581
        with session_scope(engine) as session:
            assert session.scalar(select(func.count()).select_from(Organisation)) == 0
            create_user(
                session,
                email="again@test.example",
                password="a-long-enough-password",
                roles=frozenset({Role.EXPORTER}),
                organisation="After Re-upgrade Ltd",
            )

        downgrade(engine, "base")
        assert _tables(engine) == set()
    finally:
        engine.dispose()
