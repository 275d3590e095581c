"""Organisations and users, minimal: enough to act in the workflow. Accounts (passwords, sign-in) build on it.

These functions do not check who calls them: they are the seeding primitives the accounts package and the
``exportctl orgs``/``users`` commands wrap with their own permission checks.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from exportctl.audit.chain import append_event, utc_now
from exportctl.audit.locking import lock_for_write
from exportctl.errors import ConflictError, InputError, NotFoundError
from exportctl.licensing.actor import Actor, OrganisationKind, Role, effective_roles
from exportctl.store.licensing_tables import Organisation, User


def create_organisation(
    session: Session, name: str, kind: OrganisationKind | str, *, actor: Actor | None = None
) -> int:
    lock_for_write(session)
    name = name.strip()
    if not name:
        raise InputError("organisation name is empty", field="name")
    try:
        kind = OrganisationKind(kind)
    except ValueError:
        raise InputError(f"unknown organisation kind {kind!r}", field="kind") from None
    if session.execute(select(Organisation.id).where(Organisation.name == name)).first() is not None:
        raise ConflictError(f"organisation {name!r} already exists")
    org = Organisation(name=name, kind=kind.value, created_at=utc_now())
    session.add(org)
    session.flush()
    append_event(session, actor, "organisation.created", "organisation", org.id, None, {"name": name, "kind": kind})
    return org.id


def parse_roles(roles: Iterable[Role | str]) -> frozenset[Role]:
    try:
        return frozenset(Role(role) for role in roles)
    except ValueError as exc:
        raise InputError(f"unknown role: {exc}", field="roles") from None


def create_user(
    session: Session,
    organisation_id: int,
    email: str,
    display_name: str,
    roles: Iterable[Role | str],
    *,
    actor: Actor | None = None,
) -> int:
    lock_for_write(session)
    email = email.strip().lower()
    if "@" not in email:
        raise InputError(f"{email!r} is not an email address", field="email")
    if session.get(Organisation, organisation_id) is None:
        raise NotFoundError(f"no organisation {organisation_id}")
    if session.execute(select(User.id).where(User.email == email)).first() is not None:
        raise ConflictError(f"a user {email} already exists")
    role_set = parse_roles(roles)
    user = User(
        organisation_id=organisation_id,
        email=email,
        display_name=display_name.strip() or email,
        roles=sorted(role.value for role in role_set),
        created_at=utc_now(),
    )
    session.add(user)
    session.flush()
    append_event(session, actor, "user.created", "user", user.id, None, {"email": email, "roles": role_set})
    return user.id


def _actor(user: User) -> Actor:
    """The user as an actor, with only the roles that take effect in the user's organisation."""
    session = Session.object_session(user)
    org = session.get(Organisation, user.organisation_id) if session is not None else None
    roles = effective_roles(parse_roles(user.roles), org.kind) if org is not None else frozenset()
    return Actor(user_id=user.id, organisation_id=user.organisation_id, roles=roles)


def actor_for_email(session: Session, email: str) -> Actor:
    """The acting user named by ``email`` (the CLI's ``--as``)."""
    user = session.execute(select(User).where(User.email == email.strip().lower())).scalar_one_or_none()
    if user is None or not user.is_active:
        raise NotFoundError(f"no active user {email}")
    return _actor(user)


def actor_for_user(session: Session, user_id: int) -> Actor:
    user = session.get(User, user_id)
    if user is None or not user.is_active:
        raise NotFoundError(f"no active user {user_id}")
    return _actor(user)


def organisation_name(session: Session, organisation_id: int) -> str:
    org = session.get(Organisation, organisation_id)
    if org is None:
        raise NotFoundError(f"no organisation {organisation_id}")
    return org.name
