"""The statutory clock, pure: calendar days since registration, not counting paused periods.

15 CFR 750.4(a): applications are resolved or referred to the President within 90 calendar days of registration
(``review_decision_days``). 750.4(b) stops the clock while the applicant is asked for information or asks for a
hold. Agencies receiving a referral have 30 days to recommend (``referral_days``). 750.6: after an intent to deny
the applicant has 20 days to respond (``intent_to_deny_response_days``). Day limits are settings.

Every function survives any stored date (9999-12-31 included): due dates past the calendar's end are clamped to
``date.max`` and paused periods are merged as intervals, never expanded day by day.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class Pause:
    started_on: date
    ended_on: date | None  # None: still paused


@dataclass(frozen=True)
class ClockStatus:
    registered_on: date
    as_of: date
    elapsed_days: int  # calendar days on the clock (paused days excluded)
    paused_days: int
    paused: bool
    decision_due_on: date  # when a pause is open, the due date assumes it ends today
    days_remaining: int
    overdue: bool


def shift(day: date, days: int) -> date:
    """``day`` moved by ``days``, clamped to the calendar (``date.min``..``date.max``)."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


def paused_days(pauses: Iterable[Pause], registered_on: date, as_of: date) -> int:
    """Days within [registered_on, as_of) covered by pauses; overlapping pauses are counted once."""
    spans = sorted(
        (max(p.started_on, registered_on), min(p.ended_on or as_of, as_of))
        for p in pauses
        if min(p.ended_on or as_of, as_of) > max(p.started_on, registered_on)
    )
    total, covered_to = 0, date.min
    for start, end in spans:
        start = max(start, covered_to)
        if end > start:
            total += (end - start).days
            covered_to = end
    return total


def clock_status(registered_on: date, as_of: date, pauses: Sequence[Pause], *, decision_days: int) -> ClockStatus:
    if as_of < registered_on:
        as_of = registered_on
    paused = paused_days(pauses, registered_on, as_of)
    elapsed = (as_of - registered_on).days - paused
    remaining = decision_days - elapsed
    return ClockStatus(
        registered_on=registered_on,
        as_of=as_of,
        elapsed_days=elapsed,
        paused_days=paused,
        paused=any(p.ended_on is None and p.started_on <= as_of for p in pauses),
        decision_due_on=shift(as_of, remaining),
        days_remaining=remaining,
        overdue=remaining < 0,
    )


def referral_due_on(referred_on: date, *, referral_days: int) -> date:
    return shift(referred_on, referral_days)


def intent_response_due_on(issued_on: date, *, response_days: int) -> date:
    return shift(issued_on, response_days)
