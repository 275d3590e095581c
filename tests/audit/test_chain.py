"""The audit hash chain: intact after real workflow steps, broken by any raw edit, delete or reorder."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine, text

from exportctl.audit.chain import append_event, append_events, verify_chain
from exportctl.audit.events import list_events
from exportctl.licensing.actor import Actor, Role
from exportctl.store.db import session_scope
from tests.concurrency import run_at_once

ACTOR = Actor(user_id=7, organisation_id=3, roles=frozenset({Role.REVIEWER}))


def _append(engine: Engine, n: int) -> None:
    for i in range(n):
        with session_scope(engine) as s:
            append_event(
                s, ACTOR, "test.step", "thing", i, {"n": i}, {"n": i + 1, "on": date(2020, 1, 1), "name": "华为"}
            )


def test_an_untouched_chain_verifies(engine: Engine) -> None:
    _append(engine, 5)
    assert verify_chain(engine).ok and verify_chain(engine).count == 5
    latest = list_events(engine, limit=2)
    assert [e.seq for e in latest] == [5, 4] and latest[0].after["name"] == "华为"


def test_events_appended_in_bulk_chain_like_one_at_a_time(engine: Engine) -> None:
    _append(engine, 2)
    with session_scope(engine) as s:
        append_events(s, ACTOR, [("test.bulk", "thing", i, None, {"n": i, "name": "华为"}) for i in range(3)])
        append_events(s, ACTOR, [])
    _append(engine, 1)
    result = verify_chain(engine)
    assert result.ok and result.count == 6
    latest = list_events(engine, limit=6)
    assert [e.action for e in latest] == ["test.step", *["test.bulk"] * 3, *["test.step"] * 2]
    assert [e.entity_id for e in latest[1:4]] == ["2", "1", "0"] and latest[1].actor_user_id == 7


def test_empty_chain_verifies(engine: Engine) -> None:
    result = verify_chain(engine)
    assert result.ok and result.count == 0


@pytest.mark.parametrize(
    ("sql", "bad", "reason"),
    [
        ("UPDATE audit_events SET action = 'forged' WHERE seq = 3", 3, "does not match its hash"),
        ("UPDATE audit_events SET actor_user_id = 1 WHERE seq = 2", 2, "does not match its hash"),
        ("DELETE FROM audit_events WHERE seq = 3", 4, "expected event 3"),
        ("DELETE FROM audit_events WHERE seq = 5", 5, "chain head records 5 events, found 4"),
        ("UPDATE audit_events SET seq = CASE seq WHEN 2 THEN 3 ELSE 2 END WHERE seq IN (2, 3)", 2, "link"),
    ],
)
def test_tampering_is_detected(engine: Engine, sql: str, bad: int, reason: str) -> None:
    _append(engine, 5)
    with engine.begin() as connection:
        if "CASE" in sql:  # swap two rows' sequence numbers without tripping the unique constraint midway
            connection.execute(text("UPDATE audit_events SET seq = seq + 100 WHERE seq IN (2, 3)"))
            connection.execute(
                text("UPDATE audit_events SET seq = CASE seq WHEN 102 THEN 3 ELSE 2 END WHERE seq > 100")
            )
        else:
            connection.execute(text(sql))
    result = verify_chain(engine)
    assert not result.ok
    assert result.first_bad_event == bad
    assert result.reason is not None and reason in result.reason


def test_concurrent_appenders_keep_one_linear_chain(engine: Engine) -> None:
    run_at_once([lambda: _append(engine, 5)] * 8, timeout=60)
    result = verify_chain(engine)
    assert result.ok and result.count == 40
