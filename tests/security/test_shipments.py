"""High: shipments drawn on a licence after its revocation (or suspension) was recorded, or dated in the future."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.security.flow import licence
from tests.security.live import LiveService

SHIP = {"value": "10.00", "quantity": 1}


def today() -> str:
    return datetime.now(UTC).date().isoformat()


@pytest.mark.parametrize("action", ["revoke", "suspend"])
def test_no_shipment_once_a_revocation_or_suspension_is_recorded(live: LiveService, action: str) -> None:
    issued = licence(live)
    tomorrow = (datetime.now(UTC).date() + timedelta(days=1)).isoformat()
    with live.client("reviewer") as reviewer:
        changed = reviewer.post(f"/api/licences/{issued['id']}/{action}", json={"from_date": tomorrow, "reason": "x"})
        assert changed.status_code == 200, changed.text
    with live.client("exporter_a") as exporter:
        for shipped_on in (today(), None):
            body = {**SHIP, **({"shipped_on": shipped_on} if shipped_on else {})}
            refused = exporter.post(f"/api/licences/{issued['id']}/shipments", json=body)
            assert refused.status_code == 409, refused.text
            assert "no shipment may be recorded" in refused.json()["detail"]
        assert exporter.get(f"/api/licences/{issued['id']}").json()["value_used"] == "0.00"


@pytest.mark.parametrize("days_ahead", [2, 30, 365 * 3])
def test_no_shipment_dated_in_the_future(live: LiveService, days_ahead: int) -> None:
    issued = licence(live)
    shipped_on = (datetime.now(UTC).date() + timedelta(days=days_ahead)).isoformat()
    with live.client("exporter_a") as exporter:
        refused = exporter.post(f"/api/licences/{issued['id']}/shipments", json={**SHIP, "shipped_on": shipped_on})
        assert refused.status_code == 422, refused.text
        assert "shipped_on" in refused.json()["detail"]
        accepted = exporter.post(f"/api/licences/{issued['id']}/shipments", json={**SHIP, "shipped_on": today()})
        assert accepted.status_code == 201, accepted.text
