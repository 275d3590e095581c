"""The register: an organisation's parties, added, edited and deleted with every version kept.

Every function takes the organisation as ``organisation_id``: a party of another organisation is never found,
never changed. :func:`upsert_parties` is the one way parties enter the register (CSV import, the API, licensing's
application parties, and later other registers such as inventory vendors): a party whose data is unchanged is left
as it is (no new version, no re-screening).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from exportctl.audit.chain import AuditActor, utc_now
from exportctl.errors import NotFoundError
from exportctl.parties.model import MATCHER_VERSION, CounterpartyRole, PartyData, PartyView
from exportctl.screening.index import phonetic
from exportctl.screening.normalize import analyze
from exportctl.store.licensing_tables import Organisation
from exportctl.store.parties_tables import RegisterParty, RegisterPartyVersion


@dataclass(frozen=True)
class UpsertResult:
    created: int
    updated: int
    unchanged: int
    party_ids: tuple[int, ...]  # in the order given


def name_tokens(names: Iterable[str]) -> str:
    """The normalised words of ``names`` (every reading the screening normaliser gives) and their sound keys, as
    one space-separated string: what a delta run matches changed list entries against."""
    words: set[str] = set()
    for name in names:
        for variant in analyze(name).variants:
            for token in variant.tokens:
                words.add(token)
                key = phonetic(token)
                if key:
                    words.add(f"~{key}")
    return " ".join(sorted(words))


def party_data(row: RegisterParty) -> PartyData:
    return PartyData(
        external_id=row.external_id,
        name=row.name,
        other_names=tuple(row.other_names),
        country=row.country,
        address=row.address,
        identifiers=tuple(row.identifiers),
        role=CounterpartyRole(row.role),
    )


def _history_data(data: PartyData) -> dict[str, Any]:
    return {"id": data.external_id, "role": data.role.value, **data.screened_data()}


def _view(row: RegisterParty) -> PartyView:
    return PartyView(
        id=row.id,
        organisation_id=row.organisation_id,
        external_id=row.external_id,
        name=row.name,
        other_names=tuple(row.other_names),
        country=row.country,
        address=row.address,
        identifiers=tuple(row.identifiers),
        role=row.role,
        version=row.version,
        deleted=row.deleted_at is not None,
        screened=row.screened_fingerprint == row.fingerprint and row.screened_matcher == MATCHER_VERSION,
    )


def _apply(row: RegisterParty, data: PartyData, now: datetime) -> None:
    row.name = data.name
    row.other_names = list(data.other_names)
    row.country = data.country
    row.address = data.address
    row.identifiers = list(data.identifiers)
    row.role = data.role.value
    row.fingerprint = data.fingerprint
    row.name_tokens = name_tokens(data.names)
    row.updated_at = now


def _record(session: Session, row: RegisterParty, change: str, actor: AuditActor | None, now: datetime) -> None:
    session.add(
        RegisterPartyVersion(
            party_id=row.id,
            organisation_id=row.organisation_id,
            version=row.version,
            change=change,
            data=_history_data(party_data(row)),
            changed_by=actor.user_id if actor is not None else None,
            changed_at=now,
        )
    )


def upsert_parties(
    session: Session, parties: Sequence[PartyData], *, organisation_id: int, actor: AuditActor | None = None
) -> UpsertResult:
    """Add or update ``parties`` (keyed by the organisation's own id) in the caller's transaction; a deleted
    party given again comes back. Unchanged parties are left alone."""
    now = utc_now()
    ids = [p.external_id for p in parties]
    existing: dict[str, RegisterParty] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = session.execute(
            select(RegisterParty).where(
                RegisterParty.organisation_id == organisation_id, RegisterParty.external_id.in_(chunk)
            )
        ).scalars()
        existing.update({row.external_id: row for row in rows})
    created = updated = unchanged = 0
    result_rows: list[RegisterParty] = []
    new_rows: list[RegisterParty] = []
    for data in parties:
        row = existing.get(data.external_id)
        if row is None:
            row = RegisterParty(
                organisation_id=organisation_id, external_id=data.external_id, version=1, created_at=now
            )
            _apply(row, data, now)
            session.add(row)
            new_rows.append(row)
            existing[data.external_id] = row
            created += 1
        elif row.deleted_at is None and party_data(row) == data:
            unchanged += 1
        else:
            _apply(row, data, now)
            row.deleted_at = None
            row.version += 1
            session.flush()
            _record(session, row, "updated", actor, now)
            updated += 1
        result_rows.append(row)
    session.flush()  # the new rows in one batch, then their first versions
    for row in new_rows:
        _record(session, row, "created", actor, now)
    session.flush()
    return UpsertResult(created, updated, unchanged, tuple(r.id for r in result_rows))


def _row(session: Session, external_id: str, organisation_id: int) -> RegisterParty:
    row = session.execute(
        select(RegisterParty).where(
            RegisterParty.organisation_id == organisation_id, RegisterParty.external_id == external_id
        )
    ).scalar_one_or_none()
    if row is None:
        raise NotFoundError(f"no party {external_id!r} in the register")
    return row


def delete_party(
    session: Session, external_id: str, *, organisation_id: int, actor: AuditActor | None = None
) -> PartyView:
    """Mark a party deleted (its versions and alerts stay); its alerts no longer hold shipments."""
    row = _row(session, external_id, organisation_id)
    if row.deleted_at is None:
        now = utc_now()
        row.deleted_at = now
        row.version += 1
        session.flush()
        _record(session, row, "deleted", actor, now)
    return _view(row)


def get_party(session: Session, external_id: str, *, organisation_id: int) -> PartyView:
    return _view(_row(session, external_id, organisation_id))


def party_by_id(session: Session, party_id: int, *, organisation_id: int) -> PartyView:
    row = session.get(RegisterParty, party_id)
    if row is None or row.organisation_id != organisation_id:
        raise NotFoundError(f"no party {party_id} in the register")
    return _view(row)


def list_parties(
    session: Session, *, organisation_id: int, limit: int = 100, offset: int = 0, include_deleted: bool = False
) -> tuple[list[PartyView], int]:
    """A page of the register in name order, and the total count."""
    query = select(RegisterParty).where(RegisterParty.organisation_id == organisation_id)
    if not include_deleted:
        query = query.where(RegisterParty.deleted_at.is_(None))
    total = session.execute(query.with_only_columns(func.count())).scalar_one()
    rows = session.execute(query.order_by(RegisterParty.name, RegisterParty.id).limit(limit).offset(offset)).scalars()
    return [_view(row) for row in rows], int(total)


def party_history(session: Session, external_id: str, *, organisation_id: int) -> list[dict[str, Any]]:
    """Every version of a party, oldest first: ``{version, change, data, changed_by, changed_at}``."""
    row = _row(session, external_id, organisation_id)
    versions = session.execute(
        select(RegisterPartyVersion)
        .where(RegisterPartyVersion.party_id == row.id)
        .order_by(RegisterPartyVersion.version, RegisterPartyVersion.id)
    ).scalars()
    return [
        {
            "version": v.version,
            "change": v.change,
            "data": v.data,
            "changed_by": v.changed_by,
            "changed_at": v.changed_at.isoformat(),
        }
        for v in versions
    ]


def organisation_named(session: Session, name: str) -> int:
    """The id of the organisation called ``name`` (the CLI's ``--org``)."""
    found = session.execute(select(Organisation.id).where(Organisation.name == name.strip())).scalar_one_or_none()
    if found is None:
        raise NotFoundError(f"no organisation {name!r}")
    return int(found)


def organisations_with_register(session: Session) -> list[int]:
    """The organisations with at least one live party, in id order."""
    rows = session.execute(
        select(RegisterParty.organisation_id).where(RegisterParty.deleted_at.is_(None)).distinct()
    ).scalars()
    return sorted(int(r) for r in rows)
