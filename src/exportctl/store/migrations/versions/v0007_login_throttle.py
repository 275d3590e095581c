"""Failed sign-ins per (e-mail, address) pair and per address, shared by every service process.

Revision ID: 0007_login_throttle
Revises: 0006_list_update_checks
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_login_throttle"
down_revision: str | None = "0006_list_update_checks"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "login_throttle",
        sa.Column("key_sha256", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_failure_at", sa.DateTime(), nullable=False),
        sa.Column("blocked_until", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("key_sha256", name=op.f("pk_login_throttle")),
    )
    op.create_index(op.f("ix_login_throttle_last_failure_at"), "login_throttle", ["last_failure_at"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_login_throttle_last_failure_at"), table_name="login_throttle")
    op.drop_table("login_throttle")
