"""API bearer tokens: random, shown once, stored only as a SHA-256 digest, revocable."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from exportctl.accounts.roles import Actor
from exportctl.accounts.users import load_principal
from exportctl.errors import InputError, NotFoundError
from exportctl.store.accounts_tables import ApiToken

TOKEN_PREFIX = "exp_"
MAX_TOKEN_LENGTH = 200
MAX_TOKEN_DAYS = 365  # every token expires; a token stored without an expiry counts as expiring this long after issue


@dataclass(frozen=True)
class IssuedToken:
    """A new token: ``token`` is shown to its owner once and never stored."""

    id: int
    name: str
    token: str
    expires_at: datetime


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def issue_token(session: Session, principal: Actor, name: str, valid_days: int = 90) -> IssuedToken:
    """A new bearer token for ``principal``, valid ``valid_days`` (1 to :data:`MAX_TOKEN_DAYS`)."""
    name = name.strip()
    if not name or len(name) > 100:
        raise InputError("token name must have 1 to 100 characters", field="name")
    if isinstance(valid_days, bool) or not isinstance(valid_days, int) or not 1 <= valid_days <= MAX_TOKEN_DAYS:
        raise InputError(f"a token is valid for 1 to {MAX_TOKEN_DAYS} days", field="valid_days")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    expires = _now() + timedelta(days=valid_days)
    row = ApiToken(
        user_id=principal.user_id, name=name, token_sha256=token_digest(token), created_at=_now(), expires_at=expires
    )
    session.add(row)
    session.flush()
    return IssuedToken(id=row.id, name=name, token=token, expires_at=expires)


def principal_for_token(session: Session, token: str) -> Actor | None:
    """The principal a valid (known, unexpired, unrevoked) token belongs to, else ``None``."""
    if not token.startswith(TOKEN_PREFIX) or len(token) > MAX_TOKEN_LENGTH:
        return None
    row = session.scalar(select(ApiToken).where(ApiToken.token_sha256 == token_digest(token)))
    if row is None or row.revoked_at is not None:
        return None
    expires = min(row.expires_at or datetime.max, row.created_at + timedelta(days=MAX_TOKEN_DAYS))
    if expires <= _now():
        return None
    return load_principal(session, row.user_id)


def revoke_token(session: Session, principal: Actor, token_id: int) -> None:
    """Revoke one of the principal's own tokens (another user's token id is *not found*)."""
    row = session.get(ApiToken, token_id)
    if row is None or row.user_id != principal.user_id:
        raise NotFoundError(f"token {token_id} not found")
    if row.revoked_at is None:
        row.revoked_at = _now()
