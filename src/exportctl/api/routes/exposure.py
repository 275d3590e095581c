"""``/api/exposure``: an operator's equipment and contracts, the ban scenario with its removal plan and chart, and
the watch. Every route reads and writes the caller's own organisation only (there is no cross-tenant reader of an
operator's inventory); imports and reviews need the exporter or admin role."""

from __future__ import annotations

import asyncio
import threading
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Query, UploadFile
from fastapi.responses import Response
from pydantic import BaseModel, Field

from exportctl.accounts.roles import Actor
from exportctl.api.deps import Context, CurrentPrincipal, requires
from exportctl.exposure.export import plan_csv, render_timeline
from exportctl.exposure.plan import Weights
from exportctl.exposure.scenario import Scenario, parse_scope
from exportctl.exposure.service import import_data, scenario_in_store
from exportctl.exposure.watch import mark_reviewed, watch
from exportctl.http.context import ServiceContext
from exportctl.http.dates import AnyDay
from exportctl.licensing.actor import Role

router = APIRouter(prefix="/exposure", tags=["exposure"])
_CHART_LOCK = threading.Lock()
Editor = Annotated[Actor, Depends(requires(Role.EXPORTER, Role.ADMIN))]


class ImportOut(BaseModel):
    kind: str
    file: str
    imported: int
    skipped: int
    problems: list[str]
    # the inventory's vendors in your register and the screening run after ("register": a BaseModel attribute)
    vendor_register: dict[str, Any] | None = Field(default=None, alias="register")


class ScenarioQuery(BaseModel):
    """A scenario's inputs (one model rather than a route with many loose parameters)."""

    vendor: str
    ban_from: date | None = None
    scope: str = "all"
    budget_per_quarter: Decimal | None = None
    weights: str = ""


def scenario_query(
    vendor: Annotated[str, Query(min_length=1, max_length=300, description='the banned vendor, e.g. "Huawei"')],
    ban_from: Annotated[AnyDay | None, Query(alias="from", description="the ban's first day (default: today)")] = None,
    scope: Annotated[
        str, Query(max_length=60, description="core, ran, transport, oss or all; comma-separated")
    ] = "all",
    budget_per_quarter: Annotated[Decimal | None, Query(gt=0, lt=Decimal("1e13"))] = None,
    weights: Annotated[str, Query(max_length=200, description="e.g. core=100,transport=60,ran=40,oss=20,site=1")] = "",
) -> ScenarioQuery:
    return ScenarioQuery(
        vendor=vendor, ban_from=ban_from, scope=scope, budget_per_quarter=budget_per_quarter, weights=weights
    )


Inputs = Annotated[ScenarioQuery, Depends(scenario_query)]


class ChartFormat(StrEnum):
    PNG = "png"
    SVG = "svg"


class PlanFormat(StrEnum):
    JSON = "json"
    CSV = "csv"


def run(ctx: ServiceContext, principal: Actor, q: ScenarioQuery) -> Scenario:
    today = ctx.clock.today()
    return scenario_in_store(
        ctx.engine,
        q.vendor,
        organisation_id=principal.organisation_id,
        ban_from=q.ban_from or today,
        as_of=today,
        scope=parse_scope(q.scope),
        budget_per_quarter=q.budget_per_quarter,
        weights=Weights.parse(q.weights),
    )


async def _import(ctx: ServiceContext, principal: Actor, kind: str, file: UploadFile) -> ImportOut:
    data = await file.read()
    name = (file.filename or f"{kind}.csv")[:200]
    outcome = await asyncio.to_thread(
        import_data, ctx.engine, kind, name, data, organisation_id=principal.organisation_id,
        user_id=principal.user_id, indexes=ctx.list_indexes, on=ctx.clock.today(),
    )  # fmt: skip
    return ImportOut.model_validate(outcome.to_dict())


@router.post("/equipment", response_model=ImportOut)
async def import_equipment(
    principal: Editor, ctx: Context, file: Annotated[UploadFile, File(description="CSV or XLSX")]
) -> ImportOut:
    """Replace your organisation's equipment inventory; rows with problems are listed (file:line [field]) and
    skipped, the rest stored in one transaction."""
    return await _import(ctx, principal, "equipment", file)


@router.post("/contracts", response_model=ImportOut)
async def import_contracts(
    principal: Editor, ctx: Context, file: Annotated[UploadFile, File(description="CSV or XLSX")]
) -> ImportOut:
    """Replace your organisation's contract register (same rules as the equipment import)."""
    return await _import(ctx, principal, "contracts", file)


@router.get("/scenario", response_model=dict[str, Any])
def scenario(principal: CurrentPrincipal, ctx: Context, inputs: Inputs) -> dict[str, Any]:
    """A ban on a vendor from a date over your inventory: sites, functions, contracts, costs, plan, timeline."""
    return run(ctx, principal, inputs).to_dict()


@router.get(
    "/scenario/chart", response_class=Response, responses={200: {"content": {"image/png": {}, "image/svg+xml": {}}}}
)
def scenario_chart(
    principal: CurrentPrincipal, ctx: Context, inputs: Inputs, format: ChartFormat = ChartFormat.PNG
) -> Response:
    """The scenario's timeline: units still in service per quarter if the plan is followed."""
    result = run(ctx, principal, inputs)
    with _CHART_LOCK:
        data = render_timeline(result, format.value)
    return Response(data, media_type="image/png" if format is ChartFormat.PNG else "image/svg+xml")


@router.get("/plan", response_model=dict[str, Any], responses={200: {"content": {"text/csv": {}}}})
def plan(principal: CurrentPrincipal, ctx: Context, inputs: Inputs, format: PlanFormat = PlanFormat.JSON) -> Any:
    """The removal plan alone: JSON, or CSV with one row per plan step and quarter."""
    result = run(ctx, principal, inputs)
    if format is PlanFormat.CSV:
        return Response(
            plan_csv(result),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="removal-plan.csv"'},
        )
    return result.plan.to_dict()


@router.get("/watch", response_model=dict[str, Any])
def get_watch(principal: CurrentPrincipal, ctx: Context) -> dict[str, Any]:
    """Your register's alerts on your inventory's vendors (state, score, link), and list changes since your last
    review."""
    found = watch(ctx.engine, organisation_id=principal.organisation_id, on=ctx.clock.today())
    return found.to_dict()


class ReviewOut(BaseModel):
    reviewed_on: date
    snapshot_ids: dict[str, int]


@router.post("/reviews", response_model=ReviewOut, status_code=201)
def post_review(principal: Editor, ctx: Context) -> ReviewOut:
    """Record that your organisation reviewed its vendor hits against the lists as they stand now."""
    review = mark_reviewed(
        ctx.engine, organisation_id=principal.organisation_id, on=ctx.clock.today(), user_id=principal.user_id
    )
    return ReviewOut(reviewed_on=review.reviewed_on, snapshot_ids=review.snapshot_ids)


__all__ = ["router"]
