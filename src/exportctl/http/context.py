"""The service's shared state, built once per application by ``exportctl.app.factory.create_app``.

It lives in :mod:`exportctl.http`, below both the API and the web pages, because both need it. It holds the
engine, the session codec, the screening index (built once, then reused by every request) and the registry of
background jobs.
"""

from __future__ import annotations

import logging
import os
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, TypeVar

from sqlalchemy import Engine
from starlette.requests import Request

from exportctl.accounts.sessions import SessionCodec
from exportctl.accounts.throttle import LoginThrottle
from exportctl.config import Settings
from exportctl.determination.list_index import ListIndexes
from exportctl.errors import NotFoundError
from exportctl.http.jobs import JobRegistry
from exportctl.http.rate_limit import LIMITS, RateLimiter
from exportctl.http.result_cache import ResultCache
from exportctl.licensing.checks import PartyScreener, make_screener
from exportctl.lists.repository import current_entries, current_snapshot_ids, entries_as_of
from exportctl.screening import ScreeningIndex

log = logging.getLogger(__name__)
MAX_DATED_INDEXES = 3
T = TypeVar("T")


def resolve_secret_key(settings: Settings) -> str:
    """The configured secret key, or a random per-process key (sessions then end when the process does)."""
    if settings.secret_key is not None and settings.secret_key.get_secret_value():
        return settings.secret_key.get_secret_value()
    log.warning(
        "EXPORTCTL_SECRET_KEY is not set: using a random key for this process; "
        "browser sessions will not survive a restart and will not work across several workers"
    )
    return secrets.token_urlsafe(48)


@dataclass
class ServiceContext:
    """Everything a request handler needs besides the request itself.

    Indexes for past dates are costly (seconds of CPU, megabytes each): at most :data:`MAX_DATED_INDEXES` are kept,
    the least recently used evicted first, and each is built outside the shared lock (one build per date at a
    time), so a request for an unusual date never blocks screening or submissions for everyone else.
    """

    settings: Settings
    engine: Engine
    codec: SessionCodec
    jobs: JobRegistry = field(init=False)
    results: ResultCache = field(default_factory=ResultCache)
    throttle: LoginThrottle = field(init=False)
    limiter: RateLimiter = field(init=False)
    list_indexes: ListIndexes = field(default_factory=ListIndexes)  # per snapshot set, for every date it answers
    _indexes: OrderedDict[date | None, ScreeningIndex] = field(default_factory=OrderedDict)
    _screeners: OrderedDict[date, PartyScreener] = field(default_factory=OrderedDict)
    _index_lock: threading.Lock = field(default_factory=threading.Lock)
    _building: dict[object, threading.Lock] = field(default_factory=dict)
    _generation: int = 0

    def __post_init__(self) -> None:
        self.throttle = LoginThrottle(self.engine)
        self.jobs = JobRegistry(
            directory=self.settings.resolved_data_dir() / "jobs" / f"{os.getpid()}-{secrets.token_hex(4)}",
            max_active_per_user=self.settings.batch_jobs_per_user,
            max_rows_per_user=self.settings.batch_rows_per_user,
            retention_seconds=self.settings.batch_retention_hours * 3600,
        )
        self.jobs.prune_old_directories()
        self.limiter = RateLimiter({**LIMITS, "dated_index": (self.settings.dated_index_requests_per_minute, 60.0)})

    def screening_index(self, as_of: date | None = None) -> ScreeningIndex:
        """The screening index over the current lists (or those in force on ``as_of``), built once and shared."""

        def build() -> ScreeningIndex:
            index = self._current_list_index() if as_of is None else None
            return index if index is not None else build_index(self.engine, as_of)

        return self._cached(self._indexes, as_of, build)

    def has_index(self, as_of: date | None) -> bool:
        with self._index_lock:
            return as_of in self._indexes

    def party_screener(self, on: date | None = None) -> PartyScreener:
        """The licensing workflow's party screener for submissions on ``on`` (default today), built once a day."""
        day = on or datetime.now(UTC).date()
        return self._cached(self._screeners, day, lambda: make_screener(self.engine, day))

    def has_screener(self, on: date | None) -> bool:
        with self._index_lock:
            return (on or datetime.now(UTC).date()) in self._screeners

    def _cached(self, cache: OrderedDict[Any, T], key: Any, build: Callable[[], T]) -> T:
        """``cache[key]``, built by ``build`` on a miss without holding the shared lock; least recently used dated
        entries are evicted beyond :data:`MAX_DATED_INDEXES` (the current index, key None, stays)."""
        with self._index_lock:
            if key in cache:
                cache.move_to_end(key)
                return cache[key]
            build_lock = self._building.setdefault((id(cache), key), threading.Lock())
            generation = self._generation
        with build_lock:  # one build per key; other keys and cached reads go on meanwhile
            with self._index_lock:
                if key in cache:
                    return cache[key]
            try:
                value = build()
            except BaseException:
                with self._index_lock:
                    self._building.pop((id(cache), key), None)
                raise
            with self._index_lock:
                self._building.pop((id(cache), key), None)
                if generation == self._generation:  # the lists did not change while building
                    cache[key] = value
                    dated = [k for k in cache if k is not None]
                    while len(dated) > MAX_DATED_INDEXES:
                        del cache[dated.pop(0)]
        return value

    def _current_list_index(self) -> ScreeningIndex | None:
        """The current snapshots' index from :attr:`list_indexes` (disk-cached), so that screening and determination
        share one index; None when no list is imported."""
        ids = tuple(current_snapshot_ids(self.engine).values())
        try:
            return self.list_indexes.for_ids(self.engine, ids).index if ids else None
        except NotFoundError:  # snapshots without entries
            return None

    def reset_screening_index(self) -> None:
        """Forget every index (after a list import); the next screening rebuilds it."""
        with self._index_lock:
            self._generation += 1
            self._indexes.clear()
            self.list_indexes.clear()
            self.results.clear()
            self._screeners.clear()


def build_index(engine: Engine, as_of: date | None) -> ScreeningIndex:
    """The screening index over the current snapshots, or over the entries in force on ``as_of``."""
    if as_of is None:
        return ScreeningIndex.build(current_entries(engine), snapshot_key="current")
    return ScreeningIndex.build(entries_as_of(engine, as_of).entries, snapshot_key=f"as-of:{as_of.isoformat()}")


def client_address(request: Request) -> str:
    """The address the request came from (the direct peer; a proxy in front must be trusted to be the client)."""
    return request.client.host if request.client is not None else "unknown"


def get_context(request: Request) -> ServiceContext:
    ctx = request.app.state.ctx
    assert isinstance(ctx, ServiceContext)
    return ctx
