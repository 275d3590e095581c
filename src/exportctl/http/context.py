"""The service's shared state, built once per application by ``exportctl.app.factory.create_app``.

It lives in :mod:`exportctl.http`, below both the API and the web pages, because both need it. It holds the
engine, the session codec, the screening indexes (one cache, keyed by the snapshot ids each index was built from, so
a list import is used from the next request on) and the registry of background jobs.
"""

from __future__ import annotations

import logging
import secrets
import time
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Engine
from starlette.requests import Request

from exportctl.accounts.sessions import SessionCodec
from exportctl.accounts.throttle import LoginThrottle
from exportctl.clock import UTC_CLOCK, Clock
from exportctl.config import Settings
from exportctl.determination.list_index import ListIndex, ListIndexes
from exportctl.errors import NotFoundError
from exportctl.http.jobs import JobRegistry
from exportctl.http.rate_limit import LIMITS, RateLimiter
from exportctl.http.result_cache import ResultCache
from exportctl.licensing.checks import SubmissionScreener, make_screener
from exportctl.licensing.periods import StatutoryPeriods
from exportctl.lists.repository import current_snapshot_ids
from exportctl.parties.holds import PartyHold, RegisterScreening, register_screening, shipment_hold
from exportctl.screening import ScreeningIndex
from exportctl.screening.service import EMPTY_STORE

log = logging.getLogger(__name__)
SNAPSHOT_CHECK_SECONDS = 1.0  # how stale the current snapshot ids may be (a list import shows within this)


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

    Indexes for past dates are costly (seconds of CPU, megabytes each): :class:`ListIndexes` keeps a bounded number,
    the least recently used evicted first; routes check :meth:`has_index` and rate-limit requests that would build
    one.
    """

    settings: Settings
    engine: Engine
    codec: SessionCodec
    jobs: JobRegistry = field(init=False)
    results: ResultCache = field(default_factory=ResultCache)
    throttle: LoginThrottle = field(init=False)
    limiter: RateLimiter = field(init=False)
    clock: Clock = UTC_CLOCK  # the one clock (UTC date) for pages, API answers and the steps they start
    list_indexes: ListIndexes = field(default_factory=ListIndexes)  # the one index cache, keyed by snapshot ids

    snapshot_check_seconds: float = SNAPSHOT_CHECK_SECONDS
    _checked: tuple[float, tuple[int, ...]] | None = None

    def __post_init__(self) -> None:
        self.throttle = LoginThrottle(self.engine)
        self.jobs = JobRegistry(
            self.engine,
            self.settings.resolved_data_dir() / "jobs",  # shared by every service process and worker
            workers=self.settings.batch_workers,
            dask_scheduler=self.settings.dask_scheduler,
            max_active_per_user=self.settings.batch_jobs_per_user,
            max_rows_per_user=self.settings.batch_rows_per_user,
            retention_seconds=self.settings.batch_retention_hours * 3600,
        )
        limits = {**LIMITS, "dated_index": (self.settings.dated_index_requests_per_minute, 60.0)}
        self.limiter = RateLimiter(self.engine, limits)

    def current_snapshot_ids(self) -> tuple[int, ...]:
        """The store's current snapshot ids (sorted), asked again once :attr:`snapshot_check_seconds` have passed:
        the query costs about 1.6 ms on SQLite, too much for every screening request, not for one a second."""
        now = time.monotonic()
        checked = self._checked
        if checked is None or now - checked[0] >= self.snapshot_check_seconds:
            checked = self._checked = (now, tuple(sorted(current_snapshot_ids(self.engine).values())))
        return checked[1]

    @property
    def periods(self) -> StatutoryPeriods:
        """The statutory periods of this service's settings, passed to every workflow step and query."""
        return StatutoryPeriods.of(self.settings)

    def live_index(self, as_of: date | None = None) -> ListIndex:
        """The screening index over the current lists (or those in force on ``as_of``), with the snapshot ids it
        was built from. The current snapshot ids are checked at most :attr:`snapshot_check_seconds` apart, so an
        import from any process, this one included, is screened against within that time.

        Raises :class:`NotFoundError` when no list is imported.
        """
        if as_of is None:
            ids = self.current_snapshot_ids()
            found = self.list_indexes.for_ids(self.engine, ids) if ids else None
        else:
            found = self.list_indexes.in_force(self.engine, as_of)
        if found is None:
            raise NotFoundError(EMPTY_STORE)
        return found

    def screening_index(self, as_of: date | None = None) -> ScreeningIndex:
        """:meth:`live_index`'s index."""
        return self.live_index(as_of).index

    def party_screener(self, on: date | None = None) -> SubmissionScreener:
        """The licensing workflow's party screener for submissions on ``on`` (default today)."""
        return make_screener(self.engine, on or self.clock.today(), indexes=self.list_indexes)

    def register_screening(self) -> RegisterScreening:
        """The step table's ``register`` context: a submission's parties entered in the organisation's counterparty
        register and screened there (issue 15)."""
        return register_screening(self.list_indexes)

    def party_hold(self, licence_id: int, organisation_id: int, shipped_on: date | None) -> PartyHold:
        """The step table's ``party_hold`` context for a shipment on ``shipped_on`` (default today): the licence's
        parties screened through the holder's register in a transaction of its own (their alerts outlive a refused
        shipment), then held inside the step by any alert not cleared."""
        today = self.clock.today()
        days = [shipped_on or today, today]
        return shipment_hold(
            self.engine, licence_id, organisation_id=organisation_id, days=days, indexes=self.list_indexes
        )

    def has_index(self, as_of: date | None) -> bool:
        """Whether the index for ``as_of`` (None: the current lists) is built already, so answering costs no build."""
        return as_of is None or self.list_indexes.holds_in_force(self.engine, as_of)

    def has_screener(self, on: date | None) -> bool:
        """Whether the submission screener for ``on`` (default today) has its index built already."""
        return self.list_indexes.holds_in_force(self.engine, on or self.clock.today())


def client_address(request: Request) -> str:
    """The address the request came from (the direct peer; a proxy in front must be trusted to be the client)."""
    return request.client.host if request.client is not None else "unknown"


def get_context(request: Request) -> ServiceContext:
    ctx = request.app.state.ctx
    assert isinstance(ctx, ServiceContext)
    return ctx
