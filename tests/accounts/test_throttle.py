"""Sign-in throttling in the database, with a controllable clock, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from exportctl.accounts.throttle import FREE_FAILURES, MAX_BLOCK_SECONDS, LoginThrottle, SignInThrottled, block_seconds


def test_exponential_back_off_per_email_and_address(engine: Engine) -> None:
    now = [1_000_000.0]
    throttle = LoginThrottle(engine, clock=lambda: now[0])
    for _ in range(FREE_FAILURES["pair"]):
        throttle.check("A@x.org", "10.0.0.1")
        throttle.failed("a@x.org", "10.0.0.1")
    throttle.check("a@x.org", "10.0.0.1")  # the free failures do not block
    throttle.failed("a@x.org", "10.0.0.1")
    with pytest.raises(SignInThrottled, match="try again in 1 s"):
        throttle.check("a@x.org", "10.0.0.1")
    throttle.check("a@x.org", "10.0.0.2")  # the same account from elsewhere: never locked out
    throttle.check("b@x.org", "10.0.0.1")  # another account from the same address: not yet
    now[0] += 2
    throttle.check("a@x.org", "10.0.0.1")
    throttle.failed("a@x.org", "10.0.0.1")
    with pytest.raises(SignInThrottled) as blocked:
        throttle.check("a@x.org", "10.0.0.1")
    assert blocked.value.retry_after == 2


def test_password_spraying_from_one_address_is_slowed(engine: Engine) -> None:
    now = [2_000_000.0]
    throttle = LoginThrottle(engine, clock=lambda: now[0])
    for n in range(FREE_FAILURES["address"] + 1):
        throttle.failed(f"user{n}@x.org", "10.9.9.9")
    with pytest.raises(SignInThrottled):
        throttle.check("someone-new@x.org", "10.9.9.9")
    throttle.check("someone-new@x.org", "10.9.9.8")


def test_processes_share_the_record_and_a_success_clears_its_pair(engine: Engine) -> None:
    now = [3_000_000.0]
    first, second = LoginThrottle(engine, clock=lambda: now[0]), LoginThrottle(engine, clock=lambda: now[0])
    for _ in range(FREE_FAILURES["pair"] + 1):
        first.failed("c@x.org", "10.1.1.1")
    with pytest.raises(SignInThrottled):
        second.check("c@x.org", "10.1.1.1")
    now[0] += 5
    second.succeeded("c@x.org", "10.1.1.1")
    first.failed("c@x.org", "10.1.1.1")
    first.check("c@x.org", "10.1.1.1")  # counting started again


def test_back_off_is_capped() -> None:
    assert [block_seconds("pair", n) for n in range(1, 8)] == [0, 0, 0, 1, 2, 4, 8]
    assert block_seconds("pair", 10_000) == MAX_BLOCK_SECONDS
