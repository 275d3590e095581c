"""Password hashing with Argon2id (argon2-cffi), the OWASP-recommended algorithm, with its library defaults, and the
password policy: 10 to 256 characters, and not guessable: zxcvbn (its bundled frequency lists of common passwords,
names and English words, plus the user's own e-mail) must rate it at least :data:`MIN_STRENGTH` of 4."""

from __future__ import annotations

from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from zxcvbn import zxcvbn

from exportctl.errors import InputError

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 256
MIN_STRENGTH = 3  # zxcvbn: "safely unguessable: moderate protection from offline slow-hash scenario"


@lru_cache(maxsize=1)
def _hasher() -> PasswordHasher:
    return PasswordHasher()


def check_password_policy(password: str, *, email: str = "") -> None:
    """Refuse passwords too short to resist guessing, too long to hash cheaply, common, or made of the e-mail."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InputError(f"password must have at least {MIN_PASSWORD_LENGTH} characters", field="password")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise InputError(f"password must have at most {MAX_PASSWORD_LENGTH} characters", field="password")
    email = email.strip().lower()
    local = email.split("@")[0]
    if len(local) >= 3 and local in password.lower():
        raise InputError("password is too easy to guess: it contains your e-mail address", field="password")
    user_inputs = [email, *email.replace("@", ".").split(".")] if email else []
    verdict = zxcvbn(password[:100], user_inputs=[part for part in user_inputs if len(part) >= 3])
    if int(verdict["score"]) < MIN_STRENGTH:
        hint = " ".join([verdict["feedback"].get("warning") or "", *verdict["feedback"].get("suggestions", [])])
        advice = hint.strip() or "choose a longer, rarer one"
        raise InputError(f"password is too easy to guess: {advice}", field="password")


def hash_password(password: str, *, email: str = "") -> str:
    """An Argon2id hash (salted, self-describing) of ``password`` after checking the policy."""
    check_password_policy(password, email=email)
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
