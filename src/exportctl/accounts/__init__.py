"""Accounts: passwords (Argon2id), API tokens, browser sessions and CSRF tokens, roles and tenant checks.

Pure domain code: no web framework. The API and web layers call these functions and map their errors to HTTP.
"""

from exportctl.accounts.roles import Actor, Role, ensure_visible, require_role, tenant_scope

__all__ = ["Actor", "Role", "ensure_visible", "require_role", "tenant_scope"]
