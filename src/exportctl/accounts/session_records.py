"""The server side of browser sessions: a signed cookie alone is not enough, its session must still be open.

Signing in opens a row (keyed by the SHA-256 of the cookie's nonce), signing out ends it, and a password change
ends all of the user's sessions; a copied cookie then stops working even though its signature is still valid."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from exportctl.accounts.sessions import SESSION_MAX_AGE_SECONDS, BrowserSession
from exportctl.store.accounts_tables import BrowserSessionRecord


def _digest(session: BrowserSession) -> str:
    return hashlib.sha256(session.nonce.encode("utf-8")).hexdigest()


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def open_session(db: Session, session: BrowserSession, *, max_age_seconds: int = SESSION_MAX_AGE_SECONDS) -> None:
    """Record a session just signed in, and drop the user's records older than any cookie can be (their cookies
    are refused by the signature's age check anyway), so the table stays as small as the live sessions."""
    cutoff = _now() - timedelta(seconds=max_age_seconds)
    db.execute(
        delete(BrowserSessionRecord).where(
            BrowserSessionRecord.user_id == session.user_id, BrowserSessionRecord.created_at < cutoff
        )
    )
    db.add(BrowserSessionRecord(nonce_sha256=_digest(session), user_id=session.user_id, created_at=_now()))
    db.flush()


def session_is_open(db: Session, session: BrowserSession) -> bool:
    """Whether the cookie's session was opened for this user and has not been ended."""
    row = db.scalar(select(BrowserSessionRecord).where(BrowserSessionRecord.nonce_sha256 == _digest(session)))
    return row is not None and row.user_id == session.user_id and row.ended_at is None


def end_session(db: Session, session: BrowserSession) -> None:
    """Sign out: the cookie's session is never honoured again."""
    db.execute(
        update(BrowserSessionRecord)
        .where(BrowserSessionRecord.nonce_sha256 == _digest(session), BrowserSessionRecord.ended_at.is_(None))
        .values(ended_at=_now())
    )


def end_user_sessions(db: Session, user_id: int) -> int:
    """End every open session of a user (e.g. after a password change); returns how many were open."""
    result = db.execute(
        update(BrowserSessionRecord)
        .where(BrowserSessionRecord.user_id == user_id, BrowserSessionRecord.ended_at.is_(None))
        .values(ended_at=_now())
    )
    return int(getattr(result, "rowcount", 0) or 0)
