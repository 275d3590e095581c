"""Background jobs (batch screening) run in a small thread pool, with progress and a downloadable result.

Jobs are kept in memory: they belong to the process that ran them and vanish when it stops. Each job records
the organisation that started it, and lookups are tenant-scoped like every other resource (another
organisation's job id is *not found*).
"""

from __future__ import annotations

import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum

from exportctl.accounts.roles import Principal, ensure_visible
from exportctl.errors import ExportctlError, NotFoundError

MAX_KEPT_JOBS = 200

ProgressCallback = Callable[[int, int], None]
JobWork = Callable[[ProgressCallback], bytes]


class JobStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


@dataclass
class Job:
    """One background job; ``result`` holds the output file once ``status`` is ``done``."""

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
    result: bytes | None = field(default=None, repr=False)

    @property
    def percent(self) -> int:
        if self.status is JobStatus.DONE:
            return 100
        return int(100 * self.done / self.total) if self.total else 0


class JobRegistry:
    """Starts jobs on worker threads and answers who may see which job."""

    def __init__(self, workers: int = 2) -> None:
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._workers = workers
        self._pool: ThreadPoolExecutor | None = None

    def start(self, principal: Principal, kind: str, filename: str, total: int, work: JobWork) -> Job:
        job = Job(
            id=uuid.uuid4().hex,
            kind=kind,
            organisation_id=principal.organisation_id,
            user_id=principal.user_id,
            filename=filename,
            created_at=datetime.now(UTC),
            total=total,
        )
        with self._lock:
            self._jobs[job.id] = job
            self._forget_old()
        with self._lock:
            if self._pool is None:  # created lazily, and again after a shutdown (the app's lifespan restarted)
                self._pool = ThreadPoolExecutor(max_workers=self._workers, thread_name_prefix="exportctl-job")
            self._pool.submit(self._run, job, work)
        return job

    def get(self, principal: Principal, job_id: str) -> Job:
        with self._lock:
            job = self._jobs.get(job_id)
        if job is None:
            raise NotFoundError(f"job {job_id!r} not found")
        ensure_visible(principal, job.organisation_id, f"job {job_id!r}")
        return job

    def list(self, principal: Principal) -> list[Job]:
        with self._lock:
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
            job.result = work(progress)
            job.status = JobStatus.DONE
        except ExportctlError as exc:
            job.error, job.status = str(exc), JobStatus.FAILED
        except Exception as exc:  # noqa: BLE001 - a job must never die silently; its user sees the failure
            job.error, job.status = f"internal error: {type(exc).__name__}", JobStatus.FAILED

    def _forget_old(self) -> None:
        while len(self._jobs) > MAX_KEPT_JOBS:
            oldest = next(iter(self._jobs))
            if self._jobs[oldest].status in (JobStatus.QUEUED, JobStatus.RUNNING):
                break
            del self._jobs[oldest]
