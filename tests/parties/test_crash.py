"""A screening run killed with ``kill -9`` half-way (SQLite and PostgreSQL): every alert is as it was before the run,
never half-written, the audit chain verifies, and running again completes the run. The kill lands where the run has
written every alert, reopened what it reopens and marked what it screened, before its commit."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from exportctl.audit.chain import verify_chain
from exportctl.parties import AlertState, PartyData, decide, rescreen
from exportctl.store.audit_tables import AuditEvent
from exportctl.store.db import session_scope
from exportctl.store.parties_tables import PartyAlert, PartyEntryMark, PartyScreeningRun, RegisterParty
from tests.crash import kill_at
from tests.parties.conftest import AS_OF, LISTED, Orgs, add

pytestmark = pytest.mark.slow

_CHILD = textwrap.dedent(
    """
    import sys
    from datetime import date
    from exportctl.parties import rescreen
    from exportctl.store.db import make_engine

    rescreen(make_engine(sys.argv[1]), organisation_id=int(sys.argv[2]), as_of=date.fromisoformat(sys.argv[3]))
    """
)


def _state(engine: Engine) -> dict[str, object]:
    with engine.connect() as c:
        alerts = sorted(c.execute(select(PartyAlert.party_id, PartyAlert.entry_key, PartyAlert.state)).all())
        counts = {
            t.__tablename__: c.scalar(select(func.count()).select_from(t))
            for t in (PartyAlert, PartyScreeningRun, PartyEntryMark, AuditEvent)
        }
        screened = sorted(c.execute(select(RegisterParty.id, RegisterParty.screened_fingerprint)).all())
    return {"alerts": alerts, "counts": counts, "screened": screened}


def test_a_killed_run_leaves_the_alerts_from_before(dpl_engine: Engine, orgs: Orgs, tmp_path: Path) -> None:
    add(dpl_engine, orgs.chips, PartyData("c-1", LISTED, country="US", address="Cleveland, OH"))
    rescreen(dpl_engine, organisation_id=orgs.chips, as_of=AS_OF)
    with session_scope(dpl_engine) as s:
        alert_id = s.execute(select(PartyAlert.id)).scalar_one()
        decide(
            s, alert_id, AlertState.CLEARED, organisation_id=orgs.chips, actor=orgs.officer, reason="other man",
            today=AS_OF,
        )  # fmt: skip
    # the next run would reopen the cleared alert (the party moved) and raise one for a new party
    add(
        dpl_engine, orgs.chips,
        PartyData("c-1", LISTED, country="US", address="Rocky River, OH"),
        PartyData("c-2", "Aaron Abraham Villa", country="US"),
    )  # fmt: skip
    before = _state(dpl_engine)
    url = dpl_engine.url.render_as_string(hide_password=False)
    kill_at("parties.alerts_written", [sys.executable, "-c", _CHILD, url, str(orgs.chips), AS_OF.isoformat()], tmp_path)
    assert _state(dpl_engine) == before
    assert verify_chain(dpl_engine).ok

    run = rescreen(dpl_engine, organisation_id=orgs.chips, as_of=AS_OF)  # running again completes it
    assert run.alerts_reopened == 1 and run.alerts_opened == 1
    after = _state(dpl_engine)
    assert {state for _, _, state in after["alerts"]} == {"open"}  # type: ignore[union-attr]
    assert verify_chain(dpl_engine).ok
