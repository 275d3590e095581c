"""The admin's users page: every account with its organisation, roles and state; forms to create an account,
disable or re-enable one, reset its password and change its roles. Each step is one call of
:mod:`exportctl.accounts.administration` (which checks the role and the rules and writes the audit event); a refused
step is explained next to its form, which keeps what was typed (never a password)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Path, Query, Request
from fastapi.responses import RedirectResponse, Response

from exportctl.accounts.administration import change_roles, create_account, list_users, reset_password, set_active
from exportctl.accounts.roles import Actor, require_role
from exportctl.accounts.users import parse_roles
from exportctl.errors import ConflictError, InputError, NotFoundError
from exportctl.http.context import get_context
from exportctl.http.security import require_user
from exportctl.licensing.actor import Role
from exportctl.store.db import session_scope
from exportctl.web.templating import render

router = APIRouter(include_in_schema=False)
User = Annotated[Actor, Depends(require_user)]
UserId = Annotated[int, Path(ge=1, le=2**31 - 1)]
ROLES = [role.value for role in Role]
REFUSED = (InputError, ConflictError, NotFoundError)
#: what the page says after a step (the redirect names the step, never free text)
DONE = {
    "created": "Account created.",
    "enabled": "Account enabled.",
    "disabled": "Account disabled: its sessions have ended and it can no longer sign in.",
    "password": "Password reset: the user's sessions have ended.",
    "roles": "Roles changed (in effect from the user's next request).",
}


def _page(
    request: Request,
    admin: Actor,
    error: Exception | None = None,
    *,
    at: str = "",
    kept: dict[str, Any] | None = None,
    done: str | None = None,
) -> Response:
    with session_scope(get_context(request).engine) as session:
        users = list_users(session, admin)
    context: dict[str, Any] = {"users": users, "roles": ROLES, "kept": kept or {}, "done": done}
    if error is not None:
        context["step_error"] = {"message": str(error), "field": getattr(error, "field", None), "at": at}
    status = 200 if error is None else (409 if isinstance(error, ConflictError) else 422)
    return render(request, "users.html", context, status_code=status)


@router.get("/users")
def users_page(request: Request, user: User, done: Annotated[str, Query(max_length=20)] = "") -> Response:
    require_role(user, Role.ADMIN)
    return _page(request, user, done=DONE.get(done))


def _done(step: str) -> Response:
    return RedirectResponse(f"/users?done={step}", status_code=303)


@router.post("/users/new")
def create_page(
    request: Request,
    user: User,
    email: Annotated[str, Form(max_length=320)] = "",
    display_name: Annotated[str, Form(max_length=200)] = "",
    organisation: Annotated[str, Form(max_length=300)] = "",
    password: Annotated[str, Form(max_length=1000)] = "",
    roles: Annotated[list[str], Form(max_length=10)] = [],  # noqa: B006 (FastAPI copies defaults)
) -> Response:
    require_role(user, Role.ADMIN)
    try:
        with session_scope(get_context(request).engine) as session:
            create_account(
                session,
                user,
                email=email,
                password=password,
                roles=parse_roles(roles),
                organisation=organisation,
                display_name=display_name or None,
            )
    except REFUSED as exc:
        kept = {"email": email, "display_name": display_name, "organisation": organisation, "roles": roles}
        return _page(request, user, exc, at="new", kept=kept)
    return _done("created")


@router.post("/users/{user_id}/active")
def active_page(
    request: Request, user: User, user_id: UserId, active: Annotated[str, Form(pattern="^(yes|no)$")]
) -> Response:
    require_role(user, Role.ADMIN)
    try:
        with session_scope(get_context(request).engine) as session:
            set_active(session, user, user_id, active=active == "yes")
    except REFUSED as exc:
        return _page(request, user, exc, at=f"user-{user_id}")
    return _done("enabled" if active == "yes" else "disabled")


@router.post("/users/{user_id}/password")
def password_page(
    request: Request, user: User, user_id: UserId, password: Annotated[str, Form(max_length=1000)] = ""
) -> Response:
    require_role(user, Role.ADMIN)
    try:
        with session_scope(get_context(request).engine) as session:
            reset_password(session, user, user_id, password)
    except REFUSED as exc:
        return _page(request, user, exc, at=f"user-{user_id}")
    return _done("password")


@router.post("/users/{user_id}/roles")
def roles_page(
    request: Request,
    user: User,
    user_id: UserId,
    roles: Annotated[list[str], Form(max_length=10)] = [],  # noqa: B006 (FastAPI copies defaults)
) -> Response:
    require_role(user, Role.ADMIN)
    try:
        with session_scope(get_context(request).engine) as session:
            change_roles(session, user, user_id, roles)
    except REFUSED as exc:
        return _page(request, user, exc, at=f"user-{user_id}", kept={"roles": roles})
    return _done("roles")
