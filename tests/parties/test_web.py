"""The register's pages on the real service: the alert queue, an alert with party and entry side by side (matched
words marked, the feature table), a clearance through the form (a reason required), the party page with its alert
history; another organisation's user gets "not found"."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from exportctl.parties import PartyData, rescreen, upsert_parties
from exportctl.store.db import session_scope
from exportctl.web.pages import register as register_pages
from tests.api.service import ServiceUnderTest, fresh_service
from tests.web.pages import csrf_of, signed_in

pytestmark = pytest.mark.slow  # the service template and an as-of index of every bundled list


@pytest.fixture
def web_service() -> Iterator[ServiceUnderTest]:
    with fresh_service() as own:
        yield own


def test_alert_queue_alert_page_and_party_page(web_service: ServiceUnderTest, monkeypatch: pytest.MonkeyPatch) -> None:
    org = web_service.principals["exporter_a"].organisation_id
    with session_scope(web_service.engine) as s:
        upsert_parties(s, [PartyData("cust-1", "Huawei Technologies Co Ltd", country="CN")], organisation_id=org)
    ctx = web_service.app.state.ctx
    rescreen(web_service.engine, organisation_id=org, as_of=ctx.clock.today(), indexes=ctx.list_indexes)

    browser = signed_in(web_service, "exporter_a")
    queue = browser.get("/alerts")
    assert queue.status_code == 200 and 'id="alert-queue"' in queue.text and "Huawei Technologies Co Ltd" in queue.text
    assert 'href="/alerts"' in queue.text  # in the navigation
    alert_id = int(queue.text.split('href="/alerts/')[1].split('"')[0])
    ids = [int(i) for i in re.findall(r'<td><a href="/alerts/(\d+)">', queue.text)]
    assert len(ids) >= 2, "the bundled lists give this party several alerts"
    monkeypatch.setattr(register_pages, "PER_PAGE", 1)  # one alert a page: the links page by cursor
    walked, here = [], browser.get("/alerts?status=all")
    while True:
        walked += [int(i) for i in re.findall(r'<td><a href="/alerts/(\d+)">', here.text)]
        older = re.search(r'<a href="(/alerts\?[^"]*after=\d+)">older', here.text)
        if older is None:
            break
        here = browser.get(older.group(1).replace("&amp;", "&"))
    assert walked == ids and f"page {len(ids)} of {len(ids)}" in here.text
    newer = re.search(r'<a href="(/alerts\?[^"]*)">← newer', here.text)
    assert newer is not None
    back = browser.get(newer.group(1).replace("&amp;", "&"))
    assert [int(i) for i in re.findall(r'<td><a href="/alerts/(\d+)">', back.text)] == [ids[-2]]
    monkeypatch.undo()

    page = browser.get(f"/alerts/{alert_id}")
    assert page.status_code == 200 and 'id="side-by-side"' in page.text and 'id="features"' in page.text
    assert "<mark>Huawei</mark>" in page.text and "name_similarity" in page.text
    csrf = csrf_of(page.text)
    refused = browser.post(f"/alerts/{alert_id}/decide", data={"action": "cleared", "csrf_token": csrf})
    assert refused.status_code == 422 and 'id="decision-error"' in refused.text
    reason = {"action": "cleared", "reason": "our Huawei is a reseller", "csrf_token": csrf}
    done = browser.post(f"/alerts/{alert_id}/decide", data=reason)
    assert done.status_code == 303
    cleared = browser.get(f"/alerts/{alert_id}")
    assert 'id="alert-state">cleared' in cleared.text and "our Huawei is a reseller" in cleared.text

    party = browser.get("/register/cust-1")
    assert party.status_code == 200 and 'id="party-alerts"' in party.text and "cleared" in party.text

    other = signed_in(web_service, "exporter_b")
    assert other.get(f"/alerts/{alert_id}").status_code == 404
    assert other.get("/register/cust-1").status_code == 404
    assert 'id="no-alerts"' in other.get("/alerts").text
