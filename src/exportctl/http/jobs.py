"""Background jobs (batch screening) run in a small thread pool, with progress and a downloadable result.

Jobs belong to the process that ran them. Each job records the organisation that started it, and lookups are
tenant-scoped like every other resource (another organisation's job id is *not found*).

Limits, so that one user cannot exhaust the service: at most ``max_active_per_user`` jobs queued or running per
user, and at most ``max_rows_per_user`` rows across them (:class:`TooManyRequests`, HTTP 429). A finished job's
result is written to a file under the data directory (never kept in memory) and deleted, with the job, after
``retention_seconds``; a job still queued after ``queue_timeout_seconds`` is cancelled and dropped.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from exportctl.accounts.roles import Principal, ensure_visible
from exportctl.errors import ExportctlError, NotFoundError
from exportctl.http.rate_limit import TooManyRequests

MAX_KEPT_JOBS = 200
MAX_ACTIVE_PER_USER = 2
MAX_ROWS_PER_USER = 100_000
RETENTION_SECONDS = 24 * 3600
QUEUE_TIMEOUT_SECONDS = 3600

ProgressCallback = Callable[[int, int], None]
JobWork = Callable[[ProgressCallback], bytes]


class JobStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


@dataclass
class Job:
    """One background job; once ``status`` is ``done`` its output file is at ``result_path``."""

    id: str
    kind: str
    organisation_id: int
    user_id: int
    filename: str
    created_at: datetime
    status: JobStatus = JobStatus.QUEUED
    done: int = 0
    total: int = 0
    error: str | None = None
    result_path: Path | None = field(default=None, repr=False)
    queued_at: float = 0.0
    finished_at: float | None = None

    @property
    def percent(self) -> int:
        if self.status is JobStatus.DONE:
            return 100
        return int(100 * self.done / self.total) if self.total else 0

    @property
    def active(self) -> bool:
        return self.status in (JobStatus.QUEUED, JobStatus.RUNNING)

    def read_result(self) -> bytes | None:
        """The result file's content, or None (not finished, or deleted after the retention period)."""
        if self.status is not JobStatus.DONE or self.result_path is None:
            return None
        try:
            return self.result_path.read_bytes()
        except OSError:
            return None


class JobRegistry:
    """Starts jobs on worker threads, enforces the per-user quotas and answers who may see which job."""

    def __init__(
        self,
        workers: int = 2,
        *,
        directory: Path | None = None,
        max_active_per_user: int = MAX_ACTIVE_PER_USER,
        max_rows_per_user: int = MAX_ROWS_PER_USER,
        retention_seconds: float = RETENTION_SECONDS,
        queue_timeout_seconds: float = QUEUE_TIMEOUT_SECONDS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._futures: dict[str, Future[None]] = {}
        self._lock = threading.Lock()
        self._workers = workers
        self._pool: ThreadPoolExecutor | None = None
        self.directory = directory or Path(tempfile.gettempdir()) / f"exportctl-jobs-{os.getpid()}"
        self.max_active_per_user = max_active_per_user
        self.max_rows_per_user = max_rows_per_user
        self.retention_seconds = retention_seconds
        self.queue_timeout_seconds = queue_timeout_seconds
        self._clock = clock

    def start(self, principal: Principal, kind: str, filename: str, total: int, work: JobWork) -> Job:
        """Queue ``work`` for ``principal``, or raise :class:`TooManyRequests` beyond the user's quotas."""
        job = Job(
            id=uuid.uuid4().hex,
            kind=kind,
            organisation_id=principal.organisation_id,
            user_id=principal.user_id,
            filename=filename,
            created_at=datetime.now(UTC),
            total=total,
            queued_at=self._clock(),
        )
        with self._lock:
            self._prune()
            mine = [j for j in self._jobs.values() if j.user_id == principal.user_id and j.active]
            if len(mine) >= self.max_active_per_user:
                raise TooManyRequests(
                    f"you have {len(mine)} batch jobs queued or running (at most {self.max_active_per_user}): "
                    "wait for one to finish",
                    retry_after=30,
                )
            rows = sum(j.total for j in mine)
            if rows + total > self.max_rows_per_user:
                raise TooManyRequests(
                    f"your batch jobs queued or running hold {rows:,} rows; this one adds {total:,} "
                    f"(at most {self.max_rows_per_user:,} at a time): wait for them to finish",
                    retry_after=60,
                )
            self._jobs[job.id] = job
            if self._pool is None:  # created lazily, and again after a shutdown (the app's lifespan restarted)
                self._pool = ThreadPoolExecutor(max_workers=self._workers, thread_name_prefix="exportctl-job")
            self._futures[job.id] = self._pool.submit(self._run, job, work)
        return job

    def get(self, principal: Principal, job_id: str) -> Job:
        with self._lock:
            self._prune()
            job = self._jobs.get(job_id)
        if job is None:
            raise NotFoundError(f"job {job_id!r} not found")
        ensure_visible(principal, job.organisation_id, f"job {job_id!r}")
        return job

    def list(self, principal: Principal) -> list[Job]:
        with self._lock:
            self._prune()
            jobs = list(self._jobs.values())
        if not principal.sees_all_organisations:
            jobs = [j for j in jobs if j.organisation_id == principal.organisation_id]
        return sorted(jobs, key=lambda j: j.created_at, reverse=True)

    def shutdown(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)

    def _run(self, job: Job, work: JobWork) -> None:
        job.status = JobStatus.RUNNING

        def progress(done: int, total: int) -> None:
            job.done, job.total = done, total

        try:
            job.result_path = self._write(job.id, work(progress))
            job.status = JobStatus.DONE
        except ExportctlError as exc:
            job.error, job.status = str(exc), JobStatus.FAILED
        except Exception as exc:  # noqa: BLE001 - a job must never die silently; its user sees the failure
            job.error, job.status = f"internal error: {type(exc).__name__}", JobStatus.FAILED
        finally:
            job.finished_at = self._clock()

    def _write(self, job_id: str, data: bytes) -> Path:
        """The result in its own file, written to a temporary name and renamed (never a half file)."""
        self.directory.mkdir(parents=True, exist_ok=True)
        path = self.directory / f"{job_id}.csv"
        handle, temp = tempfile.mkstemp(prefix=f".{job_id}.", dir=self.directory)
        try:
            with os.fdopen(handle, "wb") as f:
                f.write(data)
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        return path

    def _prune(self) -> None:
        """Under the lock: drop finished jobs past the retention period (and their files), cancel jobs queued too
        long, and keep at most :data:`MAX_KEPT_JOBS` finished ones."""
        now = self._clock()
        for job in list(self._jobs.values()):
            expired = job.finished_at is not None and now - job.finished_at > self.retention_seconds
            stale = job.status is JobStatus.QUEUED and now - job.queued_at > self.queue_timeout_seconds
            if stale:
                future = self._futures.get(job.id)
                if future is None or not future.cancel():
                    continue  # it has just started: it runs to the end
            if expired or stale:
                self._forget(job)
        finished = [j for j in self._jobs.values() if not j.active]
        for job in finished[: max(0, len(self._jobs) - MAX_KEPT_JOBS)]:
            self._forget(job)

    def prune_old_directories(self) -> None:
        """Delete result directories that earlier processes left beside this one, once past the retention period."""
        now = time.time()
        for sibling in self.directory.parent.glob("*") if self.directory.parent.is_dir() else ():
            try:
                old = sibling != self.directory and now - sibling.stat().st_mtime > self.retention_seconds
            except OSError:
                continue
            if old and sibling.is_dir():
                shutil.rmtree(sibling, ignore_errors=True)

    def _forget(self, job: Job) -> None:
        self._jobs.pop(job.id, None)
        self._futures.pop(job.id, None)
        if job.result_path is not None:
            with contextlib.suppress(OSError):
                job.result_path.unlink(missing_ok=True)
