"""Records of due diligence: what a screening searched (the list snapshots, by id, effective date and content hash),
what it asked and what it found, as one canonical document with its SHA-256. The page prints it; saving it appends
an audit event holding the hash and the record itself, so the trail proves which lists were searched when."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from exportctl.accounts.roles import Actor
from exportctl.audit.chain import append_event
from exportctl.lists.snapshot_queries import SnapshotInfo
from exportctl.screening import ScreeningResult


@dataclass(frozen=True)
class DueDiligenceRecord:
    """One record: ``content`` is what is hashed and stored; ``sha256`` its digest."""

    kind: str
    content: dict[str, Any]
    sha256: str


def snapshot_rows(infos: Iterable[SnapshotInfo], ids: Iterable[int]) -> list[dict[str, Any]]:
    wanted = set(ids)
    return [
        {
            "source": info.source,
            "snapshot_id": info.id,
            "effective_date": info.effective_date.isoformat() if info.effective_date else None,
            "imported_at": info.imported_at.isoformat(timespec="seconds"),
            "file": info.file_name,
            "entries": info.entry_count,
            "content_sha256": info.content_hash,
        }
        for info in infos
        if info.id in wanted
    ]


def _exact(value: Any) -> Any:
    """The record with every float written as a decimal string (the audit trail stores no inexact numbers)."""
    if isinstance(value, float):
        return f"{value:.4f}"
    if isinstance(value, dict):
        return {str(k): _exact(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_exact(v) for v in value]
    return value


def _sealed(kind: str, content: dict[str, Any]) -> DueDiligenceRecord:
    content = _exact(content)
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return DueDiligenceRecord(kind, content, hashlib.sha256(canonical.encode("utf-8")).hexdigest())


def screening_record(
    user: Actor,
    made_at: datetime,
    result: ScreeningResult,
    *,
    as_of: str,
    snapshots: list[dict[str, Any]],
) -> DueDiligenceRecord:
    hits = [
        {
            "list": hit.list,
            "entry_id": hit.entry_id,
            "primary_name": hit.primary_name,
            "matched_name": hit.matched_name,
            "score": hit.score,
        }
        for hit in result.hits
    ]
    content = {
        "kind": "screening",
        "made_at": made_at.isoformat(timespec="seconds"),
        "by": {"user": user.email, "organisation": user.organisation_name},
        "query": {"name": result.query, "country": result.country, "as_of": as_of or None},
        "threshold": result.threshold,
        "snapshots_searched": snapshots,
        "outcome": "hits" if hits else "no hit",
        "hits": hits,
    }
    return _sealed("screening", content)


def determination_record(
    user: Actor, made_at: datetime, form: dict[str, Any], result: dict[str, Any]
) -> DueDiligenceRecord:
    content = {
        "kind": "determination",
        "made_at": made_at.isoformat(timespec="seconds"),
        "by": {"user": user.email, "organisation": user.organisation_name},
        "question": {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in form.items()},
        "answer": result,
    }
    return _sealed("determination", content)


def save_record(session: Session, user: Actor, record: DueDiligenceRecord) -> int:
    """Append the record to the audit trail (action ``<kind>.recorded``); returns the event's sequence number."""
    event = append_event(session, user, f"{record.kind}.recorded", record.kind, record.sha256[:32],
                         None, {"sha256": record.sha256, "record": record.content})  # fmt: skip
    return int(event.seq)
