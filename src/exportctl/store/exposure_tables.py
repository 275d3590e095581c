"""Tables of vendor exposure (issue 22): an organisation's equipment inventory and supplier contracts, the imports
that replaced them, and the reviews of its list hits (the *watch*: what changed in the lists since the last review).

Every row belongs to one organisation (``organisation_id``); the repository (:mod:`exportctl.exposure.repository`)
reads them only for the organisation it is given. Amounts are :class:`~exportctl.store.licensing_tables.Money`
(exact, whole cents); ``book_value`` and ``replacement_cost`` are per unit.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from exportctl.store.base import Base
from exportctl.store.licensing_tables import Money


class ExposureEquipment(Base):
    __tablename__ = "exposure_equipment"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    line: Mapped[int] = mapped_column(Integer)  # line (CSV) or row (XLSX) of the imported file
    vendor: Mapped[str] = mapped_column(String(300))
    model: Mapped[str] = mapped_column(String(200))
    site: Mapped[str] = mapped_column(String(200))
    function: Mapped[str] = mapped_column(String(20))  # ran | core | transport | oss
    quantity: Mapped[int] = mapped_column(Integer)
    install_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    book_value: Mapped[Decimal | None] = mapped_column(Money, nullable=True)
    replacement_cost: Mapped[Decimal | None] = mapped_column(Money, nullable=True)
    contract_id: Mapped[str] = mapped_column(String(100))  # "" when the row names no contract


class ExposureContract(Base):
    __tablename__ = "exposure_contracts"
    __table_args__ = (UniqueConstraint("organisation_id", "contract_id", name="uq_exposure_contracts_org_contract"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    line: Mapped[int] = mapped_column(Integer)
    contract_id: Mapped[str] = mapped_column(String(100))
    vendor: Mapped[str] = mapped_column(String(300))
    start_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    end_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    notice_days: Mapped[int | None] = mapped_column(Integer, nullable=True)
    security_clause: Mapped[bool] = mapped_column(Boolean)
    security_notice_days: Mapped[int | None] = mapped_column(Integer, nullable=True)
    termination_cost: Mapped[Decimal | None] = mapped_column(Money, nullable=True)
    exit_cost: Mapped[Decimal | None] = mapped_column(Money, nullable=True)


class ExposureImport(Base):
    """One import that replaced an organisation's equipment or contracts: when, from which file, how many rows."""

    __tablename__ = "exposure_imports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # equipment | contracts
    filename: Mapped[str] = mapped_column(String(300))
    rows: Mapped[int] = mapped_column(Integer)
    skipped: Mapped[int] = mapped_column(Integer)
    imported_at: Mapped[datetime] = mapped_column(DateTime)


class ExposureReview(Base):
    """A review of the organisation's vendor hits: the list snapshots seen then (source -> snapshot id). The next
    watch shows what changed in the lists since. Rows are only added, never updated."""

    __tablename__ = "exposure_reviews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    reviewed_on: Mapped[date] = mapped_column(Date)
    reviewed_at: Mapped[datetime] = mapped_column(DateTime)
    snapshot_ids: Mapped[dict[str, int]] = mapped_column(JSON)
