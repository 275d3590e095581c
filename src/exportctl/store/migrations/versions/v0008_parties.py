"""The counterparty register (issue 15): parties with their history, alerts, entry marks and screening runs.

Revision ID: 0008_parties
Revises: 0007_login_throttle
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_parties"
down_revision: str | None = "0007_login_throttle"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "party_entry_marks",
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("entry_key", sa.String(length=200), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"], ["organisations.id"], name=op.f("fk_party_entry_marks_organisation_id_organisations")
        ),
        sa.PrimaryKeyConstraint("organisation_id", "entry_key", name=op.f("pk_party_entry_marks")),
    )
    op.create_table(
        "party_screening_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("snapshot_ids", sa.JSON(), nullable=False),
        sa.Column("matcher", sa.String(length=60), nullable=False),
        sa.Column("parties_screened", sa.Integer(), nullable=False),
        sa.Column("entries_changed", sa.Integer(), nullable=False),
        sa.Column("pairs_found", sa.Integer(), nullable=False),
        sa.Column("alerts_opened", sa.Integer(), nullable=False),
        sa.Column("alerts_reopened", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_party_screening_runs_organisation_id_organisations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_party_screening_runs")),
    )
    with op.batch_alter_table("party_screening_runs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_party_screening_runs_organisation_id"), ["organisation_id"], unique=False)

    op.create_table(
        "register_parties",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("external_id", sa.String(length=200), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("other_names", sa.JSON(), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=True),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("identifiers", sa.JSON(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("name_tokens", sa.Text(), nullable=False),
        sa.Column("screened_fingerprint", sa.String(length=64), nullable=True),
        sa.Column("screened_matcher", sa.String(length=60), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["organisation_id"], ["organisations.id"], name=op.f("fk_register_parties_organisation_id_organisations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_register_parties")),
        sa.UniqueConstraint("organisation_id", "external_id", name="uq_register_parties_org_external_id"),
    )
    with op.batch_alter_table("register_parties", schema=None) as batch_op:
        batch_op.create_index("ix_register_parties_org_name", ["organisation_id", "name"], unique=False)

    op.create_table(
        "party_alerts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("party_id", sa.Integer(), nullable=False),
        sa.Column("entry_key", sa.String(length=200), nullable=False),
        sa.Column("list_code", sa.String(length=40), nullable=False),
        sa.Column("entry_name", sa.String(length=500), nullable=False),
        sa.Column("query_name", sa.String(length=500), nullable=False),
        sa.Column("matched_name", sa.String(length=500), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("explanation", sa.JSON(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("still_matching", sa.Boolean(), nullable=False),
        sa.Column("party_fingerprint", sa.String(length=64), nullable=False),
        sa.Column("entry_fingerprint", sa.String(length=64), nullable=False),
        sa.Column("matcher", sa.String(length=60), nullable=False),
        sa.Column("party_data", sa.JSON(), nullable=False),
        sa.Column("entry_data", sa.JSON(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("review_by", sa.Date(), nullable=True),
        sa.Column("decided_party_fingerprint", sa.String(length=64), nullable=True),
        sa.Column("decided_entry_fingerprint", sa.String(length=64), nullable=True),
        sa.Column("decided_matcher", sa.String(length=60), nullable=True),
        sa.Column("decided_party_data", sa.JSON(), nullable=True),
        sa.Column("decided_entry_data", sa.JSON(), nullable=True),
        sa.Column("decided_score", sa.Float(), nullable=True),
        sa.Column("changes", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("data_changed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"], ["organisations.id"], name=op.f("fk_party_alerts_organisation_id_organisations")
        ),
        sa.ForeignKeyConstraint(
            ["party_id"], ["register_parties.id"], name=op.f("fk_party_alerts_party_id_register_parties")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_party_alerts")),
        sa.UniqueConstraint("organisation_id", "party_id", "entry_key", name="uq_party_alerts_org_party_entry"),
    )
    with op.batch_alter_table("party_alerts", schema=None) as batch_op:
        batch_op.create_index("ix_party_alerts_org_state_id", ["organisation_id", "state", "id"], unique=False)
        batch_op.create_index("ix_party_alerts_org_id", ["organisation_id", "id"], unique=False)
        batch_op.create_index("ix_party_alerts_party", ["party_id"], unique=False)

    op.create_table(
        "register_party_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("party_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("change", sa.String(length=10), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("changed_by", sa.Integer(), nullable=True),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["party_id"], ["register_parties.id"], name=op.f("fk_register_party_history_party_id_register_parties")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_register_party_history")),
    )
    with op.batch_alter_table("register_party_history", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_register_party_history_party_id"), ["party_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("register_party_history", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_register_party_history_party_id"))

    op.drop_table("register_party_history")
    with op.batch_alter_table("party_alerts", schema=None) as batch_op:
        batch_op.drop_index("ix_party_alerts_party")
        batch_op.drop_index("ix_party_alerts_org_id")
        batch_op.drop_index("ix_party_alerts_org_state_id")

    op.drop_table("party_alerts")
    with op.batch_alter_table("register_parties", schema=None) as batch_op:
        batch_op.drop_index("ix_register_parties_org_name")

    op.drop_table("register_parties")
    with op.batch_alter_table("party_screening_runs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_party_screening_runs_organisation_id"))

    op.drop_table("party_screening_runs")
    op.drop_table("party_entry_marks")
