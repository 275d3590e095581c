"""Lists and screening endpoints on the real bundled lists."""

from __future__ import annotations

import time

from fastapi.testclient import TestClient

from tests.api.service import ServiceUnderTest


def test_list_status_pages_through_the_imported_sources(client: TestClient, service: ServiceUnderTest) -> None:
    page = client.get("/api/lists/status", headers=service.auth("exporter_a")).json()
    sources = {row["source"] for row in page["items"]}
    assert "entity-list" in sources
    assert page["total"] == len(page["items"]) and page["limit"] == 50 and page["offset"] == 0
    second = client.get("/api/lists/status?limit=1&offset=1", headers=service.auth("exporter_a")).json()
    assert second["items"] == page["items"][1:2]
    only = client.get("/api/lists/status?source=dpl", headers=service.auth("exporter_a")).json()
    assert [row["source"] for row in only["items"]] == ["dpl"]


def test_pagination_bounds_are_enforced(client: TestClient, service: ServiceUnderTest) -> None:
    for query in ("limit=0", "limit=501", "offset=-1", "limit=abc"):
        response = client.get(f"/api/lists/status?{query}", headers=service.auth("exporter_a"))
        assert response.status_code == 422, query
        assert response.json()["problems"]


def test_screening_huawei_finds_the_entity_list_entry_with_its_explanation(
    client: TestClient, service: ServiceUnderTest
) -> None:
    response = client.post(
        "/api/screening", json={"name": "Huawei Technologies Co Ltd"}, headers=service.auth("exporter_a")
    )
    assert response.status_code == 200, response.text
    hits = response.json()["hits"]
    top = next(hit for hit in hits if hit["list"] == "entity_list")  # Huawei is on the FCC Covered List too
    assert "huawei technologies" in top["primary_name"].lower()
    assert top["score"] >= 0.9
    assert top["features"] and all(f["doc"] for f in top["features"])
    # The GET form answers the same.
    same = client.get("/api/screening", params={"name": "Huawei Technologies Co Ltd"}, headers=service.auth("auditor"))
    assert top["entry_id"] in [hit["entry_id"] for hit in same.json()["hits"]]
    # And the entry it names can be read, with its history.
    entry = client.get(f"/api/lists/entries/{top['entry_id']}", headers=service.auth("exporter_a")).json()
    assert entry["primary_name"] == top["primary_name"]
    history = client.get("/api/lists/history", params={"q": top["entry_id"]}, headers=service.auth("exporter_a"))
    assert history.status_code == 200 and history.json()["total"] >= 1


def test_screening_bad_input_is_a_4xx_with_the_field(client: TestClient, service: ServiceUnderTest) -> None:
    headers = service.auth("exporter_a")
    cases = [
        {"name": ""},
        {"name": "x" * 1001},
        {"name": "Huawei", "threshold": 2},
        {"name": "Huawei", "country": "Atlantis"},
        {"name": "Huawei", "as_of": "yesterday"},
        {"name": "!!!"},
    ]
    for body in cases:
        response = client.post("/api/screening", json=body, headers=headers)
        assert response.status_code == 422, (body, response.text)
        assert response.json()["detail"]
    response = client.post("/api/screening", content=b"name=Huawei", headers={**headers, "Content-Type": "text/plain"})
    assert response.status_code == 422


def test_unknown_entry_is_404(client: TestClient, service: ServiceUnderTest) -> None:
    response = client.get("/api/lists/entries/entity-list:does-not-exist", headers=service.auth("exporter_a"))
    assert response.status_code == 404


def _wait_for(client: TestClient, url: str, headers: dict[str, str]) -> dict[str, object]:
    deadline = time.monotonic() + 180  # a new pool process starts and loads the index: seconds, more under load
    while time.monotonic() < deadline:
        job: dict[str, object] = client.get(url, headers=headers).json()
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.1)
    raise AssertionError("job did not finish")


def test_batch_screening_job_runs_and_its_csv_is_tenant_scoped(client: TestClient, service: ServiceUnderTest) -> None:
    csv_text = "id,name,country\n1,Huawei Technologies Co Ltd,CN\n2,Acme Bakery of Ohio,US\n3,!!!,\n"
    headers = service.auth("exporter_a")
    response = client.post(
        "/api/screening/batch",
        files={"file": ("customers.csv", csv_text.encode(), "text/csv")},
        data={"top": "5"},
        headers=headers,
    )
    assert response.status_code == 202, response.text
    job_id = response.json()["id"]
    job = _wait_for(client, f"/api/screening/jobs/{job_id}", headers)
    assert job["status"] == "done" and job["done"] == job["total"] == 3
    result = client.get(f"/api/screening/jobs/{job_id}/result", headers=headers)
    assert result.headers["content-type"].startswith("text/csv")
    lines = result.text.splitlines()
    assert lines[0] == "id,query,query_country,rank,score,list,entry_id,primary_name,matched_name,entry_country,note"
    assert any(line.startswith("1,Huawei Technologies Co Ltd,") and ",entity_list," in line for line in lines)
    assert any(line.startswith("3,") and "not screened (line 4)" in line for line in lines)  # unscreenable row
    # Exporter B cannot see A's job or its result, nor find it in its list; the auditor can.
    other = service.auth("exporter_b")
    assert client.get(f"/api/screening/jobs/{job_id}", headers=other).status_code == 404
    assert client.get(f"/api/screening/jobs/{job_id}/result", headers=other).status_code == 404
    assert job_id not in [j["id"] for j in client.get("/api/screening/jobs", headers=other).json()["items"]]
    assert client.get(f"/api/screening/jobs/{job_id}", headers=service.auth("auditor")).status_code == 200


def test_bad_uploads_are_refused_whole(client: TestClient, service: ServiceUnderTest) -> None:
    headers = service.auth("exporter_a")
    before = client.get("/api/screening/jobs", headers=headers).json()["total"]
    cases = [
        (("a.csv", b"id,company\n1,Huawei\n", "text/csv"), 422, "no column 'name'"),
        (("a.csv", b"id,name\n", "text/csv"), 422, "problem"),  # no rows
        (("a.csv", "id,name\n1,Hu\u00e4wei\n".encode("latin-1"), "text/csv"), 400, "not UTF-8"),
        (("a.png", b"\x89PNG\r\n", "image/png"), 400, "expected a CSV"),
        (("big.csv", b"id,name\n" + b"1,Huawei\n" * 60_000, "text/csv"), 413, "too large"),
    ]
    for file, status, message in cases:
        response = client.post("/api/screening/batch", files={"file": file}, headers=headers)
        assert response.status_code == status, (file[0], response.text[:300])
        assert message in response.json()["detail"]
    assert client.get("/api/screening/jobs", headers=headers).json()["total"] == before
    response = client.post("/api/screening/batch", data={"top": "1"}, headers=headers)
    assert response.status_code == 422


def test_was_listed_answers_from_every_file_with_a_status(client: TestClient, service: ServiceUnderTest) -> None:
    headers = service.auth("exporter_a")
    params = {"q": "SIRJANCO TRADING LLC", "on": "2026-01-15"}
    answer = client.get("/api/lists/was-listed", params=params, headers=headers).json()
    assert answer["status"] == "listed" and answer["listed"] is True
    assert "effective 2025-10-27, expiry 2026-10-27" in answer["reason"]  # the 2026 DPL file's dates
    status = client.get("/api/lists/status?source=uk-ofsi", headers=headers).json()["items"][0]
    assert status["attribution"].startswith("Contains public sector information") and status["last_check_at"] is None
