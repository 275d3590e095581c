"""Alembic environment: runs on the connection handed over by :func:`exportctl.store.db.upgrade`."""

from __future__ import annotations

import importlib
import pkgutil

from alembic import context

import exportctl.store
from exportctl.store.base import Base

# Register every table on Base.metadata: each area keeps its tables in ``exportctl/store/<area>_tables.py``.
for module in pkgutil.iter_modules(exportctl.store.__path__):
    if module.name.endswith("_tables"):
        importlib.import_module(f"exportctl.store.{module.name}")

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reached when someone runs the alembic CLI by hand
    raise RuntimeError("run migrations through exportctl.store.db.upgrade(engine) or `exportctl db upgrade`")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
