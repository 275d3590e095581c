"""The exchange on an application, through the pages: the reviewer asks for information, the applicant reads the
question and answers (the clock restarts; a refused answer keeps the text next to the field), the reviewer reads
the answer; the intent-to-deny reason and the hold reason reach the applicant."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.service import ServiceUnderTest
from tests.web.pages import csrf_of, signed_in
from tests.web.test_workflow_pages import FORM


def _in_review(service: ServiceUnderTest) -> tuple[TestClient, TestClient, int]:
    exporter = signed_in(service, "exporter_a")
    created = exporter.post("/applications/new", data={**FORM, "csrf_token": csrf_of(exporter.get("/").text)})
    app_url = created.headers["location"]
    token = csrf_of(exporter.get(app_url).text)
    assert exporter.post(f"{app_url}/submit", data={"csrf_token": token}).status_code == 303
    app_id = int(app_url.rsplit("/", 1)[1])
    reviewer = signed_in(service, "reviewer")
    token = csrf_of(reviewer.get(f"/reviews/{app_id}").text)
    for step in ("register", "start"):
        assert reviewer.post(f"/reviews/{app_id}/step", data={"step": step, "csrf_token": token}).status_code == 303
    return exporter, reviewer, app_id


def test_the_applicant_reads_and_answers_a_request_for_information(web_service: ServiceUnderTest) -> None:
    exporter, reviewer, app_id = _in_review(web_service)
    token = csrf_of(reviewer.get(f"/reviews/{app_id}").text)
    asked = reviewer.post(
        f"/reviews/{app_id}/step",
        data={"step": "request_info", "text": "Which factory assembles the handsets?", "csrf_token": token},
    )
    assert asked.status_code == 303
    page = exporter.get(f"/applications/{app_id}")
    assert 'id="rfi-question">Which factory assembles the handsets?' in page.text
    assert 'id="send-answer"' in page.text
    token = csrf_of(page.text)
    empty = exporter.post(f"/applications/{app_id}/answer-info", data={"answer": "   ", "csrf_token": token})
    assert empty.status_code == 422 and 'id="answer-error"' in empty.text and "answer is empty" in empty.text
    answered = exporter.post(
        f"/applications/{app_id}/answer-info", data={"answer": "Factory 2 in Dongguan", "csrf_token": token}
    )
    assert answered.status_code == 303
    page = exporter.get(f"/applications/{app_id}")
    assert 'id="app-status">Under review' in page.text and 'id="send-answer"' not in page.text
    review = reviewer.get(f"/reviews/{app_id}")
    assert "Which factory assembles the handsets?" in review.text and "Factory 2 in Dongguan" in review.text
    # a second answer (from a stale tab) is explained on the page, not a bare error page
    again = exporter.post(f"/applications/{app_id}/answer-info", data={"answer": "more detail", "csrf_token": token})
    assert again.status_code == 409 and 'id="step-error">Not done: cannot answer info request' in again.text


def test_reasons_reach_the_applicant(web_service: ServiceUnderTest) -> None:
    exporter, reviewer, app_id = _in_review(web_service)
    token = csrf_of(reviewer.get(f"/reviews/{app_id}").text)
    reviewer.post(
        f"/reviews/{app_id}/step", data={"step": "hold", "text": "awaiting the new policy", "csrf_token": token}
    )
    page = exporter.get(f"/applications/{app_id}")
    assert 'id="hold-reason">awaiting the new policy' in page.text
    reviewer.post(f"/reviews/{app_id}/step", data={"step": "resume", "csrf_token": token})
    reviewer.post(
        f"/reviews/{app_id}/intent-to-deny", data={"reason": "end user supplies the military", "csrf_token": token}
    )
    page = exporter.get(f"/applications/{app_id}")
    assert 'id="intent-reason">end user supplies the military' in page.text
    kept = exporter.post(
        f"/applications/{app_id}/intent-response", data={"response": "   ", "csrf_token": csrf_of(page.text)}
    )
    assert kept.status_code == 422 and "the response is empty" in kept.text
