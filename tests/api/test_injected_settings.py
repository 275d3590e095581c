"""``create_app(settings=...)`` reaches the statutory periods (issue 21, defect 5).

Before, the workflow read process-global settings, so a service made with other periods still applied the defaults.
Here a second app over the shared service's database is made with 10 days to decide and 5 for referrals.
"""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient

from exportctl.app import create_app
from exportctl.clock import UTC_CLOCK
from tests.api.service import ServiceUnderTest
from tests.api.workflow import file_application


def test_the_apps_settings_set_the_decision_and_referral_periods(client: TestClient, service: ServiceUnderTest) -> None:
    settings = service.settings.model_copy(update={"review_decision_days": 10, "referral_days": 5})
    other = TestClient(create_app(settings, service.engine))
    app_id = file_application(client, service)["id"]
    reviewer = service.auth("reviewer")
    day = UTC_CLOCK.today()
    for step in ("register", "start"):
        assert other.post(f"/api/reviews/{app_id}/{step}", json={"on": day.isoformat()}, headers=reviewer).is_success
    clock = other.get(f"/api/applications/{app_id}/clock", params={"as_of": day.isoformat()}, headers=reviewer)
    assert clock.json()["decision_due_on"] == (day + timedelta(days=10)).isoformat()
    default = client.get(f"/api/applications/{app_id}/clock", params={"as_of": day.isoformat()}, headers=reviewer)
    assert default.json()["decision_due_on"] == (day + timedelta(days=90)).isoformat()
    referred = other.post(
        f"/api/reviews/{app_id}/refer", json={"agencies": ["DoD"], "on": day.isoformat()}, headers=reviewer
    )
    assert referred.is_success, referred.text
    (referral,) = other.get("/api/reviews/queue", params={"as_of": day.isoformat()}, headers=reviewer).json()["items"][
        0
    ]["referrals"]
    assert referral["due_on"] == (day + timedelta(days=5)).isoformat()
