"""Determination (single and batch) and oversight reports over HTTP."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.service import ServiceUnderTest
from tests.api.workflow import approve, file_application

HUAWEI = {"role": "end_user", "name": "Huawei Technologies Co., Ltd.", "country": "CN"}


def test_entity_list_party_needs_a_licence_with_citations(client: TestClient, service: ServiceUnderTest) -> None:
    body = {"eccn": "5A992.c", "destination": "CN", "parties": [HUAWEI]}
    response = client.post("/api/determination", json=body, headers=service.auth("exporter_a"))
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["license_required"] is True
    assert any("744.11" in str(reason) for reason in result["reasons"])


def test_batch_determination_reports_bad_rows_and_determines_the_rest(
    client: TestClient, service: ServiceUnderTest
) -> None:
    body = {
        "transactions": [
            {"eccn": "5A992.c", "destination": "CN", "parties": [HUAWEI]},
            {"eccn": "not-an-eccn", "destination": "CN"},
            {"eccn": "EAR99", "destination": "Atlantis"},
        ]
    }
    rows = client.post("/api/determination/batch", json=body, headers=service.auth("exporter_a")).json()
    assert [r["index"] for r in rows] == [0, 1, 2]
    assert rows[0]["determination"]["license_required"] is True
    assert rows[1]["error"] and rows[1]["determination"] is None
    assert rows[2]["error"] and rows[2]["field"]


def test_report_json_csv_and_chart(client: TestClient, service: ServiceUnderTest) -> None:
    application = file_application(client, service)
    approve(client, service, application["id"])
    auditor = service.auth("auditor")
    report = client.get("/api/reports/licences", params={"party": "Huawei", "by": "outcome"}, headers=auditor)
    assert report.status_code == 200, report.text
    body = report.json()
    # this service's only Huawei application: approved, 10 x $1,200.00, nothing shipped yet
    assert body["applications"] == 1
    assert body["totals"] == [{"outcome": "approved", "count": 1, "value_usd": 12000, "used_value_usd": 0}]
    assert [(r["outcome"], r["count"], r["value_usd"]) for r in body["rows"]] == [("approved", 1, 12000)]
    csv_report = client.get("/api/reports/licences", params={"format": "csv", "by": "outcome"}, headers=auditor)
    assert csv_report.headers["content-type"].startswith("text/csv") and "approved" in csv_report.text
    chart = client.get("/api/reports/licences/chart", params={"by": "outcome"}, headers=auditor)
    assert chart.status_code == 200 and chart.content.startswith(b"\x89PNG")
    svg = client.get("/api/reports/licences/chart", params={"format": "svg"}, headers=auditor)
    assert svg.headers["content-type"] == "image/svg+xml" and b"<svg" in svg.content
    assert client.get("/api/reports/licences", params={"by": "colour"}, headers=auditor).status_code == 422
    assert client.get("/api/reports/licences", headers=service.auth("exporter_a")).status_code == 403
