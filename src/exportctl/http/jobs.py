"""Background jobs (batch screening): records in the database, run by a worker pool, results in files on disk.

Every service process sees every job (``batch_jobs`` table: state, progress, owner organisation, input and result
file, heartbeat, expiry), so a job submitted through one process is polled and downloaded through any other. The
work runs in a local process pool (by default: one job per pool process), or, when ``EXPORTCTL_DASK_SCHEDULER`` is
set, is driven from a thread of the service process that hands the job's partitions to the Dask cluster (the thread
holds only per-partition summaries). The task gets the job id and the database URL, claims the job (queued →
running, once), reports progress to its record, writes its result file (temporary name, renamed) into the jobs
folder under the data directory, which every service process and worker must share, and marks the job done or
failed. Nothing of a job is held in a service process's memory: the upload is streamed to a file, the result is
streamed from one.

Lookups are tenant-scoped like every other resource (another organisation's job id is *not found*). Limits, so that
one user cannot exhaust the service: at most ``max_active_per_user`` jobs queued or running per user, and at most
``max_rows_per_user`` rows across them (:class:`TooManyRequests`, HTTP 429; one file larger than the whole budget
is :class:`UploadTooLarge`, HTTP 413). A finished job and its files are deleted ``retention_seconds`` after it
finished; a job still queued after ``queue_timeout_seconds``, or running without a heartbeat for ``stale_seconds``
(its worker died), is marked failed.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import Engine, delete, func, select, update

from exportctl.accounts.roles import Actor, ensure_visible
from exportctl.errors import ExportctlError, NotFoundError
from exportctl.http.errors import UploadTooLarge
from exportctl.http.rate_limit import TooManyRequests
from exportctl.store.db import make_engine, session_scope
from exportctl.store.jobs_tables import BatchJobRecord

MAX_ACTIVE_PER_USER = 2
MAX_ROWS_PER_USER = 1_000_000
RETENTION_SECONDS = 24 * 3600
QUEUE_TIMEOUT_SECONDS = 3600
STALE_SECONDS = 600  # a running job whose worker has not reported for this long is failed
HEARTBEAT_SECONDS = 1.0

ProgressCallback = Callable[[int, int], None]


class JobTask(Protocol):
    """The work of a job; picklable, since it runs in another process. It writes its result file (and may write a
    ``<result>.summary.json`` beside it) from ``result_stem`` (the results folder and the job id) and returns its
    path."""

    def run(self, input_path: Path | None, result_stem: Path, progress: ProgressCallback) -> Path: ...


class JobStopped(Exception):  # noqa: N818 - the service is stopping: the job's run ends here
    pass


class JobStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


def _utc(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class Job:
    """One background job as its record stands; once ``status`` is ``done`` its output file is at ``result_path``."""

    id: str
    kind: str
    organisation_id: int
    user_id: int
    filename: str
    created_at: datetime
    status: JobStatus
    done: int
    total: int
    error: str | None
    result_path: Path | None
    finished_at: datetime | None

    @classmethod
    def of(cls, record: BatchJobRecord) -> Job:
        return cls(
            id=record.id,
            kind=record.kind,
            organisation_id=record.organisation_id,
            user_id=record.user_id,
            filename=record.filename,
            created_at=record.created_at.replace(tzinfo=UTC),
            status=JobStatus(record.status),
            done=record.done,
            total=record.total,
            error=record.error,
            result_path=Path(record.result_path) if record.result_path else None,
            finished_at=record.finished_at,
        )

    @property
    def percent(self) -> int:
        if self.status is JobStatus.DONE:
            return 100
        return int(100 * self.done / self.total) if self.total else 0

    @property
    def active(self) -> bool:
        return self.status in (JobStatus.QUEUED, JobStatus.RUNNING)

    def result_file(self) -> Path | None:
        """The result file, or None (not finished, or deleted after the retention period); streamed, never read
        whole into memory."""
        if self.status is not JobStatus.DONE or self.result_path is None:
            return None
        return self.result_path if self.result_path.is_file() else None

    def summary(self) -> dict[str, int] | None:
        """The counts the task wrote beside its result (``<result>.summary.json``), or None."""
        path = self.result_file()
        if path is None:
            return None
        try:
            data = json.loads(summary_path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return {str(k): int(v) for k, v in data.items()} if isinstance(data, dict) else None


def summary_path(result: Path) -> Path:
    return result.with_name(result.name + ".summary.json")


def execute_job(
    database_url: str,
    job_id: str,
    task: JobTask,
    directory: str,
    retention_seconds: float,
    stop: threading.Event | None = None,
) -> None:
    """Run one job wherever it was sent (a pool process, a driver thread): claim, run, record the outcome.
    ``stop`` (a driver thread's) ends the run at its next progress report when the service stops."""
    engine = make_engine(database_url)
    try:
        with session_scope(engine) as session:
            result = session.execute(
                update(BatchJobRecord)
                .where(BatchJobRecord.id == job_id, BatchJobRecord.status == JobStatus.QUEUED.value)
                .values(status=JobStatus.RUNNING.value, updated_at=_utc(time.time()))
            )
            claimed = getattr(result, "rowcount", 0)
            record = session.get(BatchJobRecord, job_id)
            input_path = Path(record.input_path) if record is not None and record.input_path else None
        if claimed != 1:
            return  # cancelled, expired, or run by another worker already
        last = [0.0]

        def progress(done: int, total: int) -> None:
            if stop is not None and stop.is_set():
                raise JobStopped
            now = time.time()
            if now - last[0] < HEARTBEAT_SECONDS and done < total:
                return
            last[0] = now
            with session_scope(engine) as session:
                session.execute(
                    update(BatchJobRecord)
                    .where(BatchJobRecord.id == job_id)
                    .values(done=done, total=total, updated_at=_utc(now))
                )

        outcome: dict[str, Any]
        try:
            Path(directory).mkdir(parents=True, exist_ok=True)
            path = task.run(input_path, Path(directory) / job_id, progress)
            outcome = {"status": JobStatus.DONE.value, "result_path": str(path)}
        except JobStopped:
            outcome = {"status": JobStatus.FAILED.value, "error": "the service stopped while it ran: submit it again"}
        except ExportctlError as exc:
            outcome = {"status": JobStatus.FAILED.value, "error": str(exc)}
        except Exception as exc:  # noqa: BLE001 - a job must never die silently; its user sees the failure
            outcome = {"status": JobStatus.FAILED.value, "error": f"internal error: {type(exc).__name__}"}
        finished = time.time()
        with session_scope(engine) as session:
            session.execute(
                update(BatchJobRecord)
                .where(BatchJobRecord.id == job_id)
                .values(
                    **outcome,
                    updated_at=_utc(finished),
                    finished_at=_utc(finished),
                    expires_at=_utc(finished + retention_seconds),
                )
            )
        if input_path is not None:
            input_path.unlink(missing_ok=True)
    finally:
        engine.dispose()


class JobRegistry:
    """Queues jobs as records and hands them to the worker pool; enforces the per-user quotas; answers who may see
    which job. Any number of service processes may hold a registry over the same database and directory."""

    def __init__(
        self,
        engine: Engine,
        directory: Path,
        *,
        workers: int = 2,
        dask_scheduler: str | None = None,
        executor: Executor | None = None,
        max_active_per_user: int = MAX_ACTIVE_PER_USER,
        max_rows_per_user: int = MAX_ROWS_PER_USER,
        retention_seconds: float = RETENTION_SECONDS,
        queue_timeout_seconds: float = QUEUE_TIMEOUT_SECONDS,
        stale_seconds: float = STALE_SECONDS,
        prune_seconds: float = 1.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.engine = engine
        self.directory = directory
        self._workers = workers
        self._dask_scheduler = dask_scheduler
        self._executor: Executor | None = executor
        self._stop = threading.Event()
        self._own_executor = executor is None
        self._futures: dict[str, Future[None]] = {}
        self.max_active_per_user = max_active_per_user
        self.max_rows_per_user = max_rows_per_user
        self.retention_seconds = retention_seconds
        self.queue_timeout_seconds = queue_timeout_seconds
        self.stale_seconds = stale_seconds
        self.prune_seconds = prune_seconds
        self._pruned_at = float("-inf")
        self._clock = clock

    @property
    def results_dir(self) -> Path:
        return self.directory / "results"

    @property
    def inputs_dir(self) -> Path:
        return self.directory / "inputs"

    @property
    def dask_scheduler(self) -> str | None:
        """The Dask scheduler that screens the jobs' partitions, or None (the local process pool runs them)."""
        return self._dask_scheduler

    def new_input_path(self) -> Path:
        """A fresh file name under the inputs folder for an upload to be streamed into."""
        self.inputs_dir.mkdir(parents=True, exist_ok=True)
        return self.inputs_dir / f"{uuid.uuid4().hex}.upload"

    def _pool(self) -> Executor:
        if self._executor is None:  # created lazily, and again after a shutdown (the app's lifespan restarted)
            self._stop = threading.Event()
            if self._dask_scheduler:  # the partitions go to the cluster: here only threads that drive the runs
                self._executor = ThreadPoolExecutor(max_workers=self._workers, thread_name_prefix="batch-job")
            else:
                context = multiprocessing.get_context("spawn")  # a fork of a threaded server is unsafe
                self._executor = ProcessPoolExecutor(max_workers=self._workers, mp_context=context)
        return self._executor

    def start(
        self,
        principal: Actor,
        kind: str,
        filename: str,
        total: int,
        task: JobTask,
        *,
        input_path: Path | None = None,
    ) -> Job:
        """Record the job with ``input_path`` (an upload already streamed to disk, deleted once the job ran) and
        hand ``task`` to the pool; or raise :class:`UploadTooLarge` for a job larger than the user's whole row
        budget, :class:`TooManyRequests` beyond the user's quotas (the input file is deleted then)."""
        try:
            return self._start(principal, kind, filename, total, task, input_path)
        except BaseException:
            if input_path is not None:
                input_path.unlink(missing_ok=True)
            raise

    def _start(
        self, principal: Actor, kind: str, filename: str, total: int, task: JobTask, input_path: Path | None
    ) -> Job:
        if total > self.max_rows_per_user:
            raise UploadTooLarge(
                f"{filename}: {total:,} rows; a user may have at most {self.max_rows_per_user:,} rows in batch jobs "
                "at a time (setting EXPORTCTL_BATCH_ROWS_PER_USER): split the file",
                field="file",
            )
        now = _utc(self._clock())
        self.prune()
        with session_scope(self.engine) as session:
            active = [JobStatus.QUEUED.value, JobStatus.RUNNING.value]
            count, rows = session.execute(
                select(func.count(), func.coalesce(func.sum(BatchJobRecord.total), 0)).where(
                    BatchJobRecord.user_id == principal.user_id, BatchJobRecord.status.in_(active)
                )
            ).one()
        if count >= self.max_active_per_user:
            raise TooManyRequests(
                f"you have {count} batch jobs queued or running (at most {self.max_active_per_user}): "
                "wait for one to finish",
                retry_after=30,
            )
        if rows + total > self.max_rows_per_user:
            raise TooManyRequests(
                f"your batch jobs queued or running hold {rows:,} rows; this one adds {total:,} "
                f"(at most {self.max_rows_per_user:,} at a time): wait for them to finish",
                retry_after=60,
            )
        job_id = uuid.uuid4().hex
        record = BatchJobRecord(
            id=job_id,
            kind=kind,
            organisation_id=principal.organisation_id,
            user_id=principal.user_id,
            filename=filename,
            status=JobStatus.QUEUED.value,
            done=0,
            total=total,
            input_path=str(input_path) if input_path else None,
            created_at=now,
            updated_at=now,
        )
        with session_scope(self.engine) as session:
            session.add(record)
        url = self.engine.url.render_as_string(hide_password=False)
        pool = self._pool()
        stop = self._stop if isinstance(pool, ThreadPoolExecutor) else None  # a thread shares this process's event
        future = pool.submit(execute_job, url, job_id, task, str(self.results_dir), self.retention_seconds, stop)
        self._futures[job_id] = future
        return Job.of(record)

    def get(self, principal: Actor, job_id: str) -> Job:
        self.prune()
        with session_scope(self.engine) as session:
            record = session.get(BatchJobRecord, job_id[:32])
            job = Job.of(record) if record is not None else None
        if job is None:
            raise NotFoundError(f"job {job_id!r} not found")
        ensure_visible(principal, job.organisation_id, f"job {job_id!r}")
        return job

    def list(self, principal: Actor) -> list[Job]:
        self.prune()
        query = select(BatchJobRecord).order_by(BatchJobRecord.created_at.desc()).limit(500)
        if not principal.sees_all_tenants:
            query = query.where(BatchJobRecord.organisation_id == principal.organisation_id)
        with session_scope(self.engine) as session:
            return [Job.of(r) for r in session.scalars(query)]

    def shutdown(self) -> None:
        """Stop the pool: queued jobs stay queued (failed once too old); a job driven by a thread of this process
        ends at its next progress report, failed with "the service stopped"."""
        self._stop.set()
        executor, self._executor = self._executor, None
        if executor is not None and self._own_executor:
            executor.shutdown(wait=False, cancel_futures=True)

    def prune(self) -> None:
        """Fail jobs queued too long or whose worker went silent; delete jobs past their expiry and their files.

        At most once every :attr:`prune_seconds` per registry (it writes, and every poll would ask for it)."""
        if self._clock() - self._pruned_at < self.prune_seconds:
            return
        self._pruned_at = self._clock()
        now = _utc(self._clock())
        with session_scope(self.engine) as session:  # writes first: SQLite cannot upgrade a read snapshot later
            late = now - timedelta(seconds=self.queue_timeout_seconds)
            silent = now - timedelta(seconds=self.stale_seconds)
            retention = timedelta(seconds=self.retention_seconds)
            for status, before, message in (
                (JobStatus.QUEUED, late, "not started in time: the service was too busy; submit it again"),
                (JobStatus.RUNNING, silent, "the worker running it stopped; submit it again"),
            ):
                session.execute(
                    update(BatchJobRecord)
                    .where(BatchJobRecord.status == status.value, BatchJobRecord.updated_at < before)
                    .values(status=JobStatus.FAILED.value, error=message, finished_at=now, expires_at=now + retention)
                )
            expired = session.scalars(select(BatchJobRecord).where(BatchJobRecord.expires_at < now)).all()
            for record in expired:
                files = [record.input_path, record.result_path]
                if record.result_path:
                    files.append(str(summary_path(Path(record.result_path))))
                for path in files:
                    if path:
                        with contextlib.suppress(OSError):
                            Path(path).unlink(missing_ok=True)
                self._futures.pop(record.id, None)
            if expired:
                session.execute(delete(BatchJobRecord).where(BatchJobRecord.id.in_([r.id for r in expired])))
