"""Per-user rate limits on costly requests (screening or submitting against a past date, determinations): a
sliding window of ``limit`` requests per ``window_seconds`` per user and kind, in this process's memory.
A refused request raises :class:`TooManyRequests` (HTTP 429 with ``Retry-After``); nothing was started.

Sign-in throttling is separate and shared by every process through the database (``accounts.throttle``).
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

from exportctl.errors import ExportctlError

#: kind -> (requests, seconds) per user
LIMITS: dict[str, tuple[int, float]] = {
    "dated_index": (6, 60.0),  # may build a past date's index; EXPORTCTL_DATED_INDEX_REQUESTS_PER_MINUTE
    "determination": (120, 60.0),
}
MAX_TRACKED = 50_000


class TooManyRequests(ExportctlError):
    """A user asked for more costly work than the rate limit allows; ``retry_after`` seconds until the next slot."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class RateLimiter:
    def __init__(
        self, limits: dict[str, tuple[int, float]] | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limits = dict(LIMITS if limits is None else limits)
        self._clock = clock
        self._seen: dict[tuple[str, int], deque[float]] = {}
        self._lock = threading.Lock()

    def take(self, user_id: int, kind: str) -> None:
        """Count one request of ``kind`` for ``user_id``, or raise :class:`TooManyRequests`."""
        limit, window = self.limits[kind]
        now = self._clock()
        with self._lock:
            if len(self._seen) >= MAX_TRACKED:
                self._forget_idle(now)
            recent = self._seen.setdefault((kind, user_id), deque())
            while recent and recent[0] <= now - window:
                recent.popleft()
            if len(recent) >= limit:
                wait = int(recent[0] + window - now) + 1
                raise TooManyRequests(f"too many {kind.replace('_', ' ')} requests: try again in {wait} s", wait)
            recent.append(now)

    def _forget_idle(self, now: float) -> None:
        longest = max(window for _, window in self.limits.values())
        for key in [k for k, v in self._seen.items() if not v or v[-1] <= now - longest]:
            del self._seen[key]
