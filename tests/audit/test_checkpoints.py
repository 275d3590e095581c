"""Signed checkpoints outside the database (issue 21, defect 3): what the chain alone misses, they catch.

Before, deleting the newest events and moving ``audit_chain_head`` back passed ``audit verify``; so did rewriting
events with every hash recomputed. Each kind of tampering is done here the way someone with database access would.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from exportctl.audit.chain import _hashed_fields, event_hash, verify_chain
from exportctl.audit.checkpoints import read_checkpoints, take_checkpoint, verify_checkpoints
from exportctl.audit.locking import GENESIS_HASH, HEAD_ID
from exportctl.cli.main import app
from exportctl.config import reset_settings_cache
from exportctl.errors import FileFormatError, InputError
from exportctl.store.audit_tables import AuditChainHead, AuditEvent
from tests.audit.test_chain import _append

KEY = b"a test key that is not in the db"

EDITS = {  # every stored field of an event, edited in place
    "seq": "UPDATE audit_events SET seq = 99 WHERE seq = 3",
    "occurred_at": "UPDATE audit_events SET occurred_at = '2001-01-01 00:00:00' WHERE seq = 3",
    "actor_user_id": "UPDATE audit_events SET actor_user_id = 1 WHERE seq = 3",
    "actor_organisation_id": "UPDATE audit_events SET actor_organisation_id = 1 WHERE seq = 3",
    "action": "UPDATE audit_events SET action = 'forged' WHERE seq = 3",
    "entity_type": "UPDATE audit_events SET entity_type = 'other' WHERE seq = 3",
    "entity_id": "UPDATE audit_events SET entity_id = '999' WHERE seq = 3",
    "before": """UPDATE audit_events SET "before" = '{"n": 99}' WHERE seq = 3""",
    "after": """UPDATE audit_events SET "after" = '{"n": 99}' WHERE seq = 3""",
    "prev_hash": f"UPDATE audit_events SET prev_hash = '{'1' * 64}' WHERE seq = 3",
    "hash": f"UPDATE audit_events SET hash = '{'1' * 64}' WHERE seq = 3",
}


def _rehash(engine: Engine) -> None:
    """What a forger with database access does after an edit: recompute every hash and the head."""
    with Session(engine) as session:
        prev = GENESIS_HASH
        events = session.scalars(select(AuditEvent).order_by(AuditEvent.seq)).all()
        for number, event in enumerate(events, start=1):
            event.seq = number
            event.prev_hash = prev
            event.hash = prev = event_hash(prev, _hashed_fields(event))
        head = session.get(AuditChainHead, HEAD_ID)
        assert head is not None
        head.last_seq, head.last_hash = len(events), prev
        session.commit()


@pytest.fixture
def checkpointed(engine: Engine, tmp_path: Path) -> Path:
    _append(engine, 5)
    path = tmp_path / "offsite" / "audit-checkpoints.jsonl"
    take_checkpoint(engine, KEY, path, taken_at=datetime(2026, 12, 3, 17, 0))
    return path


@pytest.mark.parametrize("field", sorted(EDITS))
def test_an_edit_of_every_field_is_detected(engine: Engine, checkpointed: Path, field: str) -> None:
    with engine.begin() as connection:
        connection.execute(text(EDITS[field]))
    assert not verify_chain(engine).ok
    assert not verify_checkpoints(engine, read_checkpoints(checkpointed, KEY)).ok


@pytest.mark.parametrize("field", ["occurred_at", "entity_id", "before", "action"])
def test_an_edit_with_every_hash_recomputed_is_caught_by_the_checkpoint(
    engine: Engine, checkpointed: Path, field: str
) -> None:
    with engine.begin() as connection:
        connection.execute(text(EDITS[field]))
    _rehash(engine)
    assert verify_chain(engine).ok  # the chain alone cannot tell
    result = verify_checkpoints(engine, read_checkpoints(checkpointed, KEY))
    assert not result.ok and result.first_bad_event == 5 and "rewritten" in (result.reason or "")


def test_tail_deletion_with_the_head_moved_back_is_caught(engine: Engine, checkpointed: Path) -> None:
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM audit_events WHERE seq >= 4"))
    _rehash(engine)
    assert verify_chain(engine).ok
    result = verify_checkpoints(engine, read_checkpoints(checkpointed, KEY))
    assert not result.ok and "deleted" in (result.reason or "")


def test_a_full_rewrite_is_caught(engine: Engine, checkpointed: Path) -> None:
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM audit_events"))
        connection.execute(text("UPDATE audit_chain_head SET last_seq = 0, last_hash = :g"), {"g": GENESIS_HASH})
    _append(engine, 6)  # a whole new history, longer than the old one
    assert verify_chain(engine).ok
    assert not verify_checkpoints(engine, read_checkpoints(checkpointed, KEY)).ok


def test_events_after_the_newest_checkpoint_are_protected_by_the_chain_only(engine: Engine, checkpointed: Path) -> None:
    _append(engine, 2)
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM audit_events WHERE seq = 7"))
    _rehash(engine)
    assert verify_checkpoints(engine, read_checkpoints(checkpointed, KEY)).ok  # as the README says


def test_a_forged_or_edited_checkpoint_is_refused(engine: Engine, checkpointed: Path) -> None:
    line = json.loads(checkpointed.read_text())
    checkpointed.write_text(json.dumps({**line, "seq": 2}) + "\n")
    with pytest.raises(FileFormatError, match=r"(?s)audit-checkpoints.jsonl: 1 problem.*:1 \[signature\]"):
        read_checkpoints(checkpointed, KEY)
    checkpointed.write_text(json.dumps(line) + "\n")
    with pytest.raises(FileFormatError, match="signature"):
        read_checkpoints(checkpointed, b"another key, also long enough")


def test_a_broken_chain_gets_no_checkpoint(engine: Engine, checkpointed: Path) -> None:
    with engine.begin() as connection:
        connection.execute(text(EDITS["action"]))
    with pytest.raises(InputError, match="broken at event 3"):
        take_checkpoint(engine, KEY, checkpointed)
    assert len(checkpointed.read_text().splitlines()) == 1


def test_the_cli_checkpoints_and_verifies_exit_7_on_truncation(
    sqlite_engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EXPORTCTL_DATABASE_URL", sqlite_engine.url.render_as_string(hide_password=False))
    reset_settings_cache()
    _append(sqlite_engine, 5)
    path = tmp_path / "checkpoints.jsonl"
    assert CliRunner().invoke(app, ["audit", "checkpoint", str(path)]).exit_code == 2  # no key: a usage error
    monkeypatch.setenv("EXPORTCTL_AUDIT_KEY", KEY.decode())
    reset_settings_cache()
    made = CliRunner().invoke(app, ["audit", "checkpoint", str(path)])
    assert made.exit_code == 0 and "event 5" in made.output
    with sqlite_engine.begin() as connection:
        connection.execute(text("DELETE FROM audit_events WHERE seq = 5"))
    _rehash(sqlite_engine)
    assert CliRunner().invoke(app, ["audit", "verify"]).exit_code == 0  # the chain alone: intact
    checked = CliRunner().invoke(app, ["audit", "verify", "--checkpoints", str(path)])
    assert checked.exit_code == 7 and "deleted" in checked.output
