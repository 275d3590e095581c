"""List pages: what changed since the last import of each source, and one entry with its history."""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import Response
from sqlalchemy import Engine

from exportctl.accounts.roles import Actor
from exportctl.errors import NotFoundError
from exportctl.http.context import get_context
from exportctl.http.security import require_user
from exportctl.lists.entry_diff import describe
from exportctl.lists.history import SnapshotDiff, diff, history
from exportctl.lists.repository import get_entry, list_status
from exportctl.lists.snapshot_queries import SourceStatus
from exportctl.web.templating import render

router = APIRouter(include_in_schema=False)
User = Annotated[Actor, Depends(require_user)]
SHOWN_PER_KIND = 100
#: (database URL, source, current snapshot id, snapshot count) -> its diff against the previous snapshot. A pair
#: of snapshots never changes, and an import makes a new current id: the cache is never stale. Small and bounded.
_DIFFS: OrderedDict[tuple[str, str, int, int], SnapshotDiff | None] = OrderedDict()
_DIFFS_KEPT = 64
_DIFFS_LOCK = threading.Lock()


def _diff(engine: Engine, status: SourceStatus) -> SnapshotDiff | None:
    key = (str(engine.url), status.source, status.snapshot_id, status.snapshot_count)
    with _DIFFS_LOCK:
        if key in _DIFFS:
            _DIFFS.move_to_end(key)
            return _DIFFS[key]
    try:
        change: SnapshotDiff | None = diff(engine, status.source)
    except NotFoundError:
        change = None
    with _DIFFS_LOCK:
        _DIFFS[key] = change
        while len(_DIFFS) > _DIFFS_KEPT:
            _DIFFS.popitem(last=False)
    return change


@router.get("/lists")
def list_changes(request: Request, user: User) -> Response:
    """Each source's current snapshot and what it changed against the previous one (if there is one)."""
    engine = get_context(request).engine
    sources = []
    for status in list_status(engine):
        change = _diff(engine, status) if status.snapshot_count > 1 else None
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
