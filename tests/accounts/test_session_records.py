"""Server-side session records on a migrated database (SQLite and PostgreSQL): open, check, end one, end all of a
user's, and pruning of records older than any cookie can be."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import Engine, func, select, update

from exportctl.accounts.roles import Role
from exportctl.accounts.session_records import end_session, end_user_sessions, open_session, session_is_open
from exportctl.accounts.sessions import BrowserSession, SessionCodec
from exportctl.accounts.users import create_user
from exportctl.store.accounts_tables import BrowserSessionRecord
from exportctl.store.db import session_scope


def test_sessions_open_end_and_prune(engine: Engine) -> None:
    codec = SessionCodec("k" * 40)
    with session_scope(engine) as db:
        user = create_user(
            db,
            email="s@example.com",
            password="a long enough password",
            roles=frozenset({Role.EXPORTER}),
            organisation="Sessions Ltd",
        )
        first, _ = codec.new_session(user.user_id)
        second, _ = codec.new_session(user.user_id)
        assert not session_is_open(db, first)  # a validly signed cookie with no record is refused
        open_session(db, first)
        open_session(db, second)
        assert session_is_open(db, first) and session_is_open(db, second)
        assert not session_is_open(db, BrowserSession(user_id=user.user_id + 1, nonce=first.nonce))

        end_session(db, first)
        assert not session_is_open(db, first) and session_is_open(db, second)
        assert end_user_sessions(db, user.user_id) == 1 and not session_is_open(db, second)

        db.execute(update(BrowserSessionRecord).values(created_at=BrowserSessionRecord.created_at - timedelta(days=2)))
        third, _ = codec.new_session(user.user_id)
        open_session(db, third, max_age_seconds=3600)
        assert db.scalar(select(func.count()).select_from(BrowserSessionRecord)) == 1 and session_is_open(db, third)
