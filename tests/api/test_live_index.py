"""A list import in the service's own process is screened against from the next request on (issue 21, defect 2).

Before, the service kept the first screening index it built until a reset nobody called: after an in-process import
``/api/lists/status`` showed the new snapshot while ``/api/screening`` (POST and GET) still missed a party listed only
in it. Real data: the bundled Denied Persons List, first cut to its first half (A to M), then imported whole.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from exportctl.accounts.roles import Role
from exportctl.accounts.tokens import issue_token
from exportctl.accounts.users import create_user
from exportctl.app import create_app
from exportctl.config import Settings
from exportctl.http.context import ServiceContext
from exportctl.lists.ingest import import_file
from exportctl.store.db import make_engine, session_scope, upgrade
from tests.licensing.test_denial_and_screening import DPL

LISTED_LATE = "Yavuz Cizmeci"  # DPL since 2015-03-23, until 2034; in the file's second half


@pytest.fixture
def live(tmp_path: Path) -> Iterator[tuple[TestClient, dict[str, str], ServiceContext, Path]]:
    url = f"sqlite:///{tmp_path / 'live.sqlite3'}"
    engine = make_engine(url)
    upgrade(engine)
    lines = DPL.read_text(encoding="utf-8").splitlines(keepends=True)
    first_half = tmp_path / "dpl.txt"
    first_half.write_text("".join(lines[: len(lines) // 2]), encoding="utf-8")
    import_file(engine, "dpl", first_half, effective_date=date(2025, 1, 1))
    app = create_app(Settings(database_url=url, secret_key=secrets.token_urlsafe(32)), engine)
    with session_scope(engine) as session:
        principal = create_user(
            session, email="screener@test.example", password=secrets.token_urlsafe(12),
            roles=frozenset({Role.EXPORTER}), organisation="Live Index Test Corp", display_name="Screener",
        )  # fmt: skip
        token = issue_token(session, principal, "tests").token
    with TestClient(app) as client:
        yield client, {"Authorization": f"Bearer {token}"}, app.state.ctx, tmp_path
    engine.dispose()


def _found(client: TestClient, auth: dict[str, str]) -> tuple[bool, bool]:
    posted = client.post("/api/screening", json={"name": LISTED_LATE}, headers=auth)
    got = client.get("/api/screening", params={"name": LISTED_LATE}, headers=auth)
    assert posted.status_code == got.status_code == 200
    return (
        any(h["primary_name"] == LISTED_LATE.upper() for h in posted.json()["hits"]),
        any(h["primary_name"] == LISTED_LATE.upper() for h in got.json()["hits"]),
    )


def test_an_in_process_import_is_screened_against_from_the_next_request(
    live: tuple[TestClient, dict[str, str], ServiceContext, Path],
) -> None:
    client, auth, ctx, _ = live
    assert _found(client, auth) == (False, False)  # also fills the result cache for both requests
    before = ctx.party_screener(date(2026, 3, 1))(LISTED_LATE, "TR")
    assert before.hit_count == 0

    imported = import_file(ctx.engine, "dpl", DPL, effective_date=date(2026, 1, 1))  # this process, no reset
    status = client.get("/api/lists/status", headers=auth).json()
    assert imported.snapshot_id in {s["snapshot_id"] for s in status["items"]}

    time.sleep(ctx.snapshot_check_seconds)  # the service asks the store for the current snapshots once a second
    assert _found(client, auth) == (True, True)
    after = ctx.party_screener(date(2026, 3, 1))(LISTED_LATE, "TR")
    assert after.hits[0].primary_name == LISTED_LATE.upper()
    assert after.snapshot_ids[-1] == imported.snapshot_id  # read with the earlier file: the as-of rule reads all
