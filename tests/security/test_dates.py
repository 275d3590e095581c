"""Medium/Low: far-future and edge dates. Steps dated in the future are refused at the edge, every date is kept
within a sane range (422, never 500), and the statutory clock survives any stored date."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exportctl.licensing.clock import Pause, clock_status, intent_response_due_on, paused_days, referral_due_on
from exportctl.licensing.licences import add_years
from tests.security.flow import submitted_application, under_review
from tests.security.live import LiveService

FAR = ["9999-12-31", "9999-12-01", "3000-01-01"]


def future(days: int) -> str:
    return (datetime.now(UTC).date() + timedelta(days=days)).isoformat()


@pytest.mark.parametrize("on", [*FAR, future(30)])
def test_a_reviewer_step_in_the_future_is_refused_and_the_queue_still_answers(live: LiveService, on: str) -> None:
    app_id = submitted_application(live)
    with live.client("reviewer") as reviewer:
        refused = reviewer.post(f"/api/reviews/{app_id}/register", json={"on": on})
        assert refused.status_code == 422, refused.text
        assert "on" in refused.json()["detail"]
        assert reviewer.get("/api/reviews/queue").status_code == 200
        assert reviewer.get("/reviews", headers={"accept": "text/html"}).status_code == 200


@pytest.mark.parametrize("step", ["submit", "resume"])
def test_an_exporter_cannot_date_a_step_in_the_future(live: LiveService, step: str) -> None:
    if step == "submit":
        with live.client("exporter_a") as exporter:
            created = exporter.post("/api/applications", json=_body())
            response = exporter.post(f"/api/applications/{created.json()['id']}/submit", json={"on": "2099-01-01"})
    else:
        app_id = under_review(live)
        with live.client("reviewer") as reviewer:
            paused = reviewer.post(f"/api/reviews/{app_id}/request-info", json={"reason": "end-use statement"})
            assert paused.status_code == 200, paused.text
        with live.client("exporter_a") as exporter:
            response = exporter.post(f"/api/reviews/{app_id}/resume", json={"on": "9999-12-31"})
    assert response.status_code == 422, response.text


@pytest.mark.parametrize("on", FAR)
def test_determination_dates_near_the_end_of_the_calendar_answer_422(live: LiveService, on: str) -> None:
    body = {"eccn": "5A992.c", "destination": "CN", "parties": [{"role": "end_user", "name": "Huawei"}], "on": on}
    with live.client("exporter_a") as exporter:
        response = exporter.post("/api/determination", json=body)
        assert response.status_code == 422, response.text
        page = exporter.get("/determination", params={"eccn": "5A992.c", "destination": "CN", "end_user": "Huawei",
                                                      "on": on}, headers={"accept": "text/html"})  # fmt: skip
        assert page.status_code in (200, 422), page.text[:300]


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("post", "/api/screening", {"name": "Huawei", "as_of": future(3)}),
        ("get", "/api/lists/was-listed?q=Huawei&on=9999-12-31", None),
        ("get", "/api/reports/licences?from=0001-01-01", None),
        ("get", "/api/reviews/queue?as_of=9999-12-31", None),
    ],
)
def test_query_dates_are_bounded(live: LiveService, method: str, path: str, body: dict[str, str] | None) -> None:
    with live.client("auditor" if "reports" in path or "queue" in path else "exporter_a") as client:
        response = client.request(method.upper(), path, json=body)
    assert response.status_code == 422, response.text


def _body() -> dict[str, object]:
    from tests.api.workflow import application_body

    return application_body()


@given(
    st.dates(min_value=date(2000, 1, 1)),
    st.dates(),
    st.lists(st.tuples(st.dates(), st.one_of(st.none(), st.dates())), max_size=4),
)
def test_the_clock_survives_any_stored_date(
    registered: date, as_of: date, spans: list[tuple[date, date | None]]
) -> None:
    pauses = [Pause(start, end) for start, end in spans]
    status = clock_status(registered, as_of, pauses, decision_days=90)
    assert status.paused_days >= 0
    assert referral_due_on(registered, referral_days=30) >= registered
    assert intent_response_due_on(registered, response_days=20) >= registered
    assert add_years(registered, 4) >= registered


@given(
    st.dates(min_value=date(2020, 1, 1), max_value=date(2020, 12, 31)),
    st.lists(
        st.tuples(
            st.dates(min_value=date(2019, 6, 1), max_value=date(2021, 6, 1)),
            st.one_of(st.none(), st.dates(min_value=date(2019, 6, 1), max_value=date(2021, 6, 1))),
        ),
        max_size=5,
    ),
)
def test_paused_days_counts_each_day_once(registered: date, spans: list[tuple[date, date | None]]) -> None:
    as_of = date(2021, 1, 31)
    days: set[date] = set()
    for start, end in spans:
        first, last = max(start, registered), min(end or as_of, as_of)
        days.update(first + timedelta(n) for n in range((last - first).days))
    assert paused_days([Pause(s, e) for s, e in spans], registered, as_of) == len(days)
