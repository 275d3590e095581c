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


@dataclass(frozen=True)
class Actor:
    user_id: int
    organisation_id: int
    roles: frozenset[Role]

    def has(self, *roles: Role) -> bool:
        return any(role in self.roles for role in roles)

    def require(self, *roles: Role, action: str) -> None:
        """Raise :class:`PermissionDeniedError` unless the actor holds one of ``roles``."""
        if not self.has(*roles):
            wanted = " or ".join(role.value for role in roles)
            raise PermissionDeniedError(f"{action} needs the {wanted} role")

    @property
    def sees_all_tenants(self) -> bool:
        """Authority staff and auditors read every organisation's applications; exporters only their own."""
        return self.has(Role.REVIEWER, Role.POLICY_ADMIN, Role.AUDITOR, Role.ADMIN)
