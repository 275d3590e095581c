"""Pages a compliance team works in all day, through the real service: records of screenings and determinations
saved to the audit trail with their hash and the list snapshots searched; batch results with one row per party
and a summary; policies applied with the table refreshed and citations unverified by default; the audit trail
with names, links and paging; the licence list with holders and a filter; the queue saying "overdue"; codes in
words (lists, features), matched words marked, footnotes set apart, explanations collapsed."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import time
from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exportctl.audit.events import list_events
from exportctl.clock import UTC_CLOCK, FixedClock
from exportctl.web.pages import oversight
from exportctl.web.templating import footnotes, highlight
from tests.api.service import ServiceUnderTest
from tests.web.pages import csrf_of, signed_in
from tests.web.test_exchange_pages import _in_review

HUAWEI = "Huawei Technologies Co Ltd"


def test_a_screening_record_names_the_snapshots_and_is_saved_with_its_hash(web_service: ServiceUnderTest) -> None:
    client = signed_in(web_service, "exporter_a")
    results = client.get("/screening", params={"name": HUAWEI}).text
    link = re.search(r'href="(/screening/record\?[^"]+)" id="record-link"', results)
    assert link, "the results link to their record"
    record = client.get(link.group(1).replace("&amp;", "&"))
    assert record.status_code == 200
    assert 'id="record-snapshots"' in record.text and "BIS Entity List (file)" in record.text
    assert "Save to the audit trail" in record.text
    saved = client.post("/screening/record", data={"csrf_token": csrf_of(record.text), "name": HUAWEI, "threshold": ""})
    assert saved.status_code == 200 and 'id="record-saved"' in saved.text
    shown_hash = re.search(r'id="record-hash">([0-9a-f]{64})<', saved.text)
    assert shown_hash
    event = list_events(web_service.engine, action="screening.recorded", limit=1)[0]
    assert event.after["sha256"] == shown_hash.group(1)
    content = event.after["record"]
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    assert hashlib.sha256(canonical.encode()).hexdigest() == shown_hash.group(1)  # the hash is of the record stored
    assert {s["source"] for s in content["snapshots_searched"]} >= {"entity-list", "csl"}
    assert all(s["content_sha256"] for s in content["snapshots_searched"])
    assert content["outcome"] == "hits" and any(h["list"] == "entity_list" for h in content["hits"])
    assert content["by"]["user"] == web_service.email("exporter_a")


def test_a_no_hit_screening_record_says_no_hit(web_service: ServiceUnderTest) -> None:
    client = signed_in(web_service, "exporter_a")
    page = client.get("/screening/record", params={"name": "Acme Bakery of Ohio"})
    assert re.search(r'id="record-outcome"><strong>No hit</strong>', page.text)


def test_a_determination_record_is_saved(web_service: ServiceUnderTest) -> None:
    client = signed_in(web_service, "exporter_a")
    page = client.get("/determination", params={"eccn": "5A992.c", "destination": "CN", "end_user": HUAWEI})
    assert 'id="save-determination"' in page.text
    saved = client.post(
        "/determination/record",
        data={"csrf_token": csrf_of(page.text), "eccn": "5A992.c", "destination": "CN", "end_user": HUAWEI},
    )
    assert saved.status_code == 200 and 'id="record-saved"' in saved.text and "Licence required" in saved.text
    event = list_events(web_service.engine, action="determination.recorded", limit=1)[0]
    assert event.after["record"]["answer"]["data_versions"]["lists"]  # the snapshots used are in the record


def _wait_done(client: object, url: str) -> str:
    deadline = time.monotonic() + 60
    while True:
        page = client.get(url).text  # type: ignore[attr-defined]
        if 'id="batch-summary"' in page or time.monotonic() > deadline:
            return str(page)
        time.sleep(0.2)


def test_batch_result_has_a_row_per_party_and_a_summary(web_service: ServiceUnderTest) -> None:
    client = signed_in(web_service, "exporter_a")
    token = csrf_of(client.get("/screening/batch").text)
    upload = f"id,name,country\nA,{HUAWEI},CN\nB,Acme Bakery of Ohio,US\nC,!!!,\n".encode()
    started = client.post("/screening/batch", data={"csrf_token": token}, files={"file": ("p.csv", upload, "text/csv")})
    assert started.status_code == 303
    page = _wait_done(client, started.headers["location"])
    summary = {k: re.search(rf'id="sum-{k}">(\d+)<', page).group(1) for k in ("parties", "hits", "clear", "errors")}  # type: ignore[union-attr]
    assert summary == {"parties": "3", "hits": "1", "clear": "1", "errors": "1"}
    assert "No hit" in page and "Not screened" in page
    job_id = started.headers["location"].rsplit("/", 1)[1]
    rows = list(csv.DictReader(io.StringIO(client.get(f"/api/screening/jobs/{job_id}/result").text)))
    assert {r["id"] for r in rows} == {"A", "B", "C"}  # every party has a row
    assert [r["note"][:18] for r in rows if r["id"] != "A"] == ["no hit", "not screened (line"]
    assert all(r["rank"] and r["entry_id"] and not r["note"] for r in rows if r["id"] == "A")


def test_applying_a_policy_refreshes_the_table_and_citations_start_unverified(web_service: ServiceUnderTest) -> None:
    client = signed_in(web_service, "policy_admin")
    page = client.get("/policies").text
    chosen = re.search(r'<option value="([a-z]+)" selected>', page.split('id="citation_verification"')[1])
    assert chosen and chosen.group(1) == "unverified"
    assert 'hx-confirm="Apply this policy?' in page
    form = {"policy_id": "web-test-halt", "title": "Test halt", "family": "Huawei", "name_contains": "huawei",
            "outcome": "presumption_of_denial", "effective_from": "2026-01-01", "priority": "5",
            "citation": "test notice", "citation_verification": "unverified", "csrf_token": csrf_of(page)}  # fmt: skip
    applied = client.post("/policies/apply", data=form, headers={"HX-Request": "true"})
    assert applied.status_code == 200 and 'id="policy-stored"' in applied.text
    assert 'id="policy-table" hx-swap-oob="true"' in applied.text and "web-test-halt" in applied.text
    ended = client.post("/policies/end", data={"policy_id": "web-test-halt", "effective_to": "2026-06-01",
                                               "csrf_token": csrf_of(page)})  # fmt: skip
    assert ended.status_code == 303
    assert "2026-01-01 – 2026-06-01" in client.get("/policies").text


def test_audit_shows_names_links_and_pages(web_service: ServiceUnderTest, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(oversight, "AUDIT_PAGE", 5)  # the test database has fewer events than a real page
    _in_review(web_service)  # a few events by named users
    auditor = signed_in(web_service, "auditor")
    page = auditor.get("/audit").text
    assert "Reviewer (reviewer@test.example)" in page and "Licensing Authority (test)" in page
    assert re.search(r'<a href="/applications/\d+">Application \d+</a>', page)
    assert "user 1 / org" not in page
    older = re.search(r'href="(/audit\?before=\d+)" class="older"', page)
    assert older, "more than one page of events"
    second = auditor.get(older.group(1)).text
    first_seqs = set(re.findall(r"<tr><td>(\d+)</td>", page))
    assert first_seqs and not first_seqs & set(re.findall(r"<tr><td>(\d+)</td>", second))
    assert "Newest events" in second


def test_licence_list_has_holders_and_a_filter(web_service: ServiceUnderTest) -> None:
    exporter, reviewer, app_id = _in_review(web_service)
    token = csrf_of(reviewer.get(f"/reviews/{app_id}").text)
    decided = reviewer.post(f"/reviews/{app_id}/decide",
                            data={"outcome": "approved", "reasons": "ok", "csrf_token": token})  # fmt: skip
    assert decided.status_code == 303
    page = reviewer.get("/licences").text
    assert '<th scope="col">Holder</th>' in page and "<td>Exporter A Corp (test)</td>" in page
    assert "Exporter A Corp (test)" not in reviewer.get("/licences", params={"q": "GmbH"}).text.split("<tbody>")[-1]
    assert "Exporter A Corp (test)" in reviewer.get("/licences", params={"q": "corp", "status": "active"}).text
    assert "0 licences match" in reviewer.get("/licences", params={"status": "revoked"}).text


def test_queue_says_overdue_by_n_days(web_service: ServiceUnderTest) -> None:
    _, reviewer, _ = _in_review(web_service)
    web_service.app.state.ctx.clock = FixedClock(UTC_CLOCK.today() + timedelta(days=400))
    try:
        page = reviewer.get("/reviews").text
    finally:
        web_service.app.state.ctx.clock = UTC_CLOCK
    assert re.search(r"overdue by \d+ days", page) and not re.search(r'class="num[^"]*">-\d', page)


def test_screening_results_in_words_with_marks_and_collapsed_explanations(web_service: ServiceUnderTest) -> None:
    page = signed_in(web_service, "exporter_a").get("/screening", params={"name": HUAWEI}).text
    assert "BIS Entity List" in page and ">ENTITY LIST<" not in page
    assert "<mark>Huawei</mark>" in page or "<mark>HUAWEI</mark>" in page
    assert "Name similarity" in page and "<td>name_similarity</td>" not in page
    assert '<details class="explanation">' in page and '<details class="explanation" open' not in page
    assert '734.9(e)<sup class="fn"' in page


def test_footnotes_and_highlight() -> None:
    assert str(footnotes("see §§ 734.9(e) 1 and 744.11 of the EAR 2")) == (
        'see §§ 734.9(e)<sup class="fn" title="footnote 1">1</sup> and 744.11 of the EAR'
        '<sup class="fn" title="footnote 2">2</sup>'
    )
    assert str(footnotes("Part 744 (2 items) 12 units")) == "Part 744 (2 items) 12 units"
    assert str(highlight("HUAWEI Technologies <b>", "huawei")) == "<mark>HUAWEI</mark> Technologies &lt;b&gt;"


@given(st.text(max_size=40), st.text(max_size=20))
def test_highlight_never_changes_the_text_or_lets_markup_through(text: str, query: str) -> None:
    marked = str(highlight(text, query))
    assert "<" not in marked.replace("<mark>", "").replace("</mark>", "")
    unmarked = marked.replace("<mark>", "").replace("</mark>", "")
    assert unmarked == str(highlight(text, ""))
