"""``/api/exposure`` on a real service: imports, scenario, chart, plan, watch and reviews; roles and tenancy."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from exportctl.exposure import repository
from exportctl.exposure.service import DEMO_DIR, DEMO_FILES
from exportctl.lists.repository import current_snapshot_ids, snapshots
from tests.api.service import ServiceUnderTest, fresh_service

SCENARIO = {"vendor": "Huawei", "from": "2026-06-01", "budget_per_quarter": "2000000"}


@pytest.fixture(scope="module")
def service() -> Iterator[ServiceUnderTest]:
    with fresh_service() as own:
        yield own


@pytest.fixture(scope="module")
def client(service: ServiceUnderTest) -> Iterator[TestClient]:
    with TestClient(service.app) as test_client:
        for kind, name in DEMO_FILES:
            data = (DEMO_DIR / name).read_bytes()
            response = test_client.post(
                f"/api/exposure/{kind}", files={"file": (name, data, "text/csv")}, headers=service.auth("exporter_a")
            )
            assert response.status_code == 200, response.text
            assert response.json()["register"]["screening"]["kind"] in ("full", "delta")  # screened at import
        yield test_client


def test_import_reports_bad_rows_and_keeps_the_rest(client: TestClient, service: ServiceUnderTest) -> None:
    bad = b"vendor,site,function,quantity,colour\nZTE,P1,core,-2,\nZTE,P1,core,1,\n"
    response = client.post(
        "/api/exposure/equipment", files={"file": ("b.csv", bad, "text/csv")}, headers=service.auth("exporter_b")
    )
    assert response.status_code == 200
    assert response.json()["imported"] == 1 and response.json()["skipped"] == 1  # the header problem skips no row
    assert response.json()["problems"] == [
        "b.csv:1 [colour]: unknown column, ignored (known: vendor, site, function, quantity, model, install_date, "
        "book_value, replacement_cost, contract)",
        "b.csv:2 [quantity]: -2 is negative",
    ]
    refused = client.post(
        "/api/exposure/equipment", files={"file": ("b.csv", bad, "text/csv")}, headers=service.auth("auditor")
    )
    assert refused.status_code == 403


def test_scenario_plan_and_chart_of_the_demo_inventory(client: TestClient, service: ServiceUnderTest) -> None:
    a = service.auth("exporter_a")
    scenario = client.get("/api/exposure/scenario", params=SCENARIO, headers=a).json()
    assert scenario["organisation"] == "Exporter A Corp (test)"
    assert set(scenario["matched_vendors"]) == {"HUAWEI", "Huawei Tech. Co Ltd", "Huawei Technologies Co., Ltd."}
    assert scenario["totals"]["units"] > 0 and scenario["plan"]["clean_quarter"] == "2028-Q1"
    assert scenario["plan"]["steps"][0]["function"] == "core"
    assert {c["route"] for c in scenario["contracts"]} >= {"security clause", "ended before the ban"}
    csv_text = client.get("/api/exposure/plan", params={**SCENARIO, "format": "csv"}, headers=a).text
    assert csv_text.startswith("order,site,function,risk,quarter")
    png = client.get("/api/exposure/scenario/chart", params=SCENARIO, headers=a)
    assert png.headers["content-type"] == "image/png" and png.content.startswith(b"\x89PNG")
    bad = client.get("/api/exposure/scenario", params={**SCENARIO, "scope": "radio"}, headers=a)
    assert bad.status_code == 422 and "scope" in bad.text


def test_an_organisation_sees_only_its_own_inventory(client: TestClient, service: ServiceUnderTest) -> None:
    theirs = client.get("/api/exposure/scenario", params=SCENARIO, headers=service.auth("exporter_b")).json()
    assert theirs["matched_vendors"] == [] and theirs["totals"]["units"] == 0
    auditor = client.get("/api/exposure/scenario", params=SCENARIO, headers=service.auth("auditor")).json()
    assert auditor["totals"]["units"] == 0  # authority staff read licensing data, not an operator's network
    assert "Huawei" not in json.dumps(client.get("/api/exposure/watch", headers=service.auth("exporter_b")).json())


def test_the_demo_vendors_are_in_the_register_and_a_clearance_shows_in_the_watch(
    client: TestClient, service: ServiceUnderTest
) -> None:
    a = service.auth("exporter_a")
    register = client.get("/api/parties", params={"limit": 100}, headers=a).json()
    vendors = {p["id"]: p for p in register["items"] if p["id"].startswith("vendor:")}
    assert "vendor:huawei technologies co ltd" in vendors and "vendor:nokia" in vendors
    assert {p["role"] for p in vendors.values()} == {"supplier"}
    watch = client.get("/api/exposure/watch", headers=a).json()
    assert watch["register"]["unscreened"] == [] and watch["register"]["last_run_on"] == watch["as_of"]
    huawei = [h for h in watch["alerts"] if h["party"] == "vendor:huawei technologies co ltd"]
    alert = max((h for h in huawei if h["list"] == "entity_list"), key=lambda h: h["score"])
    assert alert["url"] == f"/alerts/{alert['alert']}" and alert["state"] == "open" and alert["score"] > 0.9
    assert alert["vendor"] in watch["register"]["flagged"]
    cleared = client.post(f"/api/alerts/{alert['alert']}/clear", json={"reason": "test: not the same"}, headers=a)
    assert cleared.status_code == 200, cleared.text
    after = client.get("/api/exposure/watch", headers=a).json()
    assert next(h for h in after["alerts"] if h["alert"] == alert["alert"])["state"] == "cleared"
    # the other organisation's register holds none of it
    theirs = client.get("/api/parties", params={"limit": 100}, headers=service.auth("exporter_b")).json()
    assert not any(p["id"].startswith("vendor:huawei") for p in theirs["items"])


def test_watch_hits_review_and_changes_since(client: TestClient, service: ServiceUnderTest) -> None:
    a = service.auth("exporter_a")
    watch = client.get("/api/exposure/watch", headers=a).json()
    assert watch["lists_imported"] and watch["last_review"] is None and watch["changes_since_review"] == []
    huawei = [h for h in watch["alerts"] if "Huawei Technologies Co., Ltd." in h["vendor_names"]]
    assert any(h["list"] == "entity_list" and h["exposure_list"] for h in huawei)
    reviewed = client.post("/api/exposure/reviews", headers=a)
    assert reviewed.status_code == 201
    assert client.get("/api/exposure/watch", headers=a).json()["changes_since_review"] == []
    # a review that saw an older snapshot of a list: the watch shows what changed since, counted
    current = current_snapshot_ids(service.engine)
    older = next(s for s in snapshots(service.engine) if current.get(s.source) not in (None, s.id))
    org = next(iter(repository.organisations_with_inventory(service.engine)))[0]
    day = watch["as_of"]
    repository.record_review(
        service.engine,
        {**current, older.source: older.id},
        organisation_id=org,
        on=__import__("datetime").date.fromisoformat(day),
    )
    changes = client.get("/api/exposure/watch", headers=a).json()["changes_since_review"]
    assert [c["source"] for c in changes] == [older.source]
    assert (
        changes[0]["from_snapshot"] == older.id
        and changes[0]["added"] + changes[0]["removed"] + changes[0]["amended"] > 0
    )
