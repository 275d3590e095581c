"""Field-by-field comparison of two versions of one list entry (raw record excluded: it mirrors file layout)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from exportctl.lists.codec import meaning_dict
from exportctl.lists.model import ListEntry


@dataclass(frozen=True)
class FieldChange:
    """One field of an entry that differs between two snapshots; values as JSON-ready data."""

    field: str
    before: Any
    after: Any


def field_changes(before: ListEntry, after: ListEntry) -> tuple[FieldChange, ...]:
    old, new = meaning_dict(before), meaning_dict(after)
    return tuple(FieldChange(name, old[name], new[name]) for name in old if old[name] != new[name])


def describe(change: FieldChange) -> str:
    """``country: 'DE' → 'AT'``, shortening long values."""
    return f"{change.field}: {_short(change.before)} → {_short(change.after)}"


def _short(value: Any, limit: int = 80) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
