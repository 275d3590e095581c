"""Adapters from the screening and determination engines to what submission needs.

Submission screens every party and asks, per item, whether a licence is needed at all. Both engines are
optional collaborators: callers building many submissions pass a screener/determiner made once (loading a
screening index is costly); when an engine is not installed the result says so instead of pretending.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine

from exportctl.licensing.inputs import ApplicationInput
from exportctl.licensing.linter import ItemDetermination

PartyScreener = Callable[[str, str], dict[str, Any]]
"""(party name, ISO country) -> a JSON-ready screening summary stored on the party row."""

ItemDeterminer = Callable[[ApplicationInput, int], ItemDetermination | None]
"""(application, item index) -> the item's determination, or None when none could be made."""

MAX_HITS_KEPT = 5


def unavailable_screener(reason: str) -> PartyScreener:
    def screen(name: str, country: str) -> dict[str, Any]:
        return {"status": "not_screened", "reason": reason, "hit_count": None, "hits": []}

    return screen


def make_screener(engine: Engine, as_of: Any = None) -> PartyScreener:
    """A screener over the list snapshot current at ``as_of`` (loaded once), using exportctl.screening."""
    try:
        service: Any = importlib.import_module("exportctl.screening.service")
    except ImportError:
        return unavailable_screener("the screening service is not installed")
    index = service.load_index(engine, as_of=as_of)

    def screen(name: str, country: str) -> dict[str, Any]:
        result = service.screen(index, name, country=country)
        hits = list(getattr(result, "hits", ()))
        return {
            "status": "screened",
            "hit_count": len(hits),
            "hits": [_hit_summary(hit) for hit in hits[:MAX_HITS_KEPT]],
        }

    return screen


def _hit_summary(hit: Any) -> dict[str, Any]:
    entry = getattr(hit, "entry", None)
    score = getattr(hit, "score", None)
    return {
        "entry_id": getattr(entry, "entry_id", None),
        "list": str(getattr(entry, "list", "")) or None,
        "name": getattr(entry, "primary_name", None),
        "matched_name": getattr(hit, "matched_name", None),
        "score": None if score is None else round(float(score), 4),
    }


def no_determination(app: ApplicationInput, index: int) -> ItemDetermination | None:
    """Used when the determination engine is absent: no finding is made about licence necessity."""
    return None
