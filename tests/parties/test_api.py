"""The register's API on the real service (SQLite, bundled lists): an exporter adds parties, screens its register,
reads and decides its alerts; another organisation's exporter sees none of it (404, never 403), and an authority
user has no register of its own to write to."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from tests.api.service import ServiceUnderTest, fresh_service

pytestmark = pytest.mark.slow  # the service template and an as-of index of every bundled list


@pytest.fixture
def service() -> Iterator[ServiceUnderTest]:
    with fresh_service() as own:
        yield own


@pytest.fixture
def client(service: ServiceUnderTest) -> Iterator[TestClient]:
    with TestClient(service.app) as test_client:
        yield test_client


PARTIES = {
    "parties": [
        {"id": "cust-1", "name": "Huawei Technologies Co., Ltd.", "country": "CN", "role": "customer"},
        {"id": "cust-2", "name": "Nordwind Feinmechanik GmbH", "country": "DE", "role": "supplier"},
    ]
}


def test_register_api_is_tenant_scoped(client: TestClient, service: ServiceUnderTest) -> None:
    a, b = service.auth("exporter_a"), service.auth("exporter_b")
    added = client.post("/api/parties", json=PARTIES, headers=a)
    assert added.status_code == 200 and added.json() == {"created": 2, "updated": 0, "unchanged": 0}
    assert client.post("/api/parties", json=PARTIES, headers=service.auth("reviewer")).status_code == 403
    bad = client.post("/api/parties", json={"parties": [{"id": "x", "name": "   "}]}, headers=a)
    assert bad.status_code == 422 and "name" in bad.text

    run = client.post("/api/parties/rescreen", headers=a)
    assert run.status_code == 200 and run.json()["alerts_opened"] >= 1
    queue = client.get("/api/alerts", params={"status": "open", "limit": 5}, headers=a).json()
    assert queue["total"] >= 1 and len(queue["items"]) <= 5
    assert {item["party"]["id"] for item in queue["items"]} == {"cust-1"}
    alert_id = queue["items"][0]["id"]
    cursor = client.get("/api/alerts", params={"limit": 1}, headers=a).json()  # keyset paging: next_after
    walked = [item["id"] for item in cursor["items"]]
    while cursor["next_after"] is not None:
        cursor = client.get("/api/alerts", params={"limit": 1, "after": cursor["next_after"]}, headers=a).json()
        walked += [item["id"] for item in cursor["items"]]
    everything = client.get("/api/alerts", params={"limit": 500}, headers=a).json()
    assert walked == [item["id"] for item in everything["items"]] and len(walked) == everything["total"]
    mixed = client.get("/api/alerts", params={"after": walked[0], "offset": 1}, headers=a)
    assert mixed.status_code == 422 and "not both" in mixed.text

    assert client.get("/api/alerts", headers=b).json()["total"] == 0
    assert client.get("/api/parties", headers=b).json()["total"] == 0
    assert client.get(f"/api/alerts/{alert_id}", headers=b).status_code == 404
    assert client.get("/api/parties/cust-1", headers=b).status_code == 404
    assert client.post(f"/api/alerts/{alert_id}/clear", json={"reason": "b"}, headers=b).status_code == 404
    assert client.delete("/api/parties/cust-1", headers=b).status_code == 404

    assert client.post(f"/api/alerts/{alert_id}/clear", json={}, headers=a).status_code == 422  # no reason
    confirmed = client.post(f"/api/alerts/{alert_id}/confirm", json={"reason": "it is Huawei"}, headers=a)
    assert confirmed.status_code == 200 and confirmed.json()["state"] == "confirmed"
    shown = client.get(f"/api/alerts/{alert_id}", headers=a).json()
    assert [e["action"] for e in shown["history"]] == ["alert.opened", "alert.confirmed"]
    assert shown["explanation"]["features"][0]["name"] == "name_similarity"
    party = client.get("/api/parties/cust-1", headers=a).json()
    assert party["party"]["name"] == "Huawei Technologies Co., Ltd." and party["history"][0]["change"] == "created"
    assert any(x["state"] == "confirmed" for x in party["alerts"])
