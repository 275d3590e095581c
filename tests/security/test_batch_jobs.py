"""Medium: batch jobs without limits. Per-user quotas on jobs and rows, results on disk, deleted after retention,
jobs queued too long dropped."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from exportctl.accounts.roles import Principal, Role
from exportctl.http.jobs import JobRegistry, JobStatus
from exportctl.http.rate_limit import TooManyRequests
from tests.security.live import LiveService


def upload(rows: int) -> bytes:
    names = ["Huawei Technologies", "Acme Trading Ltd", "Shenzhen Electronics", "Rosoboronexport"]
    lines = ["id,name"] + [f"{n},{names[n % len(names)]} {n}" for n in range(rows)]
    return ("\n".join(lines) + "\n").encode()


def test_row_and_job_quotas_per_user(live: LiveService) -> None:
    """The live service allows 1 active job and 3,000 active rows per user."""
    with live.client("exporter_b") as exporter:
        too_many_rows = exporter.post("/api/screening/batch", files={"file": ("big.csv", upload(3001), "text/csv")})
        assert too_many_rows.status_code == 429, too_many_rows.text
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
        on_disk = list(Path(live.env["EXPORTCTL_DATA_DIR"]).glob(f"jobs/*/{job_id}.csv"))
        assert len(on_disk) == 1 and on_disk[0].read_bytes() == result.content
        third = exporter.post("/api/screening/batch", files={"file": ("c.csv", upload(10), "text/csv")})
        assert third.status_code == 202, third.text  # the finished job no longer counts


PRINCIPAL = Principal(
    user_id=7, email="e@x.example", display_name="e", organisation_id=3, roles=frozenset({Role.EXPORTER})
)


def test_results_are_files_deleted_after_the_retention_period(tmp_path: Path) -> None:
    now = [1000.0]
    jobs = JobRegistry(directory=tmp_path / "jobs", retention_seconds=60, clock=lambda: now[0])
    job = jobs.start(PRINCIPAL, "screening", "a.csv", 1, lambda progress: b"id,name\n1,x\n")
    for _ in range(200):
        if job.status is JobStatus.DONE:
            break
        time.sleep(0.01)
    assert job.read_result() == b"id,name\n1,x\n" and job.result_path is not None and job.result_path.exists()
    assert not hasattr(job, "result")  # nothing kept in memory
    now[0] += 61
    with pytest.raises(Exception, match="not found"):
        jobs.get(PRINCIPAL, job.id)
    assert not job.result_path.exists()
    jobs.shutdown()


def test_active_jobs_and_rows_are_capped_per_user(tmp_path: Path) -> None:
    release = threading.Event()
    jobs = JobRegistry(directory=tmp_path, max_active_per_user=2, max_rows_per_user=100)
    jobs.start(PRINCIPAL, "screening", "a.csv", 60, lambda progress: release.wait(30) and b"")
    with pytest.raises(TooManyRequests, match="hold 60 rows"):
        jobs.start(PRINCIPAL, "screening", "b.csv", 41, lambda progress: b"")
    jobs.start(PRINCIPAL, "screening", "b.csv", 40, lambda progress: release.wait(30) and b"")
    with pytest.raises(TooManyRequests, match="at most 2"):
        jobs.start(PRINCIPAL, "screening", "c.csv", 1, lambda progress: b"")
    release.set()
    jobs.shutdown()


def test_jobs_queued_too_long_are_dropped(tmp_path: Path) -> None:
    now = [0.0]
    release = threading.Event()
    jobs = JobRegistry(
        workers=1, directory=tmp_path, max_active_per_user=5, queue_timeout_seconds=10, clock=lambda: now[0]
    )
    running = jobs.start(PRINCIPAL, "screening", "a.csv", 1, lambda progress: release.wait(30) and b"")
    queued = jobs.start(PRINCIPAL, "screening", "b.csv", 1, lambda progress: b"")
    now[0] = 11
    assert [j.id for j in jobs.list(PRINCIPAL)] == [running.id]  # the queued one was cancelled and dropped
    release.set()
    assert queued.status is JobStatus.QUEUED
    jobs.shutdown()
