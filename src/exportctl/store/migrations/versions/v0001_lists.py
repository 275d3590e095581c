"""Versioned list store: snapshots, the current pointer per source, entries and their normalised names.

Revision ID: 0001_lists
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_lists"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "list_snapshots",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("effective_date", sa.Date(), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("file_name", sa.String(), nullable=False),
        sa.Column("entry_count", sa.Integer(), nullable=False),
        sa.Column("counts_by_list", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_list_snapshots")),
    )
    op.create_index("ix_list_snapshots_source_status", "list_snapshots", ["source", "status"])
    op.create_index("ix_list_snapshots_source_hash", "list_snapshots", ["source", "content_hash"])
    op.create_table(
        "list_current",
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.Column("snapshot_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["snapshot_id"], ["list_snapshots.id"], name=op.f("fk_list_current_snapshot_id_list_snapshots")
        ),
        sa.PrimaryKeyConstraint("source", name=op.f("pk_list_current")),
    )
    op.create_table(
        "list_entries",
        sa.Column("snapshot_id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.String(), nullable=False),
        sa.Column("source_id", sa.String(), nullable=False),
        sa.Column("list_code", sa.String(length=20), nullable=False),
        sa.Column("primary_name", sa.Text(), nullable=False),
        sa.Column("country", sa.String(), nullable=True),
        sa.Column("listed_on", sa.Date(), nullable=True),
        sa.Column("removed_on", sa.Date(), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["snapshot_id"], ["list_snapshots.id"], name=op.f("fk_list_entries_snapshot_id_list_snapshots")
        ),
        sa.PrimaryKeyConstraint("snapshot_id", "entry_id", name=op.f("pk_list_entries")),
    )
    op.create_index("ix_list_entries_entry_id", "list_entries", ["entry_id"])
    op.create_table(
        "list_entry_names",
        sa.Column("snapshot_id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.String(), nullable=False),
        sa.Column("normalised", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["snapshot_id", "entry_id"],
            ["list_entries.snapshot_id", "list_entries.entry_id"],
            name="fk_list_entry_names_entry",
        ),
        sa.PrimaryKeyConstraint("snapshot_id", "entry_id", "normalised", name=op.f("pk_list_entry_names")),
    )
    op.create_index("ix_list_entry_names_normalised", "list_entry_names", ["normalised"])


def downgrade() -> None:
    op.drop_table("list_entry_names")
    op.drop_table("list_entries")
    op.drop_table("list_current")
    op.drop_table("list_snapshots")
