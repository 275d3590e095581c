"""The statutory clock (pure): calendar days since registration, minus pauses; deadlines from settings."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from exportctl.licensing.clock import Pause, clock_status, intent_response_due_on, paused_days, referral_due_on

REG = date(2020, 11, 10)


def test_ninety_days_from_registration() -> None:
    status = clock_status(REG, date(2021, 2, 8), [], decision_days=90)
    assert (status.elapsed_days, status.days_remaining, status.overdue) == (90, 0, False)
    assert status.decision_due_on == date(2021, 2, 8)
    assert clock_status(REG, date(2021, 2, 9), [], decision_days=90).overdue


def test_pauses_extend_the_deadline_and_overlaps_count_once() -> None:
    pauses = [Pause(date(2020, 12, 1), date(2020, 12, 11)), Pause(date(2020, 12, 6), date(2020, 12, 16))]
    status = clock_status(REG, date(2021, 1, 10), pauses, decision_days=90)
    assert status.paused_days == 15 and status.elapsed_days == 61 - 15
    assert status.decision_due_on == date(2021, 2, 8) + timedelta(days=15)


def test_an_open_pause_stops_the_clock_today() -> None:
    status = clock_status(REG, date(2020, 12, 31), [Pause(date(2020, 12, 1), None)], decision_days=90)
    assert status.paused and status.elapsed_days == 21


def test_referral_and_intent_windows() -> None:
    assert referral_due_on(date(2020, 11, 12), referral_days=30) == date(2020, 12, 12)
    assert intent_response_due_on(date(2020, 12, 1), response_days=20) == date(2020, 12, 21)


@given(
    st.integers(min_value=0, max_value=400),
    st.lists(st.tuples(st.integers(0, 400), st.integers(0, 60)), max_size=5),
)
def test_elapsed_plus_paused_is_calendar_days(days: int, raw: list[tuple[int, int]]) -> None:
    pauses = [Pause(REG + timedelta(start), REG + timedelta(start + length)) for start, length in raw]
    as_of = REG + timedelta(days)
    status = clock_status(REG, as_of, pauses, decision_days=90)
    assert status.elapsed_days + status.paused_days == days
    assert 0 <= status.paused_days <= days
    assert status.decision_due_on == as_of + timedelta(days=90 - status.elapsed_days)
    assert paused_days(pauses, REG, as_of) == len(
        {REG + timedelta(d) for s, n in raw for d in range(s, s + n) if d < days}
    )
