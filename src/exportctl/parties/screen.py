"""The pure part of a register run: parties in, (party, entry) pairs at or above the threshold out.

The same function screens a register here and on a Dask worker (:mod:`.distributed`): an index and plain values in,
pairs out, no database.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from exportctl.errors import InputError
from exportctl.screening.engine import DEFAULT_THRESHOLD, normalize_country, screen_queries
from exportctl.screening.explain import Hit
from exportctl.screening.features import Query
from exportctl.screening.gc_pause import cyclic_gc_paused
from exportctl.screening.index import ScreeningIndex
from exportctl.store.parties_tables import RegisterParty

HITS_PER_NAME = 25
CHUNK = 256  # names screened per blocking pass

Progress = Callable[[str, int, int], None]
"""(stage, done, total): called as a run screens."""


@dataclass(frozen=True)
class PartyToScreen:
    id: int
    fingerprint: str
    names: tuple[str, ...]
    country: str | None
    data: dict[str, Any]


@dataclass(frozen=True)
class PairHit:
    party_id: int
    entry_key: str
    query_name: str
    hit: Hit


def party_to_screen(row: RegisterParty) -> PartyToScreen:
    names = tuple(dict.fromkeys((row.name, *row.other_names)))
    data = {
        "name": row.name,
        "other_names": list(row.other_names),
        "country": row.country,
        "address": row.address,
        "identifiers": list(row.identifiers),
    }
    return PartyToScreen(row.id, row.fingerprint, names, row.country, data)


def _query(name: str, country: str | None) -> Query:
    try:
        return Query(name, normalize_country(country))
    except InputError:
        return Query(name)


def screen_parties(
    index: ScreeningIndex,
    parties: Sequence[PartyToScreen],
    *,
    only_entries: set[str] | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    progress: Progress | None = None,
    stage: str = "parties",
) -> dict[tuple[int, str], PairHit]:
    """Every (party, entry) pair at or above ``threshold`` (the best of the party's names per entry); with
    ``only_entries``, only pairs with those entries. Pure: an index and plain values in, pairs out."""
    # each distinct (name, country) is screened once; a party's hit on an entry comes from its best-scoring name,
    # the first of its names on a tie (whichever other parties share the name)
    by_query: dict[tuple[str, str | None], list[tuple[int, int]]] = {}
    for party in parties:
        for position, name in enumerate(party.names):
            by_query.setdefault((name, party.country), []).append((party.id, position))
    work = list(by_query.items())
    found: dict[tuple[int, str], PairHit] = {}
    rank: dict[tuple[int, str], tuple[float, int]] = {}
    for start in range(0, len(work), CHUNK):
        chunk = work[start : start + CHUNK]
        with cyclic_gc_paused():
            results = screen_queries(
                index, [_query(name, country) for (name, country), _ in chunk], threshold=threshold, limit=HITS_PER_NAME
            )
        for ((name, _), party_ids), result in zip(chunk, results, strict=True):
            if isinstance(result, InputError):
                continue  # a name with nothing to match on (e.g. only punctuation): the others still screen
            for hit in result.hits:
                if only_entries is not None and hit.entry_id not in only_entries:
                    continue
                for party_id, position in party_ids:
                    key, order = (party_id, hit.entry_id), (-hit.score, position)
                    if key not in rank or order < rank[key]:
                        rank[key] = order
                        found[key] = PairHit(party_id, hit.entry_id, name, hit)
        if progress is not None:
            progress(stage, min(start + CHUNK, len(work)), len(work))
    return found
