"""Alembic environment: runs on the connection handed over by :func:`exportctl.store.db.upgrade`."""

from __future__ import annotations

from alembic import context

from exportctl.store import lists_tables  # noqa: F401  (registers the tables on Base.metadata)
from exportctl.store.base import Base

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
