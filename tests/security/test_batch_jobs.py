"""Medium: batch jobs without limits. Per-user quotas on jobs and rows, results on disk, deleted after retention,
jobs queued too long or whose worker went silent failed. Jobs are database records (SQLite and PostgreSQL)."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, update

from exportctl.accounts.roles import Actor, Role
from exportctl.accounts.users import create_user
from exportctl.http.errors import UploadTooLarge
from exportctl.http.jobs import JobRegistry, JobStatus, ProgressCallback
from exportctl.http.rate_limit import TooManyRequests
from exportctl.store.db import session_scope
from exportctl.store.jobs_tables import BatchJobRecord
from tests.security.live import LiveService


def upload(rows: int) -> bytes:
    names = ["Huawei Technologies", "Acme Trading Ltd", "Shenzhen Electronics", "Rosoboronexport"]
    lines = ["id,name"] + [f"{n},{names[n % len(names)]} {n}" for n in range(rows)]
    return ("\n".join(lines) + "\n").encode()


def test_row_and_job_quotas_per_user(live: LiveService) -> None:
    """The live service allows 1 active job and 3,000 active rows per user."""
    with live.client("exporter_b") as exporter:
        too_many_rows = exporter.post("/api/screening/batch", files={"file": ("big.csv", upload(3001), "text/csv")})
        assert too_many_rows.status_code == 413, too_many_rows.text  # larger than the whole budget: never fits
        assert "3,001 rows" in too_many_rows.json()["detail"]
        assert "EXPORTCTL_BATCH_ROWS_PER_USER" in too_many_rows.json()["detail"]
        first = exporter.post("/api/screening/batch", files={"file": ("a.csv", upload(3000), "text/csv")})
        assert first.status_code == 202, first.text
        second = exporter.post("/api/screening/batch", files={"file": ("b.csv", upload(10), "text/csv")})
        assert second.status_code == 429, second.text
        assert "at most 1" in second.json()["detail"]
        job_id = first.json()["id"]
        deadline = time.monotonic() + 300
        while exporter.get(f"/api/screening/jobs/{job_id}").json()["status"] in ("queued", "running"):
            assert time.monotonic() < deadline
            time.sleep(0.5)
        result = exporter.get(f"/api/screening/jobs/{job_id}/result")
        assert result.status_code == 200, result.text
        on_disk = list(Path(live.env["EXPORTCTL_DATA_DIR"]).glob(f"jobs/results/{job_id}.csv"))
        assert len(on_disk) == 1 and on_disk[0].read_bytes() == result.content
        third = exporter.post("/api/screening/batch", files={"file": ("c.csv", upload(10), "text/csv")})
        assert third.status_code == 202, third.text  # the finished job no longer counts


@dataclass(frozen=True)
class Fixed:
    data: bytes

    def run(self, input_path: Path | None, result_stem: Path, progress: ProgressCallback) -> Path:
        progress(1, 1)
        path = result_stem.with_name(result_stem.name + ".csv")
        path.write_bytes(self.data)
        return path


RELEASE = threading.Event()


@dataclass(frozen=True)
class WaitForRelease:
    def run(self, input_path: Path | None, result_stem: Path, progress: ProgressCallback) -> Path:
        RELEASE.wait(30)
        return Fixed(b"").run(input_path, result_stem, progress)


def _input(jobs: JobRegistry, data: bytes) -> Path:
    path = jobs.new_input_path()
    path.write_bytes(data)
    return path


@pytest.fixture
def principal(engine: Engine) -> Actor:
    with session_scope(engine) as session:
        return create_user(
            session,
            email="e@x.example",
            password="a long passphrase 17",
            roles=frozenset({Role.EXPORTER}),
            organisation="Jobs Test Org",
        )


def _registry(engine: Engine, directory: Path, **options: object) -> JobRegistry:
    return JobRegistry(engine, directory, executor=ThreadPoolExecutor(max_workers=1), prune_seconds=0, **options)  # type: ignore[arg-type]


def _wait_done(jobs: JobRegistry, principal: Actor, job_id: str) -> None:
    for _ in range(500):
        if jobs.get(principal, job_id).status is JobStatus.DONE:
            return
        time.sleep(0.01)
    raise AssertionError("the job did not finish")


def test_results_are_files_deleted_after_the_retention_period(engine: Engine, principal: Actor, tmp_path: Path) -> None:
    shift = [0.0]
    jobs = _registry(engine, tmp_path / "jobs", retention_seconds=60, clock=lambda: time.time() + shift[0])
    upload = _input(jobs, b"id,name\n1,x\n")
    job = jobs.start(principal, "screening", "a.csv", 1, Fixed(b"id,name\n1,x\n"), input_path=upload)
    _wait_done(jobs, principal, job.id)
    done = jobs.get(principal, job.id)
    result = done.result_file()
    assert result is not None and result.read_bytes() == b"id,name\n1,x\n" and done.result_path == result
    assert not list((tmp_path / "jobs" / "inputs").iterdir())  # the upload is deleted once screened
    shift[0] += 61
    with pytest.raises(Exception, match="not found"):
        jobs.get(principal, job.id)
    assert not done.result_path.exists()
    jobs.shutdown()


def test_active_jobs_and_rows_are_capped_per_user(engine: Engine, principal: Actor, tmp_path: Path) -> None:
    RELEASE.clear()
    jobs = _registry(engine, tmp_path, max_active_per_user=2, max_rows_per_user=100)
    jobs.start(principal, "screening", "a.csv", 60, WaitForRelease())
    refused = _input(jobs, b"id,name\n")
    with pytest.raises(TooManyRequests, match="hold 60 rows"):
        jobs.start(principal, "screening", "b.csv", 41, Fixed(b""), input_path=refused)
    assert not refused.exists()  # a refused upload is not kept
    with pytest.raises(UploadTooLarge, match="101 rows.*EXPORTCTL_BATCH_ROWS_PER_USER"):
        jobs.start(principal, "screening", "huge.csv", 101, Fixed(b""))  # more than the whole budget: 413
    jobs.start(principal, "screening", "b.csv", 40, WaitForRelease())
    other = _registry(engine, tmp_path)  # another service process over the same database sees the same quota
    with pytest.raises(TooManyRequests, match="at most 2"):
        other.start(principal, "screening", "c.csv", 1, Fixed(b""))
    RELEASE.set()
    jobs.shutdown()
    other.shutdown()


def test_jobs_queued_too_long_or_silent_are_failed(engine: Engine, principal: Actor, tmp_path: Path) -> None:
    RELEASE.clear()
    shift = [0.0]
    jobs = _registry(
        engine,
        tmp_path,
        max_active_per_user=5,
        queue_timeout_seconds=10,
        stale_seconds=30,
        clock=lambda: time.time() + shift[0],
    )
    running = jobs.start(principal, "screening", "a.csv", 1, WaitForRelease())
    queued = jobs.start(principal, "screening", "b.csv", 1, Fixed(b""))  # behind it in the one-thread pool
    for _ in range(500):
        if jobs.get(principal, running.id).status is JobStatus.RUNNING:
            break
        time.sleep(0.01)
    shift[0] = 11
    assert jobs.get(principal, queued.id).status is JobStatus.FAILED
    assert jobs.get(principal, running.id).status is JobStatus.RUNNING  # its heartbeat is recent enough
    with session_scope(engine) as session:  # its worker stops reporting
        session.execute(
            update(BatchJobRecord).where(BatchJobRecord.id == running.id).values(updated_at=datetime(2000, 1, 1))
        )
    failed = jobs.get(principal, running.id)
    assert failed.status is JobStatus.FAILED and "stopped" in (failed.error or "")
    RELEASE.set()
    jobs.shutdown()
    time.sleep(0.2)
    assert jobs.get(principal, queued.id).status is JobStatus.FAILED  # a failed job is never run after all
