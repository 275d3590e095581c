"""Errors raised at the HTTP edge (the status codes are chosen in ``exportctl.app.errors``; the HTML error page is
``exportctl.web.templating.render_error_page``)."""

from __future__ import annotations

from exportctl.errors import ExportctlError, InputError


class LoginRequired(ExportctlError):
    """No valid session or token: browsers are sent to the login page, API callers get 401."""

    def __init__(self) -> None:
        super().__init__("authentication required")


class BadUploadError(InputError):
    """An upload that cannot be read at all: wrong content type, not UTF-8, too large."""


class UploadTooLarge(BadUploadError):
    """A request body larger than ``settings.max_upload_bytes`` (refused before it is read in full)."""
