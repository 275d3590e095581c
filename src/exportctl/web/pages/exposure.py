"""The exposure page: your organisation's inventory, a ban scenario with its removal plan and timeline chart, and
the watch (list hits of your vendors, list changes since your last review). Uploads and reviews post back here."""

from __future__ import annotations

import asyncio
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from exportctl.accounts.roles import Actor, require_role
from exportctl.errors import ExportctlError, InputError
from exportctl.exposure import repository
from exportctl.exposure.plan import Weights
from exportctl.exposure.scenario import parse_scope
from exportctl.exposure.service import import_data, scenario_in_store
from exportctl.exposure.watch import mark_reviewed, watch
from exportctl.http.context import get_context
from exportctl.http.security import require_user
from exportctl.licensing.actor import Role
from exportctl.web.forms import optional_date
from exportctl.web.templating import render

router = APIRouter(include_in_schema=False)
User = Annotated[Actor, Depends(require_user)]
Short = Annotated[str, Query(max_length=300)]


def _budget(text: str) -> Decimal | None:
    if not text.strip():
        return None
    try:
        value = Decimal(text.strip().replace(",", "").replace("_", ""))
    except InvalidOperation:
        value = Decimal(-1)
    if not value.is_finite() or value <= 0 or value >= Decimal("1e13"):
        raise InputError(f"budget {text.strip()!r} is not an amount above 0 (blank: no limit)", field="budget")
    return value


def _page(request: Request, user: Actor, context: dict[str, Any], status_code: int = 200) -> Response:
    ctx = get_context(request)
    org = user.organisation_id
    context["imports"] = repository.last_imports(ctx.engine, organisation_id=org)
    context["can_edit"] = user.has_role(Role.EXPORTER, Role.ADMIN)
    context["watch"] = watch(ctx.engine, organisation_id=org, on=ctx.clock.today())
    return render(request, "exposure.html", context, status_code=status_code)


@router.get("/exposure")
def exposure_page(
    request: Request,
    user: User,
    vendor: Short = "",
    from_text: Annotated[str, Query(alias="from", max_length=10)] = "",
    scope: Annotated[str, Query(max_length=60)] = "all",
    budget: Annotated[str, Query(max_length=30)] = "",
    weights: Annotated[str, Query(max_length=200)] = "",
) -> Response:
    """The form; with a vendor it shows the scenario, the plan and the chart."""
    form = {"vendor": vendor, "from": from_text, "scope": scope, "budget": budget, "weights": weights}
    context: dict[str, Any] = {"form": form, "scenario": None}
    if not vendor.strip():
        return _page(request, user, context)
    ctx = get_context(request)
    try:
        today = ctx.clock.today()
        ban_from = optional_date(from_text, "from") or today
        per_quarter = _budget(budget)
        scenario = scenario_in_store(
            ctx.engine, vendor, organisation_id=user.organisation_id, ban_from=ban_from, as_of=today,
            scope=parse_scope(scope), budget_per_quarter=per_quarter, weights=Weights.parse(weights),
        )  # fmt: skip
    except InputError as exc:  # explained next to its field, the form keeps what was typed
        context["error"] = {"message": str(exc), "field": exc.field}
        return _page(request, user, context, status_code=422)
    params = {"vendor": vendor, "from": ban_from.isoformat(), "scope": scope}
    if per_quarter is not None:
        params["budget_per_quarter"] = str(per_quarter)
    if weights.strip():
        params["weights"] = weights
    context["scenario"] = scenario
    context["chart_url"] = "/api/exposure/scenario/chart?" + urlencode(params)
    context["plan_csv_url"] = "/api/exposure/plan?" + urlencode({**params, "format": "csv"})
    context["json_url"] = "/api/exposure/scenario?" + urlencode(params)
    return _page(request, user, context)


@router.post("/exposure/upload")
async def exposure_upload(
    request: Request,
    user: User,
    file: Annotated[UploadFile, File()],
    kind: Annotated[str, Form(pattern="^(equipment|contracts)$")] = "equipment",
) -> Response:
    require_role(user, Role.EXPORTER, Role.ADMIN)
    ctx = get_context(request)
    data = await file.read()
    name = (file.filename or f"{kind}.csv")[:200]
    context: dict[str, Any] = {"form": {"scope": "all"}, "scenario": None}
    try:
        context["outcome"] = await asyncio.to_thread(
            import_data, ctx.engine, kind, name, data, organisation_id=user.organisation_id, user_id=user.user_id,
            indexes=ctx.list_indexes, on=ctx.clock.today(),
        )  # fmt: skip
    except ExportctlError as exc:
        context["upload_error"] = exc
        return _page(request, user, context, status_code=422)
    return _page(request, user, context)


@router.post("/exposure/review")
async def exposure_review(request: Request, user: User) -> Response:
    require_role(user, Role.EXPORTER, Role.ADMIN)
    ctx = get_context(request)
    await asyncio.to_thread(
        mark_reviewed, ctx.engine, organisation_id=user.organisation_id, on=ctx.clock.today(), user_id=user.user_id
    )
    return RedirectResponse("/exposure#watch", status_code=303)
