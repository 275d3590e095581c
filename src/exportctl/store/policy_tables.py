"""Review policies: time-versioned rules, one row per version, never updated.

A policy is identified by ``policy_key``; changing it (e.g. ending it from a date) adds a row with the next
``version``. The policy in force is the highest version of each key. Scope lists (entry ids, name patterns,
ECCNs, categories, product groups, technology flags) are JSON arrays.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from exportctl.store.base import Base


class PolicyRow(Base):
    __tablename__ = "review_policies"
    __table_args__ = (UniqueConstraint("policy_key", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    policy_key: Mapped[str] = mapped_column(String(100), index=True)
    version: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    family: Mapped[str] = mapped_column(String(200))
    entry_ids: Mapped[list[str]] = mapped_column(JSON)
    name_contains: Mapped[list[str]] = mapped_column(JSON)
    eccns: Mapped[list[str]] = mapped_column(JSON)
    categories: Mapped[list[str]] = mapped_column(JSON)
    product_groups: Mapped[list[str]] = mapped_column(JSON)
    technology_flags: Mapped[list[str]] = mapped_column(JSON)
    item_description: Mapped[str] = mapped_column(Text)
    outcome: Mapped[str] = mapped_column(String(40))
    effective_from: Mapped[date] = mapped_column(Date)
    effective_to: Mapped[date | None] = mapped_column(Date, nullable=True)
    priority: Mapped[int] = mapped_column(Integer, default=0)
    citation_text: Mapped[str] = mapped_column(Text)
    citation_verification: Mapped[str] = mapped_column(String(20))
    citation_note: Mapped[str] = mapped_column(Text)
    date_note: Mapped[str] = mapped_column(Text)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
