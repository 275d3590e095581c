"""What the register holds and shows: a party's data, its fingerprint, alerts and runs, as frozen values.

A party's *fingerprint* covers exactly the data screening reads or a reviewer judges by (names, country, address,
identifiers); an entry's covers its names, aliases, addresses, country, identifiers and programmes. A cleared alert
stays cleared while both fingerprints and the matcher version are what they were when it was cleared.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from exportctl.errors import InputError
from exportctl.lists.model import ListEntry
from exportctl.screening.engine import DEFAULT_THRESHOLD
from exportctl.screening.index import INDEX_FORMAT

MATCHER_VERSION = f"index-{INDEX_FORMAT}/threshold-{DEFAULT_THRESHOLD}"
"""The screening engine's version as the register records it with every alert: a new index format (the analysis
changed) or a new threshold reopens cleared alerts."""


class CounterpartyRole(StrEnum):
    """What a register party is to the organisation (not a transaction role: that is
    :class:`exportctl.determination.parties.PartyRole`; :mod:`exportctl.parties.holds` maps one to the other)."""

    CUSTOMER = "customer"
    SUPPLIER = "supplier"
    CONSIGNEE = "consignee"
    END_USER = "end_user"
    OTHER = "other"


class AlertState(StrEnum):
    OPEN = "open"
    CLEARED = "cleared"  # not the same party (a reason is required)
    CONFIRMED = "confirmed"  # the same party: a true match
    ESCALATED = "escalated"  # someone else must decide


HOLDING_STATES = frozenset({AlertState.OPEN, AlertState.CONFIRMED, AlertState.ESCALATED})
"""Alert states that hold a shipment: anything not cleared."""


def fingerprint(data: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class PartyData:
    """One party as an organisation describes it; ``external_id`` is the organisation's own id."""

    external_id: str
    name: str
    other_names: tuple[str, ...] = ()
    country: str | None = None
    address: str = ""
    identifiers: tuple[str, ...] = ()
    role: CounterpartyRole = CounterpartyRole.OTHER

    def __post_init__(self) -> None:
        if not self.external_id.strip():
            raise InputError("a party needs an id", field="id")
        if not self.name.strip():
            raise InputError("a party without a name cannot be screened", field="name")
        if self.country is not None and (len(self.country) != 2 or not self.country.isalpha()):
            raise InputError(f"country {self.country!r} is not an ISO 3166 alpha-2 code", field="country")

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((self.name, *self.other_names)))

    def screened_data(self) -> dict[str, Any]:
        """The data screening and reviewers judge by (the fingerprint's content)."""
        return {
            "name": self.name,
            "other_names": list(self.other_names),
            "country": self.country,
            "address": self.address,
            "identifiers": list(self.identifiers),
        }

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.screened_data())


def entry_data(entry: ListEntry) -> dict[str, Any]:
    """The entry data a clearance depends on: names, aliases, addresses, country, identifiers, programmes."""
    return {
        "list": entry.list.value,
        "name": entry.primary_name,
        "aliases": list(entry.aliases),
        "addresses": [a.full for a in entry.addresses],
        "country": entry.country,
        "identifiers": [f"{i.type}: {i.value}" + (f" ({i.country})" if i.country else "") for i in entry.identifiers],
        "programs": list(entry.programs),
    }


def data_diff(before: dict[str, Any] | None, after: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The fields that differ: ``{field: {"before": …, "after": …}}``."""
    old = before or {}
    return {
        key: {"before": old.get(key), "after": after.get(key)}
        for key in sorted(set(old) | set(after))
        if old.get(key) != after.get(key)
    }


@dataclass(frozen=True)
class PartyView:
    id: int
    organisation_id: int
    external_id: str
    name: str
    other_names: tuple[str, ...]
    country: str | None
    address: str
    identifiers: tuple[str, ...]
    role: str
    version: int
    deleted: bool
    screened: bool  # screened with its current data and the current matcher


@dataclass(frozen=True)
class AlertView:
    id: int
    organisation_id: int
    party_id: int
    party_external_id: str
    party_name: str
    entry_key: str
    list_code: str
    entry_name: str
    query_name: str
    matched_name: str
    score: float
    state: str
    still_matching: bool
    explanation: dict[str, Any]
    party_data: dict[str, Any]
    entry_data: dict[str, Any]
    reason: str | None
    decided_by: int | None
    decided_at: datetime | None
    review_by: date | None
    changes: dict[str, Any] | None
    created_at: datetime
    updated_at: datetime
    data_changed_at: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "party": {"id": self.party_external_id, "name": self.party_name},
            "entry_key": self.entry_key,
            "list": self.list_code,
            "entry_name": self.entry_name,
            "query_name": self.query_name,
            "matched_name": self.matched_name,
            "score": round(self.score, 4),
            "state": self.state,
            "still_matching": self.still_matching,
            "explanation": self.explanation,
            "party_data": self.party_data,
            "entry_data": self.entry_data,
            "reason": self.reason,
            "decided_by": self.decided_by,
            "decided_at": self.decided_at.isoformat() if self.decided_at else None,
            "review_by": self.review_by.isoformat() if self.review_by else None,
            "changes": self.changes,
            "created_at": self.created_at.isoformat(),
            "updated_at": self.updated_at.isoformat(),
        }


@dataclass(frozen=True)
class RunReport:
    """What one screening run of a register did."""

    organisation_id: int
    kind: str  # full | delta
    as_of: date
    snapshot_ids: tuple[int, ...]
    matcher: str
    parties_screened: int  # parties screened against every entry (new, changed, or all on a full run)
    entries_changed: int  # new or changed entries screened against the rest of the register
    candidate_parties: int  # unchanged parties re-screened because they share a word with a changed entry
    pairs_found: int
    alerts_opened: int
    alerts_reopened: int
    seconds: float
    notes: tuple[str, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        return {
            "organisation_id": self.organisation_id,
            "kind": self.kind,
            "as_of": self.as_of.isoformat(),
            "snapshot_ids": list(self.snapshot_ids),
            "matcher": self.matcher,
            "parties_screened": self.parties_screened,
            "entries_changed": self.entries_changed,
            "candidate_parties": self.candidate_parties,
            "pairs_found": self.pairs_found,
            "alerts_opened": self.alerts_opened,
            "alerts_reopened": self.alerts_reopened,
            "seconds": round(self.seconds, 3),
            "notes": list(self.notes),
        }
