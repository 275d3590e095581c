"""Append audit events to the hash chain and verify it.

Each event's hash is ``sha256(prev_hash + canonical_json(event))``, where the event includes its sequence
number. Editing a row changes its recomputed hash; deleting or reordering rows breaks the sequence or the
``prev_hash`` links; deleting the tail leaves the chain head pointing past the last row.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol, cast

from sqlalchemy import Engine, Table, insert, select
from sqlalchemy.orm import Session

from exportctl.audit.canonical import canonical_json, to_jsonable
from exportctl.audit.locking import GENESIS_HASH, HEAD_ID, lock_for_write
from exportctl.store.audit_tables import AuditChainHead, AuditEvent


class AuditActor(Protocol):
    """Who did it: anything with a user id and an organisation id (``licensing.Actor`` fits)."""

    @property
    def user_id(self) -> int | None: ...

    @property
    def organisation_id(self) -> int | None: ...


@dataclass(frozen=True)
class AuditVerification:
    ok: bool
    count: int
    first_bad_event: int | None = None  # sequence number of the first event that fails
    reason: str | None = None


def utc_now() -> datetime:
    """Naive UTC, microsecond precision: the form both databases store and return unchanged."""
    return datetime.now(UTC).replace(tzinfo=None)


def event_hash(prev_hash: str, fields: dict[str, Any]) -> str:
    return hashlib.sha256((prev_hash + canonical_json(fields)).encode("utf-8")).hexdigest()


def _hashed_fields(event: AuditEvent) -> dict[str, Any]:
    return {
        "seq": event.seq,
        "occurred_at": event.occurred_at.isoformat(timespec="microseconds"),
        "actor_user_id": event.actor_user_id,
        "actor_organisation_id": event.actor_organisation_id,
        "action": event.action,
        "entity_type": event.entity_type,
        "entity_id": event.entity_id,
        "before": event.before,
        "after": event.after,
    }


def _locked_head(session: Session) -> AuditChainHead:
    """The chain head, locked for this transaction (created at the genesis hash for an empty chain)."""
    head = session.execute(
        select(AuditChainHead)
        .where(AuditChainHead.id == HEAD_ID)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).scalar_one_or_none()
    if head is None:
        head = AuditChainHead(id=HEAD_ID, last_seq=0, last_hash=GENESIS_HASH)
        session.add(head)
    return head


def append_event(
    session: Session,
    actor: AuditActor | None,
    action: str,
    entity_type: str,
    entity_id: str | int,
    before: Any = None,
    after: Any = None,
) -> AuditEvent:
    """Append one event in the caller's transaction (it commits or rolls back with the change it records)."""
    lock_for_write(session)
    head = _locked_head(session)
    event = AuditEvent(
        seq=head.last_seq + 1,
        occurred_at=utc_now(),
        actor_user_id=actor.user_id if actor is not None else None,
        actor_organisation_id=actor.organisation_id if actor is not None else None,
        action=action,
        entity_type=entity_type,
        entity_id=str(entity_id),
        before=to_jsonable(before),
        after=to_jsonable(after),
        prev_hash=head.last_hash,
    )
    event.hash = event_hash(event.prev_hash, _hashed_fields(event))
    session.add(event)
    head.last_seq = event.seq
    head.last_hash = event.hash
    session.flush()
    return event


def append_events(
    session: Session,
    actor: AuditActor | None,
    events: Sequence[tuple[str, str, str | int, Any, Any]],
) -> None:
    """Append many events (``(action, entity_type, entity_id, before, after)``, in order) in the caller's
    transaction: the chain exactly as one :func:`append_event` per event makes it, with one head update and bulk
    inserts instead of one flush per event (a register run opens thousands of alerts at once)."""
    if not events:
        return
    lock_for_write(session)
    session.flush()
    head = _locked_head(session)
    seq, prev = head.last_seq, head.last_hash
    rows: list[dict[str, Any]] = []
    for action, entity_type, entity_id, before, after in events:
        seq += 1
        row: dict[str, Any] = {
            "seq": seq,
            "occurred_at": utc_now(),
            "actor_user_id": actor.user_id if actor is not None else None,
            "actor_organisation_id": actor.organisation_id if actor is not None else None,
            "action": action,
            "entity_type": entity_type,
            "entity_id": str(entity_id),
            "before": to_jsonable(before),
            "after": to_jsonable(after),
        }
        hashed = {**row, "occurred_at": row["occurred_at"].isoformat(timespec="microseconds")}
        row["prev_hash"] = prev
        row["hash"] = prev = event_hash(prev, hashed)
        rows.append(row)
    table = cast(Table, AuditEvent.__table__)
    for start in range(0, len(rows), 2000):
        session.execute(insert(table), rows[start : start + 2000])
    head.last_seq, head.last_hash = seq, prev
    session.flush()


def verify_chain(engine: Engine, *, batch_size: int = 1000) -> AuditVerification:
    """Walk every event in sequence order and recompute the chain."""
    prev_hash = GENESIS_HASH
    expected_seq = 1
    with Session(engine) as session:
        events = session.execute(select(AuditEvent).order_by(AuditEvent.seq).execution_options(yield_per=batch_size))
        for event in events.scalars():
            if event.seq != expected_seq:
                return AuditVerification(False, expected_seq - 1, event.seq, f"expected event {expected_seq} next")
            if event.prev_hash != prev_hash:
                return AuditVerification(False, expected_seq - 1, event.seq, "does not link to the event before it")
            if event_hash(prev_hash, _hashed_fields(event)) != event.hash:
                return AuditVerification(False, expected_seq - 1, event.seq, "content does not match its hash")
            prev_hash = event.hash
            expected_seq += 1
        count = expected_seq - 1
        head = session.get(AuditChainHead, HEAD_ID)
        head_seq, head_hash = (head.last_seq, head.last_hash) if head is not None else (0, GENESIS_HASH)
    if (head_seq, head_hash) != (count, prev_hash):
        return AuditVerification(False, count, count + 1, f"chain head records {head_seq} events, found {count}")
    return AuditVerification(True, count)
