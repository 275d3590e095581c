"""A real ``kill -9`` in the middle of a licensing decision or a shipment, on SQLite and PostgreSQL: the decision,
its licence and their audit events (or the shipment, the licence's drawdown and its audit event) are written
together or not at all, and the audit chain still verifies. The kill lands where the code signals that part of
the work is written (``tests/crash.py``), so it is inside the transaction on any machine."""

from __future__ import annotations

import sys
import textwrap
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from exportctl.audit.chain import verify_chain
from exportctl.licensing.decide import decide
from exportctl.licensing.inputs import ItemInput
from exportctl.licensing.licences import record_shipment
from exportctl.store.audit_tables import AuditEvent
from exportctl.store.db import session_scope
from exportctl.store.licensing_tables import Application, Decision, Licence, LicenceItem, Shipment
from tests.crash import kill_at
from tests.licensing.conftest import Cast, good_input, in_review, step
from tests.licensing.test_licences import DECIDED, approved_licence

pytestmark = pytest.mark.slow
SHIPPED = date(2021, 1, 5)

_CHILD = textwrap.dedent(
    """
    import sys
    from datetime import date
    from decimal import Decimal
    from exportctl.licensing.decide import decide
    from exportctl.licensing.licences import record_shipment
    from exportctl.licensing.organisations import actor_for_user
    from exportctl.store.db import make_engine, session_scope

    url, what, user_id, target = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    with session_scope(make_engine(url)) as session:
        actor = actor_for_user(session, user_id)
        if what == "decide":
            decide(session, actor, target, outcome="approved", reasons=["crash test"], on=date(2020, 12, 1))
        else:
            day = date(2021, 1, 5)  # recorded on the day it left (a dated history)
            value = Decimal("250.00")
            record_shipment(session, actor, target, value=value, quantity=25, shipped_on=day, recorded_on=day)
    """
)


def _state(engine: Engine) -> dict[str, object]:
    """Every row count and figure a decision or a shipment changes."""
    with engine.connect() as connection:
        counts = {
            table.__tablename__: connection.scalar(select(func.count()).select_from(table))
            for table in (Decision, Licence, LicenceItem, Shipment, AuditEvent)
        }
        statuses = sorted(connection.execute(select(Application.id, Application.status, Application.version)).all())
        used = sorted(connection.execute(select(Licence.id, Licence.value_used, Licence.quantity_used)).all())
    return {**counts, "applications": statuses, "licence use": used}


def _run_child(engine: Engine, tmp_path: Path, point: str, what: str, user_id: int, target: int) -> None:
    url = engine.url.render_as_string(hide_password=False)
    kill_at(point, [sys.executable, "-c", _CHILD, url, what, str(user_id), str(target)], tmp_path)
    engine.dispose()  # PostgreSQL: the server ends the killed session and rolls its transaction back


def test_kill_9_during_a_decision_writes_nothing(engine: Engine, cast: Cast, tmp_path: Path) -> None:
    app_id = in_review(engine, cast)
    before = _state(engine)
    _run_child(engine, tmp_path, "licensing.decision_written", "decide", cast.reviewer.user_id, app_id)
    assert _state(engine) == before
    assert verify_chain(engine).ok
    # and the store is usable: the same decision goes through afterwards, all of it
    decision = step(engine, decide, cast.reviewer, app_id, outcome="approved", reasons=["after"], on=DECIDED)
    after = _state(engine)
    assert decision.licence_id is not None
    assert (after["decisions"], after["licences"]) == (before["decisions"] + 1, before["licences"] + 1)  # type: ignore[operator]
    assert verify_chain(engine).ok


def test_kill_9_during_a_shipment_writes_nothing(engine: Engine, cast: Cast, tmp_path: Path) -> None:
    licence_id = approved_licence(engine, cast)
    before = _state(engine)
    _run_child(engine, tmp_path, "licensing.shipment_written", "ship", cast.exporter.user_id, licence_id)
    assert _state(engine) == before
    assert verify_chain(engine).ok
    step(
        engine,
        record_shipment,
        cast.exporter,
        licence_id,
        value=Decimal("250.00"),
        quantity=25,
        shipped_on=SHIPPED,
        recorded_on=SHIPPED,
    )
    with session_scope(engine) as session:
        licence = session.get(Licence, licence_id)
        assert licence is not None and (licence.value_used, licence.quantity_used) == (Decimal("250.00"), 25)
    assert verify_chain(engine).ok


def test_the_decision_child_really_decides_without_the_pause(engine: Engine, cast: Cast, tmp_path: Path) -> None:
    """The child script does what the crash test assumes: run to the end, it records a decision and a licence."""
    import subprocess

    item = ItemInput(eccn="5A992.c", description="LTE modem", quantity=10, unit_value=Decimal("10.00"))
    app_id = in_review(engine, cast, good_input(items=(item,)))
    before = _state(engine)
    url = engine.url.render_as_string(hide_password=False)
    command = [sys.executable, "-c", _CHILD, url, "decide", str(cast.reviewer.user_id), str(app_id)]
    subprocess.run(command, check=True, capture_output=True)
    after = _state(engine)
    assert after["decisions"] == before["decisions"] + 1 and after["licences"] == before["licences"] + 1  # type: ignore[operator]
