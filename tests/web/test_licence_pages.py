"""Licence status as the pages say it (dates and drawdown, suspension with its reason) and the shipment form
keeping its input when a shipment is refused."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from exportctl.licensing.views import LicenceView
from exportctl.web.licence_status import shown_status
from tests.api.service import ServiceUnderTest
from tests.web.pages import csrf_of
from tests.web.test_exchange_pages import _in_review

TODAY = date(2026, 6, 1)


def _licence(**changes: object) -> LicenceView:
    fields: dict[str, object] = {
        "id": 1, "number": "L1", "application_id": 1, "holder_organisation_id": 1,
        "value_limit": Decimal("100"), "value_used": Decimal("0"), "quantity_limit": 10, "quantity_used": 0,
        "valid_from": date(2025, 1, 1), "valid_to": date(2029, 1, 1), "conditions": (), "status": "active",
        "items": (),
    }  # fmt: skip
    return LicenceView(**{**fields, **changes})  # type: ignore[arg-type]


def test_status_from_dates_and_drawdown() -> None:
    assert shown_status(_licence(), TODAY) == "active"
    assert shown_status(_licence(valid_to=date(2025, 6, 30)), TODAY) == "expired"
    assert shown_status(_licence(valid_from=date(2026, 7, 1)), TODAY) == "not_yet_valid"
    assert shown_status(_licence(value_used=Decimal("100")), TODAY) == "used_up"
    assert shown_status(_licence(quantity_used=10), TODAY) == "used_up"
    assert shown_status(_licence(status="suspended", valid_to=date(2025, 6, 30)), TODAY) == "suspended"


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 1, 1)))
def test_active_only_within_validity(on: date) -> None:
    licence = _licence()
    assert (shown_status(licence, on) == "active") == (licence.valid_from <= on <= licence.valid_to)


def test_used_up_licence_offers_no_shipment_form_and_refusals_keep_input(web_service: ServiceUnderTest) -> None:
    exporter, reviewer, app_id = _in_review(web_service)
    token = csrf_of(reviewer.get(f"/reviews/{app_id}").text)
    decided = reviewer.post(
        f"/reviews/{app_id}/decide", data={"outcome": "approved", "reasons": "mass-market", "csrf_token": token}
    )
    assert decided.status_code == 303
    link = re.search(r'href="(/licences/\d+)" id="licence-link"', exporter.get(f"/applications/{app_id}").text)
    assert link
    url = link.group(1)
    page = exporter.get(url)
    assert 'id="licence-status">Active' in page.text and 'id="ship-form"' in page.text
    token = csrf_of(page.text)
    typed = {"value": "100", "quantity": "ten", "reference": "PO-7", "csrf_token": token}
    bad = exporter.post(f"{url}/ship", data=typed)
    assert bad.status_code == 422 and 'id="quantity-error"' in bad.text
    assert 'value="ten"' in bad.text and 'value="PO-7"' in bad.text and 'value="100"' in bad.text
    over = exporter.post(f"{url}/ship", data={"value": "99999", "quantity": "1", "csrf_token": token})
    assert over.status_code == 409 and "Not recorded:" in over.text and 'value="99999"' in over.text
    everything = exporter.post(f"{url}/ship", data={"value": "12000", "quantity": "10", "csrf_token": token})
    assert everything.status_code == 303
    page = exporter.get(url)
    assert 'id="licence-status">Used up' in page.text and 'id="ship-form"' not in page.text
    assert "Used up" in exporter.get("/licences").text
