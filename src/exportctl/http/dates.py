"""Dates given by users, checked at the edge (API bodies and queries, form fields) before any code uses them.

* every date lies between :data:`MIN_DATE` and :data:`MAX_DATE` (date arithmetic near 9999-12-31 would overflow);
* a workflow step (submission, review steps, status changes, shipments) and an as-of date that builds a screening
  index is not after today (UTC) plus ``EXPORTCTL_CLOCK_SKEW_DAYS``: nobody dates a step in the future, and a
  step earlier than the application's previous one is refused by the workflow itself.

Out-of-range values answer 422 naming the field, like any other invalid input.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Annotated

from pydantic import AfterValidator

from exportctl.config import get_settings
from exportctl.errors import InputError

MIN_DATE = date(1900, 1, 1)
MAX_DATE = date(2999, 12, 31)

__all__ = ["MAX_DATE", "MIN_DATE", "AnyDay", "PastDay", "check_date", "latest_allowed"]


def latest_allowed() -> date:
    """Today (UTC) plus the clock-skew allowance: the latest date a step may carry."""
    return datetime.now(UTC).date() + timedelta(days=get_settings().clock_skew_days)


def _problem(day: date, *, not_future: bool) -> str | None:
    if not MIN_DATE <= day <= MAX_DATE:
        return f"{day.isoformat()} is outside {MIN_DATE.isoformat()}..{MAX_DATE.isoformat()}"
    if not_future and day > latest_allowed():
        return f"{day.isoformat()} is in the future (today is {datetime.now(UTC).date().isoformat()}, UTC)"
    return None


def check_date(day: date, field: str, *, not_future: bool = False) -> date:
    """``day``, or :class:`InputError` naming ``field`` when it is out of range (or in the future)."""
    problem = _problem(day, not_future=not_future)
    if problem is not None:
        raise InputError(f"{field.replace('_', ' ')}: {problem}", field=field)
    return day


def _any_day(day: date) -> date:
    problem = _problem(day, not_future=False)
    if problem is not None:
        raise ValueError(problem)
    return day


def _past_day(day: date) -> date:
    problem = _problem(day, not_future=True)
    if problem is not None:
        raise ValueError(problem)
    return day


AnyDay = Annotated[date, AfterValidator(_any_day)]
"""Any date a user may give (a query, a policy's effective dates, a determination's export date)."""

PastDay = Annotated[date, AfterValidator(_past_day)]
"""A workflow step's date, a shipment's, or an as-of date: not after today plus the clock-skew allowance."""
