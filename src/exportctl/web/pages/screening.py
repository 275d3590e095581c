"""Screening pages: search one name with explained hits; upload a CSV and watch its progress."""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Path, Query, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from exportctl.accounts.roles import Principal
from exportctl.errors import InputError
from exportctl.http.batch import BatchColumns, start_batch_job
from exportctl.http.context import get_context
from exportctl.http.security import require_user
from exportctl.screening import DEFAULT_THRESHOLD, ScreeningResult, screen
from exportctl.web.forms import optional_date
from exportctl.web.templating import render

router = APIRouter(include_in_schema=False)
User = Annotated[Principal, Depends(require_user)]


@router.get("/screening")
def screening_page(
    request: Request,
    user: User,
    name: Annotated[str, Query(max_length=1000)] = "",
    country: Annotated[str, Query(max_length=60)] = "",
    as_of: Annotated[str, Query(max_length=10)] = "",
    threshold: Annotated[float, Query(ge=0.0, le=1.0)] = DEFAULT_THRESHOLD,
) -> Response:
    """The search form; with ``name`` it shows the hits (only the results when htmx asks for them)."""
    result: ScreeningResult | None = None
    error: str | None = None
    if name.strip():
        try:
            ctx, day = get_context(request), optional_date(as_of, "as_of", not_future=True)
            if day is not None and not ctx.has_index(day):  # a past date's index costs seconds of CPU
                ctx.limiter.take(user.user_id, "dated_index")
            index = ctx.screening_index(day)
            result = screen(index, name, country=country or None, threshold=threshold)
        except InputError as exc:
            error = str(exc)
    context = {
        "name": name,
        "country": country,
        "as_of": as_of,
        "threshold": threshold,
        "result": result,
        "error": error,
    }
    template = "screening_results.html" if request.headers.get("hx-request") else "screening.html"
    return render(request, template, context)


@router.get("/screening/batch")
def batch_page(request: Request, user: User) -> Response:
    jobs = get_context(request).jobs.list(user)[:20]
    return render(request, "batch.html", {"jobs": jobs, "error": None})


@router.post("/screening/batch")
async def batch_upload(
    request: Request,
    user: User,
    file: Annotated[UploadFile, File()],
    name_column: Annotated[str, Form(min_length=1, max_length=100)] = "name",
    id_column: Annotated[str, Form(max_length=100)] = "id",
    country_column: Annotated[str, Form(max_length=100)] = "country",
) -> Response:
    ctx = get_context(request)
    data = await file.read()
    columns = BatchColumns(name=name_column, id=id_column or None, country=country_column or None)
    job = await asyncio.to_thread(
        start_batch_job,
        ctx,
        user,
        data,
        (file.filename or "upload.csv")[:200],
        file.content_type or "",
        columns=columns,
        threshold=None,
        top=3,
    )
    return RedirectResponse(f"/screening/batch/{job.id}", status_code=303)


@router.get("/screening/batch/{job_id}")
def batch_job_page(request: Request, user: User, job_id: Annotated[str, Path(max_length=64)]) -> Response:
    job = get_context(request).jobs.get(user, job_id)
    template = "batch_progress.html" if request.headers.get("hx-request") else "batch_job.html"
    return render(request, template, {"job": job})
