"""``/api/screening``: screen one name (GET or POST), or upload a CSV to screen as a background job."""

from __future__ import annotations

import asyncio
import builtins
import json
from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, File, Form, Query, UploadFile, status
from fastapi.responses import FileResponse, Response
from pydantic import BaseModel, Field

from exportctl.api.deps import Context, CurrentPrincipal
from exportctl.api.pagination import Page, Paging, paginate
from exportctl.api.strict import StrictRatio
from exportctl.errors import InvalidTransitionError
from exportctl.http.batch import (
    MEDIA_TYPES,
    BatchColumns,
    result_filename,
    save_upload,
    start_batch_job,
    upload_chunks,
)
from exportctl.http.context import ServiceContext
from exportctl.http.dates import PastDay
from exportctl.http.jobs import Job, JobStatus
from exportctl.screening import DEFAULT_THRESHOLD, screen
from exportctl.screening.grouping import group_hits, snapshots_of_key

router = APIRouter(prefix="/screening", tags=["screening"])
Country = Annotated[str | None, Field(default=None, max_length=60, description="ISO 3166 code or country name")]
Threshold = Annotated[StrictRatio | None, Field(default=None, ge=0.0, le=1.0, description="default: the engine's")]


class ScreenRequest(BaseModel):
    name: str = Field(min_length=1, max_length=1000)
    country: Country = None
    threshold: Threshold = None
    as_of: PastDay | None = Field(default=None, description="screen against the lists in force on this date")


class FeatureOut(BaseModel):
    name: str
    value: float
    weight: float
    doc: str


class HitOut(BaseModel):
    entry_id: str
    list: str
    primary_name: str
    matched_name: str
    score: float
    country: str | None
    source: str
    license_requirement: str | None
    review_policy: str
    programs: builtins.list[str]
    federal_register_citations: builtins.list[str]
    features: builtins.list[FeatureOut]


class ListingOut(BaseModel):
    """One source's entry for a party, and the snapshot it was searched in."""

    entry_id: str
    source: str
    list: str
    primary_name: str
    score: float
    snapshot_id: int | None


class PartyOut(BaseModel):
    """The hits that name one party (same OFAC entity number, or same list, normalised name and country): the
    best hit's entry and score, and every source and snapshot that lists the party."""

    entry_id: str
    primary_name: str
    score: float
    sources: builtins.list[str]
    listings: builtins.list[ListingOut]


class ScreeningOut(BaseModel):
    query: str
    country: str | None
    threshold: float
    notes: list[str]
    hits: list[HitOut]
    parties: list[PartyOut] = Field(description="the hits grouped by party, best first")


class JobOut(BaseModel):
    id: str
    kind: str
    filename: str
    status: JobStatus
    done: int
    total: int
    percent: int
    error: str | None
    created_at: datetime
    result_url: str | None
    summary: dict[str, int] | None = Field(
        default=None,
        description="once done: parties (input rows), with_hits, without_hits, not_screened, rows_written",
    )

    @classmethod
    def of(cls, job: Job) -> JobOut:
        url = f"/api/screening/jobs/{job.id}/result" if job.status is JobStatus.DONE else None
        return cls(
            id=job.id,
            kind=job.kind,
            filename=job.filename,
            status=job.status,
            done=job.done,
            total=job.total,
            percent=job.percent,
            error=job.error,
            created_at=job.created_at,
            result_url=url,
            summary=job.summary() if job.status is JobStatus.DONE else None,
        )


class BatchForm(BaseModel):
    name_column: str = Field(default="name", min_length=1, max_length=100)
    id_column: str | None = Field(default="id", max_length=100)
    country_column: str | None = Field(default="country", max_length=100)
    threshold: float | None = Field(default=None, ge=0.0, le=1.0)
    top: int = Field(default=3, ge=1, le=20)
    result_format: Literal["csv", "parquet"] = Field(default="csv", description="the result file's format")


def run_screening(ctx: ServiceContext, request: ScreenRequest) -> Response:
    """The engine's answer as JSON (the contract ``ScreeningOut`` documents), from the result cache when the same
    query was screened against the same index before; the hot path skips re-validating what the engine built."""
    live = ctx.live_index(request.as_of)
    threshold = DEFAULT_THRESHOLD if request.threshold is None else request.threshold

    def compute() -> bytes:
        result = screen(live.index, request.name, country=request.country, threshold=threshold)
        payload = result.to_dict()
        snapshots = snapshots_of_key(live.index.snapshot_key)
        payload["parties"] = [group.to_dict() for group in group_hits(result.hits, snapshots=snapshots)]
        return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    key = (live.snapshot_ids, request.as_of, request.name, request.country, threshold)
    body = ctx.results.get_or_compute(key, compute)
    return Response(body, media_type="application/json")


@router.post("", response_model=ScreeningOut)
async def screen_post(body: ScreenRequest, principal: CurrentPrincipal, ctx: Context) -> Response:
    """Screen one name against every list; each hit explains its score feature by feature."""
    if body.as_of is not None and not ctx.has_index(body.as_of):  # a past date's index costs seconds of CPU
        ctx.limiter.take(principal.user_id, "dated_index")
    if body.as_of is not None:  # building a past-date index reads the store: keep it off the event loop
        return await asyncio.to_thread(run_screening, ctx, body)
    return run_screening(ctx, body)


@router.get("", response_model=ScreeningOut)
async def screen_get(
    principal: CurrentPrincipal,
    ctx: Context,
    name: Annotated[str, Query(min_length=1, max_length=1000)],
    country: Annotated[str | None, Query(max_length=60)] = None,
    threshold: Annotated[float | None, Query(ge=0.0, le=1.0)] = None,
) -> Response:
    """The same as ``POST /api/screening`` for the current lists, as a cacheable GET."""
    return run_screening(ctx, ScreenRequest(name=name, country=country, threshold=threshold))


@router.post("/batch", status_code=status.HTTP_202_ACCEPTED, response_model=JobOut)
async def screen_batch(
    principal: CurrentPrincipal,
    ctx: Context,
    file: Annotated[UploadFile, File(description="CSV (UTF-8, with a header row) or Parquet")],
    options: Annotated[BatchForm, Form()],
) -> JobOut:
    """Stream the file to disk and check its columns, then screen it in the background as ``exportctl
    screen-file`` does (same columns, one row per input); poll the job, then download its result (CSV or
    Parquet). 413 beyond ``EXPORTCTL_BATCH_MAX_UPLOAD_BYTES`` or a row budget, 429 while your other jobs hold it."""
    filename = (file.filename or "upload.csv")[:200]
    target = ctx.jobs.new_input_path()
    limit = ctx.settings.batch_max_upload_bytes
    kind = await save_upload(upload_chunks(file), target, filename, file.content_type or "", limit)
    columns = BatchColumns(
        name=options.name_column, id=options.id_column or None, country=options.country_column or None
    )
    job = await asyncio.to_thread(
        start_batch_job,
        ctx,
        principal,
        target,
        filename,
        kind,
        columns=columns,
        threshold=options.threshold,
        top=options.top,
        output_format=options.result_format,
    )
    return JobOut.of(job)


@router.get("/jobs", response_model=Page[JobOut])
def list_jobs(
    principal: CurrentPrincipal, ctx: Context, paging: Paging, status: JobStatus | None = None
) -> Page[JobOut]:
    """Your organisation's batch jobs, newest first (everyone's for authority staff and auditors)."""
    jobs = [JobOut.of(j) for j in ctx.jobs.list(principal) if status is None or j.status is status]
    return paginate(jobs, paging)


@router.get("/jobs/{job_id}", response_model=JobOut)
def get_job(job_id: Annotated[str, Field(max_length=64)], principal: CurrentPrincipal, ctx: Context) -> JobOut:
    """One job's status and progress."""
    return JobOut.of(ctx.jobs.get(principal, job_id))


@router.get(
    "/jobs/{job_id}/result",
    response_class=FileResponse,
    responses={200: {"content": {"text/csv": {}, "application/vnd.apache.parquet": {}}}},
)
def job_result(job_id: Annotated[str, Field(max_length=64)], principal: CurrentPrincipal, ctx: Context) -> FileResponse:
    """The result file of a finished job, streamed (409 while it is still running)."""
    job = ctx.jobs.get(principal, job_id)
    path = job.result_file()
    if path is None:
        raise InvalidTransitionError(f"job {job_id} is {job.status.value}; its result is not ready")
    kind = "parquet" if path.suffix == ".parquet" else "csv"
    disposition = f'attachment; filename="{result_filename(job, path)}"'
    return FileResponse(path, media_type=MEDIA_TYPES[kind], headers={"Content-Disposition": disposition})
