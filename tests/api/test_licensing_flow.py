"""The licensing workflow over HTTP: file, lint, submit, review, approve, licence, ship; errors map to codes."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.service import ServiceUnderTest
from tests.api.workflow import application_body, approve, file_application


def test_file_review_approve_and_ship(client: TestClient, service: ServiceUnderTest) -> None:
    application = file_application(client, service)
    assert application["status"] == "submitted"
    screened = application["parties"][0]["screening"]
    assert screened["status"] == "screened" and screened["hit_count"] >= 1  # Huawei is listed
    decision = approve(client, service, application["id"])
    assert decision["outcome"] == "approved" and decision["licence_number"]
    exporter = service.auth("exporter_a")
    licence = client.get(f"/api/licences/{decision['licence_id']}", headers=exporter).json()
    assert licence["value_limit"] == "12000.00" and licence["value_remaining"] == "12000.00"
    assert licence["conditions"] == ["no re-export"]
    shipped = client.post(
        f"/api/licences/{licence['id']}/shipments", json={"value": "5000.00", "quantity": 4}, headers=exporter
    )
    assert shipped.status_code == 201, shipped.text
    after = client.get(f"/api/licences/{licence['id']}", headers=exporter).json()
    assert after["value_remaining"] == "7000.00" and after["quantity_remaining"] == 6
    overdraw = client.post(
        f"/api/licences/{licence['id']}/shipments", json={"value": "7000.01", "quantity": 1}, headers=exporter
    )
    assert overdraw.status_code == 409 and overdraw.json()["error"] == "ShipmentRefusedError"
    assert client.get(f"/api/licences/{licence['id']}/shipments", headers=exporter).json()["total"] == 1
    future = client.get(f"/api/licences/{licence['id']}/shipments?shipped_from=2999-01-01", headers=exporter).json()
    assert future["total"] == 0
    decisions = client.get(f"/api/applications/{application['id']}/decisions?outcome=denied", headers=exporter).json()
    assert decisions["total"] == 0
    # The auditor sees it all and the audit chain verifies.
    auditor = service.auth("auditor")
    events = client.get("/api/audit/events", params={"entity_type": "application"}, headers=auditor).json()
    assert any(e["action"] == "application.submitted" for e in events["items"])
    assert client.get("/api/audit/verify", headers=auditor).json()["ok"] is True


def test_lint_findings_and_refused_submission(client: TestClient, service: ServiceUnderTest) -> None:
    body = application_body()
    body["end_use"] = ""
    body["parties"] = []
    exporter = service.auth("exporter_a")
    app_id = client.post("/api/applications", json=body, headers=exporter).json()["id"]
    findings = client.get(f"/api/applications/{app_id}/lint", headers=exporter).json()
    codes = {f["code"] for f in findings}
    assert {"missing_end_use", "missing_ultimate_consignee"} <= codes
    refused = client.post(f"/api/applications/{app_id}/submit", headers=exporter)
    assert refused.status_code == 409 and "end_use" in refused.json()["detail"]
    assert client.get(f"/api/applications/{app_id}", headers=exporter).json()["status"] == "draft"
    # Fix the draft (with the optimistic-lock version) and it goes through.
    version = client.get(f"/api/applications/{app_id}", headers=exporter).json()["version"]
    fixed = client.put(f"/api/applications/{app_id}?version={version}", json=application_body(), headers=exporter)
    assert fixed.status_code == 200, fixed.text
    stale = client.put(f"/api/applications/{app_id}?version={version}", json=application_body(), headers=exporter)
    assert stale.status_code == 409
    assert client.post(f"/api/applications/{app_id}/submit", headers=exporter).status_code == 200


def test_invalid_transitions_are_409_and_change_nothing(client: TestClient, service: ServiceUnderTest) -> None:
    application = file_application(client, service)
    exporter = service.auth("exporter_a")
    withdrawn = client.post(
        f"/api/applications/{application['id']}/withdraw", json={"reason": "no longer needed"}, headers=exporter
    )
    assert withdrawn.status_code == 200 and withdrawn.json()["status"] == "withdrawn"
    response = client.post(
        f"/api/reviews/{application['id']}/decide",
        json={"outcome": "approved", "reasons": ["x"]},
        headers=service.auth("reviewer"),
    )
    assert response.status_code == 409
    assert client.get(f"/api/applications/{application['id']}", headers=exporter).json()["status"] == "withdrawn"


def test_request_validation_at_the_edge(client: TestClient, service: ServiceUnderTest) -> None:
    exporter = service.auth("exporter_a")
    bad_bodies = [
        {**application_body(), "type": "smuggle"},  # unknown enum value
        {**application_body(), "end_use": "x" * 20_001},  # over-long field
        {**application_body(), "unexpected": 1},  # unknown field
        {**application_body(), "items": [{"eccn": "not-an-eccn", "description": "x", "quantity": 1, "unit_value": 1}]},
        {**application_body(), "parties": [{"role": "end_user", "name": "X", "country": "ZZ"}]},
    ]
    before = client.get("/api/applications", headers=exporter).json()["total"]
    for body in bad_bodies:
        response = client.post("/api/applications", json=body, headers=exporter)
        assert response.status_code == 422, (body, response.text)
        assert response.json()["detail"]
    assert client.get("/api/applications", headers=exporter).json()["total"] == before
    decide = client.post(
        "/api/reviews/1/decide", json={"outcome": "maybe", "reasons": ["x"]}, headers=service.auth("reviewer")
    )
    assert decide.status_code == 422


def test_the_applicant_answers_a_request_for_information(client: TestClient, service: ServiceUnderTest) -> None:
    """``answer_info_request`` was reachable only from the web page; the API takes it with the same arguments."""
    app_id = file_application(client, service)["id"]
    reviewer, exporter = service.auth("reviewer"), service.auth("exporter_a")
    for step in ("register", "start"):
        assert client.post(f"/api/reviews/{app_id}/{step}", headers=reviewer).status_code == 200
    asked = client.post(f"/api/reviews/{app_id}/request-info", json={"reason": "end-user statement"}, headers=reviewer)
    assert asked.json()["status"] == "info_requested", asked.text
    refused = client.post(f"/api/applications/{app_id}/answer-info", json={"answer": "x"}, headers=reviewer)
    assert refused.status_code == 403  # the applicant's step
    answered = client.post(
        f"/api/applications/{app_id}/answer-info", json={"answer": "statement attached"}, headers=exporter
    )
    assert answered.status_code == 200 and answered.json()["status"] == "under_review", answered.text
    again = client.post(f"/api/applications/{app_id}/answer-info", json={"answer": "again"}, headers=exporter)
    assert again.status_code == 409
