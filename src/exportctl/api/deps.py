"""Dependencies every API route uses: the caller (bearer token or session cookie + CSRF), the service context and
role guards. Routes declare ``principal: CurrentPrincipal`` and call library functions with it; tenant scoping is
done by those functions (``accounts.roles.tenant_scope``), never inline in a route."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from exportctl.accounts.roles import Actor, Role, require_role
from exportctl.http.context import ServiceContext, get_context
from exportctl.http.security import require_user

_bearer = HTTPBearer(auto_error=False, description="An API token from POST /api/auth/tokens or `exportctl users`")


async def api_principal(
    request: Request, _credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> Actor:
    return await require_user(request)


async def service_context(request: Request) -> ServiceContext:
    """Async on purpose: a sync dependency would cost every request a thread-pool round trip."""
    return get_context(request)


CurrentPrincipal = Annotated[Actor, Depends(api_principal)]
Context = Annotated[ServiceContext, Depends(service_context)]


def requires(*roles: Role) -> Callable[[Actor], Coroutine[Any, Any, Actor]]:
    """A dependency that passes the principal through only if it holds one of ``roles``."""

    async def guard(principal: CurrentPrincipal) -> Actor:
        require_role(principal, *roles)
        return principal

    return guard
