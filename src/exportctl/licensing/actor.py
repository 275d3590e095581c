"""Who is acting: a user of an organisation with a set of roles. Every workflow function takes one."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from exportctl.errors import PermissionDeniedError


class Role(StrEnum):
    EXPORTER = "exporter"  # files applications and records shipments for its own organisation
    REVIEWER = "reviewer"  # licensing officer of the authority (or an agency's reviewer for referrals)
    POLICY_ADMIN = "policy_admin"  # maintains review policies, suspends and revokes licences
    AUDITOR = "auditor"  # reads everything, changes nothing
    ADMIN = "admin"  # manages organisations and users


class OrganisationKind(StrEnum):
    EXPORTER = "exporter"
    AUTHORITY = "authority"
    AGENCY = "agency"


#: The organisation kinds in which a role takes effect. Authority roles read every organisation's data, so they
#: count only inside the licensing authority (a reviewer also inside an agency, for referrals); a user created with
#: one in an exporter organisation is refused, and a stored one has no effect (:func:`effective_roles`).
ROLE_KINDS: dict[Role, frozenset[OrganisationKind]] = {
    Role.EXPORTER: frozenset(OrganisationKind),
    Role.REVIEWER: frozenset({OrganisationKind.AUTHORITY, OrganisationKind.AGENCY}),
    Role.POLICY_ADMIN: frozenset({OrganisationKind.AUTHORITY}),
    Role.AUDITOR: frozenset({OrganisationKind.AUTHORITY}),
    Role.ADMIN: frozenset({OrganisationKind.AUTHORITY}),
}


def misplaced_roles(roles: frozenset[Role], kind: OrganisationKind | str) -> frozenset[Role]:
    """The roles that take no effect in an organisation of ``kind``."""
    try:
        org_kind = OrganisationKind(kind)
    except ValueError:
        return roles
    return frozenset(role for role in roles if org_kind not in ROLE_KINDS[role])


def effective_roles(roles: frozenset[Role], kind: OrganisationKind | str) -> frozenset[Role]:
    """The roles that take effect for a member of an organisation of ``kind``."""
    return roles - misplaced_roles(roles, kind)


#: Roles that may read every organisation's resources.
CROSS_TENANT_READERS = frozenset({Role.REVIEWER, Role.POLICY_ADMIN, Role.AUDITOR, Role.ADMIN})


@dataclass(frozen=True)
class Actor:
    """Who is acting: a user of an organisation with the roles in effect there (:func:`effective_roles`).

    The one caller object of every interface: the workflow functions take one, and the accounts layer builds one for a
    signed-in user or token (:func:`exportctl.accounts.users.load_principal`), with the name and organisation the
    pages show. Tests and scripts may leave those display fields empty.
    """

    user_id: int
    organisation_id: int
    roles: frozenset[Role]
    email: str = ""
    display_name: str = ""
    organisation_name: str = ""
    organisation_kind: str = ""

    def has_role(self, *roles: Role) -> bool:
        return any(role in self.roles for role in roles)

    def require(self, *roles: Role, action: str) -> None:
        """Raise :class:`PermissionDeniedError` unless the actor holds one of ``roles``."""
        if not self.has_role(*roles):
            wanted = " or ".join(role.value for role in roles)
            raise PermissionDeniedError(f"{action} needs the {wanted} role")

    @property
    def role_names(self) -> list[str]:
        return sorted(role.value for role in self.roles)

    @property
    def sees_all_tenants(self) -> bool:
        """Authority staff and auditors read every organisation's applications; exporters only their own."""
        return bool(self.roles & CROSS_TENANT_READERS)
