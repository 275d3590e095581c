"""Sign in and out. The login form carries a CSRF token bound to a short-lived pre-login cookie."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlparse

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from exportctl.accounts.session_records import end_session, open_session
from exportctl.accounts.users import authenticate
from exportctl.errors import PermissionDeniedError
from exportctl.http.context import client_address, get_context
from exportctl.http.security import SESSION_COOKIE, browser_session, optional_user, require_user
from exportctl.store.db import session_scope
from exportctl.web.templating import render

router = APIRouter(include_in_schema=False)
LOGIN_COOKIE = "exportctl_login"


def _safe_next(target: str | None) -> str:
    """Only same-site paths: an open redirect after login would be a phishing aid."""
    if not target or not target.startswith("/") or target.startswith("//") or urlparse(target).netloc:
        return "/"
    return target


def _login_form(request: Request, next_path: str, error: str | None, email: str = "", status: int = 200) -> Response:
    ctx = get_context(request)
    session, cookie = ctx.codec.new_session(0)
    response = render(
        request,
        "login.html",
        {"next": next_path, "error": error, "email": email, "login_csrf": ctx.codec.csrf_token(session)},
        status_code=status,
    )
    response.set_cookie(LOGIN_COOKIE, cookie, max_age=3600, httponly=True, samesite="lax", path="/login")
    return response


@router.get("/login", response_class=HTMLResponse)
async def login_page(request: Request, next: str = "/") -> Response:
    if await optional_user(request) is not None:
        return RedirectResponse(_safe_next(next), status_code=303)
    return _login_form(request, _safe_next(next), None)


@router.post("/login")
def login(
    request: Request,
    email: Annotated[str, Form(max_length=320)],
    password: Annotated[str, Form(max_length=256)],
    csrf_token: Annotated[str, Form(max_length=500)] = "",
    next: Annotated[str, Form(max_length=500)] = "/",
) -> Response:
    ctx = get_context(request)
    pre = ctx.codec.read_session(request.cookies.get(LOGIN_COOKIE))
    if pre is None or not ctx.codec.check_csrf(pre, csrf_token):
        return _login_form(request, _safe_next(next), "Your login form expired; please try again.", email, 400)
    try:
        ctx.throttle.check(email, client_address(request))
    except PermissionDeniedError as exc:
        return _login_form(request, _safe_next(next), f"{exc}.", email, 429)
    with session_scope(ctx.engine) as db:
        principal = authenticate(db, email, password)
    if principal is None:
        ctx.throttle.failed(email, client_address(request))
        return _login_form(request, _safe_next(next), "Wrong e-mail or password.", email, 401)
    ctx.throttle.succeeded(email, client_address(request))
    session, cookie = ctx.codec.new_session(principal.user_id)
    with session_scope(ctx.engine) as db:
        open_session(db, session, max_age_seconds=ctx.codec.max_age_seconds)
    response = RedirectResponse(_safe_next(next), status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        cookie,
        max_age=ctx.codec.max_age_seconds,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
    )
    response.delete_cookie(LOGIN_COOKIE, path="/login")
    return response


@router.post("/logout")
async def logout(request: Request) -> Response:
    await require_user(request)  # CSRF-checked: a third-party site cannot sign a user out
    session = browser_session(request)
    if session is not None:  # a bearer-token caller has no browser session to end
        with session_scope(get_context(request).engine) as db:
            end_session(db, session)  # a copy of the cookie is refused from now on
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response
