"""The exposure page through the real login form: upload, scenario with plan and chart, watch and review."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from exportctl.exposure.service import DEMO_DIR, DEMO_FILES
from tests.api.service import ServiceUnderTest, fresh_service
from tests.web.pages import csrf_of, signed_in


@pytest.fixture(scope="module")
def service() -> Iterator[ServiceUnderTest]:
    with fresh_service() as own:
        yield own


def _upload(client: TestClient, kind: str, name: str, data: bytes) -> str:
    token = csrf_of(client.get("/exposure").text)
    response = client.post(
        "/exposure/upload", data={"csrf_token": token, "kind": kind}, files={"file": (name, data, "text/csv")}
    )
    assert response.status_code == 200, response.text
    return response.text


def test_upload_scenario_and_review(service: ServiceUnderTest) -> None:
    client = signed_in(service, "exporter_a")
    empty = client.get("/exposure")
    assert empty.status_code == 200 and "never imported" in empty.text
    for kind, name in DEMO_FILES:
        page = _upload(client, kind, name, (DEMO_DIR / name).read_bytes())
        assert "0 problem(s)" in page
    bad = _upload(client, "equipment", "bad.csv", b"vendor,site,function,quantity\nZTE,P,core,-1\nZTE,P,core,1\n")
    assert "bad.csv:2 [quantity]: -1 is negative" in bad and "1 rows imported" in bad
    for kind, name in DEMO_FILES[:1]:
        _upload(client, kind, name, (DEMO_DIR / name).read_bytes())
    page = client.get("/exposure", params={"vendor": "Huawei", "from": "2026-06-01", "budget": "2000000"})
    assert page.status_code == 200
    assert "after 2028-Q1" in page.text and 'id="exposure-chart"' in page.text and "security clause" in page.text
    chart_url = page.text.split('id="exposure-chart" src="', 1)[1].split('"', 1)[0].replace("&amp;", "&")
    assert client.get(chart_url).content.startswith(b"\x89PNG")
    assert "badge entity_list" in page.text  # the watch: the register's alert on Huawei (Entity List)
    assert 'href="/alerts/' in page.text.split('id="watch-hits"', 1)[1]
    wrong = client.get("/exposure", params={"vendor": "Huawei", "budget": "lots"})
    assert wrong.status_code == 422 and 'id="budget-error"' in wrong.text
    refused = client.post("/exposure/review")
    assert refused.status_code == 403  # no CSRF token
    reviewed = client.post("/exposure/review", data={"csrf_token": csrf_of(page.text)})
    assert reviewed.status_code == 303
    assert "No list changed since the review" in client.get("/exposure").text


def test_authority_staff_see_their_own_empty_inventory_and_no_upload_form(service: ServiceUnderTest) -> None:
    client = signed_in(service, "auditor")
    page = client.get("/exposure", params={"vendor": "Huawei"})
    assert page.status_code == 200 and "/exposure/upload" not in page.text
    assert "vendor names matched: none" in page.text
