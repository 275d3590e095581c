"""Screening parties with the fuzzy screening engine (:mod:`exportctl.screening`) for the determination.

A hit at or above :data:`CERTAIN_SCORE`, or whose matched name equals the query after case and punctuation folding,
is *certain*: the determination treats the party as that entry. Hits between the screening threshold and that bar are
*fuzzy*: the determination reports what would follow and sets ``needs_review``. The bar 0.98 comes from the bundled
Entity List: the exact name and the name without its legal form score 1.0, while a misspelling ("Huawai Technology
Company" → 0.945) or a different listed affiliate ("Xi'an Huawei Technologies Co., Ltd." → 0.935) stays below it.
:func:`~exportctl.determination.service.screen_parties` keeps only the entries in force on the date and, when a
party has a certain hit, drops its fuzzy hits (near-namesakes): the party has been identified.
"""

from __future__ import annotations

from collections.abc import Iterable

from exportctl.determination.exact import fold
from exportctl.determination.parties import PartyMatch
from exportctl.errors import InputError
from exportctl.lists.model import ListEntry
from exportctl.screening import DEFAULT_THRESHOLD, ScreeningIndex, screen

CERTAIN_SCORE = 0.98


class FuzzyScreener:
    """Callable ``(name, country) -> tuple[PartyMatch, ...]`` over a screening index."""

    def __init__(self, index: ScreeningIndex, *, threshold: float = DEFAULT_THRESHOLD, limit: int = 25) -> None:
        self.index = index
        self.threshold = threshold
        self.limit = limit
        self._entries = {entry.entry_id: entry for entry in index.entries}

    @classmethod
    def build(cls, entries: Iterable[ListEntry], *, threshold: float = DEFAULT_THRESHOLD) -> FuzzyScreener:
        return cls(ScreeningIndex.build(entries), threshold=threshold)

    def __call__(self, name: str, country: str | None = None) -> tuple[PartyMatch, ...]:
        try:
            result = screen(self.index, name, country=country, threshold=self.threshold, limit=self.limit)
        except InputError as error:
            if error.field != "country":
                raise
            # A code the screening engine does not know (e.g. XK, user-assigned for Kosovo): screen without the hint.
            result = screen(self.index, name, threshold=self.threshold, limit=self.limit)
        query = fold(name)
        return tuple(
            PartyMatch(
                self._entries[hit.entry_id],
                hit.score,
                hit.matched_name,
                certain=hit.score >= CERTAIN_SCORE or fold(hit.matched_name) == query,
                features=tuple((f.name, f.contribution) for f in hit.features if f.contribution),
            )
            for hit in result.hits
        )
