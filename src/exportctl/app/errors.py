"""The one place where errors become HTTP responses.

Domain errors (``exportctl.errors``) map to status codes here and nowhere else; API callers (``/api/…``) get
``{"detail": …, "field": …, "problems": […]}`` JSON, browser pages get the same message in an HTML error page.

    InputError / FileFormatError  → 422 (400 for an upload whose content type or encoding is wrong, 413 too big)
    NotFoundError                 → 404 (also hides other organisations' resources)
    PermissionDeniedError         → 403
    ConflictError                 → 409
    InvalidTransitionError        → 409
    ShipmentRefusedError          → 409 (the licence does not cover the shipment)
    DataIntegrityError            → 500 with the check's message (stored data is broken, not the request)
    ConfigError                   → 500
    TooManyRequests               → 429 with Retry-After (a per-user rate limit)
    SignInThrottled               → 429 with Retry-After (failed sign-ins from this address)
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from exportctl.accounts.throttle import SignInThrottled
from exportctl.errors import (
    ConfigError,
    ConflictError,
    DataIntegrityError,
    ExportctlError,
    FileFormatError,
    InputError,
    InvalidTransitionError,
    NotFoundError,
    PermissionDeniedError,
    ShipmentRefusedError,
)
from exportctl.http.errors import BadUploadError, LoginRequired, UploadTooLarge
from exportctl.http.rate_limit import TooManyRequests
from exportctl.web.templating import render_error_page

log = logging.getLogger(__name__)

STATUS_BY_ERROR: tuple[tuple[type[ExportctlError], int], ...] = (
    (TooManyRequests, 429),
    (SignInThrottled, 429),
    (UploadTooLarge, 413),
    (BadUploadError, 400),
    (InputError, 422),
    (NotFoundError, 404),
    (PermissionDeniedError, 403),
    (ConflictError, 409),
    (InvalidTransitionError, 409),
    (ShipmentRefusedError, 409),
    (DataIntegrityError, 500),
    (ConfigError, 500),
)


def status_for(exc: ExportctlError) -> int:
    for kind, status in STATUS_BY_ERROR:
        if isinstance(exc, kind):
            return status
    return 500


def error_body(exc: ExportctlError) -> dict[str, Any]:
    body: dict[str, Any] = {"detail": str(exc), "error": type(exc).__name__}
    if isinstance(exc, InputError) and exc.field:
        body["field"] = exc.field
    if isinstance(exc, FileFormatError):
        body["problems"] = [
            {"path": p.path, "line": p.line, "field": p.field, "message": p.message} for p in exc.problems[:200]
        ]
    return body


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api") or "text/html" not in request.headers.get("accept", "")


def _respond(request: Request, status: int, body: dict[str, Any]) -> Response:
    if _wants_json(request):
        return JSONResponse(body, status_code=status)
    return render_error_page(request, status, str(body["detail"]), body.get("problems", []))


async def _domain_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ExportctlError)
    status = status_for(exc)
    if status >= 500:
        log.error("%s on %s %s: %s", type(exc).__name__, request.method, request.url.path, exc)
    response = _respond(request, status, error_body(exc))
    if isinstance(exc, TooManyRequests | SignInThrottled):
        response.headers["Retry-After"] = str(exc.retry_after)
    return response


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    problems = []
    for err in exc.errors():
        location = ".".join(str(part) for part in err.get("loc", ()) if part != "body")
        problems.append({"field": location or None, "message": str(err.get("msg", "invalid value"))})
    detail = "; ".join(f"{p['field']}: {p['message']}" if p["field"] else str(p["message"]) for p in problems[:10])
    return _respond(request, 422, {"detail": detail or "invalid request", "error": "InputError", "problems": problems})


async def _model_error(request: Request, exc: Exception) -> Response:
    """A pydantic model built inside a handler rejected a value: still the caller's input, never a 500."""
    assert isinstance(exc, ValidationError)
    return await _validation_error(request, RequestValidationError(exc.errors()))


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    response = _respond(request, exc.status_code, {"detail": str(exc.detail), "error": "HTTPError"})
    for name, value in (exc.headers or {}).items():
        response.headers[name] = value
    return response


async def _login_required(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, LoginRequired)
    if _wants_json(request):
        return JSONResponse(
            {"detail": "authentication required", "error": "NotAuthenticated"},
            status_code=401,
            headers={"WWW-Authenticate": "Bearer"},
        )
    return Response(status_code=303, headers={"Location": f"/login?next={request.url.path}"})


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(LoginRequired, _login_required)
    app.add_exception_handler(ExportctlError, _domain_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(ValidationError, _model_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
