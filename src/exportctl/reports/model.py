"""Oversight-report value objects: the per-application record reports are built from, and the report itself.

A :class:`DecisionRecord` is one application as oversight sees it (final outcome, item category, values); reports
are always aggregated from these individual records, never from stored totals, so every published figure can be
traced to the applications behind it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum


class ReportOutcome(StrEnum):
    """Where an application ended up; "pending" covers every state before a decision."""

    APPROVED = "approved"
    RETURNED_WITHOUT_ACTION = "returned_without_action"
    DENIED = "denied"
    WITHDRAWN = "withdrawn"
    PENDING = "pending"


DIMENSIONS = ("party", "period", "outcome", "category")


@dataclass(frozen=True)
class DecisionRecord:
    """One application. ``on`` is the decision date (the submission date while undecided).

    ``party_family`` is the listed party's family ("Huawei", "SMIC") or its own name when it belongs to none.
    ``category`` is "0"–"9", "AT" or "EAR99" (see :func:`exportctl.licensing.policies.items.category_of`).
    ``used_value`` is what shipments drew down against the licence issued for it (approved applications only).
    """

    application_id: str
    party_family: str
    outcome: ReportOutcome
    on: date
    category: str
    value: Decimal
    used_value: Decimal = Decimal(0)


@dataclass(frozen=True)
class ReportRow:
    """One cell of the breakdown. A suppressed cell hides its count and values (``None``)."""

    key: tuple[str, ...]
    count: int | None
    value: Decimal | None
    used_value: Decimal | None
    suppressed: bool = False


@dataclass(frozen=True)
class ReportTotal:
    outcome: str
    count: int
    value: Decimal
    used_value: Decimal


@dataclass(frozen=True)
class Report:
    """Counts and values by ``by`` over the records selected by party and period, with the totals per outcome."""

    party: str | None
    date_from: date | None
    date_to: date | None
    by: tuple[str, ...]
    suppress_below: int | None
    rows: tuple[ReportRow, ...]
    totals: tuple[ReportTotal, ...]
    applications: int
    notes: tuple[str, ...] = field(default=())
