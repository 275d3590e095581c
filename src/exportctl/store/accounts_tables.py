"""API tokens for programmatic access, and the server-side record of browser sessions. Only SHA-256 digests of
tokens and session nonces are stored: a leaked database does not leak usable credentials. A signed session cookie
is honoured only while its session row is open, so signing out (or a password change) ends it for good."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from exportctl.store.base import Base


class ApiToken(Base):
    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class BrowserSessionRecord(Base):
    """One signed-in browser session, keyed by the digest of the nonce its cookie carries."""

    __tablename__ = "browser_sessions"

    nonce_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class LoginThrottleRecord(Base):
    """Failed sign-ins of one key (an e-mail and client address pair, or an address), by SHA-256 digest."""

    __tablename__ = "login_throttle"

    key_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    failures: Mapped[int] = mapped_column(Integer)
    last_failure_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    blocked_until: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
