"""Scheduled ``lists update`` for ``serve``: ``EXPORTCTL_LISTS_REFRESH=12h`` (off when unset).

:class:`Refresher` is a daemon thread that waits one interval, runs :func:`~exportctl.lists.update.update` for every
updatable source, and waits again, until stopped. Each run's results are recorded like any ``lists update`` (and
shown by ``lists status``); a failed source changes nothing. The screening index follows on its next use, as it
is keyed on the current snapshots.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from datetime import timedelta

from exportctl.errors import ConfigError
from exportctl.lists.update import UpdateResult

_INTERVAL = re.compile(r"(\d+)\s*([smhd])")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}


def parse_interval(text: str) -> timedelta:
    """``"12h"``, ``"30m"``, ``"1d"``, ``"90s"`` → timedelta; ConfigError naming the setting otherwise (min 1 s)."""
    match = _INTERVAL.fullmatch(text.strip().lower())
    if not match or int(match.group(1)) == 0:
        raise ConfigError(f"EXPORTCTL_LISTS_REFRESH={text!r}: expected a number and a unit s, m, h or d (e.g. 12h)")
    return timedelta(**{_UNITS[match.group(2)]: int(match.group(1))})


class Refresher(threading.Thread):
    """Runs ``run()`` every ``interval`` (first run after one interval) until :meth:`stop`."""

    def __init__(self, interval: timedelta, run: Callable[[], list[UpdateResult]]) -> None:
        super().__init__(name="exportctl-lists-refresh", daemon=True)
        self.interval = interval
        self._run = run
        self._stopped = threading.Event()
        self.runs: list[list[UpdateResult]] = []  # each run's results, newest last (kept small: the last 10)

    def run(self) -> None:
        while not self._stopped.wait(self.interval.total_seconds()):
            try:
                results = self._run()
            except Exception as error:  # noqa: BLE001 - a refresh must never kill the service; recorded below
                results = []
                self.last_error = f"{type(error).__name__}: {error}"
            self.runs = [*self.runs[-9:], results]

    def stop(self) -> None:
        self._stopped.set()
