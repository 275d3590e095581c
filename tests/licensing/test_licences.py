"""Shipments against licences: drawdown, refusals with reasons, status events, and 50 concurrent shipments."""

from __future__ import annotations

import threading
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import Engine, func, select

from exportctl.errors import (
    InputError,
    InvalidTransitionError,
    NotFoundError,
    PermissionDeniedError,
    ShipmentRefusedError,
)
from exportctl.licensing.actor import Actor
from exportctl.licensing.decide import decide
from exportctl.licensing.denial import DeniedPartyCheck
from exportctl.licensing.inputs import ItemInput
from exportctl.licensing.licences import record_shipment, reinstate, revoke, status_on, suspend
from exportctl.licensing.repository import get_licence, list_shipments
from exportctl.licensing.views import ShipmentView
from exportctl.store.db import session_scope
from exportctl.store.licensing_tables import Licence, Shipment
from tests.concurrency import run_at_once
from tests.licensing.conftest import Cast, good_input, in_review, step

DECIDED = date(2020, 12, 1)


def approved_licence(engine: Engine, cast: Cast, quantity: int = 100, unit_value: str = "10.00") -> int:
    item = ItemInput(eccn="5A992.c", description="LTE modem", quantity=quantity, unit_value=Decimal(unit_value))
    app_id = in_review(engine, cast, good_input(items=(item,)))
    decision = step(engine, decide, cast.reviewer, app_id, outcome="approved", reasons=["ok"], on=DECIDED)
    assert decision.licence_id is not None
    return decision.licence_id


def ship(
    engine: Engine,
    cast: Cast,
    licence_id: int,
    value: Decimal,
    quantity: int,
    shipped_on: date,
    *,
    actor: Actor | None = None,
    denied_party_check: DeniedPartyCheck | None = None,
) -> ShipmentView:
    """Record one shipment against ``licence_id`` in its own transaction (by the exporter unless ``actor`` is given)."""
    return step(
        engine,
        record_shipment,
        actor or cast.exporter,
        licence_id,
        value=value,
        quantity=quantity,
        shipped_on=shipped_on,
        denied_party_check=denied_party_check,
        recorded_on=shipped_on,  # the history is replayed: recorded the day it shipped
    )


def test_shipments_draw_value_and_quantity_down(engine: Engine, cast: Cast) -> None:
    licence_id = approved_licence(engine, cast)
    ship(engine, cast, licence_id, Decimal("400.00"), 40, date(2021, 1, 5))
    ship(engine, cast, licence_id, Decimal("600.00"), 60, date(2021, 2, 5))
    with session_scope(engine) as s:
        licence = get_licence(s, licence_id, actor=cast.exporter)
        assert (licence.value_remaining, licence.quantity_remaining) == (Decimal("0.00"), 0)
        assert len(list_shipments(s, licence_id, actor=cast.exporter)) == 2


def test_overdraw_is_refused_with_the_remaining_balance(engine: Engine, cast: Cast) -> None:
    licence_id = approved_licence(engine, cast)
    ship(engine, cast, licence_id, Decimal("999.99"), 10, date(2021, 1, 5))
    with pytest.raises(ShipmentRefusedError, match="0.01 USD and 90 units left"):
        ship(engine, cast, licence_id, Decimal("0.02"), 1, date(2021, 1, 6))
    with pytest.raises(ShipmentRefusedError, match="90 units left"):
        ship(engine, cast, licence_id, Decimal("0.01"), 91, date(2021, 1, 6))
    with session_scope(engine) as s:
        assert s.scalar(select(func.count()).select_from(Shipment)) == 1


def test_nonsense_amounts_are_input_errors(engine: Engine, cast: Cast) -> None:
    licence_id = approved_licence(engine, cast)
    for value, quantity, field in (
        (Decimal("0"), 1, "value"),
        (Decimal("1.001"), 1, "value"),
        (Decimal(10**20), 1, "value"),
        (Decimal(1), -1, "quantity"),
        (Decimal(1), 10**20, "quantity"),
    ):
        with pytest.raises(InputError) as caught:
            ship(engine, cast, licence_id, value, quantity, date(2021, 1, 5))
        assert caught.value.field == field


def test_shipments_outside_validity_are_refused(engine: Engine, cast: Cast) -> None:
    licence_id = approved_licence(engine, cast)
    with pytest.raises(ShipmentRefusedError, match="valid only from 2020-12-01"):
        ship(engine, cast, licence_id, Decimal("1"), 1, date(2020, 11, 30))
    with pytest.raises(ShipmentRefusedError, match="expired on 2024-12-01"):
        ship(engine, cast, licence_id, Decimal("1"), 1, date(2024, 12, 2))


def test_revocation_applies_from_its_date_and_is_final(engine: Engine, cast: Cast) -> None:
    licence_id = approved_licence(engine, cast)
    ship(engine, cast, licence_id, Decimal("10"), 1, date(2024, 5, 6))  # recorded before the revocation: stays
    step(engine, revoke, cast.policy_admin, licence_id, from_date=date(2024, 5, 7), reason="policy change")
    with session_scope(engine) as s:
        assert [status_on(s, licence_id, d) for d in (date(2024, 5, 6), date(2024, 5, 7))] == ["active", "revoked"]
    # once the revocation is recorded, nothing more is drawn, not even a shipment dated before it takes effect
    for shipped_on in (date(2024, 5, 6), date(2024, 5, 7)):
        with pytest.raises(ShipmentRefusedError, match="revoked: no shipment may be recorded"):
            ship(engine, cast, licence_id, Decimal("10"), 1, shipped_on)
    with pytest.raises(InvalidTransitionError, match="revocation is final"):
        step(engine, reinstate, cast.policy_admin, licence_id, from_date=date(2024, 6, 1), reason="oops")


def test_suspension_and_reinstatement_are_dated_events(engine: Engine, cast: Cast) -> None:
    licence_id = approved_licence(engine, cast)
    step(engine, suspend, cast.policy_admin, licence_id, from_date=date(2021, 3, 1), reason="investigation")
    step(engine, reinstate, cast.policy_admin, licence_id, from_date=date(2021, 4, 1), reason="cleared")
    with session_scope(engine) as s:
        assert [status_on(s, licence_id, d) for d in (date(2021, 2, 28), date(2021, 3, 15), date(2021, 4, 1))] == [
            "active",
            "suspended",
            "active",
        ]
    with pytest.raises(ShipmentRefusedError, match="suspended on 2021-03-15"):
        ship(engine, cast, licence_id, Decimal("1"), 1, date(2021, 3, 15))


def test_only_the_holder_ships_and_only_authority_staff_revoke(engine: Engine, cast: Cast) -> None:
    licence_id = approved_licence(engine, cast)
    with pytest.raises(NotFoundError):
        ship(engine, cast, licence_id, Decimal("1"), 1, date(2021, 1, 1), actor=cast.other_exporter)
    with pytest.raises(PermissionDeniedError):
        step(engine, revoke, cast.exporter, licence_id, from_date=date(2021, 1, 1), reason="self-revoke")


def test_a_party_now_on_a_denial_list_stops_shipments(engine: Engine, cast: Cast) -> None:
    licence_id = approved_licence(engine, cast)

    def denied(session: object, parties: object, on: date) -> str | None:
        return "party 'Example Handset Factory' is on the DPL" if on >= date(2021, 6, 1) else None

    ship(engine, cast, licence_id, Decimal("1"), 1, date(2021, 5, 31), denied_party_check=denied)
    with pytest.raises(ShipmentRefusedError, match="on the DPL"):
        ship(engine, cast, licence_id, Decimal("1"), 1, date(2021, 6, 1), denied_party_check=denied)


def test_shipments_are_recorded_within_the_grace_period_only(engine: Engine, cast: Cast) -> None:
    licence_id = approved_licence(engine, cast)
    recorded = {"recorded_on": date(2021, 5, 10)}
    for shipped_on, problem in ((date(2021, 5, 6), "more than 3 days ago"), (date(2021, 5, 12), "in the future")):
        with pytest.raises(InputError, match=problem):
            step(engine, record_shipment, cast.exporter, licence_id, value=Decimal("1"), quantity=1,
                 shipped_on=shipped_on, **recorded)  # fmt: skip
    for shipped_on in (date(2021, 5, 7), date(2021, 5, 11)):  # grace 3 days, clock skew 1 day
        step(engine, record_shipment, cast.exporter, licence_id, value=Decimal("1"), quantity=1,
             shipped_on=shipped_on, **recorded)  # fmt: skip


def test_a_back_dated_shipment_is_checked_at_the_recording_time(engine: Engine, cast: Cast) -> None:
    licence_id = approved_licence(engine, cast)

    def denied(session: object, parties: object, on: date) -> str | None:
        return "party 'Example Handset Factory' is on the DPL" if on >= date(2021, 6, 1) else None

    with pytest.raises(ShipmentRefusedError, match="on the DPL"):  # shipped the day before, recorded after listing
        step(engine, record_shipment, cast.exporter, licence_id, value=Decimal("1"), quantity=1,
             shipped_on=date(2021, 5, 31), recorded_on=date(2021, 6, 1), denied_party_check=denied)  # fmt: skip


@pytest.mark.slow
def test_fifty_concurrent_shipments_never_overdraw(engine: Engine, cast: Cast) -> None:
    licence_id = approved_licence(engine, cast, quantity=100, unit_value="10.00")  # 1,000.00 USD, 100 units
    outcomes: list[str] = []
    lock = threading.Lock()

    def ship_one() -> None:
        try:
            ship(engine, cast, licence_id, Decimal("30.00"), 3, date(2021, 1, 5))
            result = "shipped"
        except ShipmentRefusedError:
            result = "refused"
        with lock:
            outcomes.append(result)

    run_at_once([ship_one] * 50, timeout=120)
    assert sorted(set(outcomes)) == ["refused", "shipped"] and len(outcomes) == 50
    assert outcomes.count("shipped") == 33  # floor(1000 / 30) and floor(100 / 3)
    with session_scope(engine) as s:
        licence = s.get(Licence, licence_id)
        assert licence is not None
        total = s.scalar(select(func.sum(Shipment.value)).where(Shipment.licence_id == licence_id))
        assert licence.value_used == total == Decimal("990.00") and licence.quantity_used == 99
