"""Sign-in throttling: after ``max_failures`` wrong passwords for one e-mail within ``window_seconds``, further
attempts for that e-mail are refused until the window has passed, so passwords cannot be guessed at speed.

Kept in memory per process (a restart forgets it); a success clears the e-mail's record.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

from exportctl.errors import PermissionDeniedError

MAX_FAILURES = 5
WINDOW_SECONDS = 15 * 60
MAX_TRACKED = 10_000


class LoginThrottle:
    def __init__(
        self,
        max_failures: int = MAX_FAILURES,
        window_seconds: float = WINDOW_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_failures = max_failures
        self.window_seconds = window_seconds
        self._clock = clock
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def check(self, email: str) -> None:
        """Raise :class:`PermissionDeniedError` while ``email`` is locked out."""
        key = email.strip().lower()
        with self._lock:
            recent = self._recent(key)
            if len(recent) >= self.max_failures:
                wait = int(recent[0] + self.window_seconds - self._clock()) + 1
                raise PermissionDeniedError(f"too many failed sign-ins for this e-mail: try again in {wait} s")

    def failed(self, email: str) -> None:
        key = email.strip().lower()
        with self._lock:
            if len(self._failures) >= MAX_TRACKED and key not in self._failures:
                self._failures.clear()  # bounded memory: forgetting is safer than growing without limit
            self._recent(key).append(self._clock())

    def succeeded(self, email: str) -> None:
        with self._lock:
            self._failures.pop(email.strip().lower(), None)

    def _recent(self, key: str) -> deque[float]:
        window = self._failures.setdefault(key, deque())
        while window and window[0] <= self._clock() - self.window_seconds:
            window.popleft()
        return window
