"""A screener that matches names exactly (after case and punctuation folding): every hit is certain.

Used when no fuzzy screening index is at hand (tests, batch jobs with known names) and as a floor: a party whose
name is written exactly as a listed name or alias is always found, whatever the fuzzy engine scores.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from exportctl.determination.parties import PartyMatch
from exportctl.lists.model import ListEntry

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def fold(name: str) -> str:
    return " ".join(_NON_ALNUM.sub(" ", name.casefold()).split())


class ExactNameScreener:
    """Callable ``(name, country) -> tuple[PartyMatch, ...]`` over a fixed set of entries."""

    def __init__(self, entries: Iterable[ListEntry]) -> None:
        self._by_name: dict[str, list[tuple[ListEntry, str]]] = {}
        for entry in entries:
            for name in entry.names:
                self._by_name.setdefault(fold(name), []).append((entry, name))

    def __call__(self, name: str, country: str | None = None) -> tuple[PartyMatch, ...]:
        return tuple(PartyMatch(entry, 1.0, matched, True) for entry, matched in self._by_name.get(fold(name), ()))
