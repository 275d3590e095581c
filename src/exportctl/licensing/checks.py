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

from exportctl.determination import ExactNameScreener, determine, make_transaction, screen_parties
from exportctl.determination.list_index import ListIndexes
from exportctl.errors import InputError, NotFoundError
from exportctl.licensing.inputs import ApplicationInput, PartyRole
from exportctl.licensing.linter import ItemDetermination
from exportctl.lists.repository import entries_as_of
from exportctl.regulations import load_regulations
from exportctl.screening.engine import screen
from exportctl.screening.index import ScreeningIndex
from exportctl.screening.service import load_index

PartyScreener = Callable[[str, str], dict[str, Any]]
"""(party name, ISO country) -> a JSON-ready screening summary stored on the party row."""

ItemDeterminer = Callable[[ApplicationInput, int], ItemDetermination | None]
"""(application, item index) -> the item's determination, or None when none could be made."""

MAX_HITS_KEPT = 5


def unavailable_screener(reason: str) -> PartyScreener:
    def screen(name: str, country: str) -> dict[str, Any]:
        return {"status": "not_screened", "reason": reason, "hit_count": None, "hits": []}

    return screen


def make_screener(engine: Engine, as_of: date | None = None, *, index: ScreeningIndex | None = None) -> PartyScreener:
    """A screener over the list entries in force on ``as_of`` (default today).

    ``index`` is that date's as-of index when the caller holds one (the service does); otherwise it is loaded with
    :func:`exportctl.screening.service.load_index`, cached on disk by date and snapshot ids, so only the first
    caller of a day builds it.
    """
    day = as_of or datetime.now(UTC).date()
    if index is None:
        try:
            index = load_index(engine, day)
        except NotFoundError:  # no snapshot, or none of its entries in force on the day
            in_force = entries_as_of(engine, day)
            if not in_force.snapshots:
                return unavailable_screener("no list snapshot is imported (run `exportctl lists import`)")
            index = ScreeningIndex.build(in_force.entries)
    return screener_over(index, day)


def screener_over(index: ScreeningIndex, day: date) -> PartyScreener:
    """Screen parties with ``index``, the index over the entries in force on ``day`` (``load_index(engine, day)``).

    It must be that as-of index, not one over every entry of the snapshots with hits filtered afterwards: the
    screening scores use each token's rarity among the indexed names, and out-of-force entries take candidate
    places, so a filtered index changes scores and hit counts (Huawei Technologies Co., Ltd. on 2019-06-01:
    10 hits from the as-of index, 8 from the filtered one).
    """

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
                 "score": f"{h.score:.4f}"}
                for h in result.hits[:MAX_HITS_KEPT]
            ],
        }  # fmt: skip

    return screen_party


def make_determiner(engine: Engine, on: date | None = None, *, indexes: ListIndexes | None = None) -> ItemDeterminer:
    """Per item, the determination engine's answer for the application's destination and parties on ``on``
    (parties screened by exact name against the lists in force). Items the engine cannot read give None.

    A long-running caller passes its ``indexes`` (the service's :class:`ListIndexes`): the names then come from the
    list index it already holds instead of loading the entries again; a one-shot caller loads only the entries.
    """
    day = on or datetime.now(UTC).date()
    regulations = load_regulations()
    list_index = indexes.for_date(engine, day) if indexes is not None else None
    in_force = list_index.exact_in_force(day) if list_index is not None else None
    screener = in_force or ExactNameScreener(entries_as_of(engine, day).entries)

    def determine_item(app: ApplicationInput, index: int) -> ItemDetermination | None:
        consignee = next((p for p in app.parties if p.role is PartyRole.ULTIMATE_CONSIGNEE), None)
        if consignee is None:
            return None
        try:
            tx = make_transaction(
                eccn=app.items[index].eccn,
                destination=consignee.country,
                regulations=regulations,
                parties=[(p.role.value, p.name, p.country) for p in app.parties],
                end_use=app.end_use,
                on=day,
            )
        except InputError:
            return None
        result = determine(tx, regulations=regulations, parties_screened=screen_parties(tx, screener))
        return ItemDetermination(
            licence_required=result.license_required is not False,
            reasons=tuple(f"{f.summary} ({f.citation})" for f in result.reasons),
        )

    return determine_item


def no_determination(app: ApplicationInput, index: int) -> ItemDetermination | None:
    """Used when the determination engine is absent: no finding is made about licence necessity."""
    return None
