"""A bounded LRU cache of screening answers (the JSON bytes) for the current index.

Screening is deterministic for a given index and query, and the same names are screened again and again (a
customer re-checked at every order, batch re-runs). Entries are keyed by the snapshot ids the index was built from
(and the as-of date), so after a list import the new snapshot ids miss and an old answer is never served.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from datetime import date

MAX_ENTRIES = 4096

Key = tuple[
    tuple[int, ...], date | None, str, str | None, float
]  # (snapshot ids, as-of date, name, country, threshold)


class ResultCache:
    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self._entries: OrderedDict[Key, bytes] = OrderedDict()
        self._lock = threading.Lock()
        self.max_entries = max_entries
        self.hits = 0
        self.misses = 0

    def get_or_compute(self, key: Key, compute: Callable[[], bytes]) -> bytes:
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
                self.hits += 1
                return found
            self.misses += 1
        value = compute()  # outside the lock: an engine error propagates and nothing is cached
        with self._lock:
            self._entries[key] = value
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
