"""Storing and reading one organisation's inventory. Every function takes the organisation as a keyword argument
and touches only that organisation's rows (tenant isolation is here, not in the routes).

An import *replaces* the organisation's equipment (or contracts) in one transaction: the old rows are deleted, the
new ones inserted and the import recorded together, so a failure at any point leaves the previous inventory whole.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, Engine, delete, insert, select, type_coerce
from sqlalchemy.orm import Session

from exportctl.audit.chain import append_event, utc_now
from exportctl.audit.locking import lock_for_write
from exportctl.errors import NotFoundError
from exportctl.exposure.model import Contract, Equipment, Inventory, NetworkFunction
from exportctl.store.db import session_scope
from exportctl.store.exposure_tables import ExposureContract, ExposureEquipment, ExposureImport, ExposureReview
from exportctl.store.licensing_tables import Organisation

INSERT_BATCH = 5_000


@dataclass(frozen=True)
class ImportRecord:
    kind: str
    filename: str
    rows: int
    skipped: int
    imported_at: datetime

    def __str__(self) -> str:
        return f"{self.filename}, {self.rows} rows, imported {self.imported_at:%Y-%m-%d %H:%M} UTC"


@dataclass(frozen=True)
class Review:
    reviewed_on: date
    reviewed_at: datetime
    user_id: int | None
    snapshot_ids: dict[str, int]


def organisation_id(engine: Engine, name: str) -> int:
    """The id of the organisation called ``name``; :class:`NotFoundError` when there is none."""
    with engine.connect() as connection:
        found = connection.scalar(select(Organisation.id).where(Organisation.name == name.strip()))
    if found is None:
        raise NotFoundError(f"no organisation {name.strip()!r}")
    return int(found)


def organisation_name(engine: Engine, *, organisation_id: int) -> str:
    with engine.connect() as connection:
        found = connection.scalar(select(Organisation.name).where(Organisation.id == organisation_id))
    if found is None:
        raise NotFoundError(f"no organisation {organisation_id}")
    return str(found)


def _replace(
    session: Session,
    table: type[ExposureEquipment] | type[ExposureContract],
    values: Sequence[dict[str, Any]],
    *,
    organisation_id: int,
) -> None:
    session.execute(delete(table).where(table.organisation_id == organisation_id))
    for start in range(0, len(values), INSERT_BATCH):
        session.execute(insert(table), list(values[start : start + INSERT_BATCH]))


def _record_import(
    session: Session, kind: str, filename: str, rows: int, skipped: int, *, organisation_id: int, user_id: int | None
) -> None:
    record = ExposureImport(
        organisation_id=organisation_id, kind=kind, filename=filename[:300], rows=rows, skipped=skipped,
        imported_at=utc_now(),
    )  # fmt: skip
    session.add(record)
    session.flush()
    after = {"kind": kind, "filename": filename, "rows": rows, "skipped": skipped, "organisation_id": organisation_id}
    append_event(
        session,
        _Actor(user_id, organisation_id),
        f"exposure.{kind}_imported",
        "organisation",
        organisation_id,
        None,
        after,
    )


@dataclass(frozen=True)
class _Actor:
    """The audit chain's view of who imported (``user_id`` None: the command line)."""

    user_id: int | None
    organisation_id: int | None


def replace_equipment(
    engine: Engine,
    rows: Iterable[Equipment],
    *,
    organisation_id: int,
    filename: str,
    skipped: int = 0,
    user_id: int | None = None,
    then: Callable[[Session], object] | None = None,
) -> int:
    """Replace the organisation's equipment with ``rows`` (one transaction, with ``then`` run in it last); the number
    of rows stored."""
    values = [
        {
            "organisation_id": organisation_id,
            "line": r.line,
            "vendor": r.vendor,
            "model": r.model,
            "site": r.site,
            "function": r.function.value,
            "quantity": r.quantity,
            "install_date": r.install_date,
            "book_value": r.book_value,
            "replacement_cost": r.replacement_cost,
            "contract_id": r.contract_id,
        }  # fmt: skip
        for r in rows
    ]
    return _store(engine, ExposureEquipment, "equipment", values, organisation_id, filename, skipped, user_id, then)


def replace_contracts(
    engine: Engine,
    rows: Iterable[Contract],
    *,
    organisation_id: int,
    filename: str,
    skipped: int = 0,
    user_id: int | None = None,
    then: Callable[[Session], object] | None = None,
) -> int:
    """Replace the organisation's contracts with ``rows`` (one transaction, with ``then`` run in it last); the number
    of rows stored."""
    values = [
        {
            "organisation_id": organisation_id,
            "line": c.line,
            "contract_id": c.contract_id,
            "vendor": c.vendor,
            "start_date": c.start_date,
            "end_date": c.end_date,
            "notice_days": c.notice_days,
            "security_clause": c.security_clause,
            "security_notice_days": c.security_notice_days,
            "termination_cost": c.termination_cost,
            "exit_cost": c.exit_cost,
        }  # fmt: skip
        for c in rows
    ]
    return _store(engine, ExposureContract, "contracts", values, organisation_id, filename, skipped, user_id, then)


def _store(
    engine: Engine,
    table: type[ExposureEquipment] | type[ExposureContract],
    kind: str,
    values: Sequence[dict[str, Any]],
    organisation_id: int,
    filename: str,
    skipped: int,
    user_id: int | None,
    then: Callable[[Session], object] | None,
) -> int:
    """One import's write: the organisation's rows replaced and the import recorded, with ``then`` last, in one
    transaction under the audit write lock."""
    with session_scope(engine) as session:
        lock_for_write(session)
        _replace(session, table, values, organisation_id=organisation_id)
        _record_import(session, kind, filename, len(values), skipped, organisation_id=organisation_id, user_id=user_id)
        if then is not None:
            then(session)
    return len(values)


def last_imports(engine: Engine, *, organisation_id: int) -> dict[str, ImportRecord]:
    """The import in force for each kind (equipment, contracts) of the organisation."""
    query = (
        select(ExposureImport)
        .where(ExposureImport.organisation_id == organisation_id)
        .order_by(ExposureImport.imported_at, ExposureImport.id)
    )
    with Session(engine) as session:
        return {
            r.kind: ImportRecord(r.kind, r.filename, r.rows, r.skipped, r.imported_at) for r in session.scalars(query)
        }


def vendor_names(engine: Engine, *, organisation_id: int) -> set[str]:
    """Every distinct vendor name of the organisation's equipment and contracts."""
    e, c = ExposureEquipment.__table__.c, ExposureContract.__table__.c
    with engine.connect() as connection:
        names = set(connection.scalars(select(e.vendor).where(e.organisation_id == organisation_id).distinct()))
        names |= set(connection.scalars(select(c.vendor).where(c.organisation_id == organisation_id).distinct()))
    return names


MAX_VENDOR_FILTER = 500  # more names than this: read every row (a long IN list costs more than it saves)


def load_inventory(engine: Engine, *, organisation_id: int, vendors: Collection[str] | None = None) -> Inventory:
    """The organisation's equipment and contracts as stored (in file order); only those of ``vendors`` (exact
    stored names, e.g. from :func:`vendor_names`) when given."""
    e, c = ExposureEquipment.__table__.c, ExposureContract.__table__.c
    equipment_query = (
        select(
            e.line,
            e.vendor,
            e.model,
            e.site,
            e.function,
            e.quantity,
            e.install_date,
            type_coerce(e.book_value, BigInteger).label("book_cents"),
            type_coerce(e.replacement_cost, BigInteger).label("cost_cents"),
            e.contract_id,
        )  # fmt: skip
        .where(e.organisation_id == organisation_id)
        .order_by(e.id)
    )
    contract_query = (
        select(
            c.line,
            c.contract_id,
            c.vendor,
            c.start_date,
            c.end_date,
            c.notice_days,
            c.security_clause,
            c.security_notice_days,
            c.termination_cost,
            c.exit_cost,
        )  # fmt: skip
        .where(c.organisation_id == organisation_id)
        .order_by(c.id)
    )
    if vendors is not None and len(vendors) <= MAX_VENDOR_FILTER:
        equipment_query = equipment_query.where(e.vendor.in_(sorted(vendors)))
        contract_query = contract_query.where(c.vendor.in_(sorted(vendors)))
    functions = {f.value: f for f in NetworkFunction}
    with engine.connect() as connection:
        equipment = tuple(
            Equipment(
                line,
                vendor,
                model,
                site,
                functions[function],
                quantity,
                installed,
                None if book is None else Decimal(book).scaleb(-2),
                None if cost is None else Decimal(cost).scaleb(-2),
                contract,
            )  # fmt: skip
            for line, vendor, model, site, function, quantity, installed, book, cost, contract in connection.execute(
                equipment_query
            )
        )
        if vendors is not None and len(vendors) > MAX_VENDOR_FILTER:
            wanted = set(vendors)
            equipment = tuple(row for row in equipment if row.vendor in wanted)
        contracts = tuple(
            Contract(line, cid, vendor, start, end, notice, clause, sec_notice, termination, exit_cost)
            for line, cid, vendor, start, end, notice, clause, sec_notice, termination, exit_cost in connection.execute(
                contract_query
            )
        )
        if vendors is not None and len(vendors) > MAX_VENDOR_FILTER:
            contracts = tuple(row for row in contracts if row.vendor in wanted)
    imports = last_imports(engine, organisation_id=organisation_id)
    return Inventory(
        organisation=organisation_name(engine, organisation_id=organisation_id),
        equipment=equipment,
        contracts=contracts,
        equipment_imported=str(imports["equipment"]) if "equipment" in imports else None,
        contracts_imported=str(imports["contracts"]) if "contracts" in imports else None,
    )


def record_review(
    engine: Engine, snapshot_ids: Mapping[str, int], *, organisation_id: int, on: date, user_id: int | None = None
) -> Review:
    """Record that the organisation reviewed its vendor hits against the lists of ``snapshot_ids``."""
    review = ExposureReview(
        organisation_id=organisation_id, user_id=user_id, reviewed_on=on, reviewed_at=utc_now(),
        snapshot_ids=dict(snapshot_ids),
    )  # fmt: skip
    with session_scope(engine) as session:
        session.add(review)
        session.flush()
        append_event(
            session, _Actor(user_id, organisation_id), "exposure.reviewed", "organisation", organisation_id, None,
            {"on": on.isoformat(), "snapshot_ids": dict(snapshot_ids)},
        )  # fmt: skip
    return Review(on, review.reviewed_at, user_id, dict(snapshot_ids))


def last_review(engine: Engine, *, organisation_id: int) -> Review | None:
    """The organisation's latest review, or None when it never reviewed."""
    query = (
        select(ExposureReview)
        .where(ExposureReview.organisation_id == organisation_id)
        .order_by(ExposureReview.reviewed_at.desc(), ExposureReview.id.desc())
        .limit(1)
    )
    with Session(engine) as session:
        found = session.scalars(query).first()
        if found is None:
            return None
        return Review(
            found.reviewed_on, found.reviewed_at, found.user_id, {k: int(v) for k, v in found.snapshot_ids.items()}
        )


def organisations_with_inventory(engine: Engine) -> list[tuple[int, str]]:
    """(id, name) of every organisation with equipment or contracts stored, by name."""
    ids = select(ExposureImport.organisation_id).distinct()
    query = select(Organisation.id, Organisation.name).where(Organisation.id.in_(ids)).order_by(Organisation.name)
    with engine.connect() as connection:
        return [(int(i), str(n)) for i, n in connection.execute(query)]
