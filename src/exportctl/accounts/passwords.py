"""Password hashing with Argon2id (argon2-cffi), the OWASP-recommended algorithm, with its library defaults."""

from __future__ import annotations

from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from exportctl.errors import InputError

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 256


@lru_cache(maxsize=1)
def _hasher() -> PasswordHasher:
    return PasswordHasher()


def check_password_policy(password: str) -> None:
    """Refuse passwords too short to resist guessing or too long to hash cheaply."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InputError(f"password must have at least {MIN_PASSWORD_LENGTH} characters", field="password")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise InputError(f"password must have at most {MAX_PASSWORD_LENGTH} characters", field="password")


def hash_password(password: str) -> str:
    """An Argon2id hash (salted, self-describing) of ``password`` after checking the policy."""
    check_password_policy(password)
    return str(_hasher().hash(password))


def verify_password(password_hash: str | None, password: str) -> bool:
    """Whether ``password`` matches ``password_hash``; ``False`` for users without a password."""
    if not password_hash or len(password) > MAX_PASSWORD_LENGTH:
        return False
    try:
        return bool(_hasher().verify(password_hash, password))
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


#: A hash of a random string, verified against when a username is unknown so that response time does not reveal
#: whether the user exists.
def dummy_verify(password: str) -> None:
    verify_password(_dummy_hash(), password[:MAX_PASSWORD_LENGTH])


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return str(_hasher().hash("not-a-real-password-0123456789"))
