"""Engine-level steps the interfaces call, each one library call: import a register file, run the screening of
every register after the lists changed (the seam ``lists import`` / ``lists update`` call), decide an alert."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from exportctl.audit.chain import AuditActor
from exportctl.audit.locking import lock_for_write
from exportctl.determination.list_index import ListIndexes
from exportctl.errors import Problem
from exportctl.parties.csv_import import read_register
from exportctl.parties.model import RunReport
from exportctl.parties.register import organisations_with_register, upsert_parties
from exportctl.parties.rescreen import Progress, rescreen
from exportctl.store.db import session_scope


@dataclass(frozen=True)
class ImportReport:
    created: int
    updated: int
    unchanged: int
    problems: tuple[Problem, ...]

    @property
    def imported(self) -> int:
        return self.created + self.updated + self.unchanged


def import_register_file(
    engine: Engine,
    path: Path,
    *,
    organisation_id: int,
    id_column: str = "id",
    name_column: str = "name",
    country_column: str | None = "country",
    actor: AuditActor | None = None,
) -> ImportReport:
    """Import a register file: the good rows in one transaction, the bad rows reported (file:line [field])."""
    found = read_register(path, id_column=id_column, name_column=name_column, country_column=country_column)
    with session_scope(engine) as session:
        lock_for_write(session)
        result = upsert_parties(session, found.parties, organisation_id=organisation_id, actor=actor)
    return ImportReport(result.created, result.updated, result.unchanged, found.problems)


def rescreen_registers(
    engine: Engine,
    *,
    as_of: date | None = None,
    full: bool = False,
    indexes: ListIndexes | None = None,
    progress: Progress | None = None,
    scheduler: str | None = None,
) -> list[RunReport]:
    """A run (delta unless ``full``) of every organisation's register (screened on Dask with ``scheduler``)."""
    with Session(engine) as session:
        organisations = organisations_with_register(session)
    return [
        rescreen(
            engine, organisation_id=org, as_of=as_of, full=full, indexes=indexes, progress=progress, scheduler=scheduler
        )
        for org in organisations
    ]


def after_lists_changed(
    engine: Engine,
    *,
    indexes: ListIndexes | None = None,
    progress: Progress | None = None,
    scheduler: str | None = None,
) -> list[RunReport]:
    """What a list import or ``lists update`` that changed a snapshot calls: a delta run of every register, so new
    and changed entries are screened against every organisation's parties."""
    return rescreen_registers(engine, indexes=indexes, progress=progress, scheduler=scheduler)
