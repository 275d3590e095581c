"""Review policies: time-versioned rules (one row per version, never updated).

Revision ID: 0003_policies
Revises: 0002_licensing
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_policies"
down_revision: str | None = "0002_licensing"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "review_policies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("policy_key", sa.String(length=100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("family", sa.String(length=200), nullable=False),
        sa.Column("entry_ids", sa.JSON(), nullable=False),
        sa.Column("name_contains", sa.JSON(), nullable=False),
        sa.Column("eccns", sa.JSON(), nullable=False),
        sa.Column("categories", sa.JSON(), nullable=False),
        sa.Column("product_groups", sa.JSON(), nullable=False),
        sa.Column("technology_flags", sa.JSON(), nullable=False),
        sa.Column("item_description", sa.Text(), nullable=False),
        sa.Column("outcome", sa.String(length=40), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("effective_to", sa.Date(), nullable=True),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("citation_text", sa.Text(), nullable=False),
        sa.Column("citation_verification", sa.String(length=20), nullable=False),
        sa.Column("citation_note", sa.Text(), nullable=False),
        sa.Column("date_note", sa.Text(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"], name=op.f("fk_review_policies_created_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_policies")),
        sa.UniqueConstraint("policy_key", "version", name=op.f("uq_review_policies_policy_key")),
    )
    op.create_index(op.f("ix_review_policies_policy_key"), "review_policies", ["policy_key"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_review_policies_policy_key"), table_name="review_policies")
    op.drop_table("review_policies")
