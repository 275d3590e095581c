"""Tenant and role boundaries: exporter B cannot read, list or guess exporter A's resources (404, never 403), and
exporters cannot call reviewer or auditor endpoints (403); reviewers never decide their own organisation's case."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.service import ServiceUnderTest
from tests.api.workflow import approve, file_application


@pytest.fixture
def a_resources(client: TestClient, service: ServiceUnderTest) -> dict[str, Any]:
    application = file_application(client, service, "exporter_a")
    decision = approve(client, service, application["id"])
    return {"application": application["id"], "licence": decision["licence_id"]}


def test_b_cannot_read_a_resources_and_gets_404(
    client: TestClient, service: ServiceUnderTest, a_resources: dict[str, Any]
) -> None:
    b = service.auth("exporter_b")
    app_id, licence_id = a_resources["application"], a_resources["licence"]
    for url in (
        f"/api/applications/{app_id}",
        f"/api/applications/{app_id}/lint",
        f"/api/applications/{app_id}/clock",
        f"/api/applications/{app_id}/decisions",
        f"/api/licences/{licence_id}",
        f"/api/licences/{licence_id}/shipments",
    ):
        response = client.get(url, headers=b)
        assert response.status_code == 404, url
    assert client.get(f"/api/applications/{app_id}", headers=service.auth("exporter_a")).status_code == 200


def test_b_cannot_write_to_a_resources_and_gets_404(
    client: TestClient, service: ServiceUnderTest, a_resources: dict[str, Any]
) -> None:
    b = service.auth("exporter_b")
    shipment = client.post(
        f"/api/licences/{a_resources['licence']}/shipments", json={"value": "1.00", "quantity": 1}, headers=b
    )
    assert shipment.status_code == 404
    withdraw = client.post(f"/api/applications/{a_resources['application']}/withdraw", json={"reason": "x"}, headers=b)
    assert withdraw.status_code == 404


def test_b_lists_do_not_contain_a_resources(
    client: TestClient, service: ServiceUnderTest, a_resources: dict[str, Any]
) -> None:
    b = service.auth("exporter_b")
    apps = client.get("/api/applications?limit=500", headers=b).json()["items"]
    licences = client.get("/api/licences?limit=500", headers=b).json()["items"]
    assert a_resources["application"] not in [a["id"] for a in apps]
    assert a_resources["licence"] not in [licence["id"] for licence in licences]
    org_b = service.principals["exporter_b"].organisation_id
    assert all(a["organisation_id"] == org_b for a in apps)


def test_guessing_ids_reveals_nothing(
    client: TestClient, service: ServiceUnderTest, a_resources: dict[str, Any]
) -> None:
    """Existing-but-foreign and never-existing ids answer identically."""
    b = service.auth("exporter_b")
    foreign = client.get(f"/api/applications/{a_resources['application']}", headers=b)
    missing = client.get("/api/applications/999999", headers=b)
    assert foreign.status_code == missing.status_code == 404
    assert foreign.json().keys() == missing.json().keys()


@pytest.mark.parametrize(
    ("method", "url", "body"),
    [
        ("get", "/api/reviews/queue", None),
        ("get", "/api/reviews/incoming", None),
        ("post", "/api/reviews/{app}/register", {}),
        ("post", "/api/reviews/{app}/decide", {"outcome": "approved", "reasons": ["mine"]}),
        ("post", "/api/reviews/{app}/refer", {"agencies": ["DoD"]}),
        ("get", "/api/audit/events", None),
        ("get", "/api/audit/verify", None),
    ],
)
def test_exporters_cannot_call_reviewer_or_auditor_endpoints(
    client: TestClient, service: ServiceUnderTest, a_resources: dict[str, Any], method: str, url: str, body: Any
) -> None:
    response = client.request(
        method, url.format(app=a_resources["application"]), json=body, headers=service.auth("exporter_a")
    )
    assert response.status_code == 403, response.text


def test_auditor_reads_everything_but_writes_nothing(
    client: TestClient, service: ServiceUnderTest, a_resources: dict[str, Any]
) -> None:
    auditor = service.auth("auditor")
    assert client.get(f"/api/applications/{a_resources['application']}", headers=auditor).status_code == 200
    assert client.get(f"/api/licences/{a_resources['licence']}", headers=auditor).status_code == 200
    assert client.get("/api/reviews/queue", headers=auditor).status_code == 200
    ship = client.post(
        f"/api/licences/{a_resources['licence']}/shipments", json={"value": "1.00", "quantity": 1}, headers=auditor
    )
    assert ship.status_code == 403


def test_a_reviewer_never_decides_their_own_organisations_application(
    client: TestClient, service: ServiceUnderTest
) -> None:
    """A reviewer inside an exporter organisation is refused at creation; one stored earlier (the licensing
    primitive does not check) has no reviewer rights: 403, and no cross-tenant reads."""
    import pytest

    from exportctl.accounts.roles import Role
    from exportctl.accounts.tokens import issue_token
    from exportctl.accounts.users import create_user, load_principal
    from exportctl.errors import InputError
    from exportctl.licensing.organisations import create_user as create_stored_user
    from exportctl.store.db import session_scope

    with session_scope(service.engine) as session, pytest.raises(InputError, match="reviewer belong to"):
        create_user(
            session,
            email="dual@test.example",
            password="a sufficiently unusual passphrase 42",
            roles=frozenset({Role.EXPORTER, Role.REVIEWER}),
            organisation="Exporter A Corp (test)",
        )
    with session_scope(service.engine) as session:
        org_a = service.principals["exporter_a"].organisation_id
        user_id = create_stored_user(session, org_a, "dual@test.example", "dual", ["exporter", "reviewer"])
        dual = load_principal(session, user_id)
        assert dual is not None and dual.roles == frozenset({Role.EXPORTER})
        headers = {"Authorization": f"Bearer {issue_token(session, dual, 't').token}"}
    application = file_application(client, service, "exporter_a")
    response = client.post(f"/api/reviews/{application['id']}/register", headers=headers)
    assert response.status_code == 403
