"""Field-by-field comparison of two versions of one list entry (raw record excluded: it mirrors file layout).

A change is *reformatted* when the two versions say the same thing written differently: a country written as a
code in one file and as a name in the other, or an address split into street/city/postal fields in one file and
flattened into one line (with the country code added) in the other. Real snapshots of one list do this when the
publisher changes format (the 2022 DPL tab file against the 2026 DPL), and a diff that calls every such entry
"changed" hides the amendments users look for. Reformatted changes are still reported, flagged as such.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from exportctl.lists.codec import meaning_dict
from exportctl.lists.countries import country_name, to_iso2
from exportctl.lists.model import ListEntry

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class FieldChange:
    """One field of an entry that differs between two snapshots; values as JSON-ready data."""

    field: str
    before: Any
    after: Any
    reformatted: bool = False


def field_changes(before: ListEntry, after: ListEntry) -> tuple[FieldChange, ...]:
    old, new = meaning_dict(before), meaning_dict(after)
    return tuple(
        FieldChange(name, old[name], new[name], _is_reformatted(name, old[name], new[name]))
        for name in old
        if old[name] != new[name]
    )


def only_reformatted(changes: tuple[FieldChange, ...]) -> bool:
    """True when every change of an entry is a change of form, not of content."""
    return bool(changes) and all(c.reformatted for c in changes)


def describe(change: FieldChange) -> str:
    """``country: 'DE' → 'AT'``, shortening long values; ``(reformatted)`` for changes of form only."""
    text = f"{change.field}: {_short(change.before)} → {_short(change.after)}"
    return f"{text} (reformatted)" if change.reformatted else text


def _is_reformatted(field: str, before: Any, after: Any) -> bool:
    if field == "country_name" and before and after:
        return to_iso2(str(before)) is not None and to_iso2(str(before)) == to_iso2(str(after))
    if field == "addresses" and isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        return all(_address_words(a) == _address_words(b) for a, b in zip(before, after, strict=True))
    return False


def _address_words(address: dict[str, Any]) -> Counter[str]:
    """The words of an address line, without the words that only name its country (code or name)."""
    words = Counter(w.casefold() for w in _WORD.findall(str(address.get("full") or "")))
    for value in (address.get("country"), address.get("country_name")):
        code = to_iso2(str(value)) if value else None
        if code:
            for word in {code.casefold(), *(w.casefold() for w in _WORD.findall(country_name(code)))}:
                words.pop(word, None)
    return words


def _short(value: Any, limit: int = 80) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
