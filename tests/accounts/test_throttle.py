"""Sign-in throttling with a controllable clock."""

from __future__ import annotations

import pytest

from exportctl.accounts.throttle import LoginThrottle
from exportctl.errors import PermissionDeniedError


def test_lockout_after_repeated_failures_then_release() -> None:
    now = [1000.0]
    throttle = LoginThrottle(max_failures=3, window_seconds=60, clock=lambda: now[0])
    for _ in range(3):
        throttle.check("A@x.org")
        throttle.failed("a@x.org")
    with pytest.raises(PermissionDeniedError, match="try again in"):
        throttle.check("a@x.org")
    throttle.check("b@x.org")  # other e-mails are unaffected
    now[0] += 61
    throttle.check("a@x.org")


def test_success_clears_the_record() -> None:
    throttle = LoginThrottle(max_failures=2, window_seconds=60)
    throttle.failed("a@x.org")
    throttle.succeeded("a@x.org")
    throttle.failed("a@x.org")
    throttle.check("a@x.org")  # one failure since the success: not locked (two would be, without the reset)
    throttle.failed("a@x.org")
    with pytest.raises(PermissionDeniedError, match="try again in"):
        throttle.check("a@x.org")
