"""Screening one party: the one way determination, application submission and shipments screen a name.

:class:`PartyScreener` runs the screening engine (:func:`~exportctl.screening.engine.screen`) over an index and
turns each hit into a :class:`PartyMatch`: the list entry, the float score, the matched name, each feature's
contribution, and whether the match is *certain* (the party *is* that entry) or *fuzzy* (similar enough to report,
not enough to decide: a person must confirm).

A hit is certain when it scores at least :data:`CERTAIN_SCORE`, or when the matched name and the query have the
same :func:`exact_key` — the screening normaliser's reading of the name (:func:`~exportctl.screening.normalize.
analyze`: case, diacritics, punctuation, script and legal forms), never an empty key: a name with nothing to match
on (only punctuation, or a script the normaliser cannot read) is never an exact match of anything. The bar 0.98
comes from the bundled Entity List: the exact name and the name without its legal form score 1.0, while a
misspelling ("Huawai Technology Company" → 0.945) or a different listed affiliate ("Xi'an Huawei Technologies Co.,
Ltd." → 0.935) stays below it.

:class:`ScreeningRecord` is what an application keeps of a party's screening at submission: typed, frozen, with the
snapshot ids searched, and a JSON form for the store (:meth:`ScreeningRecord.to_json`, :meth:`ScreeningRecord.
from_json`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Literal

from exportctl.errors import InputError
from exportctl.lists.attribution import attribution_of
from exportctl.lists.model import ListEntry
from exportctl.screening.engine import DEFAULT_THRESHOLD, screen
from exportctl.screening.index import ScreeningIndex
from exportctl.screening.normalize import analyze

CERTAIN_SCORE = 0.98
MAX_HITS_KEPT = 5  # hits a submission record keeps per party


def exact_key(name: str) -> str | None:
    """The normalised form two names must share to be the same name; None when the name has nothing to match on.

    It is the first reading of the screening normaliser (Latin text as folded, other scripts romanised) with the
    legal forms it found, so "HUAWEI TECHNOLOGIES CO., LTD." and "Huawei Technologies Co Ltd" share a key, while
    "Huawei Technologies" (no legal form) does not.
    """
    analyzed = analyze(name)
    if analyzed.is_empty:
        return None
    return " ".join(analyzed.variants[0].tokens) + " |" + "".join(f" {form}" for form in sorted(analyzed.forms))


@dataclass(frozen=True, slots=True)
class PartyMatch:
    """One list entry a party's name matched: the screening score, the name that matched, whether the match is
    certain, and each feature's contribution to the score."""

    entry: ListEntry
    score: float
    matched_name: str
    certain: bool
    features: tuple[tuple[str, float], ...] = ()  # (feature, contribution to the score) from the screening engine

    @property
    def entry_id(self) -> str:
        return self.entry.entry_id

    @property
    def list(self) -> str:
        return self.entry.list.value

    @property
    def primary_name(self) -> str:
        return self.entry.primary_name

    @property
    def country(self) -> str | None:
        return self.entry.country

    @property
    def source(self) -> str:
        return self.entry.source

    def to_dict(self) -> dict[str, Any]:
        return {
            "entry_id": self.entry.entry_id,
            "list": self.entry.list.value,
            "primary_name": self.entry.primary_name,
            "matched_name": self.matched_name,
            "score": round(self.score, 4),
            "certain": self.certain,
            "listed_on": self.entry.listed_on.isoformat() if self.entry.listed_on else None,
            "federal_register_citations": list(self.entry.federal_register_citations),
            "source": self.entry.source,
            "attribution": attribution_of(self.entry.source),
            "features": [{"name": name, "contribution": round(value, 4)} for name, value in self.features],
        }


def is_certain(query_key: str | None, score: float, matched_name: str) -> bool:
    """Certain: scored at least :data:`CERTAIN_SCORE`, or the same non-empty :func:`exact_key` as the query."""
    return score >= CERTAIN_SCORE or (query_key is not None and exact_key(matched_name) == query_key)


class PartyScreener:
    """Callable ``(name, country) -> tuple[PartyMatch, ...]`` over a screening index, best first.

    ``snapshot_ids`` are the list snapshots the index was built from; they are recorded with every
    :class:`ScreeningRecord` so that a stored screening says what it searched.
    """

    def __init__(
        self,
        index: ScreeningIndex,
        snapshot_ids: Sequence[int] = (),
        *,
        threshold: float = DEFAULT_THRESHOLD,
        limit: int = 25,
    ) -> None:
        self.index = index
        self.snapshot_ids = tuple(sorted(snapshot_ids))
        self.threshold = threshold
        self.limit = limit
        self._entries = {entry.entry_id: entry for entry in index.entries}

    def __call__(self, name: str, country: str | None = None) -> tuple[PartyMatch, ...]:
        try:
            result = screen(self.index, name, country=country, threshold=self.threshold, limit=self.limit)
        except InputError as error:
            if error.field != "country":
                raise
            # A code the screening engine does not know (e.g. XK, user-assigned for Kosovo): screen without the hint.
            result = screen(self.index, name, threshold=self.threshold, limit=self.limit)
        query = exact_key(name)
        return tuple(
            PartyMatch(
                self._entries[hit.entry_id],
                hit.score,
                hit.matched_name,
                certain=is_certain(query, hit.score, hit.matched_name),
                features=tuple((f.name, f.contribution) for f in hit.features if f.contribution),
            )
            for hit in result.hits
        )

    def record(self, name: str, country: str | None, as_of: date) -> ScreeningRecord:
        """What a submission keeps of screening ``name``: the best :data:`MAX_HITS_KEPT` hits, or why none."""
        try:
            matches = self(name, country)
        except InputError as exc:
            return ScreeningRecord.not_screened(str(exc), as_of=as_of)
        return ScreeningRecord(
            status="screened",
            as_of=as_of,
            snapshot_ids=self.snapshot_ids,
            hit_count=len(matches),
            hits=tuple(RecordedHit.of(m) for m in matches[:MAX_HITS_KEPT]),
        )


class ExactNameScreener:
    """Callable ``(name, country) -> tuple[PartyMatch, ...]``: the entries with a name of the same non-empty
    :func:`exact_key` (every hit certain, score 1.0). For callers without an index (tests, known names)."""

    def __init__(self, entries: Iterable[ListEntry]) -> None:
        self._by_key: dict[str, list[tuple[ListEntry, str]]] = {}
        for entry in entries:
            for name in entry.names:
                key = exact_key(name)
                if key is not None:
                    self._by_key.setdefault(key, []).append((entry, name))

    def __call__(self, name: str, country: str | None = None) -> tuple[PartyMatch, ...]:
        key = exact_key(name)
        found = self._by_key.get(key, []) if key is not None else []
        return tuple(PartyMatch(entry, 1.0, matched, True) for entry, matched in found)


@dataclass(frozen=True, slots=True)
class RecordedHit:
    """One hit as an application keeps it: enough to show and explain it without the list entry."""

    entry_id: str
    list: str
    primary_name: str
    matched_name: str
    score: float
    certain: bool
    features: tuple[tuple[str, float], ...] = ()

    @classmethod
    def of(cls, match: PartyMatch) -> RecordedHit:
        entry = match.entry
        return cls(
            entry.entry_id, entry.list.value, entry.primary_name, match.matched_name, match.score, match.certain,
            match.features,
        )  # fmt: skip

    def to_json(self) -> dict[str, Any]:
        return {
            "entry_id": self.entry_id,
            "list": self.list,
            "name": self.primary_name,
            "matched_name": self.matched_name,
            "score": self.score,
            "certain": self.certain,
            "features": [{"name": n, "contribution": c} for n, c in self.features],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> RecordedHit:
        """Read a stored hit; rows written before the typed record kept the score as a string and no features."""
        return cls(
            entry_id=str(data["entry_id"]),
            list=str(data["list"]),
            primary_name=str(data.get("name") or data.get("primary_name") or ""),
            matched_name=str(data.get("matched_name") or ""),
            score=float(data["score"]),
            certain=bool(data.get("certain", False)),
            features=tuple((str(f["name"]), float(f["contribution"])) for f in data.get("features") or ()),
        )


Status = Literal["screened", "not_screened"]


@dataclass(frozen=True, slots=True)
class ScreeningRecord:
    """A party's screening as stored with an application: ``not_screened`` (with the reason) proves nothing."""

    status: Status
    as_of: date | None
    snapshot_ids: tuple[int, ...] = ()
    hit_count: int | None = None
    hits: tuple[RecordedHit, ...] = ()
    reason: str | None = None

    @classmethod
    def not_screened(cls, reason: str, *, as_of: date | None = None) -> ScreeningRecord:
        return cls("not_screened", as_of, reason=reason)

    def to_json(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "snapshot_ids": list(self.snapshot_ids),
            "hit_count": self.hit_count,
            "hits": [h.to_json() for h in self.hits],
            "reason": self.reason,
        }

    def to_audit(self) -> dict[str, Any]:
        """:meth:`to_json` for an audit event, which stores exact values only: scores and contributions as
        decimals of four places."""
        data = self.to_json()
        for hit in data["hits"]:
            hit["score"] = _exact(hit["score"])
            hit["features"] = [{**f, "contribution": _exact(f["contribution"])} for f in hit["features"]]
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ScreeningRecord:
        status = data.get("status")
        if status not in ("screened", "not_screened"):
            raise InputError(f"stored screening has status {status!r}, expected 'screened' or 'not_screened'")
        as_of = data.get("as_of")
        hit_count = data.get("hit_count")
        return cls(
            status=status,
            as_of=date.fromisoformat(as_of) if as_of else None,
            snapshot_ids=tuple(int(i) for i in data.get("snapshot_ids") or ()),
            hit_count=int(hit_count) if hit_count is not None else None,
            hits=tuple(RecordedHit.from_json(h) for h in data.get("hits") or ()),
            reason=data.get("reason"),
        )


def _exact(value: float) -> Decimal:
    return Decimal(f"{value:.4f}")


def stored_screening(data: Mapping[str, Any] | None) -> ScreeningRecord | None:
    """The record kept in a store's JSON column (None: the party was never screened)."""
    return ScreeningRecord.from_json(data) if data is not None else None
