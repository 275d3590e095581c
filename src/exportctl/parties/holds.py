"""Licensing's use of the register: every party of a submission or a shipment is in the organisation's register,
screened with the fuzzy engine now, and any alert on it that is not cleared holds the shipment.

The date screened on: a submission's parties on its submission date (``submitted_on``); a shipment's on its
shipment date and again on the day it is recorded (when they differ). On each date the index holds the entries
listed then by the rule of ``lists listed`` (:func:`exportctl.lists.repository.entries_as_of`), with the entries
the files cannot settle kept (unknown → review, never "not listed").

:func:`screen_through_register` runs inside the caller's transaction (submission and shipment steps hold the
workflow write lock): it adds the parties the register lacks (keyed ``application:<normalised name>|<country>``),
screens them against the entries in force on the day (a handful of names: milliseconds once the index is loaded)
and writes their alerts, so a shipment's hold is always the register's current answer, not last night's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from exportctl.audit.chain import AuditActor
from exportctl.audit.locking import lock_for_write
from exportctl.determination.list_index import PROCESS_INDEXES, ListIndexes
from exportctl.errors import ShipmentRefusedError
from exportctl.lists.identity import normalise_name
from exportctl.parties.alerts import holding_alerts
from exportctl.parties.model import (
    MATCHER_VERSION,
    AlertState,
    AlertView,
    CounterpartyRole,
    PartyData,
    entry_data,
    fingerprint,
)
from exportctl.parties.register import upsert_parties
from exportctl.parties.rescreen import party_to_screen, screen_parties, write_results
from exportctl.store.db import session_scope
from exportctl.store.licensing_tables import ApplicationParty, Licence
from exportctl.store.parties_tables import RegisterParty

APPLICATION_PREFIX = "application:"

PartyHold = Callable[[Session, int, Sequence[tuple[str, str]], date, datetime | None], str | None]
"""(session, organisation id, [(party name, ISO country)], date, when the licence was granted) -> why the parties
hold the shipment, or None."""


def application_party_id(name: str, country: str) -> str:
    return f"{APPLICATION_PREFIX}{normalise_name(name) or name.strip().lower()}|{country.upper()}"[:200]


def unscreenable_reason(on: date) -> str:
    """Why a shipment on ``on`` is held when no list snapshot speaks for the date: unscreened is never "clear"."""
    return (
        f"the parties cannot be screened: no list snapshot is in force on {on.isoformat()}; "
        "import the lists (`exportctl lists import`) and ship again"
    )


def screen_through_register(
    session: Session,
    parties: Sequence[tuple[str, str]],
    on: date,
    *,
    organisation_id: int,
    actor: AuditActor | None = None,
    indexes: ListIndexes | None = None,
    engine: Engine | None = None,
    roles: Sequence[CounterpartyRole] | None = None,
) -> list[AlertView]:
    """Register and screen ``parties`` now; the alerts on them that hold a shipment (open, confirmed, escalated).

    Raises :class:`ShipmentRefusedError` when no list is imported: unscreened parties are never "clear"."""
    bind = engine or session.get_bind()
    assert isinstance(bind, Engine)
    found = (indexes or PROCESS_INDEXES).in_force(bind, on)
    if found is None:
        raise ShipmentRefusedError(unscreenable_reason(on))
    wanted: dict[str, PartyData] = {}
    for position, (name, country) in enumerate(parties):
        key = application_party_id(name, country)
        role = roles[position] if roles is not None else CounterpartyRole.OTHER
        wanted.setdefault(key, PartyData(key, name, country=country.upper() or None, role=role))
    known = set(
        session.execute(
            select(RegisterParty.external_id).where(
                RegisterParty.organisation_id == organisation_id, RegisterParty.external_id.in_(list(wanted))
            )
        ).scalars()
    )
    missing = [data for key, data in wanted.items() if key not in known]
    if missing:
        upsert_parties(session, missing, organisation_id=organisation_id, actor=actor)
    rows = list(
        session.execute(
            select(RegisterParty).where(
                RegisterParty.organisation_id == organisation_id, RegisterParty.external_id.in_(list(wanted))
            )
        ).scalars()
    )
    to_screen = [party_to_screen(row) for row in rows]
    hits = screen_parties(found.index, to_screen)
    hit_keys = {key for _, key in hits}
    entries = {entry.entry_id: entry for entry in found.index.entries if entry.entry_id in hit_keys}
    fps = {key: fingerprint(entry_data(entry)) for key, entry in entries.items()}
    write_results(
        session,
        organisation_id=organisation_id,
        day=on,
        matcher=MATCHER_VERSION,
        fully={p.id: p.fingerprint for p in to_screen},
        partly={},
        changed_entries=set(),
        hits=hits,
        entries=entries,
        entry_fps=fps,
        actor=actor,
    )
    return holding_alerts(session, [row.id for row in rows if row.deleted_at is None], organisation_id=organisation_id)


def hold_message(alerts: Sequence[AlertView]) -> str | None:
    if not alerts:
        return None
    named = "; ".join(
        f"alert {a.id} ({a.state}): {a.party_name!r} ~ {a.list_code.upper()} {a.entry_name!r} {a.score:.2f}"
        for a in alerts[:5]
    )
    more = f" and {len(alerts) - 5} more" if len(alerts) > 5 else ""
    return f"held by the counterparty register: {named}{more} (clear with `exportctl alerts clear ID --reason …`)"


RegisterScreening = Callable[[Session, AuditActor, int, Sequence[tuple[str, str, str]], date], tuple[int, ...]]
"""(session, actor, organisation id, [(name, country, application role)], date) -> ids of the holding alerts."""

_ROLES = {
    "purchaser": CounterpartyRole.CUSTOMER,
    "intermediate_consignee": CounterpartyRole.CONSIGNEE,
    "ultimate_consignee": CounterpartyRole.CONSIGNEE,
    "end_user": CounterpartyRole.END_USER,
}


def register_screening(indexes: ListIndexes | None = None) -> RegisterScreening:
    """What submission calls: the application's parties entered in the register and screened there. With no list
    imported nothing is screened (the submission's own screening record already says the parties are unscreened,
    and shipments stay refused until they can be screened)."""

    def screen(
        session: Session, actor: AuditActor, organisation_id: int, parties: Sequence[tuple[str, str, str]], on: date
    ) -> tuple[int, ...]:
        try:
            alerts = screen_through_register(
                session, [(name, country) for name, country, _ in parties], on, organisation_id=organisation_id,
                actor=actor, indexes=indexes,
                roles=[_ROLES.get(role, CounterpartyRole.OTHER) for _, _, role in parties],
            )  # fmt: skip
        except ShipmentRefusedError:
            return ()
        return tuple(alert.id for alert in alerts)

    return screen


def covered_by_licence(alert: AlertView, granted_at: datetime | None) -> bool:
    """A licence covers the open or confirmed matches its parties already had, unchanged, when it was granted: the
    authority decided with the submission's screening of those parties in front of it. A match raised or changed
    since (a new listing, an amended entry, a changed party, a new matcher), or escalated, is not covered."""
    return (
        granted_at is not None
        and alert.state in (AlertState.OPEN.value, AlertState.CONFIRMED.value)
        and alert.created_at <= granted_at
        and alert.data_changed_at <= granted_at
    )


def register_hold(indexes: ListIndexes | None = None) -> PartyHold:
    """The shipment check licensing calls: the licence's parties screened through the holder's register now; an
    alert not cleared holds the shipment unless the licence covers it (:func:`covered_by_licence`). When no list
    snapshot speaks for the date nothing can be screened, and unscreened parties are never "clear": the shipment
    is held, the reason naming the date (:func:`unscreenable_reason`)."""

    def hold(
        session: Session,
        organisation_id: int,
        parties: Sequence[tuple[str, str]],
        on: date,
        granted_at: datetime | None = None,
    ) -> str | None:
        try:
            alerts = screen_through_register(session, parties, on, organisation_id=organisation_id, indexes=indexes)
        except ShipmentRefusedError:  # no list speaks for the date: held, never treated as "not listed"
            return unscreenable_reason(on)
        return hold_message([a for a in alerts if not covered_by_licence(a, granted_at)])

    return hold


def prescreen_licence_parties(
    engine: Engine,
    licence: int | str,
    *,
    organisation_id: int,
    days: Sequence[date],
    indexes: ListIndexes | None = None,
) -> None:
    """Screen a licence's parties through its holder's register in a transaction of its own, before the shipment's.

    Interfaces call this first: a refused shipment rolls its own transaction back, and the alerts it names must
    outlive it so that someone can clear them. Nothing happens for a licence of another organisation (the shipment
    step then refuses it) or when no list speaks for a day."""
    with session_scope(engine) as session:
        lock_for_write(session)
        column = Licence.number if isinstance(licence, str) and not licence.isdigit() else Licence.id
        key: int | str = licence.strip().upper() if column is Licence.number else int(licence)  # type: ignore[union-attr]
        found = session.execute(
            select(Licence.application_id).where(column == key, Licence.holder_organisation_id == organisation_id)
        ).scalar_one_or_none()
        if found is None:
            return
        parties = session.execute(
            select(ApplicationParty.name, ApplicationParty.country).where(ApplicationParty.application_id == found)
        ).all()
        for day in dict.fromkeys(days):
            try:
                screen_through_register(
                    session, [(n, c) for n, c in parties], day, organisation_id=organisation_id, indexes=indexes
                )
            except ShipmentRefusedError:
                continue


def shipment_hold(
    engine: Engine,
    licence: int | str,
    *,
    organisation_id: int,
    days: Sequence[date],
    indexes: ListIndexes | None = None,
) -> PartyHold:
    """The ``party_hold`` context of the step table's ``ship`` step: the licence's parties screened through the
    register first, committed (:func:`prescreen_licence_parties`), then :func:`register_hold` inside the step."""
    prescreen_licence_parties(engine, licence, organisation_id=organisation_id, days=days, indexes=indexes)
    return register_hold(indexes)
