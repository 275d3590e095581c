"""``/api/auth``: exchange an e-mail and password for a bearer token; who am I; revoke a token."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Request, status
from pydantic import BaseModel, Field

from exportctl.accounts.tokens import MAX_TOKEN_DAYS, issue_token, revoke_token
from exportctl.accounts.users import authenticate
from exportctl.api.deps import Context, CurrentPrincipal
from exportctl.api.strict import StrictCount
from exportctl.errors import PermissionDeniedError
from exportctl.http.context import client_address
from exportctl.store.db import session_scope

router = APIRouter(prefix="/auth", tags=["auth"])


class TokenRequest(BaseModel):
    email: str = Field(min_length=3, max_length=320)
    password: str = Field(min_length=1, max_length=256)
    name: str = Field(default="api", min_length=1, max_length=100)
    valid_days: StrictCount = Field(
        default=90, ge=1, le=MAX_TOKEN_DAYS, description=f"at most {MAX_TOKEN_DAYS}; a token always expires"
    )


class TokenOut(BaseModel):
    id: int
    name: str
    token: str = Field(description="shown once; send it as `Authorization: Bearer <token>`")
    expires_at: datetime


class Me(BaseModel):
    user_id: int
    email: str
    display_name: str
    organisation_id: int
    organisation_name: str
    roles: list[str]


@router.post("/tokens", status_code=status.HTTP_201_CREATED, response_model=TokenOut)
def create_token(body: TokenRequest, request: Request, ctx: Context) -> TokenOut:
    """A new bearer token for the user whose e-mail and password are given (throttled per e-mail and address)."""
    address = client_address(request)
    ctx.throttle.check(body.email, address)
    with session_scope(ctx.engine) as session:
        principal = authenticate(session, body.email, body.password)
    if principal is None:
        ctx.throttle.failed(body.email, address)
        raise PermissionDeniedError("wrong e-mail or password")
    ctx.throttle.succeeded(body.email, address)
    with session_scope(ctx.engine) as session:
        issued = issue_token(session, principal, body.name, body.valid_days)
    return TokenOut(id=issued.id, name=issued.name, token=issued.token, expires_at=issued.expires_at)


@router.delete("/tokens/{token_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_token(token_id: int, principal: CurrentPrincipal, ctx: Context) -> None:
    """Revoke one of your own tokens."""
    with session_scope(ctx.engine) as session:
        revoke_token(session, principal, token_id)


@router.get("/me", response_model=Me)
def me(principal: CurrentPrincipal) -> Me:
    """The caller: user, organisation and roles."""
    return Me(
        user_id=principal.user_id,
        email=principal.email,
        display_name=principal.display_name,
        organisation_id=principal.organisation_id,
        organisation_name=principal.organisation_name,
        roles=principal.role_names,
    )
