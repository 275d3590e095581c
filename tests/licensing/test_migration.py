"""Migration 0002_licensing creates exactly what the licensing and audit models declare, on both databases."""

from __future__ import annotations

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine

import exportctl.store.audit_tables
import exportctl.store.licensing_tables
from exportctl.store.base import Base

OWN_MODULES = (exportctl.store.licensing_tables, exportctl.store.audit_tables)
OWN_TABLES = {
    mapper.local_table.name
    for mapper in Base.registry.mappers
    if mapper.class_.__module__ in {m.__name__ for m in OWN_MODULES} and mapper.local_table is not None
}


def _own(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    table = obj.name if type_ == "table" else getattr(getattr(obj, "table", None), "name", None)
    return table in OWN_TABLES


def test_models_and_migration_agree(engine: Engine) -> None:
    assert {"applications", "licences", "audit_events", "users", "organisations"} <= OWN_TABLES
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_object": _own, "compare_type": True, "target_metadata": Base.metadata}
        )
        assert compare_metadata(context, Base.metadata) == []
