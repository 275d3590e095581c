"""The per-user limit on dated index builds counts past dates only (the CI of 8f4ca13 failed on this).

Today's index is shared by every user and built once per list import. Before, the first submission of the day took
one of its submitter's dated-index slots, so whether a user's third past-date screening was refused depended on
which test (which user) had happened to submit first.
"""

from __future__ import annotations

from datetime import date, timedelta

from fastapi.testclient import TestClient

from exportctl.determination.list_index import ListIndexes
from exportctl.http.rate_limit import LIMITS, RateLimiter
from tests.api.service import ServiceUnderTest
from tests.api.workflow import application_body


def _one_dated_build_per_minute(service: ServiceUnderTest) -> None:
    ctx = service.app.state.ctx
    ctx.list_indexes = ListIndexes()  # no index built yet, today's included
    ctx.limiter = RateLimiter(service.engine, {**LIMITS, "dated_index": (1, 60.0)})


def test_todays_first_submission_does_not_use_a_dated_index_slot(client: TestClient, service: ServiceUnderTest) -> None:
    _one_dated_build_per_minute(service)
    auth = service.auth("exporter_a")
    past = (date.today() - timedelta(days=700)).isoformat()
    dated = client.post("/api/screening", json={"name": "Huawei", "as_of": past}, headers=auth)
    assert dated.status_code == 200, dated.text  # the one slot of this minute
    created = client.post("/api/applications", json=application_body(), headers=auth)
    assert created.status_code == 201, created.text
    submitted = client.post(f"/api/applications/{created.json()['id']}/submit", headers=auth)
    assert submitted.status_code == 200, submitted.text  # today's index is built, but not counted


def test_a_past_dated_submission_is_still_limited(client: TestClient, service: ServiceUnderTest) -> None:
    _one_dated_build_per_minute(service)
    auth = service.auth("exporter_a")
    dated = client.post("/api/screening", json={"name": "Huawei", "as_of": "2025-01-10"}, headers=auth)
    assert dated.status_code == 200, dated.text
    created = client.post("/api/applications", json=application_body(), headers=auth)
    assert created.status_code == 201, created.text
    submitted = client.post(f"/api/applications/{created.json()['id']}/submit", json={"on": "2025-03-10"}, headers=auth)
    assert submitted.status_code == 429, submitted.text
    assert "dated index" in submitted.json()["detail"]
