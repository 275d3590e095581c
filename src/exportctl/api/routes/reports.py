"""``/api/reports``: oversight counts and values of licence applications by party family, period, outcome and
category — JSON, CSV or a chart (PNG/SVG). Aggregates over every organisation, so authority staff and auditors
only."""

from __future__ import annotations

import threading
from datetime import date
from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response
from pydantic import BaseModel

from exportctl.accounts.roles import Actor
from exportctl.api.deps import Context, requires
from exportctl.http.context import ServiceContext
from exportctl.http.dates import AnyDay
from exportctl.licensing.actor import Role
from exportctl.reports.chart import render_chart
from exportctl.reports.licences import licence_report
from exportctl.reports.model import Report
from exportctl.reports.render import to_csv, to_dict

router = APIRouter(prefix="/reports", tags=["reports"])
_CHART_LOCK = threading.Lock()
Overseer = Annotated[Actor, Depends(requires(Role.AUDITOR, Role.POLICY_ADMIN, Role.REVIEWER, Role.ADMIN))]


class ReportFormat(StrEnum):
    JSON = "json"
    CSV = "csv"


class ChartFormat(StrEnum):
    PNG = "png"
    SVG = "svg"


class ReportQuery(BaseModel):
    """The report's filters and breakdown (one model rather than a route with many loose parameters)."""

    party: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    by: str = "outcome,category"
    suppress_below: int | None = None


def report_query(
    party: Annotated[str | None, Query(max_length=100, description='a party family, e.g. "Huawei"')] = None,
    date_from: Annotated[AnyDay | None, Query(alias="from")] = None,
    date_to: Annotated[AnyDay | None, Query(alias="to")] = None,
    by: Annotated[
        str, Query(max_length=100, description="comma-separated: party, period, outcome, category")
    ] = "outcome,category",
    suppress_below: Annotated[
        int | None, Query(ge=1, le=1000, description="hide cells with fewer applications")
    ] = None,
) -> ReportQuery:
    return ReportQuery(party=party, date_from=date_from, date_to=date_to, by=by, suppress_below=suppress_below)


Filters = Annotated[ReportQuery, Depends(report_query)]


def build(ctx: ServiceContext, query: ReportQuery) -> Report:
    return licence_report(
        ctx.engine,
        party=query.party,
        date_from=query.date_from,
        date_to=query.date_to,
        by=[part for part in query.by.split(",") if part.strip()],
        suppress_below=query.suppress_below,
    )


@router.get(
    "/licences",
    response_model=dict[str, Any],
    responses={200: {"content": {"application/json": {}, "text/csv": {}}}},
)
def licences_report(
    principal: Overseer, ctx: Context, filters: Filters, format: ReportFormat = ReportFormat.JSON
) -> Any:
    """Counts and values by the chosen dimensions, aggregated from the individual records."""
    report = build(ctx, filters)
    if format is ReportFormat.CSV:
        return Response(
            to_csv(report),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="licence-report.csv"'},
        )
    return to_dict(report)


@router.get(
    "/licences/chart",
    response_class=Response,
    responses={200: {"content": {"image/png": {}, "image/svg+xml": {}}}},
)
def licences_chart(
    principal: Overseer, ctx: Context, filters: Filters, format: ChartFormat = ChartFormat.PNG
) -> Response:
    """The same report as a chart: counts and values per group."""
    report = build(ctx, filters)
    with _CHART_LOCK:  # matplotlib's pyplot state is not thread-safe and routes run on a thread pool
        data = render_chart(report, format.value)
    return Response(data, media_type="image/png" if format is ChartFormat.PNG else "image/svg+xml")
