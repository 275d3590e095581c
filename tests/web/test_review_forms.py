"""The review steps and licence status changes through the pages (real app, real sessions, CSRF): intent to deny
with its response window and the applicant's response, referral and agency recommendations, suspend / reinstate /
revoke. Each form performs its step; a wrong role, another tenant or a missing CSRF token is refused and changes
nothing; errors the user can act on are shown inline on the page, never as a 500."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient

from tests.api.service import ServiceUnderTest
from tests.api.workflow import application_body, approve, file_application
from tests.web.pages import csrf_of, signed_in

HTML = {"Accept": "text/html"}


def _api(service: ServiceUnderTest) -> TestClient:
    return TestClient(service.app)


def _application(service: ServiceUnderTest, app_id: int) -> dict[str, Any]:
    found: dict[str, Any] = _api(service).get(f"/api/applications/{app_id}", headers=service.auth("auditor")).json()
    return found


def _under_review(service: ServiceUnderTest, reviewer: TestClient) -> int:
    """A fresh application of exporter A, registered and under review, driven through the review page."""
    app_id = int(file_application(_api(service), service)["id"])
    token = csrf_of(reviewer.get(f"/reviews/{app_id}").text)
    for step in ("register", "start"):
        assert reviewer.post(f"/reviews/{app_id}/step", data={"step": step, "csrf_token": token}).status_code == 303
    return app_id


def _post(client: TestClient, url: str, page: str, data: dict[str, str]) -> Any:
    """Post a form the way the browser does: with the CSRF token of a page the client may open."""
    token = csrf_of(client.get(page).text)
    return client.post(url, data={**data, "csrf_token": token}, headers=HTML)


def test_intent_to_deny_shows_the_window_and_takes_the_applicants_response(web_service: ServiceUnderTest) -> None:
    reviewer = signed_in(web_service, "reviewer")
    exporter_a, exporter_b = signed_in(web_service, "exporter_a"), signed_in(web_service, "exporter_b")
    app_id = _under_review(web_service, reviewer)
    review_url, app_url = f"/reviews/{app_id}", f"/applications/{app_id}"
    assert "Notify intent to deny" in reviewer.get(review_url).text

    refused = _post(exporter_a, f"{review_url}/intent-to-deny", app_url, {"reason": "exporters cannot"})
    assert refused.status_code == 403
    no_csrf = reviewer.post(f"{review_url}/intent-to-deny", data={"reason": "no token"}, headers=HTML)
    assert no_csrf.status_code == 403 and "CSRF" in no_csrf.text
    empty = _post(reviewer, f"{review_url}/intent-to-deny", review_url, {"reason": "  "})
    assert (
        empty.status_code == 422 and 'id="step-error"' in empty.text and "reason for the intended denial" in empty.text
    )
    bad_day = _post(reviewer, f"{review_url}/intent-to-deny", review_url, {"reason": "x", "on": "31/12/2025"})
    assert bad_day.status_code == 422 and "is not a date" in bad_day.text
    assert _application(web_service, app_id)["status"] == "under_review"

    issued_from = utc_today()  # the service dates the step in UTC; bracket it, in case midnight passes meanwhile
    done = _post(reviewer, f"{review_url}/intent-to-deny", review_url, {"reason": "end user builds 5G networks"})
    issued_to = utc_today()
    assert done.status_code == 303
    review_page, page = reviewer.get(review_url).text, exporter_a.get(app_url).text
    dues = {(day + timedelta(days=20)).isoformat() for day in (issued_from, issued_to)}
    assert any(f"20 days to respond: until <strong>{due}" in review_page for due in dues), dues
    assert any(f"respond until <strong>{due}" in page for due in dues) and 'id="send-intent-response"' in page
    premature = _post(reviewer, f"{review_url}/decide", review_url, {"outcome": "denied", "reasons": "5G end use"})
    assert premature.status_code == 409 and "response window closes on" in premature.text

    answer = {"response": "the switches are not 5G capable; datasheet attached"}
    assert exporter_b.get(app_url, headers=HTML).status_code == 404
    other_tenant = exporter_b.post(
        f"{app_url}/intent-response", data={**answer, "csrf_token": csrf_of(exporter_b.get("/").text)}, headers=HTML
    )
    assert other_tenant.status_code == 404
    assert _post(reviewer, f"{app_url}/intent-response", review_url, answer).status_code == 403
    assert _application(web_service, app_id)["status"] == "intent_to_deny"
    assert _application(web_service, app_id)["intent_response"] is None
    assert "not 5G capable" not in reviewer.get(review_url).text

    assert _post(exporter_a, f"{app_url}/intent-response", app_url, answer).status_code == 303
    assert "not 5G capable" in exporter_a.get(app_url).text and "not 5G capable" in reviewer.get(review_url).text
    assert _application(web_service, app_id)["intent_response"] == answer["response"]  # the API shows it too
    again = _post(exporter_a, f"{app_url}/intent-response", app_url, {"response": "second thoughts"})
    assert again.status_code == 409 and "already given" in again.text and "second thoughts" not in again.text

    denied = _post(reviewer, f"{review_url}/decide", review_url, {"outcome": "denied", "reasons": "5G end use"})
    assert denied.status_code == 303 and _application(web_service, app_id)["status"] == "denied"


def test_referral_and_agency_recommendations(web_service: ServiceUnderTest) -> None:
    reviewer, auditor = signed_in(web_service, "reviewer"), signed_in(web_service, "auditor")
    exporter_a = signed_in(web_service, "exporter_a")
    app_id = _under_review(web_service, reviewer)
    review_url = f"/reviews/{app_id}"
    assert _post(reviewer, f"{review_url}/step", review_url, {"step": "refer", "text": " , "}).status_code == 422
    assert _post(reviewer, f"{review_url}/step", review_url, {"step": "refer", "text": "DoD, State"}).status_code == 303
    page = reviewer.get(review_url).text
    assert "<strong>DoD</strong>" in page and "Record State's recommendation" in page
    referrals = _api(web_service).get("/api/reviews/queue", headers=web_service.auth("reviewer")).json()["items"]
    ids = {r["agency"]: r["referral_id"] for e in referrals if e["application"]["id"] == app_id for r in e["referrals"]}
    dod_url = f"{review_url}/referrals/{ids['DoD']}/recommendation"
    approve_it = {"recommendation": "approve_with_conditions", "basis": "end-use check before shipment"}

    assert _post(exporter_a, dod_url, f"/applications/{app_id}", approve_it).status_code == 403
    assert _post(auditor, dod_url, review_url, approve_it).status_code == 403
    unknown = _post(reviewer, dod_url, review_url, {**approve_it, "recommendation": "maybe"})
    assert unknown.status_code == 422 and "unknown recommendation" in unknown.text
    no_basis = _post(reviewer, dod_url, review_url, {**approve_it, "basis": ""})
    assert no_basis.status_code == 422 and "give the basis" in no_basis.text
    assert "recommends <strong>" not in reviewer.get(review_url).text

    assert _post(reviewer, dod_url, review_url, approve_it).status_code == 303
    assert "recommends <strong>Approve with conditions</strong>" in reviewer.get(review_url).text
    twice = _post(reviewer, dod_url, review_url, {**approve_it, "recommendation": "deny"})
    assert twice.status_code == 409 and "already has a recommendation" in twice.text
    waiting = _post(reviewer, f"{review_url}/decide", review_url, {"outcome": "approved", "reasons": "fine"})
    assert waiting.status_code == 409 and "waiting for referral recommendations from State" in waiting.text
    assert _application(web_service, app_id)["status"] == "referred"
    held = _post(reviewer, f"{review_url}/step", review_url, {"step": "hold", "text": "applicant asked for time"})
    assert held.status_code == 303 and _application(web_service, app_id)["status"] == "on_hold"
    assert _post(exporter_a, f"{review_url}/step", f"/applications/{app_id}", {"step": "resume"}).status_code == 403
    assert _post(reviewer, f"{review_url}/step", review_url, {"step": "resume"}).status_code == 303
    assert _application(web_service, app_id)["status"] == "referred"  # back to the state the hold interrupted


def utc_today() -> date:
    return datetime.now(UTC).date()


def test_licence_suspend_reinstate_revoke(web_service: ServiceUnderTest) -> None:
    api = _api(web_service)
    app_id = int(file_application(api, web_service)["id"])
    licence_id = approve(api, web_service, app_id)["licence_id"]
    url = f"/licences/{licence_id}"

    def status() -> str:
        found: str = api.get(f"/api/licences/{licence_id}", headers=web_service.auth("auditor")).json()["status"]
        return found

    valid_from = api.get(f"/api/licences/{licence_id}", headers=web_service.auth("auditor")).json()["valid_from"]
    suspend = {"action": "suspend", "from_date": valid_from, "reason": "end user added to a list"}
    for user in ("exporter_a", "exporter_b", "auditor", "admin"):
        client = signed_in(web_service, user)
        page = client.get(url, headers=HTML)
        assert 'id="change-status"' not in page.text
        assert _post(client, f"{url}/status", "/", suspend).status_code == 403, user
    assert status() == "active"

    admin = signed_in(web_service, "policy_admin")
    assert 'id="change-status"' in admin.get(url).text
    no_reason = _post(admin, f"{url}/status", url, {**suspend, "reason": ""})
    assert (
        no_reason.status_code == 422 and 'id="status-error"' in no_reason.text and "give the reason" in no_reason.text
    )
    bad_day = _post(admin, f"{url}/status", url, {**suspend, "from_date": "soon"})
    assert bad_day.status_code == 422 and "from date &#39;soon&#39; is not a date" in bad_day.text
    assert status() == "active"

    assert _post(admin, f"{url}/status", url, suspend).status_code == 303 and status() == "suspended"
    exporter = signed_in(web_service, "exporter_a")
    assert 'id="ship"' not in exporter.get(url).text  # no shipments on a suspended licence
    reviewer = signed_in(web_service, "reviewer")
    lifted = _post(reviewer, f"{url}/status", url, {**suspend, "action": "reinstate", "reason": "delisted"})
    assert lifted.status_code == 303 and status() == "active"
    assert _post(reviewer, f"{url}/status", url, {**suspend, "action": "revoke"}).status_code == 303
    assert status() == "revoked" and 'id="change-status"' not in reviewer.get(url).text
    final = _post(reviewer, f"{url}/status", url, {**suspend, "action": "reinstate"})
    assert final.status_code == 409 and "a revocation is final" in final.text and status() == "revoked"


def test_approved_in_part_with_riders_and_the_version_seen_from_the_browser(web_service: ServiceUnderTest) -> None:
    """Issue 21, defect 4: the page's decide handler dropped the approved item ids, riders and version the API
    passes, so "approved in part" always failed from the browser."""
    api = _api(web_service)
    body = application_body()
    body["items"] = [*body["items"], {**body["items"][0], "eccn": "EAR99", "description": "patch cables"}]
    created = api.post("/api/applications", json=body, headers=web_service.auth("exporter_a")).json()
    api.post(f"/api/applications/{created['id']}/submit", headers=web_service.auth("exporter_a"))
    reviewer = signed_in(web_service, "reviewer")
    app_id, review_url = int(created["id"]), f"/reviews/{created['id']}"
    token = csrf_of(reviewer.get(review_url).text)
    for step in ("register", "start"):
        assert reviewer.post(f"{review_url}/step", data={"step": step, "csrf_token": token}).status_code == 303
    page = reviewer.get(review_url).text
    assert 'name="approved_item_ids"' in page and 'name="riders"' in page and 'name="version"' in page
    seen = _application(web_service, app_id)
    first = seen["items"][0]["id"]
    form = {"outcome": "approved_in_part", "reasons": "switches only", "riders": "no resale\nreport by Q3"}
    chosen = {**form, "approved_item_ids": str(first)}
    stale = _post(reviewer, f"{review_url}/decide", review_url, {**chosen, "version": "1"})
    assert stale.status_code == 409 and _application(web_service, app_id)["status"] == "under_review"
    done = reviewer.post(
        f"{review_url}/decide",
        data={**form, "approved_item_ids": str(first), "version": str(seen["version"]), "csrf_token": token},
    )
    assert done.status_code == 303, done.text
    decided = _application(web_service, app_id)
    assert decided["status"] == "approved_in_part"
    licence = api.get("/api/licences", headers=web_service.auth("auditor")).json()["items"]
    mine = next(lic for lic in licence if lic["application_id"] == app_id)
    assert [i["application_item_id"] for i in mine["items"]] == [first]
    assert mine["conditions"] == ["Rider: no resale", "Rider: report by Q3"]
