"""The EU dual-use regime and both regimes side by side over HTTP: the API route and the web determination page."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.service import ServiceUnderTest
from tests.web.pages import signed_in


def test_api_regimes_side_by_side_and_bad_regime(client: TestClient, service: ServiceUnderTest) -> None:
    body = {"eccn": "3B001.f.1", "destination": "CN", "from": "NL", "regime": "all", "on": "2026-01-15"}
    response = client.post("/api/determination", json=body, headers=service.auth("exporter_a"))
    assert response.status_code == 200, response.text
    result = response.json()
    eu = result["answers"]["eu-dual-use"]
    assert eu["verdict"] == "license_required" and any("Art. 3(1)" in r["citation"] for r in eu["reasons"])
    assert "© European Union" in eu["attribution"]
    assert result["answers"]["us-ear"]["verdict"] == "license_required" and len(result["what_you_need"]) == 2
    bad = client.post("/api/determination", json={**body, "regime": "eu"}, headers=service.auth("exporter_a"))
    assert bad.status_code == 422 and "regime" in bad.text
    no_from = {**body, "regime": "eu-dual-use", "from": None}
    missing = client.post("/api/determination", json=no_from, headers=service.auth("exporter_a"))
    assert missing.status_code in (400, 422) and "from" in missing.text
    us_body = {"eccn": "4A994", "destination": "JP"}
    us = client.post("/api/determination", json=us_body, headers=service.auth("exporter_a"))
    assert us.status_code == 200 and "regime" not in us.json()  # the EAR answer's shape is unchanged


def test_web_page_regime_choice_and_two_columns(service: ServiceUnderTest) -> None:
    exporter = signed_in(service, "exporter_a")
    form = exporter.get("/determination")
    assert 'name="regime"' in form.text and 'name="from"' in form.text
    page = exporter.get(
        "/determination",
        params={"eccn": "3B001.f.1", "destination": "CN", "from": "NL", "regime": "all", "on": "2026-01-15"},
    )
    assert page.status_code == 200
    assert 'id="regime-eu-dual-use"' in page.text and 'id="regime-us-ear"' in page.text
    assert "© European Union" in page.text and "what-you-need" in page.text and "Art. 3(1)" in page.text
