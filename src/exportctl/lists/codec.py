"""ListEntry ⇄ JSON, as the store keeps it.

The store writes each entry once as compact JSON text and reads it back with ``json.loads`` plus a few dataclass
constructors: loading every current entry (~20,000) must stay well under a second. ``meaning_hash`` hashes an entry
without its raw record, so two snapshots whose files differ only in layout (tab file vs CSV) compare equal where
the entry's meaning is equal.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from datetime import date
from typing import Any

from exportctl.lists.model import Address, EntryType, Identifier, ListCode, ListEntry

RAW_KEY = "raw"


def entry_to_dict(entry: ListEntry) -> dict[str, Any]:
    """A JSON-ready dict of every field (dates as ISO strings, enums as their values, tuples as lists)."""
    data = asdict(entry)
    data["list"] = entry.list.value
    data["entry_type"] = entry.entry_type.value
    data["listed_on"] = entry.listed_on.isoformat() if entry.listed_on else None
    data["removed_on"] = entry.removed_on.isoformat() if entry.removed_on else None
    return data


def entry_to_json(entry: ListEntry) -> str:
    return json.dumps(entry_to_dict(entry), ensure_ascii=False, separators=(",", ":"))


def entry_from_dict(data: dict[str, Any]) -> ListEntry:
    return ListEntry(
        source=data["source"],
        source_id=data["source_id"],
        list=ListCode(data["list"]),
        primary_name=data["primary_name"],
        entry_type=EntryType(data["entry_type"]),
        aliases=tuple(data["aliases"]),
        addresses=tuple(Address(**a) for a in data["addresses"]),
        country=data["country"],
        country_name=data["country_name"],
        identifiers=tuple(Identifier(**i) for i in data["identifiers"]),
        programs=tuple(data["programs"]),
        license_requirement=data["license_requirement"],
        license_review_policy=data["license_review_policy"],
        federal_register_citations=tuple(data["federal_register_citations"]),
        listed_on=date.fromisoformat(data["listed_on"]) if data["listed_on"] else None,
        removed_on=date.fromisoformat(data["removed_on"]) if data["removed_on"] else None,
        remarks=data["remarks"],
        raw=data[RAW_KEY],
    )


def entry_from_json(text: str) -> ListEntry:
    return entry_from_dict(json.loads(text))


def meaning_dict(entry: ListEntry) -> dict[str, Any]:
    """The entry's fields that carry meaning: everything but the raw record."""
    data = entry_to_dict(entry)
    del data[RAW_KEY]
    return data


def meaning_hash(entry: ListEntry) -> str:
    text = json.dumps(meaning_dict(entry), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
