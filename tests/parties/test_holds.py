"""Shipments through the register (SQLite and PostgreSQL): a licence party matching a list entry raises an alert when
the shipment screens it; the alert holds the shipment, naming it, until it is cleared; a confirmed or escalated
alert raised after the licence holds it too; a match the licence was granted with is covered by it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import Engine, func, select

from exportctl.determination.parties import PartyRole
from exportctl.errors import ShipmentRefusedError
from exportctl.licensing import service
from exportctl.licensing.applicant import submit
from exportctl.licensing.decide import decide as decide_application
from exportctl.licensing.inputs import ItemInput, PartyInput
from exportctl.licensing.licences import record_shipment
from exportctl.licensing.review import register, start_review
from exportctl.parties import AlertState, decide, list_alerts
from exportctl.parties.holds import prescreen_licence_parties, register_hold, register_screening
from exportctl.store.db import session_scope
from exportctl.store.licensing_tables import Licence, Shipment
from tests.licensing.conftest import Cast, good_input, step

SHIP_DAY = date(2023, 1, 5)
EXPORTER = "officer@chips.example"  # cast.exporter's login
LOOKALIKE = "Abdul Majid Saidy"  # not the DPL's exact name (the exact DPL check passes it); the fuzzy engine: 0.95


def _licence(engine: Engine, cast: Cast, *, through_register: bool, via_table: bool = False) -> int:
    parties = (*good_input().parties[:2], PartyInput(role=PartyRole.END_USER, name=LOOKALIKE, country="US"))
    item = ItemInput(eccn="5A992.c", description="modem", quantity=10, unit_value=Decimal("100.00"))
    from exportctl.licensing.applicant import create_application

    app = step(
        engine, create_application, cast.exporter, good_input(parties=parties, items=(item,)), on=date(2020, 11, 9)
    )
    if via_table:  # the CLI's way through the step table: its context supplies the register
        service.step_as(engine, EXPORTER, "submit", app.id, {"on": "2020-11-09"})
    else:
        hook = register_screening() if through_register else None
        step(engine, submit, cast.exporter, app.id, on=date(2020, 11, 9), register=hook)
    step(engine, register, cast.reviewer, app.id, on=date(2020, 11, 10))
    step(engine, start_review, cast.reviewer, app.id, on=date(2020, 11, 10))
    decision = step(
        engine, decide_application, cast.reviewer, app.id, outcome="approved", reasons=["ok"], on=date(2020, 12, 1)
    )
    assert decision.licence_id is not None
    return decision.licence_id


def _ship(engine: Engine, cast: Cast, licence_id: int) -> None:
    """As the interfaces do: the register's screening committed first, then the shipment with its hold."""
    prescreen_licence_parties(engine, licence_id, organisation_id=cast.exporter.organisation_id, days=[SHIP_DAY])
    step(
        engine, record_shipment, cast.exporter, licence_id, value=Decimal("100.00"), quantity=1,
        shipped_on=SHIP_DAY, recorded_on=SHIP_DAY, party_hold=register_hold(),
    )  # fmt: skip


def _decide(engine: Engine, cast: Cast, alert_id: int, state: AlertState, reason: str = "checked") -> None:
    with session_scope(engine) as s:
        decide(
            s, alert_id, state, organisation_id=cast.exporter.organisation_id, actor=cast.exporter, reason=reason,
            today=SHIP_DAY,
        )  # fmt: skip


def test_alert_holds_the_shipment_until_cleared(dpl_engine: Engine, cast: Cast) -> None:
    licence_id = _licence(dpl_engine, cast, through_register=False)
    with pytest.raises(ShipmentRefusedError, match=r"held by the counterparty register: alert \d+ \(open\)") as held:
        _ship(dpl_engine, cast, licence_id)
    assert "ABDUL MAJID SAIDI" in str(held.value)
    with session_scope(dpl_engine) as s:  # the alert named outlives the refused shipment's transaction
        (alert,), _ = list_alerts(s, organisation_id=cast.exporter.organisation_id)
    assert f"alert {alert.id} (open)" in str(held.value)
    assert alert.party_name == LOOKALIKE and alert.entry_name == "ABDUL MAJID SAIDI"
    with pytest.raises(ShipmentRefusedError):  # still held: no new alert, the same one
        _ship(dpl_engine, cast, licence_id)
    with session_scope(dpl_engine) as s:
        assert list_alerts(s, organisation_id=cast.exporter.organisation_id)[1] == 1
    for state in (AlertState.CONFIRMED, AlertState.ESCALATED):
        _decide(dpl_engine, cast, alert.id, state)
        with pytest.raises(ShipmentRefusedError, match=rf"alert {alert.id} \({state.value}\)"):
            _ship(dpl_engine, cast, licence_id)
    _decide(dpl_engine, cast, alert.id, AlertState.CLEARED, "born 1990 in Ohio; the listed man is not")
    _ship(dpl_engine, cast, licence_id)  # released


def test_a_match_the_licence_was_granted_with_is_covered(dpl_engine: Engine, cast: Cast) -> None:
    licence_id = _licence(dpl_engine, cast, through_register=True)
    with session_scope(dpl_engine) as s:
        alerts, _ = list_alerts(s, organisation_id=cast.exporter.organisation_id)
    assert [a.party_name for a in alerts] == [LOOKALIKE]  # raised at submission, before the licence
    _ship(dpl_engine, cast, licence_id)
    _decide(dpl_engine, cast, alerts[0].id, AlertState.ESCALATED)  # escalated after the grant: held
    with pytest.raises(ShipmentRefusedError, match="escalated"):
        _ship(dpl_engine, cast, licence_id)


def test_the_step_table_supplies_the_register_and_the_hold(dpl_engine: Engine, cast: Cast) -> None:
    """Submission and shipment through the step table (``service.step_as``, the CLI's dispatch; the API and pages
    pass the same context): the parties enter the register at submission and an escalated alert holds the shipment,
    with no hook passed by the caller."""
    licence_id = _licence(dpl_engine, cast, through_register=False, via_table=True)
    with session_scope(dpl_engine) as s:
        alerts, _ = list_alerts(s, organisation_id=cast.exporter.organisation_id)
    assert [a.party_name for a in alerts] == [LOOKALIKE]
    values = {"value": "100.00", "quantity": "1", "shipped_on": SHIP_DAY.isoformat()}
    service.step_as(dpl_engine, EXPORTER, "ship", licence_id, values, recorded_on=SHIP_DAY)  # covered by the licence
    _decide(dpl_engine, cast, alerts[0].id, AlertState.ESCALATED)
    with pytest.raises(ShipmentRefusedError, match=r"held by the counterparty register: alert \d+ \(escalated\)"):
        service.step_as(dpl_engine, EXPORTER, "ship", licence_id, values, recorded_on=SHIP_DAY)


def test_no_list_in_force_holds_the_shipment_naming_the_date(engine: Engine, cast: Cast) -> None:
    """Unscreened is never "not listed": with an empty list store submission goes ahead but records nothing in the
    register, and the shipment is held, the reason naming the date, with nothing drawn from the licence."""
    licence_id = _licence(engine, cast, through_register=True)
    with session_scope(engine) as s:
        assert list_alerts(s, organisation_id=cast.exporter.organisation_id) == ([], 0)
    held = rf"the parties cannot be screened: no list snapshot is in force on {SHIP_DAY.isoformat()}; import the lists"
    with pytest.raises(ShipmentRefusedError, match=held):
        _ship(engine, cast, licence_id)
    values = {"value": "100.00", "quantity": "1", "shipped_on": SHIP_DAY.isoformat()}
    with pytest.raises(ShipmentRefusedError, match=held):  # the step table's way (CLI, API, pages)
        service.step_as(engine, EXPORTER, "ship", licence_id, values, recorded_on=SHIP_DAY)
    with session_scope(engine) as s:
        assert s.scalar(select(func.count()).select_from(Shipment)) == 0
        assert s.get(Licence, licence_id).value_used == 0  # type: ignore[union-attr]
