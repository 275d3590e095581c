"""Review policies over HTTP: preview a change's impact on pending applications, apply it (policy admins only),
and see the recommendation move."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.api.service import ServiceUnderTest
from tests.api.workflow import file_application


def policy(policy_id: str, outcome: str) -> dict[str, Any]:
    return {
        "policy_id": policy_id,
        "title": "Test: no new licences for the test family",
        "family": "Huawei",
        "name_contains": ["Huawei"],
        "outcome": outcome,
        "effective_from": "2020-01-01",
        "priority": 50,
    }


def test_preview_then_apply_moves_pending_recommendations(client: TestClient, service: ServiceUnderTest) -> None:
    application = file_application(client, service)
    reviewer, admin = service.auth("reviewer"), service.auth("policy_admin")
    assert client.post(f"/api/reviews/{application['id']}/register", headers=reviewer).status_code == 200
    preview = client.post(
        "/api/policies/preview", json={"policy": policy("t-halt", "no_new_licences")}, headers=reviewer
    )
    assert preview.status_code == 200, preview.text
    moved = {c["application_id"]: c for c in preview.json()["changes"]}
    assert any(c["after_decision"] == "deny" for c in moved.values())
    before = client.get("/api/policies", headers=reviewer).json()["total"]
    # Reviewers may preview but not apply; exporters may do neither.
    assert (
        client.post("/api/policies", json={"policy": policy("t-halt", "no_new_licences")}, headers=reviewer).status_code
        == 403
    )
    assert (
        client.post(
            "/api/policies/preview", json={"policy": policy("x", "case_by_case")}, headers=service.auth("exporter_a")
        ).status_code
        == 403
    )
    applied = client.post("/api/policies", json={"policy": policy("t-halt", "no_new_licences")}, headers=admin)
    assert applied.status_code == 201, applied.text
    assert client.get("/api/policies", headers=reviewer).json()["total"] == before + 1
    after = client.get(f"/api/reviews/{application['id']}/recommendation", headers=reviewer).json()
    assert after["decision"] == "deny", after


def test_bad_policies_are_422(client: TestClient, service: ServiceUnderTest) -> None:
    admin = service.auth("policy_admin")
    no_parties = {**policy("t-bad", "case_by_case"), "name_contains": []}
    bad_dates = {**policy("t-bad", "case_by_case"), "effective_to": "2019-01-01"}
    unknown_outcome = {**policy("t-bad", "whatever")}
    for body in (no_parties, bad_dates, unknown_outcome):
        response = client.post("/api/policies/preview", json={"policy": body}, headers=admin)
        assert response.status_code == 422, (body, response.text)


def test_recommendation_with_reasons_for_reviewers_only(client: TestClient, service: ServiceUnderTest) -> None:
    application = file_application(client, service)
    response = client.get(f"/api/reviews/{application['id']}/recommendation", headers=service.auth("reviewer"))
    assert response.status_code == 200, response.text
    body = response.json()
    # This service holds no review policy (nothing is seeded, and no other test's policy can reach it): the engine
    # has nothing to apply to Huawei, so the case is decided on its merits, and it says so.
    assert body["decision"] == "approve" and body["matched"] == []
    assert any("no review policy recorded" in reason for reason in body["reasons"]), body["reasons"]
    denied = client.get(f"/api/reviews/{application['id']}/recommendation", headers=service.auth("exporter_a"))
    assert denied.status_code == 403
