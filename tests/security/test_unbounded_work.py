"""Medium: unbounded work per request. Existence and rights are checked before any index is built, past-date
indexes are rate-limited per user and bounded in number, and building one never blocks other users' submissions."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

from tests.security.flow import submitted_application
from tests.security.live import LiveService


def past(days: int) -> str:
    return (datetime.now(UTC).date() - timedelta(days=days)).isoformat()


def index_files(live: LiveService) -> set[str]:
    return {p.name for p in Path(live.env["EXPORTCTL_DATA_DIR"]).glob("screening-index/*.pickle")}


def test_no_index_is_built_for_an_application_that_does_not_exist_or_is_not_yours(live: LiveService) -> None:
    others = submitted_application(live, "exporter_b")
    before = index_files(live)
    with live.client("exporter_a") as exporter:
        for app_id, expected in ((2_000_000_000, 404), (others, 404)):
            response = exporter.post(f"/api/applications/{app_id}/submit", json={"on": past(400)})
            assert response.status_code == expected, response.text
    with live.client("auditor") as auditor:  # not an exporter: refused before any work
        assert auditor.post(f"/api/applications/{others}/submit", json={"on": past(401)}).status_code == 403
    assert index_files(live) == before


def test_past_date_screening_is_rate_limited_per_user(live: LiveService) -> None:
    """The live service allows 3 index-building requests per user and minute; cached dates do not count."""
    dates = [past(700 + n * 30) for n in range(4)]
    answers: dict[str, httpx.Response] = {}
    with live.client("exporter_b") as exporter:
        # Sent together: each request is counted when it arrives, before its index is built, so the outcome does not
        # depend on how long a build takes on this machine (sent one after the other, three slow builds could
        # outlast the one-minute window and let the fourth through).
        def ask(day: str) -> None:
            answers[day] = exporter.post("/api/screening", json={"name": "Huawei", "as_of": day})

        threads = [threading.Thread(target=ask, args=(day,)) for day in dates]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        codes = sorted(a.status_code for a in answers.values())
        assert codes == [200, 200, 200, 429], [a.text[:200] for a in answers.values()]
        refused = next(day for day, a in answers.items() if a.status_code == 429)
        assert int(answers[refused].headers["retry-after"]) >= 1
        built = next(day for day, a in answers.items() if a.status_code == 200)
        again = exporter.post("/api/screening", json={"name": "Huawei", "as_of": built})
        assert again.status_code == 200, again.text  # still cached: free
    with live.client("exporter_a") as other:  # another user is not limited by exporter_b's requests
        assert other.post("/api/screening", json={"name": "Huawei", "as_of": refused}).status_code == 200
    assert len(index_files(live)) <= 8  # disk cache bounded (EXPORTCTL: 8 most recently used)


def test_building_a_past_index_does_not_block_submissions(live: LiveService) -> None:
    warm = submitted_application(live, "exporter_a")  # today's screener is built and cached
    assert warm
    with live.client("exporter_a") as exporter:
        created = exporter.post("/api/applications", json=_body())
        app_id = created.json()["id"]
    finished: dict[str, float] = {}

    def dated() -> None:
        with live.client("auditor") as auditor:
            response = auditor.post("/api/screening", json={"name": "ZTE", "as_of": past(1500)})
            assert response.status_code == 200, response.text
        finished["dated"] = time.monotonic()

    thread = threading.Thread(target=dated)
    thread.start()
    time.sleep(0.5)  # the build has begun
    with live.client("exporter_a") as exporter:
        submitted = exporter.post(f"/api/applications/{app_id}/submit")
        finished["submit"] = time.monotonic()
        assert submitted.status_code == 200, submitted.text
    thread.join(timeout=120)
    assert finished["submit"] < finished["dated"], finished


def _body() -> dict[str, object]:
    from tests.api.workflow import application_body

    return application_body()
