"""Helpers that drive the licensing workflow through the real API."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.api.service import ServiceUnderTest


def application_body(end_user: str = "Huawei Technologies Co., Ltd.", value: str = "1200.00") -> dict[str, Any]:
    return {
        "type": "export",
        "items": [
            {
                "eccn": "5A992.c",
                "description": "mass-market network switches",
                "quantity": 10,
                "unit_value": value,
                "tech_flags": [],
            }
        ],
        "parties": [
            {"role": "ultimate_consignee", "name": end_user, "country": "CN"},
            {"role": "end_user", "name": end_user, "country": "CN"},
        ],
        "end_use": "office network of the consignee's Shenzhen campus",
        "justification": "mass-market items, no 5G capability, used for internal IT only",
    }


def file_application(client: TestClient, service: ServiceUnderTest, exporter: str = "exporter_a") -> dict[str, Any]:
    """Create and submit an application as ``exporter``; returns the submitted application."""
    created = client.post("/api/applications", json=application_body(), headers=service.auth(exporter))
    assert created.status_code == 201, created.text
    app_id = created.json()["id"]
    submitted = client.post(f"/api/applications/{app_id}/submit", headers=service.auth(exporter))
    assert submitted.status_code == 200, submitted.text
    application: dict[str, Any] = submitted.json()["application"]
    return application


def approve(client: TestClient, service: ServiceUnderTest, app_id: int) -> dict[str, Any]:
    """Register, start review and approve as the reviewer; returns the decision."""
    reviewer = service.auth("reviewer")
    for step in ("register", "start"):
        response = client.post(f"/api/reviews/{app_id}/{step}", headers=reviewer)
        assert response.status_code == 200, (step, response.text)
    decision = client.post(
        f"/api/reviews/{app_id}/decide",
        json={"outcome": "approved", "reasons": ["case by case: mass-market items"], "conditions": ["no re-export"]},
        headers=reviewer,
    )
    assert decision.status_code == 200, decision.text
    result: dict[str, Any] = decision.json()
    return result
