"""Screening pages: explained hits with list badges; batch upload with progress and a downloadable result."""

from __future__ import annotations

import time

from tests.api.service import ServiceUnderTest
from tests.web.pages import csrf_of, signed_in


def test_search_shows_the_entity_list_hit_and_its_explanation(web_service: ServiceUnderTest) -> None:
    client = signed_in(web_service, "exporter_a")
    page = client.get("/screening", params={"name": "Huawei Technologies Co Ltd"})
    assert page.status_code == 200
    assert 'class="badge entity_list"' in page.text
    assert "Why this scored" in page.text
    partial = client.get("/screening", params={"name": "Huawei Technologies Co Ltd"}, headers={"HX-Request": "true"})
    assert "<html" not in partial.text and "badge entity_list" in partial.text


def test_search_with_bad_input_shows_the_message_not_an_error_page(web_service: ServiceUnderTest) -> None:
    client = signed_in(web_service, "exporter_a")
    page = client.get("/screening", params={"name": "Huawei", "country": "Atlantis"})
    assert page.status_code == 200 and "unknown country" in page.text


def test_batch_upload_progress_and_download(web_service: ServiceUnderTest) -> None:
    client = signed_in(web_service, "exporter_a")
    token = csrf_of(client.get("/screening/batch").text)
    rejected = client.post(
        "/screening/batch",
        files={"file": ("c.csv", b"id,name\n1,Huawei\n", "text/csv")},
        headers={"Accept": "text/html"},
    )
    assert rejected.status_code == 403  # no CSRF token
    response = client.post(
        "/screening/batch",
        data={"csrf_token": token},
        files={"file": ("c.csv", b"id,name\n1,Huawei Technologies Co Ltd\n2,ZTE Corporation\n", "text/csv")},
    )
    assert response.status_code == 303
    job_url = response.headers["location"]
    deadline = time.monotonic() + 180  # a pool process starts and loads the index first
    page = client.get(job_url)
    while "download" not in page.text and time.monotonic() < deadline:
        time.sleep(0.1)
        page = client.get(job_url, headers={"HX-Request": "true"})
    assert '<progress id="job-progress" max="100" value="100">' in page.text
    job_id = job_url.rsplit("/", 1)[1]
    csv_text = client.get(f"/api/screening/jobs/{job_id}/result").text
    assert "Huawei" in csv_text
    other = signed_in(web_service, "exporter_b")
    assert other.get(job_url, headers={"Accept": "text/html"}).status_code == 404


def test_bad_upload_page_lists_the_problems(web_service: ServiceUnderTest) -> None:
    client = signed_in(web_service, "exporter_a")
    token = csrf_of(client.get("/screening/batch").text)
    response = client.post(
        "/screening/batch",
        data={"csrf_token": token},
        files={"file": ("c.csv", b"id,company\n1,Huawei\n", "text/csv")},
        headers={"Accept": "text/html"},
    )
    assert response.status_code == 422
    assert "no column &#39;name&#39;" in response.text and "<html" in response.text


def test_list_changes_and_entry_pages(web_service: ServiceUnderTest) -> None:
    client = signed_in(web_service, "auditor")
    page = client.get("/lists")
    assert page.status_code == 200 and "BIS Entity List" in page.text  # the source in words
    hit = client.get("/api/screening", params={"name": "Huawei Technologies Co Ltd"}).json()["hits"]
    entry_id = next(h["entry_id"] for h in hit if h["list"] == "entity_list")
    entry = client.get(f"/lists/entries/{entry_id}")
    assert entry.status_code == 200 and "History" in entry.text
