"""``/api/lists``: status of each source, snapshots, what changed between snapshots, an entry, its history."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, Field

from exportctl.api.deps import Context, CurrentPrincipal
from exportctl.api.models import EntryOut, EntrySummary, SnapshotOut
from exportctl.api.pagination import Page, Paging, paginate
from exportctl.http.dates import AnyDay
from exportctl.lists.entry_diff import describe, only_reformatted
from exportctl.lists.history import diff, history, was_listed
from exportctl.lists.repository import get_entry, list_status, snapshots
from exportctl.lists.sources import SOURCES

router = APIRouter(prefix="/lists", tags=["lists"])
Source = Annotated[str, Path(min_length=1, max_length=40, pattern=r"^[a-z0-9_-]+$")]


class SourceStatusOut(BaseModel):
    source: str
    snapshot_id: int
    effective_date: date | None
    entry_count: int
    counts_by_list: dict[str, int]
    file_name: str
    snapshot_count: int
    last_check_at: datetime | None = Field(None, description="Last `lists update` check (null: never checked).")
    last_check_result: str | None = Field(None, description="changed, unchanged, not-modified or failed.")
    last_check_message: str | None = None
    last_change_at: datetime | None = Field(None, description="Last check that made a new snapshot.")
    attribution: str | None = Field(None, description="Notice the data's licence requires (UK list: OGL v3.0).")


class ChangeKind(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


class FieldChangeOut(BaseModel):
    field: str
    before: Any
    after: Any
    description: str
    reformatted: bool = Field(description="Same content written differently (e.g. country code vs name).")


class DiffItem(BaseModel):
    kind: ChangeKind
    entry: EntrySummary
    changes: list[FieldChangeOut]


class DiffOut(BaseModel):
    source: str
    from_snapshot: SnapshotOut
    to_snapshot: SnapshotOut
    added: int
    removed: int
    changed: int
    reformatted_only: int = Field(description="Changed entries whose every change is only a change of form.")
    unchanged: int
    page: Page[DiffItem]


class HistoryEventOut(BaseModel):
    date: date
    entry_id: str
    kind: str
    snapshot_id: int | None
    description: str


class WasListedOut(BaseModel):
    query: str
    on: date
    listed: bool = Field(description="True only when status is 'listed'; false also when the answer is unknown.")
    status: str = Field(description="'listed', 'not listed' or 'unknown' (no file we hold settles the date: review).")
    reason: str


@router.get("/status", response_model=Page[SourceStatusOut])
def status(
    principal: CurrentPrincipal,
    ctx: Context,
    paging: Paging,
    source: Annotated[str | None, Query(max_length=40, description="only this source")] = None,
) -> Page[SourceStatusOut]:
    """The current snapshot of every imported source."""
    rows = [
        SourceStatusOut(
            source=s.source,
            snapshot_id=s.snapshot_id,
            effective_date=s.effective_date,
            entry_count=s.entry_count,
            counts_by_list=dict(s.counts_by_list),
            file_name=s.file_name,
            snapshot_count=s.snapshot_count,
            last_check_at=s.checks.checked_at if s.checks else None,
            last_check_result=s.checks.result if s.checks else None,
            last_check_message=s.checks.message if s.checks else None,
            last_change_at=s.checks.changed_at if s.checks else None,
            attribution=SOURCES[s.source].attribution if s.source in SOURCES else None,
        )
        for s in list_status(ctx.engine)
        if source is None or s.source == source
    ]
    return paginate(rows, paging)


@router.get("/{source}/snapshots", response_model=Page[SnapshotOut])
def source_snapshots(source: Source, principal: CurrentPrincipal, ctx: Context, paging: Paging) -> Page[SnapshotOut]:
    """Every complete snapshot of one source, oldest first."""
    return paginate([SnapshotOut.of(s) for s in snapshots(ctx.engine, source)], paging)


@router.get("/{source}/diff", response_model=DiffOut)
def source_diff(
    source: Source,
    principal: CurrentPrincipal,
    ctx: Context,
    paging: Paging,
    from_snapshot: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None,
    to_snapshot: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None,
    kind: ChangeKind | None = None,
) -> DiffOut:
    """What changed between two snapshots (default: the current one and the one before it)."""
    result = diff(ctx.engine, source, from_snapshot, to_snapshot)
    items: list[DiffItem] = []
    if kind in (None, ChangeKind.ADDED):
        items += [DiffItem(kind=ChangeKind.ADDED, entry=EntrySummary.of(e), changes=[]) for e in result.added]
    if kind in (None, ChangeKind.REMOVED):
        items += [DiffItem(kind=ChangeKind.REMOVED, entry=EntrySummary.of(e), changes=[]) for e in result.removed]
    if kind in (None, ChangeKind.CHANGED):
        for change in result.changed:
            summary = EntrySummary(entry_id=change.entry_id, list="", primary_name=change.primary_name, country=None)
            fields = [
                FieldChangeOut(
                    field=c.field, before=c.before, after=c.after, description=describe(c), reformatted=c.reformatted
                )
                for c in change.changes
            ]
            items.append(DiffItem(kind=ChangeKind.CHANGED, entry=summary, changes=fields))
    return DiffOut(
        source=result.source,
        from_snapshot=SnapshotOut.of(result.from_snapshot),
        to_snapshot=SnapshotOut.of(result.to_snapshot),
        added=len(result.added),
        removed=len(result.removed),
        changed=len(result.changed),
        reformatted_only=sum(only_reformatted(c.changes) for c in result.changed),
        unchanged=result.unchanged_count,
        page=paginate(items, paging),
    )


@router.get("/entries/{entry_id}", response_model=EntryOut)
def entry(
    entry_id: Annotated[str, Path(min_length=3, max_length=300)],
    principal: CurrentPrincipal,
    ctx: Context,
    snapshot_id: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None,
) -> EntryOut:
    """One entry, from the current snapshot of its source or from ``snapshot_id``."""
    return EntryOut.of(get_entry(ctx.engine, entry_id, snapshot_id))


@router.get("/history", response_model=Page[HistoryEventOut])
def entry_history(
    q: Annotated[str, Query(min_length=1, max_length=500, description="an entry id or an exact name")],
    principal: CurrentPrincipal,
    ctx: Context,
    paging: Paging,
    kind: Annotated[str | None, Query(pattern="^(listed|appeared|changed|disappeared|removed)$")] = None,
) -> Page[HistoryEventOut]:
    """Dated events for every entry the query names: listed, appeared, changed, disappeared, removed."""
    events = [
        HistoryEventOut(
            date=e.date, entry_id=e.entry_id, kind=e.kind, snapshot_id=e.snapshot_id, description=e.description
        )
        for e in history(ctx.engine, q)
        if kind is None or e.kind == kind
    ]
    return paginate(events, paging)


@router.get("/was-listed", response_model=WasListedOut)
def listed_on(
    q: Annotated[str, Query(min_length=1, max_length=500)], on: AnyDay, principal: CurrentPrincipal, ctx: Context
) -> WasListedOut:
    """Was the party (entry id or exact name) on a list on a date, from every snapshot's dates? With the reason."""
    answer = was_listed(ctx.engine, q, on)
    return WasListedOut(
        query=answer.query, on=answer.on, listed=answer.listed, status=str(answer.status), reason=answer.reason
    )
