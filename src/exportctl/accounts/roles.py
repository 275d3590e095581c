"""Roles and the checks every interface applies before touching tenant data.

The caller is the licensing workflow's :class:`exportctl.licensing.actor.Actor` (one object for every interface:
there is no separate "principal"); roles are its :class:`~exportctl.licensing.actor.Role`; a user may hold several.
Tenancy rule: an exporter sees only its own organisation's resources. A resource of another organisation is
reported as *not found* (never *forbidden*), so ids cannot be probed. Role rules (who may call what at all) are
reported as *permission denied*.
"""

from __future__ import annotations

from exportctl.errors import NotFoundError, PermissionDeniedError
from exportctl.licensing.actor import CROSS_TENANT_READERS, Actor, Role

__all__ = ["CROSS_TENANT_READERS", "Actor", "Role", "ensure_visible", "require_role", "tenant_scope"]


def require_role(principal: Actor, *roles: Role) -> None:
    """Raise :class:`PermissionDeniedError` unless the principal holds one of ``roles``."""
    if not principal.has_role(*roles):
        allowed = ", ".join(sorted(r.value for r in roles))
        held = ", ".join(principal.role_names) or "none"
        raise PermissionDeniedError(f"your roles ({held}) may not do this (needs one of: {allowed})")


def tenant_scope(principal: Actor) -> int | None:
    """The organisation id a repository query must be restricted to, or ``None`` for cross-tenant readers."""
    return None if principal.sees_all_tenants else principal.organisation_id


def ensure_visible(principal: Actor, organisation_id: int, what: str) -> None:
    """Raise :class:`NotFoundError` when ``what`` belongs to an organisation the principal may not see."""
    scope = tenant_scope(principal)
    if scope is not None and scope != organisation_id:
        raise NotFoundError(f"{what} not found")
