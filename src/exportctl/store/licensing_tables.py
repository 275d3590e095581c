"""Tables for organisations, users, licence applications, decisions, licences and shipments.

Money is exact: :class:`Money` keeps a :class:`~decimal.Decimal` in Python and whole cents (BIGINT) in the
database, so sums and the drawdown comparison ``value_used + :v <= value_limit`` are exact on SQLite as on
PostgreSQL (SQLite has no exact NUMERIC). Columns holding cents are named ``*_cents``.

Decisions, referral recommendations and licence status changes are rows that are never updated: history is
kept by adding rows. ``applications.version`` and ``licences.version`` back optimistic locking.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

from sqlalchemy import JSON, BigInteger, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from exportctl.store.base import Base

CENT = Decimal("0.01")


class Money(TypeDecorator[Decimal]):
    """A Decimal amount stored as whole cents; values with sub-cent digits are rounded half-even."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> int | None:
        if value is None:
            return None
        return int((Decimal(value).quantize(CENT, rounding=ROUND_HALF_EVEN) * 100).to_integral_value())

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return (Decimal(int(value)) / 100).quantize(CENT)


class Organisation(Base):
    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    kind: Mapped[str] = mapped_column(String(20))  # exporter | authority | agency
    created_at: Mapped[datetime] = mapped_column(DateTime)


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    roles: Mapped[list[str]] = mapped_column(JSON)  # subset of exporter|reviewer|policy_admin|auditor|admin
    password_hash: Mapped[str | None] = mapped_column(String(500), nullable=True)
    is_active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Application(Base):
    __tablename__ = "applications"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    type: Mapped[str] = mapped_column(String(20))  # export | reexport | transfer
    status: Mapped[str] = mapped_column(String(30), index=True)
    end_use: Mapped[str] = mapped_column(Text, default="")
    justification: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_on: Mapped[date] = mapped_column(Date)
    submitted_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    registered_on: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    assigned_reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    lint_findings: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON, nullable=True)
    intent_to_deny_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    intent_response_due_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    intent_response: Mapped[str | None] = mapped_column(Text, nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)

    # UPDATEs carry "WHERE version = :old"; the workflow sets the new version itself (see licensing._steps).
    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}

    items: Mapped[list[ApplicationItem]] = relationship(
        order_by="ApplicationItem.position", cascade="all, delete-orphan", lazy="selectin"
    )
    parties: Mapped[list[ApplicationParty]] = relationship(
        order_by="ApplicationParty.position", cascade="all, delete-orphan", lazy="selectin"
    )


class ApplicationItem(Base):
    __tablename__ = "application_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    eccn: Mapped[str] = mapped_column(String(20), index=True)
    description: Mapped[str] = mapped_column(Text)
    model: Mapped[str | None] = mapped_column(String(200), nullable=True)
    quantity: Mapped[int] = mapped_column(BigInteger)
    unit: Mapped[str] = mapped_column(String(20))
    unit_value: Mapped[Decimal] = mapped_column("unit_value_cents", Money)
    total_value: Mapped[Decimal] = mapped_column("total_value_cents", Money)
    tech_flags: Mapped[list[str]] = mapped_column(JSON)


class ApplicationParty(Base):
    __tablename__ = "application_parties"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(String(30))  # purchaser | intermediate_consignee | ultimate_consignee | end_user
    name: Mapped[str] = mapped_column(String(500), index=True)
    country: Mapped[str] = mapped_column(String(2))
    address: Mapped[str] = mapped_column(Text, default="")
    screening: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)


class Document(Base):
    """Metadata of a supporting document; the content itself is kept elsewhere."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"), index=True)
    filename: Mapped[str] = mapped_column(String(300))
    content_type: Mapped[str] = mapped_column(String(100))
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    description: Mapped[str] = mapped_column(Text, default="")
    uploaded_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    uploaded_at: Mapped[datetime] = mapped_column(DateTime)


class ClockPause(Base):
    """A period during which the statutory clock stops (information requested, application on hold)."""

    __tablename__ = "clock_pauses"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # info_requested | on_hold
    reason: Mapped[str] = mapped_column(Text)
    started_on: Mapped[date] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    resume_status: Mapped[str] = mapped_column(String(30))


class Referral(Base):
    """A referral to an agency (EAR 750.4(b)); the recommendation is filled in once, never changed."""

    __tablename__ = "referrals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"), index=True)
    agency: Mapped[str] = mapped_column(String(100))
    referred_on: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date] = mapped_column(Date)
    recommendation: Mapped[str | None] = mapped_column(String(30), nullable=True)
    basis: Mapped[str | None] = mapped_column(Text, nullable=True)
    recommended_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)


class Decision(Base):
    """A decision on an application. Always a new row; a decision is never edited."""

    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"), index=True)
    outcome: Mapped[str] = mapped_column(String(30), index=True)
    reasons: Mapped[list[str]] = mapped_column(JSON)
    conditions: Mapped[list[str]] = mapped_column(JSON)
    riders: Mapped[list[str]] = mapped_column(JSON)
    approved_item_ids: Mapped[list[int]] = mapped_column(JSON)
    decided_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    decided_on: Mapped[date] = mapped_column(Date, index=True)
    decided_at: Mapped[datetime] = mapped_column(DateTime)


class Licence(Base):
    __tablename__ = "licences"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"), unique=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("decisions.id"))
    holder_organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    value_limit: Mapped[Decimal] = mapped_column("value_limit_cents", Money)
    value_used: Mapped[Decimal] = mapped_column("value_used_cents", Money)
    quantity_limit: Mapped[int] = mapped_column(BigInteger)
    quantity_used: Mapped[int] = mapped_column(BigInteger)
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date] = mapped_column(Date)
    conditions: Mapped[list[str]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(20), index=True)  # latest status event: active|suspended|revoked
    version: Mapped[int] = mapped_column(Integer, default=1)

    items: Mapped[list[LicenceItem]] = relationship(cascade="all, delete-orphan", lazy="selectin")


class LicenceItem(Base):
    __tablename__ = "licence_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    licence_id: Mapped[int] = mapped_column(ForeignKey("licences.id"), index=True)
    application_item_id: Mapped[int] = mapped_column(ForeignKey("application_items.id"))
    eccn: Mapped[str] = mapped_column(String(20))
    description: Mapped[str] = mapped_column(Text)
    quantity: Mapped[int] = mapped_column(BigInteger)
    value: Mapped[Decimal] = mapped_column("value_cents", Money)


class LicenceStatusEvent(Base):
    """A change of licence status from a date (suspension, revocation, reinstatement): a row, never updated."""

    __tablename__ = "licence_status_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    licence_id: Mapped[int] = mapped_column(ForeignKey("licences.id"), index=True)
    status: Mapped[str] = mapped_column(String(20))  # active | suspended | revoked
    effective_from: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    recorded_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(DateTime)


class Shipment(Base):
    __tablename__ = "shipments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    licence_id: Mapped[int] = mapped_column(ForeignKey("licences.id"), index=True)
    shipped_on: Mapped[date] = mapped_column(Date)
    value: Mapped[Decimal] = mapped_column("value_cents", Money)
    quantity: Mapped[int] = mapped_column(BigInteger)
    reference: Mapped[str] = mapped_column(String(200), default="")
    recorded_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(DateTime)


class NumberSequence(Base):
    """Counters for public numbers (applications "Z000001", licences "D000001"), bumped under the write lock."""

    __tablename__ = "number_sequences"

    name: Mapped[str] = mapped_column(String(30), primary_key=True)
    last_value: Mapped[int] = mapped_column(BigInteger)
