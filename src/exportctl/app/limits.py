"""Request-body size limit: bodies over ``settings.max_upload_bytes`` (plus room for multipart framing) are
refused with 413 before they are read in full, whether or not the client sent a Content-Length."""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from exportctl.http.errors import UploadTooLarge

MULTIPART_OVERHEAD_BYTES = 64 * 1024


class BodySizeLimit:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.limit = max_bytes + MULTIPART_OVERHEAD_BYTES
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._refuse(send)
            return
        seen = 0

        async def counting_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise UploadTooLarge(self._message(), field="file")
            return message

        await self.app(scope, counting_receive, send)

    def _message(self) -> str:
        return f"request body too large: the limit is {self.max_bytes:,} bytes (setting EXPORTCTL_MAX_UPLOAD_BYTES)"

    async def _refuse(self, send: Send) -> None:
        body = json.dumps({"detail": self._message(), "error": "UploadTooLarge"}).encode()
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": 413, "headers": headers})
        await send({"type": "http.response.body", "body": body})
