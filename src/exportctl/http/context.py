"""The service's shared state, built once per application by ``exportctl.app.factory.create_app``.

It lives in :mod:`exportctl.http`, below both the API and the web pages, because both need it. It holds the
engine, the session codec, the screening index (built once, then reused by every request) and the registry of
background jobs.
"""

from __future__ import annotations

import logging
import secrets
import threading
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from sqlalchemy import Engine
from starlette.requests import Request

from exportctl.accounts.sessions import SessionCodec
from exportctl.accounts.throttle import LoginThrottle
from exportctl.config import Settings
from exportctl.determination.list_index import ListIndexes
from exportctl.errors import NotFoundError
from exportctl.http.jobs import JobRegistry
from exportctl.http.result_cache import ResultCache
from exportctl.licensing.checks import PartyScreener, make_screener
from exportctl.lists.repository import current_entries, current_snapshot_ids, entries_as_of
from exportctl.screening import ScreeningIndex

log = logging.getLogger(__name__)
MAX_DATED_INDEXES = 3


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
    """Everything a request handler needs besides the request itself."""

    settings: Settings
    engine: Engine
    codec: SessionCodec
    jobs: JobRegistry = field(default_factory=JobRegistry)
    results: ResultCache = field(default_factory=ResultCache)
    throttle: LoginThrottle = field(default_factory=LoginThrottle)
    list_indexes: ListIndexes = field(default_factory=ListIndexes)  # per snapshot set, for every date it answers
    _indexes: dict[date | None, ScreeningIndex] = field(default_factory=dict)
    _screeners: dict[date, PartyScreener] = field(default_factory=dict)
    _index_lock: threading.Lock = field(default_factory=threading.Lock)

    def screening_index(self, as_of: date | None = None) -> ScreeningIndex:
        """The screening index over the current lists (or those in force on ``as_of``), built once and shared.

        Past-date indexes are kept for the last few dates asked for; the current one is kept until reset.
        """
        index = self._indexes.get(as_of)
        if index is not None:
            return index
        with self._index_lock:
            index = self._indexes.get(as_of)
            if index is None:
                index = self._current_list_index() if as_of is None else None
                if index is None:
                    index = build_index(self.engine, as_of)
                dated = [d for d in self._indexes if d is not None]
                if as_of is not None and len(dated) >= MAX_DATED_INDEXES:
                    del self._indexes[dated[0]]
                self._indexes[as_of] = index
        return index

    def party_screener(self, on: date | None = None) -> PartyScreener:
        """The licensing workflow's party screener for submissions on ``on`` (default today), built once a day."""
        day = on or datetime.now(UTC).date()
        with self._index_lock:
            screener = self._screeners.get(day)
            if screener is None:
                if len(self._screeners) >= MAX_DATED_INDEXES:
                    self._screeners.pop(next(iter(self._screeners)))
                screener = self._screeners[day] = make_screener(self.engine, day)
        return screener

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
            self._indexes.clear()
            self.list_indexes.clear()
            self.results.clear()
            self._screeners.clear()


def build_index(engine: Engine, as_of: date | None) -> ScreeningIndex:
    """The screening index over the current snapshots, or over the entries in force on ``as_of``."""
    if as_of is None:
        return ScreeningIndex.build(current_entries(engine), snapshot_key="current")
    return ScreeningIndex.build(entries_as_of(engine, as_of).entries, snapshot_key=f"as-of:{as_of.isoformat()}")


def get_context(request: Request) -> ServiceContext:
    ctx = request.app.state.ctx
    assert isinstance(ctx, ServiceContext)
    return ctx
