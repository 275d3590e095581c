"""Checks on every request before a handler sees it.

* Body size: bodies over ``settings.max_upload_bytes`` (``settings.batch_max_upload_bytes`` for a batch screening
  upload) plus room for multipart framing are refused with 413 before they are read in full, whether or not the
  client sent a Content-Length (a chunked body is counted as it arrives; whatever the handler was about to answer
  is replaced by the 413).
* Control characters: a query string, JSON body or form body holding a control character (NUL and the other C0
  codes except tab, line feed and carriage return, DEL, and the C1 codes) is refused with 422 naming the field.
  PostgreSQL cannot store NUL, and none of them belongs in a name, a reason or an identifier. Uploaded files are
  left to their parsers.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import parse_qsl

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from exportctl.app.middleware import HttpMiddleware
from exportctl.http.errors import UploadTooLarge

MULTIPART_OVERHEAD_BYTES = 64 * 1024
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
CHECKED_BODIES = ("application/json", "application/x-www-form-urlencoded")
BATCH_UPLOAD_PATHS = frozenset({"/api/screening/batch", "/screening/batch"})


class _Limit:
    """A body limit and the refusal naming the setting that sets it."""

    def __init__(self, max_bytes: int, setting: str) -> None:
        self.limit = max_bytes + MULTIPART_OVERHEAD_BYTES
        self.message = f"request body too large: the limit is {max_bytes:,} bytes (setting {setting})"


class BodySizeLimit(HttpMiddleware):
    def __init__(self, app: ASGIApp, max_bytes: int, batch_max_bytes: int | None = None) -> None:
        super().__init__(ControlCharacterGuard(app))
        self.max_bytes = max_bytes
        self.batch_max_bytes = max_bytes if batch_max_bytes is None else batch_max_bytes

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope.get("path") in BATCH_UPLOAD_PATHS:
            limit = _Limit(self.batch_max_bytes, "EXPORTCTL_BATCH_MAX_UPLOAD_BYTES")
        else:
            limit = _Limit(self.max_bytes, "EXPORTCTL_MAX_UPLOAD_BYTES")
        await self._handle(scope, receive, send, limit)

    async def _handle(self, scope: Scope, receive: Receive, send: Send, limit: _Limit) -> None:
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit.limit:
            await self._refuse(send, limit)
            return
        seen = 0
        exceeded = responded = False

        async def counting_receive() -> Message:
            nonlocal seen, exceeded
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit.limit:
                    exceeded = True
                    raise UploadTooLarge(limit.message, field="file")
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal responded
            if exceeded:  # the handler answered whatever its parser made of the cut-off body: answer 413 instead
                if not responded:
                    responded = True
                    await self._refuse(send, limit)
                return
            responded = responded or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, guarded_send)
        except Exception:
            if not exceeded:
                raise
        if exceeded and not responded:
            await self._refuse(send, limit)

    async def _refuse(self, send: Send, limit: _Limit) -> None:
        await _send_json(send, 413, {"detail": limit.message, "error": "UploadTooLarge"})


class ControlCharacterGuard(HttpMiddleware):
    """Refuses (422) query strings and JSON or form bodies that hold a control character."""

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        query = scope.get("query_string", b"").decode("latin-1")
        field = _bad_field(parse_qsl(query, keep_blank_values=True)) if query else None
        content_type = dict(scope.get("headers", [])).get(b"content-type", b"").decode("latin-1").lower()
        if field is None and content_type.startswith(CHECKED_BODIES):
            body, more = b"", True
            while more:
                message = await receive()
                if message["type"] != "http.request":
                    await self.app(scope, _replay(b"", [message], receive), send)
                    return
                body += message.get("body", b"")
                more = bool(message.get("more_body", False))
            field = _bad_field_in_body(body, content_type)
            receive = _replay(body, [], receive)
        if field is not None:
            detail = f"{field}: control characters (such as NUL) are not allowed"
            await _send_json(send, 422, {"detail": detail, "error": "InputError", "field": field})
            return
        await self.app(scope, receive, send)


def _bad_field_in_body(body: bytes, content_type: str) -> str | None:
    text = body.decode("utf-8", errors="replace")
    if content_type.startswith("application/json"):
        try:
            return _bad_field_json(json.loads(text), "body")
        except ValueError:
            return None  # not JSON: the handler's parser refuses it with its own message
    return _bad_field(parse_qsl(text, keep_blank_values=True))


def _bad_field(pairs: list[tuple[str, str]]) -> str | None:
    for key, value in pairs:
        if CONTROL_CHARACTERS.search(key) or CONTROL_CHARACTERS.search(value):
            return CONTROL_CHARACTERS.sub("?", key)[:100]
    return None


def _bad_field_json(value: Any, path: str) -> str | None:
    if isinstance(value, str):
        return path if CONTROL_CHARACTERS.search(value) else None
    if isinstance(value, dict):
        for key, item in value.items():
            where = f"{path}.{CONTROL_CHARACTERS.sub('?', str(key))[:100]}"
            if CONTROL_CHARACTERS.search(str(key)):
                return where
            found = _bad_field_json(item, where)
            if found is not None:
                return found
    if isinstance(value, list):
        for number, item in enumerate(value):
            found = _bad_field_json(item, f"{path}.{number}")
            if found is not None:
                return found
    return None


def _replay(body: bytes, pending: list[Message], receive: Receive) -> Receive:
    """A ``receive`` that first hands out the already-read body (or messages), then defers to the real one."""
    queue: list[Message] = pending or [{"type": "http.request", "body": body, "more_body": False}]

    async def replay() -> Message:
        if queue:
            return queue.pop(0)
        return await receive()

    return replay


async def _send_json(send: Send, status: int, content: dict[str, Any]) -> None:
    body = json.dumps(content).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
