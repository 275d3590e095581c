"""What an admin does to accounts: list them, create one, disable or re-enable it, reset its password, change its
roles. Each step checks that the caller is an admin, keeps the rules of :mod:`exportctl.accounts.users` (authority
roles only inside the authority) and is an audit event in the same transaction.

Rules an admin cannot break: no one disables their own account or takes away their own admin role (the service
would otherwise lock out its last admin by a slip of the mouse); a user keeps at least one role.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from exportctl.accounts.passwords import hash_password
from exportctl.accounts.roles import Actor, require_role
from exportctl.accounts.session_records import end_user_sessions
from exportctl.accounts.users import create_user, parse_roles
from exportctl.audit.chain import append_event
from exportctl.audit.locking import lock_for_write
from exportctl.errors import InputError, NotFoundError
from exportctl.licensing.actor import Role, misplaced_roles
from exportctl.store.licensing_tables import Organisation, User

__all__ = [
    "AccountNames",
    "UserRow",
    "account_names",
    "change_roles",
    "create_account",
    "list_users",
    "reset_password",
    "set_active",
]


@dataclass(frozen=True)
class UserRow:
    """One account as the users page shows it."""

    id: int
    email: str
    display_name: str
    organisation_id: int
    organisation_name: str
    organisation_kind: str
    roles: tuple[str, ...]
    is_active: bool
    created_at: datetime


@dataclass(frozen=True)
class AccountNames:
    """Who the ids in an audit event are: user id -> "name (e-mail)", organisation id -> name."""

    users: dict[int, str]
    organisations: dict[int, str]


def account_names(session: Session) -> AccountNames:
    """Every user's and organisation's name (read by the audit page, for the authority's staff)."""
    users = {uid: f"{name} ({email})" for uid, name, email in session.execute(
        select(User.id, User.display_name, User.email))}  # fmt: skip
    organisations = {oid: name for oid, name in session.execute(select(Organisation.id, Organisation.name))}
    return AccountNames(users, organisations)


def list_users(session: Session, admin: Actor) -> list[UserRow]:
    require_role(admin, Role.ADMIN)
    rows = session.execute(
        select(User, Organisation)
        .join(Organisation, Organisation.id == User.organisation_id)
        .order_by(Organisation.name, User.email)
    ).all()
    return [
        UserRow(
            id=user.id,
            email=user.email,
            display_name=user.display_name,
            organisation_id=org.id,
            organisation_name=org.name,
            organisation_kind=org.kind,
            roles=tuple(sorted(user.roles)),
            is_active=user.is_active,
            created_at=user.created_at,
        )
        for user, org in rows
    ]


def _user(session: Session, user_id: int) -> tuple[User, Organisation]:
    lock_for_write(session)
    user = session.get(User, user_id)
    if user is None:
        raise NotFoundError(f"no user {user_id}")
    org = session.get(Organisation, user.organisation_id)
    assert org is not None  # a foreign key
    return user, org


def create_account(
    session: Session,
    admin: Actor,
    *,
    email: str,
    password: str,
    roles: frozenset[Role],
    organisation: str,
    display_name: str | None = None,
) -> Actor:
    """A new account (and organisation if needed), as ``exportctl users create`` makes it, by an admin."""
    require_role(admin, Role.ADMIN)
    if not roles:
        raise InputError("choose at least one role", field="roles")
    if not organisation.strip():
        raise InputError("the organisation is empty", field="organisation")
    return create_user(
        session,
        email=email,
        password=password,
        roles=roles,
        organisation=organisation,
        display_name=display_name,
        actor=admin,
    )


def set_active(session: Session, admin: Actor, user_id: int, *, active: bool) -> None:
    """Disable (sign-in refused, open sessions ended) or re-enable an account."""
    require_role(admin, Role.ADMIN)
    if user_id == admin.user_id and not active:
        raise InputError("you cannot disable your own account", field="user")
    user, _ = _user(session, user_id)
    if user.is_active == active:
        return
    user.is_active = active
    if not active:
        end_user_sessions(session, user_id)
    action = "user.enabled" if active else "user.disabled"
    append_event(session, admin, action, "user", user_id, {"active": not active}, {"active": active})


def reset_password(session: Session, admin: Actor, user_id: int, password: str) -> None:
    """Give an account a new password (policy-checked); the user's open sessions end. The password itself is
    never in the audit event."""
    require_role(admin, Role.ADMIN)
    user, _ = _user(session, user_id)
    user.password_hash = hash_password(password, email=user.email)  # InputError(field="password") if weak
    end_user_sessions(session, user_id)
    append_event(session, admin, "user.password_reset", "user", user_id, None, {"by_admin": True})


def change_roles(session: Session, admin: Actor, user_id: int, roles: frozenset[Role] | list[str]) -> None:
    """Replace an account's roles: at least one, all of them taking effect in the user's organisation, and never
    the admin's own admin role."""
    require_role(admin, Role.ADMIN)
    wanted = parse_roles(roles)
    if not wanted:
        raise InputError("a user needs at least one role", field="roles")
    user, org = _user(session, user_id)
    misplaced = misplaced_roles(wanted, org.kind)
    if misplaced:
        names = ", ".join(sorted(role.value for role in misplaced))
        raise InputError(f"the roles {names} take no effect in {org.kind} organisation {org.name!r}", field="roles")
    if user_id == admin.user_id and Role.ADMIN not in wanted:
        raise InputError("you cannot take away your own admin role", field="roles")
    before = sorted(user.roles)
    after = sorted(role.value for role in wanted)
    if before == after:
        return
    user.roles = after  # the principal is loaded at every request: the change takes effect at once
    append_event(session, admin, "user.roles_changed", "user", user_id, {"roles": before}, {"roles": after})
