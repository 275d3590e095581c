"""Users with passwords and tokens on a real migrated database; ``exportctl users create``."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select
from typer.testing import CliRunner

from exportctl.accounts.roles import Role
from exportctl.accounts.tokens import issue_token, principal_for_token, revoke_token
from exportctl.accounts.users import authenticate, create_user, load_principal, parse_roles
from exportctl.cli.main import app
from exportctl.config import reset_settings_cache
from exportctl.errors import ConflictError, InputError
from exportctl.store.db import make_engine, session_scope
from exportctl.store.licensing_tables import Organisation, User


def test_create_authenticate_and_tokens(sqlite_engine: Engine) -> None:
    with session_scope(sqlite_engine) as session:
        alice = create_user(
            session,
            email="Alice@Example.COM",
            password="a long enough password",
            roles=frozenset({Role.REVIEWER}),
            organisation="Authority",
        )
        assert alice.email == "alice@example.com" and alice.roles == frozenset({Role.REVIEWER})
        kind = session.scalar(select(Organisation.kind).where(Organisation.id == alice.organisation_id))
        assert kind == "authority"
        stored = session.scalar(select(User.password_hash).where(User.id == alice.user_id))
        assert stored is not None and "a long enough password" not in stored
        with pytest.raises(ConflictError):
            create_user(
                session, email="alice@example.com", password="another password", roles=frozenset({Role.EXPORTER}),
                organisation="Exporter",
            )  # fmt: skip
        with pytest.raises(InputError):
            create_user(
                session, email="bob@x.org", password="short", roles=frozenset({Role.EXPORTER}), organisation="X"
            )
    with session_scope(sqlite_engine) as session:
        assert authenticate(session, "ALICE@example.com", "a long enough password") == alice
        assert authenticate(session, "alice@example.com", "wrong password!!") is None
        assert authenticate(session, "nobody@example.com", "a long enough password") is None
        issued = issue_token(session, alice, "cli")
        assert principal_for_token(session, issued.token) == alice
        assert principal_for_token(session, issued.token + "x") is None
        revoke_token(session, alice, issued.id)
        assert principal_for_token(session, issued.token) is None
        session.execute(User.__table__.update().where(User.id == alice.user_id).values(is_active=False))
        assert load_principal(session, alice.user_id) is None
        assert authenticate(session, "alice@example.com", "a long enough password") is None


def test_unknown_roles_are_refused() -> None:
    with pytest.raises(InputError):
        parse_roles(["exporter", "overlord"])


def test_users_create_command(tmp_path: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path}/cli.sqlite3"  # type: ignore[operator]
    monkeypatch.setenv("EXPORTCTL_DATABASE_URL", url)
    reset_settings_cache()
    try:
        runner = CliRunner()
        args = ["users", "create", "officer@bis.example", "--org", "BIS", "--role", "reviewer", "--password-stdin"]
        result = runner.invoke(app, args, input="correct horse battery staple\n")
        assert result.exit_code == 0, result.output
        assert "created user officer@bis.example" in result.output
        again = runner.invoke(app, args, input="correct horse battery staple\n")
        assert again.exit_code == 1 and "already exists" in again.output and "Traceback" not in again.output
        wizard = ["users", "create", "w@bis.example", "--org", "BIS", "--role", "wizard", "--password-stdin"]
        bad = runner.invoke(app, wizard, input="long enough pw 1\n")
        assert bad.exit_code == 1 and "unknown role" in bad.output
        with session_scope(make_engine(url)) as session:
            assert authenticate(session, "officer@bis.example", "correct horse battery staple") is not None
    finally:
        reset_settings_cache()
