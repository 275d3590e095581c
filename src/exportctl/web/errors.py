"""Errors raised at the HTTP edge, and the HTML error page (the status codes are chosen in ``api.errors``)."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from exportctl.errors import ExportctlError, InputError


class LoginRequired(ExportctlError):
    """No valid session or token: browsers are sent to the login page, API callers get 401."""

    def __init__(self) -> None:
        super().__init__("authentication required")


class BadUploadError(InputError):
    """An upload that cannot be read at all: wrong content type, not UTF-8, too large."""


def render_error_page(request: Request, status: int, message: str, problems: list[Any]) -> Response:
    from exportctl.web.templating import render

    return render(
        request,
        "error.html",
        {"status": status, "message": message, "problems": problems},
        status_code=status,
    )


class UploadTooLarge(BadUploadError):
    """A request body larger than ``settings.max_upload_bytes`` (refused before it is read in full)."""
