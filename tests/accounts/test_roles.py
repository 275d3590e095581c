"""Role checks and tenant scoping."""

from __future__ import annotations

import pytest

from exportctl.accounts.roles import Actor, Role, ensure_visible, require_role, tenant_scope
from exportctl.errors import NotFoundError, PermissionDeniedError


def _principal(*roles: Role, org: int = 1) -> Actor:
    return Actor(user_id=1, email="a@b.c", display_name="a", organisation_id=org, roles=frozenset(roles))


def test_exporters_are_scoped_to_their_organisation() -> None:
    exporter = _principal(Role.EXPORTER, org=5)
    assert tenant_scope(exporter) == 5
    ensure_visible(exporter, 5, "application 1")
    with pytest.raises(NotFoundError, match="application 9 not found"):
        ensure_visible(exporter, 6, "application 9")


@pytest.mark.parametrize("role", [Role.REVIEWER, Role.POLICY_ADMIN, Role.AUDITOR, Role.ADMIN])
def test_authority_roles_read_every_organisation(role: Role) -> None:
    principal = _principal(role)
    assert tenant_scope(principal) is None
    ensure_visible(principal, 99, "application 1")


def test_require_role_names_what_is_missing() -> None:
    with pytest.raises(PermissionDeniedError, match="reviewer"):
        require_role(_principal(Role.EXPORTER), Role.REVIEWER)
    require_role(_principal(Role.EXPORTER, Role.REVIEWER), Role.REVIEWER)
