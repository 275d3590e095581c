"""Per-user rate limits on costly requests (screening or submitting against a past date, determinations): a
sliding window of ``limit`` requests per ``window_seconds`` per user and kind, counted in the database, so that
every service process shares them. A refused request raises :class:`TooManyRequests` (HTTP 429 with
``Retry-After``); nothing was started and nothing is counted.

Each check is one transaction that first deletes the user's events of that kind older than the window (on SQLite
that write takes the database's write lock; on PostgreSQL a transaction-scoped advisory lock on the (kind, user)
pair is taken first), so concurrent requests from several processes are counted one after the other.
Sign-in throttling is separate (``accounts.throttle``), also in the database.
"""

from __future__ import annotations

import hashlib
import math
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, delete, func, select, text

from exportctl.errors import ExportctlError
from exportctl.store.db import session_scope
from exportctl.store.jobs_tables import RateLimitEvent

#: kind -> (requests, seconds) per user
LIMITS: dict[str, tuple[int, float]] = {
    "dated_index": (6, 60.0),  # may build a past date's index; EXPORTCTL_DATED_INDEX_REQUESTS_PER_MINUTE
    "determination": (120, 60.0),
}


class TooManyRequests(ExportctlError):
    """A user asked for more costly work than the rate limit allows; ``retry_after`` seconds until the next slot."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class RateLimiter:
    def __init__(
        self,
        engine: Engine,
        limits: dict[str, tuple[int, float]] | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.engine = engine
        self.limits = dict(LIMITS if limits is None else limits)
        self._clock = clock

    def take(self, user_id: int, kind: str) -> None:
        """Count one request of ``kind`` for ``user_id``, or raise :class:`TooManyRequests`."""
        limit, window = self.limits[kind]
        now = datetime.fromtimestamp(self._clock(), UTC).replace(tzinfo=None)
        since = now - timedelta(seconds=window)
        mine = (RateLimitEvent.kind == kind, RateLimitEvent.user_id == user_id)
        with session_scope(self.engine) as session:
            if self.engine.dialect.name == "postgresql":
                key = int.from_bytes(hashlib.sha256(f"{kind}\0{user_id}".encode()).digest()[:8], "big", signed=True)
                session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})
            session.execute(delete(RateLimitEvent).where(*mine, RateLimitEvent.at <= since))
            count, oldest = session.execute(select(func.count(), func.min(RateLimitEvent.at)).where(*mine)).one()
            if count >= limit:
                wait = max(1, math.ceil((oldest - since).total_seconds()))
                raise TooManyRequests(f"too many {kind.replace('_', ' ')} requests: try again in {wait} s", wait)
            session.add(RateLimitEvent(kind=kind, user_id=user_id, at=now))
