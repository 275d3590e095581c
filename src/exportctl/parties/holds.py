"""Licensing's use of the register: every party of a submission or a shipment is in the organisation's register,
screened with the fuzzy engine now, and any alert on it that is not cleared holds the shipment.

:func:`screen_through_register` runs inside the caller's transaction (submission and shipment steps hold the
workflow write lock): it adds the parties the register lacks (keyed ``application:<normalised name>|<country>``),
screens them against the entries in force on the day (a handful of names: milliseconds once the index is loaded)
and writes their alerts, so a shipment's hold is always the register's current answer, not last night's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from exportctl.audit.chain import AuditActor
from exportctl.determination.list_index import PROCESS_INDEXES, ListIndexes
from exportctl.errors import ShipmentRefusedError
from exportctl.lists.identity import normalise_name
from exportctl.parties.alerts import holding_alerts
from exportctl.parties.model import MATCHER_VERSION, AlertView, PartyData, PartyRole, entry_data, fingerprint
from exportctl.parties.register import upsert_parties
from exportctl.parties.rescreen import party_to_screen, screen_parties, write_results
from exportctl.store.parties_tables import RegisterParty

APPLICATION_PREFIX = "application:"

PartyHold = Callable[[Session, int, Sequence[tuple[str, str]], date], str | None]
"""(session, organisation id, [(party name, ISO country)], date) -> why the parties hold the shipment, or None."""


def application_party_id(name: str, country: str) -> str:
    return f"{APPLICATION_PREFIX}{normalise_name(name) or name.strip().lower()}|{country.upper()}"[:200]


def screen_through_register(
    session: Session,
    parties: Sequence[tuple[str, str]],
    on: date,
    *,
    organisation_id: int,
    actor: AuditActor | None = None,
    indexes: ListIndexes | None = None,
    engine: Engine | None = None,
    roles: Sequence[PartyRole] | None = None,
) -> list[AlertView]:
    """Register and screen ``parties`` now; the alerts on them that hold a shipment (open, confirmed, escalated).

    Raises :class:`ShipmentRefusedError` when no list is imported: unscreened parties are never "clear"."""
    bind = engine or session.get_bind()
    assert isinstance(bind, Engine)
    found = (indexes or PROCESS_INDEXES).in_force(bind, on)
    if found is None:
        raise ShipmentRefusedError("the parties cannot be screened: no list snapshot is imported")
    wanted: dict[str, PartyData] = {}
    for position, (name, country) in enumerate(parties):
        key = application_party_id(name, country)
        role = roles[position] if roles is not None else PartyRole.OTHER
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


def register_hold(indexes: ListIndexes | None = None) -> PartyHold:
    """The shipment check licensing calls: parties screened through the register; any alert not cleared holds."""

    def hold(session: Session, organisation_id: int, parties: Sequence[tuple[str, str]], on: date) -> str | None:
        alerts = screen_through_register(session, parties, on, organisation_id=organisation_id, indexes=indexes)
        return hold_message(alerts)

    return hold
