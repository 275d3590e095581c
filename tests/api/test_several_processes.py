"""The service as several processes: two real ``exportctl serve`` processes on two ports over one PostgreSQL database
and one data directory (as behind a load balancer). A batch job submitted through one is visible, polled and
downloaded through the other; a sign-in lockout earned through one applies in the other. ``serve --workers N``
refuses SQLite."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from exportctl.accounts.roles import Role
from exportctl.accounts.tokens import issue_token
from exportctl.accounts.users import create_user
from exportctl.lists.bundled import BUNDLED
from exportctl.lists.ingest import import_file
from exportctl.store.db import make_engine, session_scope, upgrade
from tests.security.live import CLI, LiveService, start, stop

PASSWORD = "a long passphrase for two processes"


@pytest.fixture
def two_services(postgres_url: str, tmp_path: Path) -> Iterator[tuple[LiveService, LiveService]]:
    engine = make_engine(postgres_url)
    upgrade(engine)
    fcc = next(b for b in BUNDLED if b.source == "fcc-covered")  # one small list: the test is about processes
    import_file(engine, fcc.source, Path(str(fcc.path)), effective_date=fcc.effective)
    with session_scope(engine) as session:
        principal = create_user(
            session, email="exp@two.example", password=PASSWORD, roles=frozenset({Role.EXPORTER}), organisation="Two"
        )
        token = issue_token(session, principal, "two processes").token
    engine.dispose()
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(Path(__file__).resolve().parents[2] / "src"), str(Path.cwd())]),
        "EXPORTCTL_DATABASE_URL": postgres_url,
        "EXPORTCTL_SECRET_KEY": secrets.token_urlsafe(32),
        "EXPORTCTL_DATA_DIR": str(tmp_path / "data"),  # shared: index cache and job files
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "EXPORTCTL_BATCH_WORKERS": "1",
    }
    services = []
    processes: list[subprocess.Popen[bytes]] = []
    try:
        for name in ("a", "b"):
            live = LiveService(base_url="", directory=tmp_path, env=env, log_path=tmp_path / f"{name}.log")
            live.tokens["exporter"] = token
            processes.append(start(live))
            services.append(live)
        yield services[0], services[1]
    finally:
        for process in processes:
            stop(process)


@pytest.mark.postgres
@pytest.mark.slow
def test_a_job_and_a_lockout_are_shared_by_two_processes(two_services: tuple[LiveService, LiveService]) -> None:
    a, b = two_services
    upload = b"id,name\n1,Huawei Technologies Company\n2,Nordic Semiconductor ASA\n3,ZTE Corporation\n"
    with a.client("exporter") as via_a, b.client("exporter") as via_b:
        submitted = via_a.post("/api/screening/batch", files={"file": ("two.csv", upload, "text/csv")})
        assert submitted.status_code == 202, submitted.text
        job_id = submitted.json()["id"]
        assert job_id in [j["id"] for j in via_b.get("/api/screening/jobs").json()["items"]]
        deadline = time.monotonic() + 240
        while (job := via_b.get(f"/api/screening/jobs/{job_id}").json())["status"] in ("queued", "running"):
            assert time.monotonic() < deadline, job
            time.sleep(0.5)
        assert job["status"] == "done", job
        from_b = via_b.get(f"/api/screening/jobs/{job_id}/result")
        from_a = via_a.get(f"/api/screening/jobs/{job_id}/result")
        assert from_b.status_code == 200 and from_b.content == from_a.content
        assert b"Huawei" in from_b.content and b"ZTE" in from_b.content
    with (
        httpx.Client(base_url=a.base_url, timeout=60) as anon_a,
        httpx.Client(base_url=b.base_url, timeout=60) as anon_b,
    ):
        wrong = {"email": "exp@two.example", "password": "not the password"}
        statuses = [anon_a.post("/api/auth/tokens", json=wrong).status_code for _ in range(9)]
        assert statuses[:3] == [403, 403, 403] and 429 in statuses
        right = anon_b.post("/api/auth/tokens", json={"email": "exp@two.example", "password": PASSWORD})
        assert right.status_code == 429 and int(right.headers["retry-after"]) > 0  # locked out in B as well
    for live in (a, b):
        assert "Traceback" not in live.log(), live.log()


def test_several_workers_refuse_sqlite(tmp_path: Path) -> None:
    env = {**os.environ, "EXPORTCTL_DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}"}
    done = subprocess.run(
        [sys.executable, "-c", CLI, "serve", "--workers", "2"], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 2 and "needs PostgreSQL" in done.stdout + done.stderr
    assert not (tmp_path / "x.sqlite3").exists()  # refused before anything was done
