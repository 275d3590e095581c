"""Driving the licensing workflow through the live service's API."""

from __future__ import annotations

from typing import Any

from tests.api.workflow import application_body
from tests.security.live import LiveService


def submitted_application(live: LiveService, exporter: str = "exporter_a", end_user: str | None = None) -> int:
    body = application_body(end_user) if end_user else application_body()
    with live.client(exporter) as client:
        created = client.post("/api/applications", json=body)
        assert created.status_code == 201, created.text
        app_id = int(created.json()["id"])
        submitted = client.post(f"/api/applications/{app_id}/submit")
        assert submitted.status_code == 200, submitted.text
    return app_id


def under_review(live: LiveService, exporter: str = "exporter_a", end_user: str | None = None) -> int:
    app_id = submitted_application(live, exporter, end_user)
    with live.client("reviewer") as reviewer:
        for step in ("register", "start"):
            response = reviewer.post(f"/api/reviews/{app_id}/{step}")
            assert response.status_code == 200, (step, response.text)
    return app_id


def licence(live: LiveService, exporter: str = "exporter_a", end_user: str | None = None) -> dict[str, Any]:
    """An approved application's licence, issued today."""
    app_id = under_review(live, exporter, end_user)
    with live.client("reviewer") as reviewer:
        decision = reviewer.post(
            f"/api/reviews/{app_id}/decide", json={"outcome": "approved", "reasons": ["case by case: mass-market"]}
        )
        assert decision.status_code == 200, decision.text
        licence_id = decision.json()["licence_id"]
        found = reviewer.get(f"/api/licences/{licence_id}")
        assert found.status_code == 200, found.text
    result: dict[str, Any] = found.json()
    return result
