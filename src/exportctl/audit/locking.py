"""One writer at a time for workflow transactions, on SQLite and PostgreSQL alike.

Why: every write transaction appends to the audit hash chain, whose head is a single row. Taking the write lock
first, before touching any other row, gives all writers the same lock order, so they queue instead of
deadlocking, and the chain stays linear.

The lock is a write to the chain-head row (``UPDATE audit_chain_head SET last_seq = last_seq``):

- PostgreSQL: it row-locks the head until commit or rollback (same effect as ``SELECT … FOR UPDATE``).
- SQLite: any write takes the database write lock, waiting up to the busy timeout; done as the first statement
  of a transaction it also gives a fresh snapshot, like ``BEGIN IMMEDIATE``. Call writers at the start of their
  transaction: in WAL mode a transaction that read before another writer committed cannot start writing.

Idempotent within a transaction.
"""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.orm import Session

from exportctl.store.audit_tables import AuditChainHead

GENESIS_HASH = "0" * 64
HEAD_ID = 1


def lock_for_write(session: Session) -> None:
    """Take the workflow write lock for the session's current transaction."""
    locked = session.execute(
        update(AuditChainHead).where(AuditChainHead.id == HEAD_ID).values(last_seq=AuditChainHead.last_seq)
    )
    if getattr(locked, "rowcount", 1) == 0:  # a database created without the migration's head row
        session.add(AuditChainHead(id=HEAD_ID, last_seq=0, last_hash=GENESIS_HASH))
        session.flush()
