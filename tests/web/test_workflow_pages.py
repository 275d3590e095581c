"""The licensing flow through the pages: application form with inline linter, submit, review with the policy
recommendation, approve, licence, shipment; dashboard, oversight chart, audit and determination pages."""

from __future__ import annotations

import re

from tests.api.service import ServiceUnderTest
from tests.web.pages import csrf_of, signed_in

FORM = {
    "type": "export",
    "end_use": "office network of the consignee's Shenzhen campus",
    "justification": "mass-market items for internal IT only",
    "item-0-eccn": "5A992.c",
    "item-0-description": "network switches",
    "item-0-quantity": "10",
    "item-0-unit": "ea",
    "item-0-unit_value": "1200.00",
    "party-ultimate_consignee-name": "Huawei Technologies Co., Ltd.",
    "party-ultimate_consignee-country": "CN",
    "party-end_user-name": "Huawei Technologies Co., Ltd.",
    "party-end_user-country": "CN",
}


def test_form_lint_preview_shows_findings_inline(web_service: ServiceUnderTest) -> None:
    client = signed_in(web_service, "exporter_a")
    token = csrf_of(client.get("/applications/new").text)
    partial = client.post(
        "/applications/lint-preview", data={**FORM, "end_use": "", "csrf_token": token}, headers={"HX-Request": "true"}
    )
    assert partial.status_code == 200 and "<html" not in partial.text
    assert "missing_end_use" in partial.text
    bad = client.post("/applications/lint-preview", data={**FORM, "item-0-eccn": "nonsense", "csrf_token": token})
    assert "is not an ECCN" in bad.text


def test_whole_flow_through_the_pages(web_service: ServiceUnderTest) -> None:
    exporter = signed_in(web_service, "exporter_a")
    token = csrf_of(exporter.get("/applications/new").text)
    created = exporter.post("/applications/new", data={**FORM, "csrf_token": token})
    assert created.status_code == 303, created.text
    app_url = created.headers["location"]
    app_id = int(app_url.rsplit("/", 1)[1])
    page = exporter.get(app_url)
    assert "No findings" in page.text
    assert exporter.post(f"{app_url}/submit", data={"csrf_token": csrf_of(page.text)}).status_code == 303
    assert 'id="app-status">Submitted' in exporter.get(app_url).text

    reviewer = signed_in(web_service, "reviewer")
    queue = reviewer.get("/reviews")
    assert f'href="/reviews/{app_id}"' in queue.text
    review = reviewer.get(f"/reviews/{app_id}")
    assert "Policy recommendation" in review.text and "list history" in review.text
    token = csrf_of(review.text)
    for step in ("register", "start"):
        assert reviewer.post(f"/reviews/{app_id}/step", data={"step": step, "csrf_token": token}).status_code == 303
    review = reviewer.get(f"/reviews/{app_id}")
    assert "Day <strong>0</strong>" in review.text  # the clock started at registration
    decided = reviewer.post(
        f"/reviews/{app_id}/decide",
        data={"outcome": "approved", "reasons": "mass-market items", "conditions": "no re-export", "csrf_token": token},
    )
    assert decided.status_code == 303

    page = exporter.get(app_url)
    licence_id = re.search(r'href="/licences/(\d+)" id="licence-link"', page.text)
    assert licence_id, page.text
    licence_url = f"/licences/{licence_id.group(1)}"
    licence = exporter.get(licence_url)
    assert "remaining $12,000.00" in licence.text
    shipped = exporter.post(
        f"{licence_url}/ship", data={"value": "2500", "quantity": "2", "csrf_token": csrf_of(licence.text)}
    )
    assert shipped.status_code == 303
    assert "remaining $9,500.00" in exporter.get(licence_url).text
    overdraw = exporter.post(
        f"{licence_url}/ship",
        data={"value": "99999", "quantity": "1", "csrf_token": csrf_of(licence.text)},
        headers={"Accept": "text/html"},
    )
    assert overdraw.status_code == 409 and "<html" in overdraw.text

    dashboard = exporter.get("/")
    assert licence_url in dashboard.text and "remaining value" in dashboard.text

    other = signed_in(web_service, "exporter_b")
    assert other.get(app_url, headers={"Accept": "text/html"}).status_code == 404
    assert other.get(licence_url, headers={"Accept": "text/html"}).status_code == 404
    assert other.get("/reviews", headers={"Accept": "text/html"}).status_code == 403


def test_oversight_audit_and_determination_pages(web_service: ServiceUnderTest) -> None:
    auditor = signed_in(web_service, "auditor")
    oversight = auditor.get("/oversight")
    assert oversight.status_code == 200 and 'id="oversight-chart"' in oversight.text
    chart_url = re.search(r'id="oversight-chart" src="([^"]+)"', oversight.text)
    assert chart_url
    chart = auditor.get(chart_url.group(1).replace("&amp;", "&"))
    assert chart.status_code == 200 and chart.content.startswith(b"\x89PNG")
    audit = auditor.get("/audit", params={"verify": "true"})
    assert "The chain of" in audit.text and "verifies" in audit.text
    determination = auditor.get(
        "/determination", params={"eccn": "5A992.c", "destination": "CN", "end_user": "Huawei Technologies Co., Ltd."}
    )
    assert "Licence required" in determination.text and "744.11" in determination.text


def test_policy_editor_previews_impact_without_storing(web_service: ServiceUnderTest) -> None:
    admin = signed_in(web_service, "policy_admin")
    page = admin.get("/policies")
    assert page.status_code == 200 and "Preview impact" in page.text
    form = {
        "csrf_token": csrf_of(page.text),
        "policy_id": "web-preview",
        "title": "preview only",
        "family": "Huawei",
        "name_contains": "Huawei",
        "outcome": "presumption_of_denial",
        "effective_from": "2021-01-01",
        "priority": "10",
    }
    preview = admin.post("/policies/preview", data=form, headers={"HX-Request": "true"})
    assert preview.status_code == 200 and "Impact of web-preview" in preview.text
    assert "web-preview" not in admin.get("/policies").text.split("<h2>New policy")[0]
    bad = admin.post("/policies/preview", data={**form, "name_contains": ""}, headers={"HX-Request": "true"})
    assert "name the parties" in bad.text
    exporter = signed_in(web_service, "exporter_a")
    assert exporter.get("/policies", headers={"Accept": "text/html"}).status_code == 403
