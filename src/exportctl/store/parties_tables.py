"""Tables of the counterparty register (issue 15): an organisation's own parties, their history, the alerts their
screening raised, the entry fingerprints the last run saw, and the runs themselves.

Every row is scoped by ``organisation_id``. A party's ``external_id`` is the organisation's own id for it (unique
within the organisation). Parties are never deleted: ``deleted_at`` marks them gone and ``party_history`` keeps
every version. ``party_alerts`` holds one row per (organisation, party, list entry): a re-screening updates it in
place, so running twice (or two runs racing) can never duplicate an alert; its state changes are audit events in
the hash chain.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from exportctl.store.base import Base


class RegisterParty(Base):
    __tablename__ = "register_parties"
    __table_args__ = (
        UniqueConstraint("organisation_id", "external_id", name="uq_register_parties_org_external_id"),
        Index("ix_register_parties_org_name", "organisation_id", "name"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    external_id: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(500))
    other_names: Mapped[list[str]] = mapped_column(JSON)
    country: Mapped[str | None] = mapped_column(String(2), nullable=True)
    address: Mapped[str] = mapped_column(Text, default="")
    identifiers: Mapped[list[str]] = mapped_column(JSON)
    role: Mapped[str] = mapped_column(String(20))  # customer | supplier | consignee | end_user | other
    fingerprint: Mapped[str] = mapped_column(String(64))  # of the screened data (names, country, address, ids)
    name_tokens: Mapped[str] = mapped_column(Text, default="")  # normalised words of its names (delta blocking)
    screened_fingerprint: Mapped[str | None] = mapped_column(String(64), nullable=True)
    screened_matcher: Mapped[str | None] = mapped_column(String(60), nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class RegisterPartyVersion(Base):
    """Every version of a party, written with the change that made it (created, updated, deleted)."""

    __tablename__ = "register_party_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("register_parties.id"), index=True)
    organisation_id: Mapped[int] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer)
    change: Mapped[str] = mapped_column(String(10))
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    changed_by: Mapped[int | None] = mapped_column(Integer, nullable=True)
    changed_at: Mapped[datetime] = mapped_column(DateTime)


class PartyAlert(Base):
    __tablename__ = "party_alerts"
    __table_args__ = (
        UniqueConstraint("organisation_id", "party_id", "entry_key", name="uq_party_alerts_org_party_entry"),
        Index("ix_party_alerts_org_state_id", "organisation_id", "state", "id"),  # a state's page, newest first
        Index("ix_party_alerts_org_id", "organisation_id", "id"),  # every state's page, newest first (keyset)
        Index("ix_party_alerts_party", "party_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    party_id: Mapped[int] = mapped_column(ForeignKey("register_parties.id"))
    entry_key: Mapped[str] = mapped_column(String(200))
    list_code: Mapped[str] = mapped_column(String(40))
    entry_name: Mapped[str] = mapped_column(String(500))
    query_name: Mapped[str] = mapped_column(String(500))  # the party's name that matched
    matched_name: Mapped[str] = mapped_column(String(500))  # the entry's name it matched
    score: Mapped[float] = mapped_column(Float)
    explanation: Mapped[dict[str, Any]] = mapped_column(JSON)
    state: Mapped[str] = mapped_column(String(20))  # open | cleared | confirmed | escalated
    still_matching: Mapped[bool] = mapped_column(Boolean, default=True)
    party_fingerprint: Mapped[str] = mapped_column(String(64))
    entry_fingerprint: Mapped[str] = mapped_column(String(64))
    matcher: Mapped[str] = mapped_column(String(60))
    party_data: Mapped[dict[str, Any]] = mapped_column(JSON)
    entry_data: Mapped[dict[str, Any]] = mapped_column(JSON)
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    decided_by: Mapped[int | None] = mapped_column(Integer, nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    review_by: Mapped[date | None] = mapped_column(Date, nullable=True)
    decided_party_fingerprint: Mapped[str | None] = mapped_column(String(64), nullable=True)
    decided_entry_fingerprint: Mapped[str | None] = mapped_column(String(64), nullable=True)
    decided_matcher: Mapped[str | None] = mapped_column(String(60), nullable=True)
    decided_party_data: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    decided_entry_data: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    decided_score: Mapped[float | None] = mapped_column(Float, nullable=True)
    changes: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)  # what reopened it
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    data_changed_at: Mapped[datetime] = mapped_column(DateTime)  # party, entry or matcher last changed (or created)


class PartyEntryMark(Base):
    """The fingerprint of each list entry as an organisation's last run screened it: the next run's delta is the
    entries whose fingerprint differs (or that are new)."""

    __tablename__ = "party_entry_marks"

    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), primary_key=True)
    entry_key: Mapped[str] = mapped_column(String(200), primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64))


class PartyScreeningRun(Base):
    __tablename__ = "party_screening_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10))  # full | delta
    as_of: Mapped[date] = mapped_column(Date)
    snapshot_ids: Mapped[list[int]] = mapped_column(JSON)
    matcher: Mapped[str] = mapped_column(String(60))
    parties_screened: Mapped[int] = mapped_column(Integer)
    entries_changed: Mapped[int] = mapped_column(Integer)
    pairs_found: Mapped[int] = mapped_column(Integer)
    alerts_opened: Mapped[int] = mapped_column(Integer)
    alerts_reopened: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime] = mapped_column(DateTime)
    finished_at: Mapped[datetime] = mapped_column(DateTime)
