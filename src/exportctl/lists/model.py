"""The list entry: one entry of one official list, as every importer produces it.

Parsers (``exportctl.lists.sources``) yield :class:`ListEntry` objects; the store keeps them per snapshot; the
screening and determination engines read them. Everything here is a frozen value object: no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class ListCode(StrEnum):
    """Which official list an entry belongs to (one source file can hold several, e.g. the CSL)."""

    ENTITY_LIST = "entity_list"  # BIS Entity List, 15 CFR 744 Supp. 4
    MEU = "meu"  # BIS Military End-User List, 15 CFR 744 Supp. 7
    UVL = "uvl"  # BIS Unverified List, 15 CFR 744 Supp. 6
    DPL = "dpl"  # BIS Denied Persons List
    SDN = "sdn"  # OFAC Specially Designated Nationals
    SSI = "ssi"  # OFAC Sectoral Sanctions Identifications
    PLC = "plc"  # OFAC Palestinian Legislative Council list
    CAP = "cap"  # OFAC Correspondent Account or Payable-Through Account Sanctions
    NS_MBS = "ns_mbs"  # OFAC Non-SDN Menu-Based Sanctions
    CMIC = "cmic"  # OFAC Non-SDN Chinese Military-Industrial Complex Companies
    ISN = "isn"  # State Dept. Nonproliferation Sanctions
    DTC = "dtc"  # State Dept. ITAR Debarred
    UN = "un"  # UN Security Council Consolidated List
    UK_OFSI = "uk_ofsi"  # UK HM Treasury / OFSI Consolidated List of Financial Sanctions Targets
    FCC = "fcc"  # FCC Covered List
    OTHER = "other"


class EntryType(StrEnum):
    ENTITY = "entity"
    INDIVIDUAL = "individual"
    VESSEL = "vessel"
    AIRCRAFT = "aircraft"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Address:
    """An address as listed; ``full`` keeps the text exactly as the source wrote it."""

    full: str
    street: str | None = None
    city: str | None = None
    state: str | None = None
    postal_code: str | None = None
    country: str | None = None  # ISO 3166 alpha-2 when resolvable
    country_name: str | None = None  # as written in the source


@dataclass(frozen=True)
class Identifier:
    """An identifier (passport, registration number, IMO number, …) as listed."""

    type: str
    value: str
    country: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class ListEntry:
    """One entry of one official list, with everything the source says about it.

    ``entry_id`` is stable across snapshots of the same source: ``"{source}:{source_id}"``. Where the source has
    no id of its own, ``source_id`` is derived from the entry's content (normalised primary name and country), so
    the same listed party keeps its id from one snapshot to the next.

    ``license_review_policy`` is ``None`` when no source records it: it means *unknown*, never "no policy". The
    eCFR-derived Entity List has none of its own; it takes the CSL's (``policy_source`` says which CSL row).
    """

    source: str  # importer name: "entity-list", "csl", "ofac-sdn", "dpl", "un", "meu", "fcc-covered"
    source_id: str
    list: ListCode
    primary_name: str
    entry_type: EntryType = EntryType.UNKNOWN
    aliases: tuple[str, ...] = ()
    addresses: tuple[Address, ...] = ()
    country: str | None = None  # ISO 3166 alpha-2 of the entry's (first) country, when resolvable
    country_name: str | None = None  # as written in the source
    identifiers: tuple[Identifier, ...] = ()
    programs: tuple[str, ...] = ()
    license_requirement: str | None = None
    license_review_policy: str | None = None
    federal_register_citations: tuple[str, ...] = ()
    # Where the licence requirement / review policy came from when not from the entry's own file, e.g. the CSL's
    # Entity List row matched to an eCFR-derived entry; that row's FR citations are kept apart from the entry's own.
    policy_source: str | None = None
    policy_citations: tuple[str, ...] = ()
    listed_on: date | None = None  # the entry's own date, else the date of its first FR citation
    removed_on: date | None = None  # end date when the source gives one (e.g. a DPL order's expiry)
    remarks: str | None = None
    raw: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def entry_id(self) -> str:
        return f"{self.source}:{self.source_id}"

    @property
    def names(self) -> tuple[str, ...]:
        """The primary name followed by every alias, without duplicates."""
        seen: dict[str, None] = {self.primary_name: None}
        for alias in self.aliases:
            seen.setdefault(alias, None)
        return tuple(seen)
