"""Browser sessions and CSRF tokens: signed (itsdangerous), time-limited, carrying no secret data.

A session cookie holds the user id and a random session nonce; the CSRF token is the nonce signed with a
different salt, so a form token is bound to the session that rendered it and cannot be forged without the key.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

SESSION_MAX_AGE_SECONDS = 8 * 3600
_SESSION_SALT = "exportctl.session"
_CSRF_SALT = "exportctl.csrf"


@dataclass(frozen=True)
class BrowserSession:
    """What a valid session cookie says: whose session it is and its nonce (the CSRF binding)."""

    user_id: int
    nonce: str


class SessionCodec:
    """Signs and checks session cookies and CSRF tokens with one secret key."""

    def __init__(self, secret_key: str, max_age_seconds: int = SESSION_MAX_AGE_SECONDS) -> None:
        self._sessions = URLSafeTimedSerializer(secret_key, salt=_SESSION_SALT)
        self._csrf = URLSafeTimedSerializer(secret_key, salt=_CSRF_SALT)
        self.max_age_seconds = max_age_seconds

    def new_session(self, user_id: int) -> tuple[BrowserSession, str]:
        """A fresh session for ``user_id`` and its cookie value."""
        session = BrowserSession(user_id=user_id, nonce=secrets.token_urlsafe(16))
        return session, str(self._sessions.dumps({"u": user_id, "n": session.nonce}))

    def read_session(self, cookie: str | None) -> BrowserSession | None:
        """The session a cookie holds, or ``None`` if it is missing, forged or expired."""
        if not cookie:
            return None
        try:
            data = self._sessions.loads(cookie, max_age=self.max_age_seconds)
        except (BadSignature, SignatureExpired):
            return None
        if not isinstance(data, dict) or not isinstance(data.get("u"), int) or not isinstance(data.get("n"), str):
            return None
        return BrowserSession(user_id=data["u"], nonce=data["n"])

    def csrf_token(self, session: BrowserSession) -> str:
        return str(self._csrf.dumps(session.nonce))

    def check_csrf(self, session: BrowserSession, token: str | None) -> bool:
        """Whether ``token`` was issued for this session (and has not expired)."""
        if not token:
            return False
        try:
            nonce = self._csrf.loads(token, max_age=self.max_age_seconds)
        except (BadSignature, SignatureExpired):
            return False
        return isinstance(nonce, str) and secrets.compare_digest(nonce, session.nonce)
