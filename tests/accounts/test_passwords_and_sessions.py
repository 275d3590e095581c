"""Passwords (Argon2id) and signed sessions / CSRF tokens: real hashing and signing, no doubles."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exportctl.accounts.passwords import MIN_PASSWORD_LENGTH, hash_password, verify_password
from exportctl.accounts.sessions import SessionCodec
from exportctl.errors import InputError


def test_hash_verifies_only_the_same_password() -> None:
    stored = hash_password("correct horse battery")
    assert stored.startswith("$argon2id$")
    assert verify_password(stored, "correct horse battery")
    assert not verify_password(stored, "correct horse batterY")
    assert not verify_password(None, "correct horse battery")
    assert not verify_password("not a hash", "correct horse battery")


def test_two_hashes_of_one_password_differ_by_salt() -> None:
    assert hash_password("same password here") != hash_password("same password here")


def test_short_and_huge_passwords_are_refused() -> None:
    with pytest.raises(InputError) as short:
        hash_password("x" * (MIN_PASSWORD_LENGTH - 1))
    assert short.value.field == "password"
    with pytest.raises(InputError):
        hash_password("x" * 10_000)


def test_session_round_trip_and_tampering() -> None:
    codec = SessionCodec("k" * 40)
    session, cookie = codec.new_session(42)
    assert codec.read_session(cookie) == session
    assert codec.read_session(cookie[:-2] + ("A" if cookie[-2] != "A" else "B") + cookie[-1]) is None
    assert SessionCodec("another key" * 4).read_session(cookie) is None
    assert codec.read_session(None) is None
    assert codec.read_session("garbage") is None


def test_csrf_token_is_bound_to_its_session() -> None:
    codec = SessionCodec("k" * 40)
    mine, _ = codec.new_session(1)
    theirs, _ = codec.new_session(1)
    token = codec.csrf_token(mine)
    assert codec.check_csrf(mine, token)
    assert not codec.check_csrf(theirs, token)
    assert not codec.check_csrf(mine, None)
    assert not codec.check_csrf(mine, "")


def test_expired_session_is_refused() -> None:
    codec = SessionCodec("k" * 40, max_age_seconds=-1)
    _, cookie = codec.new_session(7)
    assert codec.read_session(cookie) is None


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=300))
def test_no_cookie_text_is_accepted_unless_signed(text: str) -> None:
    codec = SessionCodec("k" * 40)
    assert codec.read_session(text) is None


def test_common_passwords_and_the_users_email_are_refused() -> None:
    from exportctl.accounts.passwords import check_password_policy

    for password in ("aaaaaaaaaa", "password123456", "qwertyuiop12", "1234567890"):
        with pytest.raises(InputError, match="too easy to guess"):
            check_password_policy(password)
    for password in ("Maria.Lopez2024", "maria.lopez@bank.example"):
        with pytest.raises(InputError, match="too easy to guess"):
            check_password_policy(password, email="maria.lopez@bank.example")
    check_password_policy("Maria.Lopez2024", email="someone@else.example")
    check_password_policy("tangerine ferry quietly 1987")
