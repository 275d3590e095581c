"""List pages: what changed since the last import of each source, and one entry with its history."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import Response

from exportctl.accounts.roles import Principal
from exportctl.errors import NotFoundError
from exportctl.http.context import get_context
from exportctl.http.security import require_user
from exportctl.lists.entry_diff import describe
from exportctl.lists.history import SnapshotDiff, diff, history
from exportctl.lists.repository import get_entry, list_status
from exportctl.web.templating import render

router = APIRouter(include_in_schema=False)
User = Annotated[Principal, Depends(require_user)]
SHOWN_PER_KIND = 100


@router.get("/lists")
def list_changes(request: Request, user: User) -> Response:
    """Each source's current snapshot and what it changed against the previous one (if there is one)."""
    engine = get_context(request).engine
    sources = []
    for status in list_status(engine):
        change: SnapshotDiff | None = None
        if status.snapshot_count > 1:
            try:
                change = diff(engine, status.source)
            except NotFoundError:
                change = None
        sources.append({"status": status, "diff": change})
    return render(request, "lists.html", {"sources": sources, "shown": SHOWN_PER_KIND, "describe": describe})


@router.get("/lists/entries/{entry_id}")
def entry_page(request: Request, user: User, entry_id: Annotated[str, Path(min_length=3, max_length=300)]) -> Response:
    engine = get_context(request).engine
    entry = get_entry(engine, entry_id)
    try:
        events = history(engine, entry_id)
    except NotFoundError:
        events = []
    return render(request, "entry.html", {"entry": entry, "events": events})
