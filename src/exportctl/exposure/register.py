"""Inventory vendors in the counterparty register: one way to screen a party.

An inventory import (equipment or contracts) syncs the organisation's distinct vendor names into its register, in
the import's own transaction (:func:`sync_vendors`): one party per normalised name (external id
``vendor:<normalised name>``, role supplier; spellings that differ only in case or punctuation are one party, the
others kept as its other names). A party whose data is unchanged is left alone (re-importing the same file changes
nothing). A ``vendor:`` party whose names are no longer in the inventory is *deleted* from the register with its
history and alerts kept: the register mirrors the inventory, and a vendor the operator no longer runs should not
raise alerts on every list update; importing it again brings the same party (and its alert decisions) back.

After the import commits, :func:`screen_registered_vendors` runs the register's delta screening of the organisation
(:func:`exportctl.parties.rescreen`), so alerts exist at once; later list imports and updates rescreen every
register (``after_lists_changed``) and raise new alerts for vendors like for any counterparty. With no list
imported the vendors stay in the register, unscreened (the watch says so), until the first list import screens
them. :func:`vendor_parties_with_alerts` is what the watch reads.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from exportctl.audit.chain import AuditActor
from exportctl.determination.list_index import ListIndexes
from exportctl.errors import NotFoundError
from exportctl.lists.identity import normalise_name, short_hash
from exportctl.parties import (
    MATCHER_VERSION,
    AlertView,
    CounterpartyRole,
    PartyData,
    RunReport,
    delete_party,
    rescreen,
    upsert_parties,
)
from exportctl.parties.alerts import alert_view
from exportctl.store.exposure_tables import ExposureContract, ExposureEquipment
from exportctl.store.parties_tables import PartyAlert, PartyScreeningRun, RegisterParty

VENDOR_PREFIX = "vendor:"
_MAX_ID = 200  # register_parties.external_id


def vendor_party_id(name: str) -> str:
    """``vendor:<normalised name>`` (hash-shortened when it would not fit; a name of no ASCII letters by its hash)."""
    normal = normalise_name(name) or f"#{short_hash(name.strip(), 12)}"
    key = f"{VENDOR_PREFIX}{normal}"
    if len(key) > _MAX_ID:
        key = f"{key[: _MAX_ID - 13].rstrip()}~{short_hash(normal, 12)}"
    return key


def vendor_parties(names: Iterable[str]) -> list[PartyData]:
    """One supplier party per normalised vendor name, in id order; its name is the first spelling (sorted)."""
    grouped: dict[str, list[str]] = {}
    for name in sorted({n.strip() for n in names if n.strip()}):
        grouped.setdefault(vendor_party_id(name), []).append(name)
    return [
        PartyData(key, spellings[0], other_names=tuple(spellings[1:]), role=CounterpartyRole.SUPPLIER)
        for key, spellings in sorted(grouped.items())
    ]


@dataclass(frozen=True)
class VendorSync:
    """What an import did to the register's vendor parties."""

    created: int
    updated: int
    unchanged: int
    deleted: int

    def to_dict(self) -> dict[str, int]:
        return {"created": self.created, "updated": self.updated, "unchanged": self.unchanged, "deleted": self.deleted}


def inventory_vendor_names(session: Session, *, organisation_id: int) -> set[str]:
    """The distinct vendor names of the organisation's equipment and contracts, read in ``session``."""
    e, c = ExposureEquipment.__table__.c, ExposureContract.__table__.c
    names = set(session.scalars(select(e.vendor).where(e.organisation_id == organisation_id).distinct()))
    names |= set(session.scalars(select(c.vendor).where(c.organisation_id == organisation_id).distinct()))
    return names


def sync_vendors(session: Session, *, organisation_id: int, actor: AuditActor | None = None) -> VendorSync:
    """Make the register's ``vendor:`` parties those of the stored inventory, in the caller's transaction."""
    wanted = vendor_parties(inventory_vendor_names(session, organisation_id=organisation_id))
    result = upsert_parties(session, wanted, organisation_id=organisation_id, actor=actor)
    keep = {p.external_id for p in wanted}
    live = session.scalars(
        select(RegisterParty.external_id).where(
            RegisterParty.organisation_id == organisation_id,
            RegisterParty.external_id.startswith(VENDOR_PREFIX, autoescape=True),
            RegisterParty.deleted_at.is_(None),
        )
    ).all()
    gone = sorted(set(live) - keep)
    for external_id in gone:
        delete_party(session, external_id, organisation_id=organisation_id, actor=actor)
    return VendorSync(result.created, result.updated, result.unchanged, len(gone))


def screen_registered_vendors(
    engine: Engine, *, organisation_id: int, on: date, indexes: ListIndexes | None = None
) -> RunReport | None:
    """The register's delta run of the organisation (new or changed vendor parties against every entry in force on
    ``on``); None when no list is imported (the vendors are screened by the first list import's run)."""
    try:
        return rescreen(engine, organisation_id=organisation_id, as_of=on, indexes=indexes)
    except NotFoundError:
        return None


@dataclass(frozen=True)
class VendorParty:
    """An inventory vendor as the register holds it, with its alerts (newest first)."""

    external_id: str
    name: str
    other_names: tuple[str, ...]
    screened: bool  # screened with its current data and the current matcher
    alerts: tuple[AlertView, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.other_names)


@dataclass(frozen=True)
class VendorRegister:
    parties: tuple[VendorParty, ...]
    last_run_on: date | None  # the as-of date of the organisation's newest register run

    @property
    def unscreened(self) -> tuple[VendorParty, ...]:
        return tuple(p for p in self.parties if not p.screened)

    @property
    def alerts(self) -> tuple[AlertView, ...]:
        return tuple(a for p in self.parties for a in p.alerts)


def vendor_parties_with_alerts(engine: Engine, *, organisation_id: int) -> VendorRegister:
    """The organisation's live ``vendor:`` parties in name order, each with every alert the register holds on it."""
    with Session(engine) as session:
        rows: Sequence[RegisterParty] = session.scalars(
            select(RegisterParty)
            .where(
                RegisterParty.organisation_id == organisation_id,
                RegisterParty.external_id.startswith(VENDOR_PREFIX, autoescape=True),
                RegisterParty.deleted_at.is_(None),
            )
            .order_by(RegisterParty.name, RegisterParty.id)
        ).all()
        by_party: dict[int, list[AlertView]] = {row.id: [] for row in rows}
        if by_party:
            found = session.execute(
                select(PartyAlert, RegisterParty)
                .join(RegisterParty, RegisterParty.id == PartyAlert.party_id)
                .where(
                    PartyAlert.organisation_id == organisation_id,
                    RegisterParty.external_id.startswith(VENDOR_PREFIX, autoescape=True),
                    RegisterParty.deleted_at.is_(None),
                )
                .order_by(PartyAlert.id.desc())
            ).all()
            for alert, party in found:
                by_party[party.id].append(alert_view(alert, party))
        last_run = session.scalar(
            select(PartyScreeningRun.as_of)
            .where(PartyScreeningRun.organisation_id == organisation_id)
            .order_by(PartyScreeningRun.id.desc())
            .limit(1)
        )
        parties = tuple(
            VendorParty(
                row.external_id,
                row.name,
                tuple(row.other_names),
                row.screened_fingerprint == row.fingerprint and row.screened_matcher == MATCHER_VERSION,
                tuple(by_party[row.id]),
            )
            for row in rows
        )
    return VendorRegister(parties, last_run)
