"""The application factory: ``create_app()`` wires settings, the database, the API under ``/api``, the pages and
the static files into one FastAPI app. The OpenAPI schema is served at ``/api/openapi.json`` (no Swagger UI: it
would load its scripts from a CDN).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine
from starlette.types import Message, Receive, Scope, Send

from exportctl.accounts.sessions import SessionCodec
from exportctl.api.openapi import install_openapi
from exportctl.api.routes import (
    applications,
    audit,
    auth,
    determination,
    exposure,
    licences,
    lists,
    parties,
    policies,
    reports,
    reviews,
    screening,
)
from exportctl.app.errors import install_error_handlers
from exportctl.app.limits import BodySizeLimit
from exportctl.app.middleware import HttpMiddleware
from exportctl.config import Settings, get_settings
from exportctl.http.context import ServiceContext, resolve_secret_key
from exportctl.store.db import make_engine, use_data_dir
from exportctl.web.pages import applications as application_pages
from exportctl.web.pages import exposure as exposure_pages
from exportctl.web.pages import home, login, oversight
from exportctl.web.pages import licences as licence_pages
from exportctl.web.pages import lists as list_pages
from exportctl.web.pages import policies as policy_pages
from exportctl.web.pages import register as register_pages
from exportctl.web.pages import reviews as review_pages
from exportctl.web.pages import screening as screening_pages
from exportctl.web.pages import users as user_pages
from exportctl.web.templating import STATIC_DIR

API_ROUTERS = (
    auth.router,
    lists.router,
    screening.router,
    applications.router,
    reviews.router,
    licences.router,
    parties.router,
    determination.router,
    policies.router,
    reports.router,
    audit.router,
    exposure.router,
)
PAGE_ROUTERS = (
    login.router,
    home.router,
    screening_pages.router,
    list_pages.router,
    application_pages.router,
    review_pages.router,
    register_pages.router,
    licence_pages.router,
    oversight.router,
    policy_pages.router,
    exposure_pages.router,
    user_pages.router,
)

SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (
        b"content-security-policy",
        b"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
    ),
]


class SecurityHeaders(HttpMiddleware):
    """Adds headers that stop sniffing, framing and third-party resources on every response."""

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(settings: Settings | None = None, engine: Engine | None = None) -> FastAPI:
    """A ready-to-serve application. The database must already be upgraded (``exportctl serve`` does it)."""
    settings = settings or get_settings()
    if engine is None:
        engine = make_engine(settings.resolved_database_url(), data_dir=settings.resolved_data_dir())
    elif settings.data_dir is not None:  # an engine made by the caller: its caches go where these settings say
        use_data_dir(engine, settings.data_dir)
    ctx = ServiceContext(settings=settings, engine=engine, codec=SessionCodec(resolve_secret_key(settings)))

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        ctx.jobs.shutdown()

    app = FastAPI(
        title="exportctl",
        summary="Export-control lists, screening, licence determination, licensing and oversight.",
        version="0.1.0",
        openapi_url="/api/openapi.json",
        docs_url=None,  # the Swagger UI would load scripts from a CDN; the schema itself is served
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.ctx = ctx
    install_error_handlers(app)
    install_openapi(app)
    for router in API_ROUTERS:
        app.include_router(router, prefix="/api")
    for router in PAGE_ROUTERS:
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_middleware(
        BodySizeLimit, max_bytes=settings.max_upload_bytes, batch_max_bytes=settings.batch_max_upload_bytes
    )
    app.add_middleware(SecurityHeaders)
    return app
