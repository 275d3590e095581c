"""Vendor exposure: an organisation's equipment and contracts, their imports, and the reviews of its list hits.

Revision ID: 0010_exposure
Revises: 0009_batch_jobs
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_exposure"
down_revision: str | None = "0009_batch_jobs"
branch_labels: str | None = None
depends_on: str | None = None


def _org() -> sa.Column[int]:
    return sa.Column("organisation_id", sa.Integer(), nullable=False)


def upgrade() -> None:
    op.create_table(
        "exposure_equipment",
        sa.Column("id", sa.Integer(), nullable=False),
        _org(),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("vendor", sa.String(length=300), nullable=False),
        sa.Column("model", sa.String(length=200), nullable=False),
        sa.Column("site", sa.String(length=200), nullable=False),
        sa.Column("function", sa.String(length=20), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("install_date", sa.Date(), nullable=True),
        sa.Column("book_value", sa.BigInteger(), nullable=True),
        sa.Column("replacement_cost", sa.BigInteger(), nullable=True),
        sa.Column("contract_id", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"], ["organisations.id"], name=op.f("fk_exposure_equipment_organisation_id_organisations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exposure_equipment")),
    )
    op.create_index(
        op.f("ix_exposure_equipment_organisation_id"), "exposure_equipment", ["organisation_id"], unique=False
    )
    op.create_table(
        "exposure_contracts",
        sa.Column("id", sa.Integer(), nullable=False),
        _org(),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("contract_id", sa.String(length=100), nullable=False),
        sa.Column("vendor", sa.String(length=300), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("notice_days", sa.Integer(), nullable=True),
        sa.Column("security_clause", sa.Boolean(), nullable=False),
        sa.Column("security_notice_days", sa.Integer(), nullable=True),
        sa.Column("termination_cost", sa.BigInteger(), nullable=True),
        sa.Column("exit_cost", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["organisation_id"], ["organisations.id"], name=op.f("fk_exposure_contracts_organisation_id_organisations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exposure_contracts")),
        sa.UniqueConstraint("organisation_id", "contract_id", name="uq_exposure_contracts_org_contract"),
    )
    op.create_index(
        op.f("ix_exposure_contracts_organisation_id"), "exposure_contracts", ["organisation_id"], unique=False
    )
    op.create_table(
        "exposure_imports",
        sa.Column("id", sa.Integer(), nullable=False),
        _org(),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("filename", sa.String(length=300), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("skipped", sa.Integer(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"], ["organisations.id"], name=op.f("fk_exposure_imports_organisation_id_organisations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exposure_imports")),
    )
    op.create_index(op.f("ix_exposure_imports_organisation_id"), "exposure_imports", ["organisation_id"], unique=False)
    op.create_table(
        "exposure_reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        _org(),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("reviewed_on", sa.Date(), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(), nullable=False),
        sa.Column("snapshot_ids", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"], ["organisations.id"], name=op.f("fk_exposure_reviews_organisation_id_organisations")
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_exposure_reviews_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exposure_reviews")),
    )
    op.create_index(op.f("ix_exposure_reviews_organisation_id"), "exposure_reviews", ["organisation_id"], unique=False)


def downgrade() -> None:
    for table in ("exposure_reviews", "exposure_imports", "exposure_contracts", "exposure_equipment"):
        op.drop_index(op.f(f"ix_{table}_organisation_id"), table_name=table)
        op.drop_table(table)
