"""Response models shared by several routers (list entries, snapshots), built from the library's value objects."""

from __future__ import annotations

import builtins
from datetime import date, datetime

from pydantic import BaseModel

from exportctl.lists.model import ListEntry
from exportctl.lists.repository import SnapshotInfo


class AddressOut(BaseModel):
    full: str
    city: str | None = None
    country: str | None = None


class IdentifierOut(BaseModel):
    type: str
    value: str
    country: str | None = None


class EntryOut(BaseModel):
    """One official-list entry, as its source states it. ``license_review_policy`` null = not recorded."""

    entry_id: str
    source: str
    list: str
    primary_name: str
    entry_type: str
    aliases: builtins.list[str]
    addresses: builtins.list[AddressOut]
    country: str | None
    country_name: str | None
    identifiers: builtins.list[IdentifierOut]
    programs: builtins.list[str]
    license_requirement: str | None
    license_review_policy: str | None
    federal_register_citations: builtins.list[str]
    policy_source: str | None = None  # where the review policy came from when not the entry's own file (the CSL)
    policy_citations: builtins.list[str] = []  # that source's FR citations, beside the entry's own
    listed_on: date | None
    removed_on: date | None
    remarks: str | None

    @classmethod
    def of(cls, entry: ListEntry) -> EntryOut:
        return cls(
            entry_id=entry.entry_id,
            source=entry.source,
            list=entry.list.value,
            primary_name=entry.primary_name,
            entry_type=entry.entry_type.value,
            aliases=list(entry.aliases),
            addresses=[AddressOut(full=a.full, city=a.city, country=a.country) for a in entry.addresses],
            country=entry.country,
            country_name=entry.country_name,
            identifiers=[IdentifierOut(type=i.type, value=i.value, country=i.country) for i in entry.identifiers],
            programs=list(entry.programs),
            license_requirement=entry.license_requirement,
            license_review_policy=entry.license_review_policy,
            federal_register_citations=list(entry.federal_register_citations),
            policy_source=entry.policy_source,
            policy_citations=list(entry.policy_citations),
            listed_on=entry.listed_on,
            removed_on=entry.removed_on,
            remarks=entry.remarks,
        )


class EntrySummary(BaseModel):
    entry_id: str
    list: str
    primary_name: str
    country: str | None

    @classmethod
    def of(cls, entry: ListEntry) -> EntrySummary:
        return cls(
            entry_id=entry.entry_id, list=entry.list.value, primary_name=entry.primary_name, country=entry.country
        )


class SnapshotOut(BaseModel):
    id: int
    source: str
    imported_at: datetime
    effective_date: date | None
    in_force_from: date
    file_name: str
    entry_count: int
    counts_by_list: dict[str, int]
    is_current: bool

    @classmethod
    def of(cls, snap: SnapshotInfo) -> SnapshotOut:
        return cls(
            id=snap.id,
            source=snap.source,
            imported_at=snap.imported_at,
            effective_date=snap.effective_date,
            in_force_from=snap.in_force_from,
            file_name=snap.file_name,
            entry_count=snap.entry_count,
            counts_by_list=dict(snap.counts_by_list),
            is_current=snap.is_current,
        )
