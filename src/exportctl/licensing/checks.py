"""Adapters from the screening and determination engines to what submission needs.

Submission screens every party and asks, per item, whether a licence is needed at all. Both engines are
optional collaborators: callers building many submissions pass a screener/determiner made once (loading a
screening index is costly); when an engine is not installed the result says so instead of pretending.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Engine

from exportctl.errors import InputError
from exportctl.licensing.inputs import ApplicationInput
from exportctl.licensing.linter import ItemDetermination
from exportctl.lists.repository import entries_as_of
from exportctl.screening.engine import screen
from exportctl.screening.index import ScreeningIndex

PartyScreener = Callable[[str, str], dict[str, Any]]
"""(party name, ISO country) -> a JSON-ready screening summary stored on the party row."""

ItemDeterminer = Callable[[ApplicationInput, int], ItemDetermination | None]
"""(application, item index) -> the item's determination, or None when none could be made."""

MAX_HITS_KEPT = 5


def unavailable_screener(reason: str) -> PartyScreener:
    def screen(name: str, country: str) -> dict[str, Any]:
        return {"status": "not_screened", "reason": reason, "hit_count": None, "hits": []}

    return screen


def make_screener(engine: Engine, as_of: date | None = None) -> PartyScreener:
    """A screener over the list entries in force on ``as_of`` (default today), index built once."""
    day = as_of or datetime.now(UTC).date()
    in_force = entries_as_of(engine, day)
    if not in_force.snapshots:
        return unavailable_screener("no list snapshot is imported (run `exportctl lists import`)")
    index = ScreeningIndex.build(in_force.entries)

    def screen_party(name: str, country: str) -> dict[str, Any]:
        try:
            result = screen(index, name, country=country)
        except InputError as exc:
            return {
                "status": "not_screened",
                "reason": str(exc),
                "hit_count": None,
                "hits": [],
                "as_of": day.isoformat(),
            }
        return {
            "status": "screened",
            "as_of": day.isoformat(),
            "hit_count": len(result.hits),
            "hits": [
                {"entry_id": h.entry_id, "list": h.list, "name": h.primary_name, "matched_name": h.matched_name,
                 "score": round(h.score, 4)}
                for h in result.hits[:MAX_HITS_KEPT]
            ],
        }  # fmt: skip

    return screen_party


def no_determination(app: ApplicationInput, index: int) -> ItemDetermination | None:
    """Used when the determination engine is absent: no finding is made about licence necessity."""
    return None
