"""Sign-in throttling, kept in the database so that every service process shares it.

Each failed sign-in counts against two keys: the (e-mail, client address) pair and the client address alone.
Past a number of free failures, each further failure blocks the key for an exponentially growing time (1 s, 2 s,
4 s … capped at :data:`MAX_BLOCK_SECONDS`): guessing one account's password, or spraying one password over many
accounts, from one address slows to a crawl, while nobody can lock an account (the admin's included) out for the
people signing in from elsewhere: there is no hard lockout per e-mail. A success clears its pair's record; a
record with no failure for :data:`WINDOW_SECONDS` is forgotten. Keys are stored as SHA-256 digests (what someone
typed into the e-mail field is not kept).
"""

from __future__ import annotations

import hashlib
import math
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, delete, select, update

from exportctl.errors import PermissionDeniedError
from exportctl.store.accounts_tables import LoginThrottleRecord
from exportctl.store.db import session_scope

#: kind -> failures allowed before back-off starts
FREE_FAILURES = {"pair": 3, "address": 20}
MAX_BLOCK_SECONDS = 15 * 60
WINDOW_SECONDS = 15 * 60


class SignInThrottled(PermissionDeniedError):
    """Too many failed sign-ins from this address (for this e-mail): ``retry_after`` seconds to wait."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


def _keys(email: str, address: str) -> dict[str, str]:
    email = email.strip().lower()[:320]
    return {
        "pair": hashlib.sha256(f"pair\0{email}\0{address}".encode()).hexdigest(),
        "address": hashlib.sha256(f"address\0{address}".encode()).hexdigest(),
    }


def block_seconds(kind: str, failures: int) -> int:
    """How long a key stays blocked after its ``failures``-th failure."""
    over = failures - FREE_FAILURES[kind]
    return 0 if over <= 0 else min(MAX_BLOCK_SECONDS, 2 ** min(over - 1, 20))


class LoginThrottle:
    def __init__(self, engine: Engine, clock: Callable[[], float] = time.time) -> None:
        self.engine = engine
        self._clock = clock

    def _now(self) -> datetime:
        return datetime.fromtimestamp(self._clock(), UTC).replace(tzinfo=None)

    def check(self, email: str, address: str) -> None:
        """Raise :class:`SignInThrottled` while the pair or the address is blocked."""
        now = self._now()
        keys = _keys(email, address)
        with session_scope(self.engine) as session:
            rows = session.scalars(
                select(LoginThrottleRecord).where(LoginThrottleRecord.key_sha256.in_(list(keys.values())))
            ).all()
        blocked = [r.blocked_until for r in rows if r.blocked_until is not None and r.blocked_until > now]
        if blocked:
            wait = max(1, math.ceil((max(blocked) - now).total_seconds()))
            raise SignInThrottled(f"too many failed sign-ins: try again in {wait} s", wait)

    def failed(self, email: str, address: str) -> None:
        now = self._now()
        with session_scope(self.engine) as session:
            session.execute(
                delete(LoginThrottleRecord).where(
                    LoginThrottleRecord.last_failure_at < now - timedelta(seconds=WINDOW_SECONDS),
                    (LoginThrottleRecord.blocked_until.is_(None)) | (LoginThrottleRecord.blocked_until < now),
                )
            )
            for kind, key in _keys(email, address).items():
                counted = session.execute(
                    update(LoginThrottleRecord)
                    .where(LoginThrottleRecord.key_sha256 == key)
                    .values(failures=LoginThrottleRecord.failures + 1, last_failure_at=now)
                    .execution_options(synchronize_session=False)
                )
                if getattr(counted, "rowcount", 0) == 0:
                    session.add(LoginThrottleRecord(key_sha256=key, kind=kind, failures=1, last_failure_at=now))
                    session.flush()
                failures = session.scalar(
                    select(LoginThrottleRecord.failures).where(LoginThrottleRecord.key_sha256 == key)
                )
                wait = block_seconds(kind, int(failures or 0))
                if wait:
                    session.execute(
                        update(LoginThrottleRecord)
                        .where(LoginThrottleRecord.key_sha256 == key)
                        .values(blocked_until=now + timedelta(seconds=wait))
                        .execution_options(synchronize_session=False)
                    )

    def succeeded(self, email: str, address: str) -> None:
        with session_scope(self.engine) as session:
            pair = _keys(email, address)["pair"]
            session.execute(delete(LoginThrottleRecord).where(LoginThrottleRecord.key_sha256 == pair))
