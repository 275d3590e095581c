"""Service batch jobs run the streaming pipeline of ``exportctl screen-file``: the job's result is the bytes (CSV)
and the rows (Parquet) ``screen-file`` writes for the same input, every input row accounted for ("no hit", and bad
rows "not screened" with their original line numbers); the upload is streamed to disk and deleted once screened;
progress is the rows of the partitions done; job records on SQLite and PostgreSQL; the partitions run on a Dask
cluster when one is configured; the upload size and row budget are refused at the edge with the setting named."""

from __future__ import annotations

import secrets
import time
from collections.abc import AsyncIterator, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from exportctl.accounts.roles import Actor, Role
from exportctl.accounts.users import create_user
from exportctl.app.factory import create_app
from exportctl.config import Settings
from exportctl.errors import FileFormatError, InputError
from exportctl.http.batch import BatchColumns, preview_rows, save_upload, start_batch_job
from exportctl.http.context import ServiceContext
from exportctl.http.errors import BadUploadError, UploadTooLarge
from exportctl.http.jobs import Job, JobRegistry, JobStatus
from exportctl.http.rate_limit import TooManyRequests
from exportctl.lists.bundled import BUNDLED
from exportctl.lists.ingest import import_file
from exportctl.screening.service import screen_file_in_store
from exportctl.store.db import session_scope
from tests.api.service import ServiceUnderTest

# A listed name, one with no hit, an empty name and an unknown country (not screened: their lines are named), a
# blank line, a name quoted over two lines (the lines after it keep their numbers), all repeated.
ROWS = (
    '1,Huawei Technologies Co Ltd,CN\n2,Acme Bakery of Ohio,US\n3,,\n\n4,"ZTE\nCorporation",\n'
    "5,Hangzhou Hikvision Digital Technology,Atlantis\n6,Nordic Semiconductor ASA,NO\n"
)
INPUT = "id,name,country\n" + ROWS * 4


def _wait(jobs: JobRegistry, principal: Actor, job_id: str, seconds: float = 240) -> Job:
    deadline = time.monotonic() + seconds
    while (job := jobs.get(principal, job_id)).active:
        assert time.monotonic() < deadline, job
        time.sleep(0.05)
    return job


async def _chunks(data: bytes, size: int) -> AsyncIterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start : start + size]


@dataclass
class SmallService:
    ctx: ServiceContext
    principal: Actor
    directory: Path


@pytest.fixture
def small(engine: Engine, tmp_path: Path) -> Iterator[SmallService]:
    """A service context over one small list (the FCC Covered List) on SQLite or PostgreSQL; jobs in a thread."""
    fcc = next(b for b in BUNDLED if b.source == "fcc-covered")
    import_file(engine, fcc.source, Path(str(fcc.path)), effective_date=fcc.effective)
    with session_scope(engine) as session:
        principal = create_user(
            session, email="b@x.example", password="a long passphrase 17", roles=frozenset({Role.EXPORTER}),
            organisation="Batch Org",
        )  # fmt: skip
    url = engine.url.render_as_string(hide_password=False)
    settings = Settings(database_url=url, secret_key=secrets.token_urlsafe(32), data_dir=tmp_path / "data")
    ctx: ServiceContext = create_app(settings, engine).state.ctx
    ctx.jobs = JobRegistry(
        engine, tmp_path / "data" / "jobs", executor=ThreadPoolExecutor(max_workers=1), prune_seconds=0,
        max_rows_per_user=100,
    )  # fmt: skip
    yield SmallService(ctx, principal, tmp_path)
    ctx.jobs.shutdown()


def _submit(small: SmallService, data: bytes, filename: str = "in.csv", **options: object) -> Job:
    import asyncio

    target = small.ctx.jobs.new_input_path()
    content_type = "application/octet-stream" if filename.endswith(".parquet") else "text/csv"
    kind = asyncio.run(save_upload(_chunks(data, 7), target, filename, content_type, 1 << 20))
    return start_batch_job(
        small.ctx, small.principal, target, filename, kind, columns=BatchColumns(), threshold=None, top=5,
        **options,  # type: ignore[arg-type]
    )  # fmt: skip


def test_job_result_is_screen_file_output_on_both_backends(small: SmallService, engine: Engine) -> None:
    source = small.directory / "in.csv"
    source.write_text(INPUT, encoding="utf-8")
    expected = small.directory / "expected.csv"
    screen_file_in_store(engine, source, expected, top=5)
    job = _submit(small, INPUT.encode(), partition_bytes=80)
    assert job.total == INPUT.count("\n") - 1 - 4  # records: 4 quoted records span two lines each
    done = _wait(small.ctx.jobs, small.principal, job.id)
    assert done.status is JobStatus.DONE, done.error
    assert done.done == done.total  # progress: the rows of the partitions done
    result = done.result_file()
    assert result is not None and result.read_bytes() == expected.read_bytes()
    text = result.read_text(encoding="utf-8")
    assert "not screened (line 4)" in text and "not screened (line 28)" in text  # original lines, blank kept
    assert ",no hit\n" in text and ",fcc,fcc-covered:" in text
    assert done.summary() == {
        "parties": 24, "with_hits": 8, "without_hits": 8, "not_screened": 8, "rows_written": 24,
    }  # fmt: skip
    assert not list(small.ctx.jobs.inputs_dir.iterdir())  # the upload is deleted once screened
    first = preview_rows(result, 5)
    assert [r["id"] for r in first] == ["1", "2", "3", "4", "5"] and first[3]["query"] == "ZTE\nCorporation"


def test_parquet_result_and_parquet_input_match_screen_file_row_for_row(small: SmallService, engine: Engine) -> None:
    source = small.directory / "in.csv"
    source.write_text(INPUT, encoding="utf-8")
    expected = small.directory / "expected.parquet"
    screen_file_in_store(engine, source, expected, top=5)
    job = _wait(small.ctx.jobs, small.principal, _submit(small, INPUT.encode(), output_format="parquet").id)
    result = job.result_file()
    assert job.status is JobStatus.DONE and result is not None and result.suffix == ".parquet"
    assert pq.read_table(result).to_pylist() == pq.read_table(expected).to_pylist()
    assert preview_rows(result, 3) == pq.read_table(expected).to_pylist()[:3]  # the job page's first rows
    # the same names as a Parquet upload (two row groups), screened like screen-file screens that file
    table = pa.table({"id": ["a", "b", "c"], "name": ["Huawei Technologies Co Ltd", "", "Acme Bakery"]})
    upload = small.directory / "names.parquet"
    pq.write_table(table, upload, row_group_size=2)
    expected_csv = small.directory / "expected-from-parquet.csv"
    screen_file_in_store(engine, upload, expected_csv, top=5)
    job = _wait(small.ctx.jobs, small.principal, _submit(small, upload.read_bytes(), "names.parquet").id)
    result = job.result_file()
    assert job.status is JobStatus.DONE and result is not None and result.read_bytes() == expected_csv.read_bytes()
    assert b"not screened (line 3)" in result.read_bytes()


def test_bad_uploads_are_refused_and_not_kept(small: SmallService) -> None:
    import asyncio

    jobs = small.ctx.jobs
    with pytest.raises(InputError, match="no column 'name'") as missing:
        _submit(small, b"id,company\n1,Huawei\n")
    assert "in.csv" in str(missing.value) and str(jobs.inputs_dir) not in str(missing.value)  # no server path
    with pytest.raises(FileFormatError, match="no rows"):
        _submit(small, b"id,name\n")
    with pytest.raises(BadUploadError, match=r"not UTF-8 text \(line 3"):
        _submit(small, "id,name\n1,Huawei\n2,Hu\u00e4wei\n".encode("latin-1"))
    with pytest.raises(BadUploadError, match="expected a CSV or Parquet"):
        asyncio.run(save_upload(_chunks(b"\x89PNG", 4), jobs.new_input_path(), "a.png", "image/png", 1024))
    with pytest.raises(UploadTooLarge, match="EXPORTCTL_BATCH_MAX_UPLOAD_BYTES"):
        asyncio.run(save_upload(_chunks(b"id,name\n" * 200, 64), jobs.new_input_path(), "a.csv", "text/csv", 1024))
    with pytest.raises(UploadTooLarge, match="101 rows"):  # more rows than the user's whole budget (100)
        _submit(small, ("id,name\n" + "1,Huawei\n" * 101).encode())
    assert not list(jobs.inputs_dir.iterdir())
    assert jobs.list(small.principal) == []


def test_row_budget_counts_the_users_active_jobs(small: SmallService) -> None:
    small.ctx.jobs.shutdown()
    small.ctx.jobs = JobRegistry(
        small.ctx.engine, small.directory / "data" / "jobs", executor=_NeverRuns(), prune_seconds=0,
        max_rows_per_user=100, max_active_per_user=5,
    )  # fmt: skip
    _submit(small, ("id,name\n" + "1,Huawei\n" * 60).encode())
    with pytest.raises(TooManyRequests, match="hold 60 rows; this one adds 41"):
        _submit(small, ("id,name\n" + "1,Huawei\n" * 41).encode())
    _submit(small, ("id,name\n" + "1,Huawei\n" * 40).encode())


class _NeverRuns(ThreadPoolExecutor):
    """A pool that keeps its jobs queued (their rows stay counted)."""

    def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def]
        from concurrent.futures import Future

        return Future()


@pytest.mark.slow
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_job_partitions_run_on_a_dask_cluster(small: SmallService, engine: Engine) -> None:
    from distributed import Client, LocalCluster

    source = small.directory / "in.csv"
    source.write_text(INPUT, encoding="utf-8")
    expected = small.directory / "expected.csv"
    screen_file_in_store(engine, source, expected, top=5)

    def index_loaded() -> bool:
        from exportctl.screening import worker

        return worker._loaded is not None

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        small.ctx.jobs.shutdown()
        small.ctx.jobs = JobRegistry(
            engine, small.directory / "data" / "jobs", dask_scheduler=cluster.scheduler_address, prune_seconds=0
        )
        job = _wait(small.ctx.jobs, small.principal, _submit(small, INPUT.encode(), partition_bytes=80).id)
        assert job.status is JobStatus.DONE, job.error
        result = job.result_file()
        assert result is not None and result.read_bytes() == expected.read_bytes()
        with Client(cluster) as client:
            assert all(client.run(index_loaded).values())  # both workers screened partitions
        small.ctx.jobs.shutdown()


def test_api_upload_is_streamed_and_the_result_download_is_screen_file_output(
    client: TestClient, service: ServiceUnderTest, tmp_path: Path
) -> None:
    headers = service.auth("exporter_a")
    source = tmp_path / "in.csv"
    source.write_text(INPUT, encoding="utf-8")
    expected = tmp_path / "expected.csv"
    screen_file_in_store(service.engine, source, expected, top=5)
    response = client.post(
        "/api/screening/batch", files={"file": ("in.csv", INPUT.encode(), "text/csv")}, data={"top": "5"},
        headers=headers,
    )  # fmt: skip
    assert response.status_code == 202, response.text
    job_id = response.json()["id"]
    deadline = time.monotonic() + 240  # the default pool: a process starts and loads the index
    while (job := client.get(f"/api/screening/jobs/{job_id}", headers=headers).json())["status"] in (
        "queued",
        "running",
    ):
        assert time.monotonic() < deadline
        time.sleep(0.1)
    assert job["status"] == "done" and job["summary"]["parties"] == 24, job
    result = client.get(f"/api/screening/jobs/{job_id}/result", headers=headers)
    assert result.headers["content-type"].startswith("text/csv")
    assert 'filename="in-hits.csv"' in result.headers["content-disposition"]
    assert result.content == expected.read_bytes()
    too_big = client.post(
        "/api/screening/batch", files={"file": ("big.csv", b"id,name\n" + b"1,Huawei\n" * 60_000, "text/csv")},
        headers=headers,
    )  # fmt: skip
    assert too_big.status_code == 413 and "EXPORTCTL_BATCH_MAX_UPLOAD_BYTES" in too_big.json()["detail"]


def test_a_failed_run_names_the_uploaded_file_not_the_server_path(tmp_path: Path) -> None:
    from exportctl.errors import ExportctlError
    from exportctl.http.batch import ScreeningTask

    stored = tmp_path / "inputs" / "0123abcd.upload"
    stored.parent.mkdir()
    stored.write_bytes(b"id,company\n1,Huawei\n")  # the column went missing after the check (or was never there)
    task = ScreeningTask("customers.csv", BatchColumns(), 0.8, 3, str(tmp_path / "index.pickle"), "csv", "csv")
    with pytest.raises(ExportctlError) as failed:
        task.run(stored, tmp_path / "job", lambda done, total: None)
    assert "customers.csv: no column 'name'" in str(failed.value) and str(tmp_path) not in str(failed.value)
