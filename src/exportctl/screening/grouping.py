"""One party, several sources: screening hits grouped by the party they name (issue 23, item 3).

The same party is often listed by several files at once: OFAC's SDN file, the SDN rows of the Consolidated
Screening List (CSL) and OFAC's XML; the eCFR-derived Entity List and the CSL's Entity List rows. Screened, each copy
is a hit of its own, so a result shows near-duplicates. :func:`group_hits` runs after scoring (it changes no score
and drops no hit) and puts together the hits that name one party:

* the same **OFAC entity number**: an ``ofac-sdn`` or ``ofac-consolidated`` entry's own id, or a CSL row of an OFAC
  list whose id is the entity number (the CSL gives OFAC rows their ``entity_number`` as ``_id``; other rows have a
  hash), or
* the same **list, normalised name and country**: the list code (an Entity List entry from the eCFR and one from the
  CSL are both ``entity_list``), the screening normaliser's :func:`~exportctl.screening.party.exact_key` of the
  listed primary name, and the entry's country. A name with nothing to normalise never groups by name, or
* a hit that matched through **another hit's entry's name**, which screening found to be the same party on another
  list (:mod:`~exportctl.screening.same_party`; the hit's ``name_of``).

Two hits sharing any of these are one party (the relation is closed transitively). Each :class:`PartyGroup` shows
its best-scoring hit and lists every source, entry and snapshot that lists the party, best first.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from exportctl.screening.disjoint_sets import DisjointSets
from exportctl.screening.party import exact_key

#: The CSL's lists that OFAC publishes (their rows carry OFAC's entity number).
OFAC_LISTS = frozenset({"sdn", "ssi", "plc", "cap", "ns_mbs", "cmic"})
OFAC_SOURCES = frozenset({"ofac-sdn", "ofac-consolidated"})
_SNAPSHOT_PAIR = re.compile(r"([a-z0-9_-]+)=(\d+)")


class GroupableHit(Protocol):
    """What grouping reads of a hit: a screening :class:`~exportctl.screening.explain.Hit` or a stored
    :class:`~exportctl.screening.party.RecordedHit` (which has no country: it groups by entity number only, or by
    name within the same list)."""

    @property
    def entry_id(self) -> str: ...
    @property
    def list(self) -> str: ...
    @property
    def primary_name(self) -> str: ...
    @property
    def score(self) -> float: ...


H = TypeVar("H", bound=GroupableHit)


@dataclass(frozen=True)
class Listing:
    """One source's entry for the party: the hit's entry, its source and list, and the snapshot it came from."""

    entry_id: str
    source: str
    list: str
    primary_name: str
    score: float
    snapshot_id: int | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "entry_id": self.entry_id,
            "source": self.source,
            "list": self.list,
            "primary_name": self.primary_name,
            "score": round(self.score, 4),
            "snapshot_id": self.snapshot_id,
        }


@dataclass(frozen=True)
class PartyGroup(Generic[H]):
    """The hits that name one party: ``best`` is shown, ``listings`` say every source that lists it."""

    keys: tuple[str, ...]  # what joined them: "ofac:12345", "name:sdn|…|IR"
    best: H
    hits: tuple[H, ...]  # best first
    listings: tuple[Listing, ...]  # one per hit, best first

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(listing.source for listing in self.listings))

    def to_dict(self) -> dict[str, Any]:
        return {
            "entry_id": self.best.entry_id,
            "primary_name": self.best.primary_name,
            "score": round(self.best.score, 4),
            "sources": list(self.sources),
            "listings": [listing.to_dict() for listing in self.listings],
        }


def source_of(hit: GroupableHit) -> str:
    """The importer that produced the hit's entry (the part of the entry id before the first colon)."""
    return str(getattr(hit, "source", "") or hit.entry_id.split(":", 1)[0])


def ofac_number(hit: GroupableHit) -> str | None:
    """OFAC's entity number for the hit's entry, when its id carries one."""
    source, _, own = hit.entry_id.partition(":")
    if source in OFAC_SOURCES:
        return own if own.isdigit() else None
    if source == "csl" and hit.list in OFAC_LISTS:
        code, _, number = own.partition(":")
        return number if code == hit.list and number.isdigit() else None
    return None


def party_keys(hit: GroupableHit) -> tuple[str, ...]:
    """The keys that identify the hit's party; hits sharing any one are the same party."""
    keys = []
    number = ofac_number(hit)
    if number is not None:
        keys.append(f"ofac:{number}")
    name = exact_key(hit.primary_name)
    if name is not None:
        country = getattr(hit, "country", None) or ""
        keys.append(f"name:{hit.list}|{name}|{country}")
    return tuple(keys)


def snapshots_of_key(snapshot_key: str) -> dict[str, int]:
    """Source -> snapshot id, read from an index's ``snapshot_key`` (``…|csl=3,ofac-sdn=5``); empty if it has none."""
    ids = snapshot_key.rsplit("|", 1)[-1]
    return {source: int(number) for source, number in _SNAPSHOT_PAIR.findall(ids)}


def group_hits(hits: Sequence[H], *, snapshots: Mapping[str, int] | None = None) -> tuple[PartyGroup[H], ...]:
    """The hits grouped by party, in the order of each party's best hit (hits come best first or not: each group
    is sorted by score). ``snapshots`` maps a source to the snapshot the hits were searched in."""
    sets = DisjointSets(len(hits))
    first_with: dict[str, int] = {}
    for i, hit in enumerate(hits):
        for key in party_keys(hit):
            sets.join(i, first_with.setdefault(key, i))
    at = {hit.entry_id: i for i, hit in enumerate(hits)}
    for i, hit in enumerate(hits):  # a hit that matched through another list's entry's name is that party's
        through = at.get(getattr(hit, "name_of", None) or "")
        if through is not None:
            sets.join(i, through)
    found = snapshots or {}
    groups = []
    for indexes in sets.groups():
        ordered = sorted((hits[i] for i in indexes), key=lambda h: -h.score)
        keys = tuple(dict.fromkeys(k for h in ordered for k in party_keys(h)))
        listings = tuple(
            Listing(h.entry_id, source_of(h), h.list, h.primary_name, h.score, found.get(source_of(h))) for h in ordered
        )
        groups.append(PartyGroup(keys, ordered[0], tuple(ordered), listings))
    return tuple(sorted(groups, key=lambda g: -g.best.score))
