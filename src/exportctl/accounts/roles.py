"""Roles, the authenticated principal and the checks every interface applies before touching tenant data.

Roles are the licensing workflow's (:class:`exportctl.licensing.actor.Role`); a user may hold several.
Tenancy rule: an exporter sees only its own organisation's resources. A resource of another organisation is
reported as *not found* (never *forbidden*), so ids cannot be probed. Role rules (who may call what at all) are
reported as *permission denied*.
"""

from __future__ import annotations

from dataclasses import dataclass

from exportctl.errors import NotFoundError, PermissionDeniedError
from exportctl.licensing.actor import Actor, Role

__all__ = ["CROSS_TENANT_READERS", "Principal", "Role", "ensure_visible", "require_role", "tenant_scope"]

#: Roles that may read every organisation's resources.
CROSS_TENANT_READERS = frozenset({Role.REVIEWER, Role.POLICY_ADMIN, Role.AUDITOR, Role.ADMIN})


@dataclass(frozen=True)
class Principal:
    """Who is calling: the user, their organisation and roles."""

    user_id: int
    email: str
    display_name: str
    organisation_id: int
    roles: frozenset[Role]  # the roles in effect in the organisation (``licensing.actor.effective_roles``)
    organisation_name: str = ""
    organisation_kind: str = ""

    @property
    def sees_all_organisations(self) -> bool:
        return bool(self.roles & CROSS_TENANT_READERS)

    @property
    def role_names(self) -> list[str]:
        return sorted(role.value for role in self.roles)

    def has_role(self, *roles: Role) -> bool:
        return bool(self.roles.intersection(roles))

    @property
    def actor(self) -> Actor:
        """The same caller as the licensing workflow's :class:`Actor` (its functions check roles again)."""
        return Actor(user_id=self.user_id, organisation_id=self.organisation_id, roles=self.roles)


def require_role(principal: Principal, *roles: Role) -> None:
    """Raise :class:`PermissionDeniedError` unless the principal holds one of ``roles``."""
    if not principal.has_role(*roles):
        allowed = ", ".join(sorted(r.value for r in roles))
        held = ", ".join(principal.role_names) or "none"
        raise PermissionDeniedError(f"your roles ({held}) may not do this (needs one of: {allowed})")


def tenant_scope(principal: Principal) -> int | None:
    """The organisation id a repository query must be restricted to, or ``None`` for cross-tenant readers."""
    return None if principal.sees_all_organisations else principal.organisation_id


def ensure_visible(principal: Principal, organisation_id: int, what: str) -> None:
    """Raise :class:`NotFoundError` when ``what`` belongs to an organisation the principal may not see."""
    scope = tenant_scope(principal)
    if scope is not None and scope != organisation_id:
        raise NotFoundError(f"{what} not found")
