"""Latency of one interactive determination and one application submit: CLI process, API request, submit.

The screening index is loaded (or built) once per snapshot set and reused, so what matters is the first call of a
fresh process (index from the disk cache) and every later call (index in memory). Prints, in order:
- ``exportctl determine`` wall and user time, a fresh process each run, after ``exportctl lists import`` into a
  temporary data directory (the first run builds the disk cache, the next ones load it);
- ``POST /api/determination`` on a real service (TestClient, SQLite, bundled lists): first call and steady state;
- ``POST /api/applications/{id}/submit``: first submit of the day and steady state.
Run: ``.venv/bin/python benchmarks/determination_latency.py`` from the repository root. Wall times depend on the
machine's load (printed); user CPU time less so.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HUAWEI = "Huawei Technologies Co., Ltd."
CLI_ARGS = ["determine", "--eccn", "EAR99", "--destination", "CN", "--party", f"end_user={HUAWEI}"]
CLI_ARGS += ["--date", "2019-06-01", "--json"]


def _timed(call: Callable[[], Any]) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def cli_runs(runs: int = 4) -> None:
    exe = str(Path(sys.executable).with_name("exportctl"))
    env = {**os.environ, "XDG_DATA_HOME": tempfile.mkdtemp(prefix="bench-xdg-")}
    env.pop("EXPORTCTL_DATABASE_URL", None)
    subprocess.run([exe, "lists", "import"], env=env, check=True, capture_output=True)
    for run in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
        wall = _timed(lambda: subprocess.run([exe, *CLI_ARGS], env=env, check=True, capture_output=True))
        user = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime - before
        label = "builds the disk cache" if run == 0 else "disk cache"
        print(f"exportctl determine (2019-06-01, Huawei) run {run + 1} ({label}): {wall:.2f} s wall, {user:.2f} s user")


def service_runs() -> None:
    from fastapi.testclient import TestClient
    from tests.api.service import build_service
    from tests.api.workflow import application_body

    from exportctl.app import create_app

    os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="bench-xdg-")
    service = build_service(Path(tempfile.mkdtemp(prefix="bench-service-")))
    with TestClient(service.app) as client:
        auth = service.auth("exporter_a")
        print(f"service start-up index: {_timed(lambda: service.app.state.ctx.screening_index()):.2f} s")
        party = {"role": "end_user", "name": HUAWEI}
        for on in ("2019-06-01", None):
            body = {"eccn": "EAR99", "destination": "CN", "parties": [party], "on": on}
            times = [_timed(lambda b=body: client.post("/api/determination", json=b, headers=auth)) for _ in range(6)]
            print(
                f"POST /api/determination ({on or 'today'}): first {times[0] * 1000:.0f} ms, "
                f"then median {statistics.median(times[1:]) * 1000:.0f} ms"
            )
        submits = []
        for _ in range(4):
            created = client.post("/api/applications", json=application_body(), headers=auth).json()
            url = f"/api/applications/{created['id']}/submit"
            submits.append(_timed(lambda u=url: client.post(u, headers=auth)))
        steady = statistics.median(submits[1:])
        print(f"POST submit: first {submits[0] * 1000:.0f} ms, then median {steady * 1000:.0f} ms")
        drafts = [client.post("/api/applications", json=application_body(), headers=auth).json()["id"] for _ in "ab"]
    restarted = create_app(service.settings, service.engine)  # a restart: same database and data directory
    with TestClient(restarted) as client:
        print(f"restarted service start-up index: {_timed(lambda: restarted.state.ctx.screening_index()):.2f} s")
        body = {"eccn": "EAR99", "destination": "CN", "parties": [party], "on": "2019-06-01"}
        first = _timed(lambda: client.post("/api/determination", json=body, headers=auth))
        print(f"restarted: first POST /api/determination (2019-06-01) {first * 1000:.0f} ms")
        first = _timed(lambda: client.post(f"/api/applications/{drafts[0]}/submit", headers=auth))
        print(f"restarted: first POST submit {first * 1000:.0f} ms")


def main() -> None:
    cli_runs()
    service_runs()
    print(f"load average at end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
