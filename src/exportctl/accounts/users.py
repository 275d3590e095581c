"""Users as the service sees them: create with a password, authenticate, load as a :class:`Actor`.

Organisations and users are the licensing store's (created through ``exportctl.licensing.organisations`` so that
each creation is an audit event); this module adds the Argon2id password and sign-in. E-mail addresses are the
login names, stored lower-case.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from exportctl.accounts.passwords import dummy_verify, hash_password, verify_password
from exportctl.accounts.session_records import end_user_sessions
from exportctl.errors import InputError, NotFoundError
from exportctl.licensing.actor import Actor, OrganisationKind, Role, effective_roles, misplaced_roles
from exportctl.licensing.organisations import create_organisation, parse_roles
from exportctl.licensing.organisations import create_user as create_workflow_user
from exportctl.store.licensing_tables import Organisation, User

AUTHORITY_ROLES = frozenset({Role.REVIEWER, Role.POLICY_ADMIN, Role.AUDITOR, Role.ADMIN})
MAX_EMAIL_LENGTH = 320
KNOWN_ROLES = frozenset(role.value for role in Role)

__all__ = ["authenticate", "create_user", "load_principal", "organisation_id_for", "parse_roles", "set_password"]


def organisation_id_for(session: Session, name: str, kind: OrganisationKind, *, actor: Actor | None = None) -> int:
    """The id of the organisation called ``name``, created with ``kind`` if it does not exist yet."""
    existing = session.scalar(select(Organisation.id).where(Organisation.name == name.strip()))
    return existing if existing is not None else create_organisation(session, name, kind, actor=actor)


def create_user(
    session: Session,
    *,
    email: str,
    password: str,
    roles: frozenset[Role],
    organisation: str,
    display_name: str | None = None,
    actor: Actor | None = None,
) -> Actor:
    """Create a user with an Argon2id password hash, and its organisation if needed (both audited).

    A new organisation's kind follows the roles: authority staff (reviewer, policy admin, auditor, admin) belong to
    an authority, everyone else to an exporter. Authority roles are refused in an exporter organisation (they would
    read every organisation's data), and so is a mix of exporter and authority roles.
    """
    password_hash = hash_password(password, email=email)  # policy checked before anything is written
    kind = OrganisationKind.AUTHORITY if roles and roles <= AUTHORITY_ROLES else OrganisationKind.EXPORTER
    existing = session.scalar(select(Organisation.kind).where(Organisation.name == organisation.strip()))
    misplaced = misplaced_roles(roles, existing or kind)
    if misplaced:
        names = ", ".join(sorted(role.value for role in misplaced))
        where = f"{existing} organisation {organisation.strip()!r}" if existing else "an exporter organisation"
        raise InputError(
            f"the roles {names} belong to the licensing authority; refused in {where} (use a separate account)",
            field="roles",
        )
    org_id = organisation_id_for(session, organisation, kind, actor=actor)
    name = display_name or email.strip().split("@")[0]
    user_id = create_workflow_user(session, org_id, email, name, roles, actor=actor)
    user = session.get(User, user_id)
    assert user is not None
    user.password_hash = password_hash
    session.flush()
    principal = load_principal(session, user_id)
    assert principal is not None
    return principal


def set_password(session: Session, user_id: int, password: str) -> None:
    """Replace a user's password (policy-checked) and end the user's browser sessions: whoever held an old
    session cookie must sign in with the new password."""
    user = session.get(User, user_id)
    if user is None:
        raise NotFoundError(f"no user {user_id}")
    user.password_hash = hash_password(password, email=user.email)
    end_user_sessions(session, user_id)


def authenticate(session: Session, email: str, password: str) -> Actor | None:
    """The principal whose e-mail and password match, or ``None`` (unknown user, wrong password, inactive)."""
    email = email.strip().lower()[:MAX_EMAIL_LENGTH]
    user = session.scalar(select(User).where(User.email == email))
    if user is None:
        dummy_verify(password)  # same cost as a real check: the response time does not reveal unknown e-mails
        return None
    if not verify_password(user.password_hash, password) or not user.is_active:
        return None
    return load_principal(session, user.id)


def load_principal(session: Session, user_id: int) -> Actor | None:
    """The actor (with its name and organisation, for display) for an active user id, or ``None``."""
    row = session.execute(
        select(User, Organisation).join(Organisation, Organisation.id == User.organisation_id).where(User.id == user_id)
    ).first()
    if row is None or not row[0].is_active:
        return None
    user, org = row
    return Actor(
        user_id=user.id,
        email=user.email,
        display_name=user.display_name,
        organisation_id=org.id,
        organisation_name=org.name,
        organisation_kind=org.kind,
        roles=effective_roles(frozenset(Role(name) for name in user.roles if name in KNOWN_ROLES), org.kind),
    )
