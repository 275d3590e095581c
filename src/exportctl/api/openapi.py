"""The served OpenAPI schema, with the error body every error response really has (see ``api.errors``).

FastAPI documents 422 with its own ``HTTPValidationError`` shape; exportctl answers every error — validation or
domain — with one ``Error`` shape, so the schema is rewritten to say so, and the error statuses each operation
can return are documented.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel

ERROR_STATUSES = {
    "401": "Not signed in: no valid bearer token or session",
    "403": "Your roles may not do this (or a missing CSRF token)",
    "404": "Nothing with this id that you may see",
    "409": "Not possible in the current state (invalid transition, conflict, shipment refused)",
    "413": "Request body larger than the configured limit",
    "422": "Invalid input; ``field`` and ``problems`` say where",
}


class ProblemOut(BaseModel):
    field: str | None = None
    message: str
    path: str | None = None
    line: int | None = None


class ErrorOut(BaseModel):
    """Every error response: a readable message, the error kind, and where the problem is."""

    detail: str
    error: str
    field: str | None = None
    problems: list[ProblemOut] | None = None


def install_openapi(app: FastAPI) -> None:
    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(
            title=app.title, version=app.version, summary=app.summary, routes=app.routes, description=app.description
        )
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components["Error"] = ErrorOut.model_json_schema(ref_template="#/components/schemas/{model}")
        for name, definition in components["Error"].pop("$defs", {}).items():
            components[name] = definition
        components.pop("HTTPValidationError", None)
        components.pop("ValidationError", None)
        error = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
        for path in schema.get("paths", {}).values():
            for operation in path.values():
                responses = operation.setdefault("responses", {})
                for status, description in ERROR_STATUSES.items():
                    responses[status] = {"description": description, "content": error}
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
