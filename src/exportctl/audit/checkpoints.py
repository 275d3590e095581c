"""Signed checkpoints of the audit chain, kept outside the database, so that truncation and rewriting are detected.

The hash chain alone (:mod:`exportctl.audit.chain`) proves only that the rows agree with each other and with the
chain-head row: whoever can write to the database can delete the newest events and move the head back, or rewrite
every event and recompute every hash, and the chain still verifies. A *checkpoint* records one event's sequence
number and hash, signed with HMAC-SHA256 under a secret key that is not in the database (``EXPORTCTL_AUDIT_KEY``).
Checkpoints are appended, one JSON object a line, to a file the operator keeps elsewhere (another host, write-once
storage). :func:`verify_checkpoints` then detects, for every event up to the newest checkpoint:

- deleting events (the checkpointed event is gone, or the chain is shorter than the checkpoint);
- editing any field, even with every later hash recomputed (the checkpointed hash changes);
- rewriting the whole chain (the same);
- a forged or edited checkpoint line (its signature does not verify without the key).

Events appended after the newest checkpoint are protected by the chain only: take checkpoints often.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from exportctl.audit.canonical import canonical_json
from exportctl.audit.chain import AuditVerification, utc_now, verify_chain
from exportctl.errors import FileFormatError, InputError, Problem
from exportctl.store.audit_tables import AuditEvent

MIN_KEY_BYTES = 16


@dataclass(frozen=True)
class Checkpoint:
    """The chain up to event ``seq`` ended in ``hash`` at ``taken_at`` (UTC), signed with the audit key."""

    seq: int
    hash: str
    taken_at: datetime
    signature: str

    def signed_fields(self) -> dict[str, object]:
        return {"seq": self.seq, "hash": self.hash, "taken_at": self.taken_at.isoformat(timespec="microseconds")}

    def to_line(self) -> str:
        return json.dumps({**self.signed_fields(), "signature": self.signature}, sort_keys=True)


def _sign(key: bytes, fields: dict[str, object]) -> str:
    return hmac.new(key, canonical_json(fields).encode("utf-8"), hashlib.sha256).hexdigest()


def check_key(key: bytes) -> bytes:
    if len(key) < MIN_KEY_BYTES:
        raise InputError(f"the audit key must have at least {MIN_KEY_BYTES} bytes", field="EXPORTCTL_AUDIT_KEY")
    return key


def take_checkpoint(engine: Engine, key: bytes, path: Path, *, taken_at: datetime | None = None) -> Checkpoint:
    """Verify the chain, then append a signed checkpoint of its newest event to ``path`` (created if missing).

    Raises :class:`InputError` when the chain is broken (a checkpoint must not vouch for a tampered chain) or empty.
    """
    check_key(key)
    verified = verify_chain(engine)
    if not verified.ok:
        raise InputError(f"audit chain broken at event {verified.first_bad_event}: {verified.reason}")
    with Session(engine) as session:
        last = session.execute(select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc())).first()
    if last is None:
        raise InputError("the audit trail is empty: nothing to checkpoint")
    unsigned = Checkpoint(last.seq, last.hash, taken_at or utc_now(), "")
    checkpoint = Checkpoint(unsigned.seq, unsigned.hash, unsigned.taken_at, _sign(key, unsigned.signed_fields()))
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as f:  # one line per write: a crash leaves earlier lines whole
        f.write(checkpoint.to_line() + "\n")
    return checkpoint


def read_checkpoints(path: Path, key: bytes) -> list[Checkpoint]:
    """Every checkpoint in ``path``; a malformed line or a bad signature is an error naming the line."""
    check_key(key)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"{path}: cannot read the checkpoint file ({exc.strerror})", field="checkpoints") from exc
    found: list[Checkpoint] = []
    problems: list[Problem] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            checkpoint = Checkpoint(
                int(data["seq"]), str(data["hash"]), datetime.fromisoformat(data["taken_at"]), str(data["signature"])
            )
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            problems.append(Problem(str(path), number, None, f"not a checkpoint line ({exc!r})"))
            continue
        if not hmac.compare_digest(_sign(key, checkpoint.signed_fields()), checkpoint.signature):
            problems.append(Problem(str(path), number, "signature", "does not verify (forged, edited or another key)"))
            continue
        found.append(checkpoint)
    if problems:
        raise FileFormatError(str(path), problems)
    return found


def verify_checkpoints(engine: Engine, checkpoints: list[Checkpoint]) -> AuditVerification:
    """The chain check, then each checkpointed event must still be there with the hash it had."""
    verified = verify_chain(engine)
    if not verified.ok:
        return verified
    with Session(engine) as session:
        for checkpoint in sorted(checkpoints, key=lambda c: c.seq):
            if checkpoint.seq > verified.count:
                reason = (
                    f"checkpoint of {checkpoint.taken_at:%Y-%m-%d %H:%M} saw event {checkpoint.seq}, "
                    f"the chain ends at {verified.count}: events were deleted"
                )
                return AuditVerification(False, verified.count, verified.count + 1, reason)
            found = session.execute(select(AuditEvent.hash).where(AuditEvent.seq == checkpoint.seq)).scalar_one()
            if found != checkpoint.hash:
                reason = (
                    f"hash differs from the checkpoint of {checkpoint.taken_at:%Y-%m-%d %H:%M}: "
                    "this event or one before it was rewritten"
                )
                return AuditVerification(False, verified.count, checkpoint.seq, reason)
    return verified
