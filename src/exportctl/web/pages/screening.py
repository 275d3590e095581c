"""Screening pages: search one name with explained hits; upload a CSV and watch its progress."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, Form, Path, Query, Request, UploadFile
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, Field

from exportctl.accounts.roles import Actor
from exportctl.audit.chain import utc_now
from exportctl.errors import InputError
from exportctl.http.batch import BatchColumns, preview_rows, save_upload, start_batch_job, upload_chunks
from exportctl.http.context import get_context
from exportctl.http.errors import UploadTooLarge
from exportctl.http.security import require_user
from exportctl.lists.snapshot_queries import snapshots as snapshot_infos
from exportctl.screening import DEFAULT_THRESHOLD, ScreeningResult, screen
from exportctl.store.db import session_scope
from exportctl.web.forms import optional_date
from exportctl.web.records import save_record, screening_record, snapshot_rows
from exportctl.web.templating import render

router = APIRouter(include_in_schema=False)
User = Annotated[Actor, Depends(require_user)]
PREVIEW_ROWS = 200


def _threshold(text: str) -> float:
    if not text.strip():
        return DEFAULT_THRESHOLD
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not 0.0 <= value <= 1.0:  # also NaN
        raise InputError(
            f"threshold {text.strip()!r} is not a number from 0 to 1 (blank: {DEFAULT_THRESHOLD})", field="threshold"
        )
    return value


@router.get("/screening")
def screening_page(
    request: Request,
    user: User,
    name: Annotated[str, Query(max_length=1000)] = "",
    country: Annotated[str, Query(max_length=60)] = "",
    as_of: Annotated[str, Query(max_length=10)] = "",
    threshold: Annotated[str, Query(max_length=20)] = "",
) -> Response:
    """The search form; with ``name`` it shows the hits (only the results when htmx asks for them). A blank
    threshold means the default; a bad one is explained next to its field."""
    result: ScreeningResult | None = None
    error: str | None = None
    error_field: str | None = None
    if name.strip():
        try:
            result, _ = _screen(request, user, name, country, as_of, threshold)
        except InputError as exc:
            error, error_field = str(exc), exc.field
    context = {
        "name": name,
        "country": country,
        "as_of": as_of,
        "threshold": threshold.strip() or DEFAULT_THRESHOLD,
        "result": result,
        "error": error,
        "error_field": error_field,
    }
    template = "screening_results.html" if request.headers.get("hx-request") else "screening.html"
    return render(request, template, context)


def _screen(
    request: Request, user: Actor, name: str, country: str, as_of: str, threshold: str
) -> tuple[ScreeningResult, tuple[int, ...]]:
    """The screening and the ids of the list snapshots its index was built from."""
    ctx, day = get_context(request), optional_date(as_of, "as_of", not_future=True)
    if day is not None and not ctx.has_index(day):  # a past date's index costs seconds of CPU
        ctx.limiter.take(user.user_id, "dated_index")
    cutoff = _threshold(threshold)
    live = ctx.live_index(day)
    return screen(live.index, name, country=country or None, threshold=cutoff), live.snapshot_ids


class RecordQuestion(BaseModel):
    """The question a screening record answers: the same four fields by link (GET) and by form (POST)."""

    name: str = Field(min_length=1, max_length=1000)
    country: str = Field("", max_length=60)
    as_of: str = Field("", max_length=10)
    threshold: str = Field("", max_length=20)


def _record_page(request: Request, user: Actor, question: RecordQuestion, *, save: bool) -> Response:
    """Screen, optionally store the record with its SHA-256 in the audit trail, and show it."""
    name, country, as_of, threshold = question.name, question.country, question.as_of, question.threshold
    result, ids = _screen(request, user, name, country, as_of, threshold)
    snapshots = snapshot_rows(snapshot_infos(get_context(request).engine), ids)
    record = screening_record(user, utc_now(), result, as_of=as_of.strip(), snapshots=snapshots)
    saved = None
    if save:
        with session_scope(get_context(request).engine) as session:
            saved = save_record(session, user, record)
    form = {"name": name, "country": country, "as_of": as_of, "threshold": threshold}
    return render(
        request, "record.html", {"record": record, "saved": saved, "form": form, "save_url": request.url.path}
    )


@router.get("/screening/record")
def screening_record_page(request: Request, user: User, question: Annotated[RecordQuestion, Query()]) -> Response:
    """The printable record of a screening: the question, the list snapshots searched, the hits (or "no hit")."""
    return _record_page(request, user, question, save=False)


@router.post("/screening/record")
def save_screening_record(request: Request, user: User, question: Annotated[RecordQuestion, Form()]) -> Response:
    """Screen again, then store the record with its SHA-256 in the audit trail (the page shows the event)."""
    return _record_page(request, user, question, save=True)


@router.get("/screening/batch")
def batch_page(request: Request, user: User) -> Response:
    return _batch_form(request, user)


def _batch_form(
    request: Request,
    user: Actor,
    error: InputError | None = None,
    kept: dict[str, str] | None = None,
    hint: str | None = None,
) -> Response:
    """The upload form; with ``error``, the file's problems are listed on it and the column names are kept."""
    jobs = get_context(request).jobs.list(user)[:20]
    context = {
        "jobs": jobs,
        "error": str(error).splitlines()[0] if error is not None else None,
        "problems": list(getattr(error, "problems", []))[:50],
        "hint": hint,
        "kept": kept or {},
    }
    return render(request, "batch.html", context, status_code=422 if error is not None else 200)


def _separator_hint(path: Any) -> str | None:
    try:
        with open(path, "rb") as f:  # noqa: PTH123 - the upload as streamed to disk, if it is still there
            first = f.read(4096).split(b"\n", 1)[0]
    except OSError:
        return None
    if b";" in first and b"," not in first:
        return (
            "The header row is separated by semicolons: save the file as comma-separated CSV "
            "(choose ',' as the separator when exporting)."
        )
    if b"\t" in first and b"," not in first:
        return "The header row is separated by tabs: save the file as comma-separated CSV."
    return None


@router.post("/screening/batch")
async def batch_upload(
    request: Request,
    user: User,
    file: Annotated[UploadFile, File()],
    name_column: Annotated[str, Form(min_length=1, max_length=100)] = "name",
    id_column: Annotated[str, Form(max_length=100)] = "id",
    country_column: Annotated[str, Form(max_length=100)] = "country",
    result_format: Annotated[Literal["csv", "parquet"], Form()] = "csv",
) -> Response:
    """Stream the file to disk, check its columns, then screen it in the background (as ``screen-file`` does)."""
    ctx = get_context(request)
    filename = (file.filename or "upload.csv")[:200]
    target = ctx.jobs.new_input_path()
    columns = BatchColumns(name=name_column, id=id_column or None, country=country_column or None)
    kept = {"name_column": name_column, "id_column": id_column, "country_column": country_column}
    hint: str | None = None
    try:
        limit = ctx.settings.batch_max_upload_bytes
        kind = await save_upload(upload_chunks(file), target, filename, file.content_type or "", limit)
        hint = _separator_hint(target)  # read before the file is checked: a refusal deletes it
        job = await asyncio.to_thread(
            start_batch_job,
            ctx,
            user,
            target,
            filename,
            kind,
            columns=columns,
            threshold=None,
            top=3,
            output_format=result_format,
        )
    except UploadTooLarge:
        raise
    except InputError as exc:  # every problem of the file, on the form, with the column names kept
        return _batch_form(request, user, exc, kept, hint)
    return RedirectResponse(f"/screening/batch/{job.id}", status_code=303)


@router.get("/screening/batch/{job_id}")
def batch_job_page(request: Request, user: User, job_id: Annotated[str, Path(max_length=64)]) -> Response:
    """Progress while the job runs; once done, the summary (parties, with hits, without, not screened) and the
    first rows of the result, read from the same result file the download serves."""
    job = get_context(request).jobs.get(user, job_id)
    context: dict[str, Any] = {"job": job, "summary": None, "preview": [], "preview_limit": PREVIEW_ROWS}
    context["result_kind"] = "file"  # unless its file is there (it may have expired)
    path = job.result_file()
    if path is not None:
        context["summary"] = job.summary()
        context["preview"] = preview_rows(path, PREVIEW_ROWS)
        context["result_kind"] = "Parquet" if path.suffix == ".parquet" else "CSV"
    template = "batch_progress.html" if request.headers.get("hx-request") else "batch_job.html"
    return render(request, template, context)
