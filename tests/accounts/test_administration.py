"""The admin's account steps on SQLite and PostgreSQL: create, disable (sessions end, sign-in refused), re-enable,
reset a password, change roles within the rules; each an audit event; non-admins refused."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from exportctl.accounts.administration import change_roles, create_account, list_users, reset_password, set_active
from exportctl.accounts.roles import Actor, Role
from exportctl.accounts.users import authenticate, create_user, load_principal
from exportctl.audit.events import list_events
from exportctl.errors import InputError, PermissionDeniedError
from exportctl.store.db import session_scope

PASSWORD = "correct horse battery staple 7"
NEW_PASSWORD = "a different long passphrase 42"


def _people(engine: Engine) -> tuple[Actor, Actor]:
    with session_scope(engine) as session:
        admin = create_user(
            session, email="root@auth.example", password=PASSWORD, roles=frozenset({Role.ADMIN}), organisation="Auth"
        )
        exporter = create_user(
            session, email="ex@corp.example", password=PASSWORD, roles=frozenset({Role.EXPORTER}), organisation="Corp"
        )
    return admin, exporter


def test_admin_steps_are_applied_and_audited(engine: Engine) -> None:
    admin, exporter = _people(engine)
    with session_scope(engine) as session:
        created = create_account(
            session, admin, email="new@auth.example", password=PASSWORD, roles=frozenset({Role.AUDITOR}),
            organisation="Auth", display_name="New Auditor",
        )  # fmt: skip
        assert [u.email for u in list_users(session, admin)] == ["new@auth.example", "root@auth.example",
                                                                   "ex@corp.example"]  # fmt: skip
        set_active(session, admin, exporter.user_id, active=False)
    with session_scope(engine) as session:
        assert load_principal(session, exporter.user_id) is None
        assert authenticate(session, exporter.email, PASSWORD) is None
        set_active(session, admin, exporter.user_id, active=True)
        reset_password(session, admin, exporter.user_id, NEW_PASSWORD)
    with session_scope(engine) as session:
        assert authenticate(session, exporter.email, PASSWORD) is None
        assert authenticate(session, exporter.email, NEW_PASSWORD) is not None
        change_roles(session, admin, created.user_id, ["auditor", "reviewer"])
    with session_scope(engine) as session:
        principal = load_principal(session, created.user_id)
        assert principal is not None and principal.roles == frozenset({Role.AUDITOR, Role.REVIEWER})
    actions = [e.action for e in list_events(engine, entity_type="user", limit=50)]
    for action in ("user.created", "user.disabled", "user.enabled", "user.password_reset", "user.roles_changed"):
        assert action in actions
    assert not any(PASSWORD in str(e.after) or NEW_PASSWORD in str(e.after) for e in list_events(engine, limit=50))


def test_the_rules_an_admin_cannot_break(engine: Engine) -> None:
    admin, exporter = _people(engine)
    with session_scope(engine) as session:
        with pytest.raises(InputError, match="your own account"):
            set_active(session, admin, admin.user_id, active=False)
        with pytest.raises(InputError, match="your own admin role"):
            change_roles(session, admin, admin.user_id, ["auditor"])
        with pytest.raises(InputError, match="take no effect in exporter organisation"):
            change_roles(session, admin, exporter.user_id, ["exporter", "reviewer"])
        with pytest.raises(InputError, match="at least one role"):
            change_roles(session, admin, exporter.user_id, [])
        with pytest.raises(InputError) as weak:
            reset_password(session, admin, exporter.user_id, "short")
        assert weak.value.field == "password"
        with pytest.raises(PermissionDeniedError):
            set_active(session, exporter, admin.user_id, active=False)
        with pytest.raises(PermissionDeniedError):
            list_users(session, exporter)
    with session_scope(engine) as session:
        assert load_principal(session, admin.user_id) is not None
        principal = load_principal(session, exporter.user_id)
        assert principal is not None and principal.roles == frozenset({Role.EXPORTER})
