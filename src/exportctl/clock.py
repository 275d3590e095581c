"""The one clock: what "today" is for every step, page, API answer and command.

Workflow steps, pages, the API and the CLI all ask a :class:`Clock` for today's date; the default is the UTC date
(:data:`UTC_CLOCK`), so that around midnight a page and the step it starts agree on the day. The service holds its
clock in its context (``ServiceContext.clock``) and tests may pass a :class:`FixedClock`. Nothing calls
``date.today()`` (the machine's local date): a test (``tests/test_one_clock.py``) keeps it that way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Protocol


class Clock(Protocol):
    def today(self) -> date: ...


@dataclass(frozen=True)
class UtcClock:
    """Today in UTC."""

    def today(self) -> date:
        return datetime.now(UTC).date()


@dataclass(frozen=True)
class FixedClock:
    """Always ``day`` (tests, replaying a past day)."""

    day: date

    def today(self) -> date:
        return self.day


UTC_CLOCK = UtcClock()
