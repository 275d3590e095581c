"""Authentication at the API edge: tokens, wrong passwords, revocation, no anonymous access."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.service import ServiceUnderTest


def test_anonymous_api_calls_get_401_with_a_clear_message(client: TestClient) -> None:
    response = client.get("/api/lists/status")
    assert response.status_code == 401
    assert response.json()["detail"] == "authentication required"
    assert response.headers["www-authenticate"] == "Bearer"


def test_garbage_and_unknown_tokens_are_refused(client: TestClient) -> None:
    for token in ("nonsense", "exp_" + "x" * 43, "exp_" + "y" * 5000):
        response = client.get("/api/auth/me", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401


def test_me_describes_the_caller(client: TestClient, service: ServiceUnderTest) -> None:
    body = client.get("/api/auth/me", headers=service.auth("exporter_a")).json()
    assert body["email"] == "exporter_a@test.example"
    assert body["roles"] == ["exporter"]
    assert body["organisation_name"] == "Exporter A Corp (test)"


def test_password_exchange_issues_a_working_token_that_can_be_revoked(
    client: TestClient, service: ServiceUnderTest
) -> None:
    wrong = client.post("/api/auth/tokens", json={"email": service.email("auditor"), "password": "wrong password!"})
    assert wrong.status_code == 403
    assert "wrong e-mail or password" in wrong.json()["detail"]
    made = client.post(
        "/api/auth/tokens",
        json={"email": service.email("auditor").upper(), "password": service.passwords["auditor"], "name": "ci"},
    )
    assert made.status_code == 201, made.text
    token = made.json()["token"]
    headers = {"Authorization": f"Bearer {token}"}
    assert client.get("/api/auth/me", headers=headers).json()["email"] == "auditor@test.example"
    # Another user cannot revoke it (not found), its owner can.
    token_id = made.json()["id"]
    assert client.delete(f"/api/auth/tokens/{token_id}", headers=service.auth("admin")).status_code == 404
    assert client.delete(f"/api/auth/tokens/{token_id}", headers=headers).status_code == 204


def test_token_request_validation_is_a_422_not_a_500(client: TestClient) -> None:
    response = client.post("/api/auth/tokens", content=b"{not json", headers={"Content-Type": "application/json"})
    assert response.status_code == 422
    response = client.post("/api/auth/tokens", json={"email": "a" * 400, "password": "x"})
    assert response.status_code == 422
    assert "email" in response.json()["detail"]
