"""Who is calling: session cookies (browser; honoured only while their server-side session record is open) and bearer
tokens (API), plus CSRF checks on every unsafe request authenticated by a cookie. Bearer-token requests need no
CSRF token: browsers never attach them on their own.

Every request looks its token up in the database (one indexed read by SHA-256 digest), so revoking a token or
deactivating a user takes effect at once, in every service process.
"""

from __future__ import annotations

from starlette.requests import Request

from exportctl.accounts.roles import Actor
from exportctl.accounts.session_records import session_is_open
from exportctl.accounts.sessions import BrowserSession
from exportctl.accounts.tokens import principal_for_token
from exportctl.accounts.users import load_principal
from exportctl.errors import PermissionDeniedError
from exportctl.http.context import ServiceContext, get_context
from exportctl.http.errors import LoginRequired
from exportctl.store.db import session_scope

SESSION_COOKIE = "exportctl_session"
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf_token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def _token_principal(ctx: ServiceContext, token: str) -> Actor | None:
    with session_scope(ctx.engine) as session:
        return principal_for_token(session, token)


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def browser_session(request: Request) -> BrowserSession | None:
    return get_context(request).codec.read_session(request.cookies.get(SESSION_COOKIE))


def identify(request: Request) -> Actor | None:
    """The caller's principal from a bearer token or a session cookie; records it on ``request.state``."""
    if hasattr(request.state, "principal"):
        principal: Actor | None = request.state.principal
        return principal
    ctx = get_context(request)
    principal = None
    token = bearer_token(request)
    if token is not None:
        principal = _token_principal(ctx, token)
        request.state.via_cookie = False
    else:
        session = browser_session(request)
        if session is not None:
            with session_scope(ctx.engine) as db:  # a signed cookie counts only while its session is open
                principal = load_principal(db, session.user_id) if session_is_open(db, session) else None
            if principal is not None:
                request.state.browser_session = session
                request.state.csrf_token = ctx.codec.csrf_token(session)
        request.state.via_cookie = True
    request.state.principal = principal
    return principal


async def check_csrf(request: Request) -> None:
    """Refuse an unsafe cookie-authenticated request without this session's CSRF token (header or form field)."""
    if request.method in SAFE_METHODS or not getattr(request.state, "via_cookie", False):
        return
    session: BrowserSession | None = getattr(request.state, "browser_session", None)
    if session is None:
        return
    token = request.headers.get(CSRF_HEADER)
    if token is None and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        form = await request.form()
        value = form.get(CSRF_FIELD)
        token = value if isinstance(value, str) else None
    if not get_context(request).codec.check_csrf(session, token):
        raise PermissionDeniedError("missing or invalid CSRF token: reload the page and try again")


async def require_user(request: Request) -> Actor:
    """Dependency: the signed-in principal (CSRF-checked for unsafe requests), else :class:`LoginRequired`."""
    principal = identify(request)
    if principal is None:
        raise LoginRequired()
    await check_csrf(request)
    return principal


async def optional_user(request: Request) -> Actor | None:
    return identify(request)
