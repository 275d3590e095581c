"""ListEntry ⇄ JSON, as the store keeps it.

The store writes each entry once as compact JSON text (empty values left out) and reads it back with
``json.loads`` plus a few dataclass constructors: loading every current entry (~14,000 bundled) must stay well
under a second. ``meaning_hash`` hashes an entry without its raw record, so two snapshots whose files differ only in
layout (tab file vs CSV) compare equal where the entry's meaning is equal.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import MISSING, fields
from datetime import date
from typing import Any, TypeVar

from exportctl.lists.model import Address, EntryType, Identifier, ListCode, ListEntry

RAW_KEY = "raw"
T = TypeVar("T")
_SCALARS = (
    "source", "source_id", "primary_name", "country", "country_name", "license_requirement",
    "license_review_policy", "remarks", "policy_source",
)  # fmt: skip
_TUPLES = ("aliases", "programs", "federal_register_citations", "policy_citations")


def _compact(obj: Address | Identifier) -> dict[str, Any]:
    return {k: v for k, v in vars(obj).items() if v is not None}


def entry_to_dict(entry: ListEntry) -> dict[str, Any]:
    """Every field as JSON-ready data: dates as ISO strings, enums as values, tuples as lists; empty ones left out."""
    data: dict[str, Any] = {"list": entry.list.value, "entry_type": entry.entry_type.value}
    for name in _SCALARS:
        value = getattr(entry, name)
        if value is not None:
            data[name] = value
    for name in _TUPLES:
        if values := getattr(entry, name):
            data[name] = list(values)
    if entry.addresses:
        data["addresses"] = [_compact(a) for a in entry.addresses]
    if entry.identifiers:
        data["identifiers"] = [_compact(i) for i in entry.identifiers]
    if entry.listed_on:
        data["listed_on"] = entry.listed_on.isoformat()
    if entry.removed_on:
        data["removed_on"] = entry.removed_on.isoformat()
    if entry.raw:
        data[RAW_KEY] = entry.raw
    return data


def entry_to_json(entry: ListEntry) -> str:
    return json.dumps(entry_to_dict(entry), ensure_ascii=False, separators=(",", ":"))


def _defaults(cls: type[Any]) -> dict[str, Any]:
    return {f.name: f.default for f in fields(cls) if f.default is not MISSING}


_ADDRESS_DEFAULTS = _defaults(Address)
_IDENTIFIER_DEFAULTS = _defaults(Identifier)
_ENTRY_DEFAULTS = _defaults(ListEntry)


def _build(cls: type[T], defaults: dict[str, Any], values: dict[str, Any]) -> T:
    """Make a frozen dataclass from already-validated stored values without running its ``__init__``.

    A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``; for ~14,000 entries with
    their addresses that is most of the load time. The model classes have no ``__post_init__``, so giving the
    instance its attribute dict directly yields an identical object.
    """
    obj = object.__new__(cls)
    object.__setattr__(obj, "__dict__", {**defaults, **values})
    return obj


def entry_from_dict(data: dict[str, Any]) -> ListEntry:
    """Rebuild an entry from :func:`entry_to_dict` output (``data`` is consumed: it becomes the entry's fields)."""
    get = data.get
    data["list"] = ListCode(data["list"])
    data["entry_type"] = EntryType(data["entry_type"])
    for name in _TUPLES:
        if name in data:
            data[name] = tuple(data[name])
    if "addresses" in data:
        data["addresses"] = tuple([_build(Address, _ADDRESS_DEFAULTS, a) for a in data["addresses"]])
    if "identifiers" in data:
        data["identifiers"] = tuple([_build(Identifier, _IDENTIFIER_DEFAULTS, i) for i in data["identifiers"]])
    if listed_on := get("listed_on"):
        data["listed_on"] = date.fromisoformat(listed_on)
    if removed_on := get("removed_on"):
        data["removed_on"] = date.fromisoformat(removed_on)
    if RAW_KEY not in data:
        data[RAW_KEY] = {}  # a default_factory field: a fresh dict per entry
    return _build(ListEntry, _ENTRY_DEFAULTS, data)


def entry_from_json(text: str) -> ListEntry:
    return entry_from_dict(json.loads(text))


def meaning_dict(entry: ListEntry) -> dict[str, Any]:
    """Every field but the raw record, each one present (``None`` / ``[]`` when empty): the basis of diffs."""
    data = entry_to_dict(entry)
    data.pop(RAW_KEY, None)
    full: dict[str, Any] = {name: None for name in (*_SCALARS, "listed_on", "removed_on")}
    full.update({name: [] for name in (*_TUPLES, "addresses", "identifiers")})
    full.update(data)
    full["addresses"] = [vars(a).copy() for a in entry.addresses]
    full["identifiers"] = [vars(i).copy() for i in entry.identifiers]
    return full


def stored_forms(entry: ListEntry) -> tuple[str, str]:
    """(JSON text to store, meaning hash) computed from one conversion of the entry."""
    data = entry_to_dict(entry)
    raw = data.pop(RAW_KEY, None)
    digest = hashlib.sha256(json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()
    if raw is not None:
        data[RAW_KEY] = raw
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")), digest


def meaning_hash(entry: ListEntry) -> str:
    return stored_forms(entry)[1]
