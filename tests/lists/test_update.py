"""``lists update`` against a real HTTP server on the loopback interface: changed file, 304, truncated, 500, slow.

The server serves ``/dpl/dpl.txt`` (the mirror layout: one folder per source) from whatever bytes a test sets, with
an ETag, honouring If-None-Match; a test can make it cut the body short, answer 500, or stall.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from exportctl.cli.main import app
from exportctl.lists.bundled import DATA_DIR
from exportctl.lists.fetch import FetchOptions
from exportctl.lists.repository import current_snapshot_ids, list_status, snapshots
from exportctl.lists.update import update
from exportctl.store.db import make_engine, upgrade

DPL_2022 = (DATA_DIR / "dpl.txt").read_bytes()
DPL_2026 = (DATA_DIR / "denied_persons_list.csv").read_bytes()
FAST = FetchOptions(timeout_seconds=2.0, attempts=2, backoff_seconds=0.05)


@dataclass
class Behaviour:
    body: bytes = DPL_2022
    mode: str = "ok"  # ok, truncate, error, slow
    requests: list[dict[str, str]] = field(default_factory=list)


class _Handler(BaseHTTPRequestHandler):
    behaviour: Behaviour

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        behaviour = self.server.behaviour  # type: ignore[attr-defined]
        behaviour.requests.append(dict(self.headers.items()))
        if self.path != "/dpl/dpl.txt":
            self.send_error(404)
            return
        if behaviour.mode == "error":
            self.send_error(500, "boom")
            return
        if behaviour.mode == "slow":
            time.sleep(5)
        etag = '"' + hashlib.sha256(behaviour.body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Length", str(len(behaviour.body)))
        self.send_header("ETag", etag)
        self.end_headers()
        body = behaviour.body[: len(behaviour.body) // 2] if behaviour.mode == "truncate" else behaviour.body
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout test)
            pass
        if behaviour.mode == "truncate":
            self.close_connection = True

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet test output
        pass


@pytest.fixture
def server() -> Iterator[tuple[str, Behaviour]]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    behaviour = Behaviour()
    httpd.behaviour = behaviour  # type: ignore[attr-defined]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", behaviour
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Engine]:
    engine = make_engine(f"sqlite:///{tmp_path / 'exportctl.sqlite3'}")
    upgrade(engine)
    yield engine
    engine.dispose()


def test_changed_then_not_modified_then_a_new_file(db: Engine, server: tuple[str, Behaviour]) -> None:
    url, behaviour = server
    (first,) = update(db, ["dpl"], mirror=url, options=FAST)
    assert first.result == "changed" and first.origin == f"{url}/dpl/dpl.txt"
    assert current_snapshot_ids(db) == {"dpl": first.snapshot_id}

    (again,) = update(db, ["dpl"], mirror=url, options=FAST)
    assert again.result == "not-modified" and "304" in again.message
    assert behaviour.requests[-1]["If-None-Match"].startswith('"')  # the ETag of the first answer was replayed

    behaviour.body = DPL_2026
    (newer,) = update(db, ["dpl"], mirror=url, options=FAST)
    assert newer.result == "changed" and current_snapshot_ids(db) == {"dpl": newer.snapshot_id}
    assert len(snapshots(db, "dpl")) == 2
    (status,) = list_status(db)
    assert status.checks is not None and status.checks.result == "changed"
    assert status.checks.changed_at == newer.checked_at


@pytest.mark.parametrize(
    ("mode", "says"),
    [("truncate", "truncated"), ("error", "HTTP 500"), ("slow", "timed out")],
)
def test_a_failed_download_changes_nothing(db: Engine, server: tuple[str, Behaviour], mode: str, says: str) -> None:
    url, behaviour = server
    (first,) = update(db, ["dpl"], mirror=url, options=FAST)
    behaviour.body, behaviour.mode = DPL_2026, mode
    (failed,) = update(
        db, ["dpl"], mirror=url, options=FetchOptions(timeout_seconds=0.5, attempts=2, backoff_seconds=0)
    )
    assert failed.failed and says in failed.message
    assert f"dpl: {url}/dpl/dpl.txt" in failed.message and "nothing changed" in failed.message
    assert current_snapshot_ids(db) == {"dpl": first.snapshot_id} and len(snapshots(db, "dpl")) == 1
    (status,) = list_status(db)
    assert status.checks is not None and status.checks.result == "failed"
    assert status.checks.changed_at == first.checked_at


def test_a_file_that_does_not_validate_is_refused_with_its_problems(db: Engine, server: tuple[str, Behaviour]) -> None:
    url, behaviour = server
    update(db, ["dpl"], mirror=url, options=FAST)
    behaviour.body = DPL_2026.replace(b"2025-10-27", b"2025-13-27", 1)
    (refused,) = update(db, ["dpl"], mirror=url, options=FAST)
    assert refused.failed and "2025-13-27" in refused.message and "previous snapshot stays in force" in refused.message
    assert len(snapshots(db, "dpl")) == 1


def test_a_mirror_directory_and_the_cli(db: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mirror = tmp_path / "mirror"
    (mirror / "dpl").mkdir(parents=True)
    (mirror / "dpl" / "dpl.txt").write_bytes(DPL_2022)
    monkeypatch.setenv("EXPORTCTL_DATABASE_URL", str(db.url))
    monkeypatch.setenv("EXPORTCTL_LISTS_MIRROR", str(mirror))
    from exportctl.config import reset_settings_cache

    reset_settings_cache()
    runner = CliRunner()
    result = runner.invoke(app, ["lists", "update", "--source", "dpl"])
    assert result.exit_code == 0, result.output
    assert "changed" in result.output
    result = runner.invoke(app, ["lists", "update", "--source", "un"])  # nothing mirrored for the UN list
    assert result.exit_code == 9 and "un/consolidated.xml: cannot read" in result.output.replace("\n", "")
    result = runner.invoke(app, ["lists", "update", "--source", "entity-list"])
    assert result.exit_code == 2 and "no official download" in result.output
    reset_settings_cache()
