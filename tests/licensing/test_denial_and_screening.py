"""Real list data: parties screened at submission, and shipments stopped once a licence party is on the DPL.

Uses the bundled Denied Persons List (BIS tab file): "ABDUL MAJID SAIDI", effective 10/30/2020.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine

import exportctl
from exportctl.determination.parties import PartyRole
from exportctl.errors import ShipmentRefusedError
from exportctl.licensing.applicant import SubmitResult, create_application, submit
from exportctl.licensing.checks import make_determiner, make_screener
from exportctl.licensing.decide import decide
from exportctl.licensing.inputs import ItemInput, PartyInput
from exportctl.licensing.licences import record_shipment
from exportctl.licensing.review import register, start_review
from exportctl.lists.ingest import import_file
from tests.licensing.conftest import Cast, good_input, step

DPL = Path(exportctl.__file__).parent / "data" / "lists" / "dpl.txt"
DENIED = "Abdul Majid Saidi"


@pytest.fixture
def dpl_engine(engine: Engine) -> Engine:
    import_file(engine, "dpl", DPL)
    return engine


def test_denied_person_becomes_a_refusal_from_the_listing_date(dpl_engine: Engine, cast: Cast) -> None:
    parties = (*good_input().parties[:2], PartyInput(role=PartyRole.END_USER, name=DENIED, country="US"))
    item = ItemInput(eccn="5A992.c", description="modem", quantity=10, unit_value=Decimal("100.00"))
    app = step(
        dpl_engine, create_application, cast.exporter, good_input(parties=parties, items=(item,)), on=date(2020, 5, 1)
    )
    step(dpl_engine, submit, cast.exporter, app.id, on=date(2020, 5, 1))
    step(dpl_engine, register, cast.reviewer, app.id, on=date(2020, 5, 2))
    step(dpl_engine, start_review, cast.reviewer, app.id, on=date(2020, 5, 2))
    licence_id = step(
        dpl_engine, decide, cast.reviewer, app.id, outcome="approved", reasons=["ok"], on=date(2020, 6, 1)
    ).licence_id
    assert licence_id is not None
    ship = {"value": Decimal("100.00"), "quantity": 1}
    day = date(2020, 10, 29)
    step(dpl_engine, record_shipment, cast.exporter, licence_id, shipped_on=day, recorded_on=day, **ship)
    day = date(2020, 10, 30)
    with pytest.raises(ShipmentRefusedError, match=r"'Abdul Majid Saidi' is on the DPL as 'ABDUL MAJID SAIDI'"):
        step(dpl_engine, record_shipment, cast.exporter, licence_id, shipped_on=day, recorded_on=day, **ship)


def _submit_cable(engine: Engine, cast: Cast, parties: tuple[PartyInput, ...]) -> SubmitResult:
    day = date(2022, 10, 3)  # after the DPL file's effective date (2022-09-02): earlier, its silence settles nothing
    cable = ItemInput(eccn="EAR99", description="patch cable", quantity=10, unit_value=Decimal("2.00"))
    app = step(engine, create_application, cast.exporter, good_input(parties=parties, items=(cable,)), on=day)
    screener, determiner = make_screener(engine, day), make_determiner(engine, day)
    return step(engine, submit, cast.exporter, app.id, on=day, screener=screener, determiner=determiner)


def test_submission_stores_screening_hits_and_determinations(dpl_engine: Engine, cast: Cast) -> None:
    clean = _submit_cable(dpl_engine, cast, good_input().parties)
    assert all(p.screening is not None and p.screening.hit_count == 0 for p in clean.application.parties)
    (finding,) = clean.findings  # EAR99 to China for a consumer end use: the determination says NLR
    assert finding.code == "no_licence_required" and "734.3(c)" in finding.message

    parties = (*good_input().parties[:2], PartyInput(role=PartyRole.END_USER, name=DENIED, country="US"))
    flagged = _submit_cable(dpl_engine, cast, parties)
    end_user = flagged.application.parties[2].screening
    assert end_user is not None and end_user.status == "screened" and len(end_user.snapshot_ids) == 1
    top = end_user.hits[0]
    assert top.primary_name == "ABDUL MAJID SAIDI" and top.list == "dpl" and top.score == 1.0 and top.certain
    assert top.features  # the explanation is kept with the application
    assert flagged.findings == ()  # a denied person in the transaction: a licence is needed after all
