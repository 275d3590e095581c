"""A shipment's parties are screened on the shipment date by the rule of ``lists listed`` (SQLite and PostgreSQL).

ABDUL RAHIM HAMDAN DAGALO is only in the UN file of 2026-02-27, listed 2026-02-24 (the file of 2025-11-20 lacks
him): a licence party of that name holds a shipment on 2026-02-25, not one on 2026-02-23.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import Engine

from exportctl.errors import ShipmentRefusedError
from exportctl.licensing.applicant import create_application, submit
from exportctl.licensing.decide import decide as decide_application
from exportctl.licensing.inputs import ItemInput, PartyInput, PartyRole
from exportctl.licensing.licences import record_shipment
from exportctl.licensing.review import register, start_review
from exportctl.lists.bundled import DATA_DIR
from exportctl.lists.ingest import import_file
from exportctl.parties.holds import prescreen_licence_parties, register_hold, register_screening
from tests.licensing.conftest import Cast, good_input, step

DAGALO = "Abdul Rahim Hamdan Dagalo"


def _ship(engine: Engine, cast: Cast, licence_id: int, day: date) -> None:
    prescreen_licence_parties(engine, licence_id, organisation_id=cast.exporter.organisation_id, days=[day])
    step(
        engine, record_shipment, cast.exporter, licence_id, value=Decimal("100.00"), quantity=1,
        shipped_on=day, recorded_on=day, party_hold=register_hold(),
    )  # fmt: skip


def test_a_shipment_is_held_from_the_listing_date_a_later_file_gives(engine: Engine, cast: Cast) -> None:
    import_file(engine, "un", DATA_DIR / "UN_consolidated_2025-11-20.xml")
    import_file(engine, "un", DATA_DIR / "UN_consolidated.xml")
    parties = (*good_input().parties[:2], PartyInput(role=PartyRole.END_USER, name=DAGALO, country="SD"))
    item = ItemInput(eccn="5A992.c", description="modem", quantity=10, unit_value=Decimal("100.00"))
    day = date(2026, 1, 5)
    app = step(engine, create_application, cast.exporter, good_input(parties=parties, items=(item,)), on=day)
    step(engine, submit, cast.exporter, app.id, on=day, register=register_screening())
    step(engine, register, cast.reviewer, app.id, on=date(2026, 1, 6))
    step(engine, start_review, cast.reviewer, app.id, on=date(2026, 1, 6))
    decision = step(
        engine, decide_application, cast.reviewer, app.id, outcome="approved", reasons=["ok"], on=date(2026, 2, 1)
    )
    assert decision.licence_id is not None
    _ship(engine, cast, decision.licence_id, date(2026, 2, 23))  # not listed yet: the shipment goes
    with pytest.raises(ShipmentRefusedError, match="held by the counterparty register"):
        _ship(engine, cast, decision.licence_id, date(2026, 2, 25))
