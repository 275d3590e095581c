"""Forms keep their input and explain a refusal next to the field: submission with linter errors, a
semicolon-separated batch file, an empty or bad screening threshold; determination results say one verdict in
words ("No licence required" never beside "needs review") and group the licence exceptions."""

from __future__ import annotations

import re
from typing import Any

from exportctl.web.templating import environment
from exportctl.web.wording import grouped_exceptions, human, verdict_of
from tests.api.service import ServiceUnderTest
from tests.web.pages import csrf_of, signed_in
from tests.web.test_workflow_pages import FORM


def test_submitting_a_draft_with_linter_errors_explains_it_on_the_page(web_service: ServiceUnderTest) -> None:
    exporter = signed_in(web_service, "exporter_a")
    token = csrf_of(exporter.get("/applications/new").text)
    created = exporter.post("/applications/new", data={**FORM, "end_use": "", "csrf_token": token})
    app_url = created.headers["location"]
    refused = exporter.post(f"{app_url}/submit", data={"csrf_token": csrf_of(exporter.get(app_url).text)})
    assert refused.status_code == 409 and 'id="submit-error">Not submitted: cannot submit' in refused.text
    assert "end_use" in refused.text and 'id="submit-application"' in refused.text  # still a draft, form there


def test_semicolon_csv_is_explained_on_the_form_with_columns_kept(web_service: ServiceUnderTest) -> None:
    client = signed_in(web_service, "exporter_a")
    token = csrf_of(client.get("/screening/batch").text)
    response = client.post(
        "/screening/batch",
        data={"csrf_token": token, "name_column": "name", "id_column": "ref", "country_column": "land"},
        files={"file": ("c.csv", b"ref;name;land\n1;Huawei;CN\n", "text/csv")},
    )
    assert response.status_code == 422 and 'id="file-error"' in response.text
    assert 'id="file-hint">The header row is separated by semicolons' in response.text
    assert 'value="ref"' in response.text and 'value="land"' in response.text


def test_blank_threshold_means_the_default_and_a_bad_one_is_explained(web_service: ServiceUnderTest) -> None:
    client = signed_in(web_service, "exporter_a")
    blank = client.get("/screening", params={"name": "Huawei Technologies Co Ltd", "threshold": ""})
    assert blank.status_code == 200 and "badge entity_list" in blank.text
    bad = client.get("/screening", params={"name": "Huawei", "threshold": "1.5"}, headers={"HX-Request": "true"})
    assert bad.status_code == 200 and "1.5&#39; is not a number from 0 to 1" in bad.text


def _result(**changes: Any) -> dict[str, Any]:
    result: dict[str, Any] = {
        "transaction": {"eccn": "EAR99", "destination": "CN", "parties": [], "date": "2026-01-05"},
        "verdict": "no_license_required", "license_required": False, "prohibited": False,
        "reasons": [{"effect": "no_license_required", "summary": "EAR99 to CN", "citation": "734.3"}],
        "review_policy": None, "review_policy_reason": None, "license_exceptions": [],
        "needs_review": False, "needs_review_reasons": [], "data_versions": None,
    }  # fmt: skip
    return {**result, **changes}


def test_never_no_licence_required_while_review_is_needed() -> None:
    assert verdict_of(_result()) == "no_license_required"
    assert verdict_of(_result(needs_review=True, license_required=None)) == "review_needed"
    assert verdict_of(_result(verdict="undetermined", license_required=None)) == "review_needed"
    assert verdict_of(_result(verdict="review_needed")) == "review_needed"  # the new result model
    assert verdict_of(_result(prohibited=True, license_required=True)) == "prohibited"
    html = environment().get_template("determination_result.html").render(
        result=_result(verdict="undetermined", license_required=None, needs_review=True,
                       needs_review_reasons=["end user on an unverified list"]),
        error=None,
    )  # fmt: skip
    text = re.sub(r"<[^>]+>", " ", html)  # what a reader sees
    assert "Review needed" in text and "No licence required" not in text
    assert "Nothing required by this rule" in text and "no_license_required" not in text


def test_exceptions_grouped_and_codes_in_words() -> None:
    same = {"status": "not_available", "reason": "licence required for RS", "citation": "740.2"}
    groups = grouped_exceptions(
        [{**same, "code": "LVS"}, {**same, "code": "GBS"}, {"code": "TSU", "status": "available", "reason": "r"}]
    )
    assert [(g["status"], g["codes"]) for g in groups] == [("available", ["TSU"]), ("not_available", ["LVS", "GBS"])]
    assert human("not_available") == "Not available" and human("license_required") == "Licence required"
    assert human("some_new_code") == "some new code"


def test_review_page_puts_actions_first_and_keeps_a_refused_decision(web_service: ServiceUnderTest) -> None:
    from tests.web.test_exchange_pages import _in_review

    _, reviewer, app_id = _in_review(web_service)
    page = reviewer.get(f"/reviews/{app_id}").text
    assert page.index('id="steps-title"') < page.index("Parties and screening")  # actions before the details
    assert 'id="applicant">Applicant: <strong>' in page
    outcomes = re.findall(r'<option value="([a-z_]+)"', page.split('id="outcome"')[1].split("</select>")[0])
    assert "denied" not in outcomes  # a denial needs an intent to deny first
    refused = reviewer.post(
        f"/reviews/{app_id}/decide",
        data={"outcome": "denied", "reasons": "military end user\nsecond reason", "csrf_token": csrf_of(page)},
    )
    assert refused.status_code == 409 and 'id="step-error"' in refused.text
    assert refused.text.index('id="step-error"') < refused.text.index("Parties and screening")
    assert "military end user\nsecond reason</textarea>" in refused.text


def test_bad_oversight_breakdown_is_explained_next_to_the_field(web_service: ServiceUnderTest) -> None:
    auditor = signed_in(web_service, "auditor")
    page = auditor.get("/oversight", params={"by": "period,colour", "party": "Huawei"})
    assert page.status_code == 422 and 'id="by-error"' in page.text and 'value="period,colour"' in page.text
    assert 'value="Huawei"' in page.text and "<form" in page.text
    bad_day = auditor.get("/oversight", params={"from": "2020-13-01"})
    assert bad_day.status_code == 422 and 'id="from-error"' in bad_day.text


def test_favicon_is_served_without_signing_in(web_service: ServiceUnderTest) -> None:
    from fastapi.testclient import TestClient

    icon = TestClient(web_service.app).get("/favicon.ico")
    assert icon.status_code == 200 and icon.headers["content-type"].startswith("image/svg+xml")
