"""Checks made by ``exportctl lists update``: per source, when, from where, the result and the HTTP validators.

Revision ID: 0006_list_update_checks
Revises: 0005_sessions
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_list_update_checks"
down_revision: str | None = "0005_sessions"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "list_update_checks",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("result", sa.String(length=16), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("snapshot_id", sa.Integer(), nullable=True),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_list_update_checks")),
    )
    op.create_index("ix_list_update_checks_source_id", "list_update_checks", ["source", "id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_list_update_checks_source_id", table_name="list_update_checks")
    op.drop_table("list_update_checks")
