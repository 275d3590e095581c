"""Rate limits are counted in the database: two limiters (two service processes) over one database share each
user's window, on SQLite and PostgreSQL; the window slides; a refused request is not counted."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from exportctl.http.rate_limit import RateLimiter, TooManyRequests


def test_two_processes_share_a_sliding_window(engine: Engine) -> None:
    now = [1_000_000.0]
    one = RateLimiter(engine, {"dated_index": (3, 60.0)}, clock=lambda: now[0])
    two = RateLimiter(engine, {"dated_index": (3, 60.0)}, clock=lambda: now[0])
    one.take(7, "dated_index")
    now[0] += 10
    two.take(7, "dated_index")
    one.take(7, "dated_index")
    with pytest.raises(TooManyRequests) as refused:
        two.take(7, "dated_index")
    assert refused.value.retry_after == 50  # the first request leaves the window 60 s after it was made
    two.take(8, "dated_index")  # another user has a window of their own
    now[0] += 50.5
    two.take(7, "dated_index")  # the first one slid out; the refused one never counted
    with pytest.raises(TooManyRequests):
        one.take(7, "dated_index")
