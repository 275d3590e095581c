"""The exposure package's entry points over the store: import a file for an organisation, run a scenario, watch.

Each interface (CLI, API, web) is a thin adapter over one of these calls. The organisation is always a keyword
argument: the caller decides whose inventory it may touch (the API passes the caller's own organisation).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from exportctl.accounts.users import organisation_id_for
from exportctl.clock import UTC_CLOCK
from exportctl.determination.list_index import ListIndexes
from exportctl.errors import InputError, NotFoundError, Problem
from exportctl.exposure import repository
from exportctl.exposure.check import ExposureReport, screen_inventory
from exportctl.exposure.importing import read_contracts, read_equipment, read_file
from exportctl.exposure.model import NetworkFunction
from exportctl.exposure.plan import Weights
from exportctl.exposure.register import VendorSync, screen_registered_vendors, sync_vendors
from exportctl.exposure.scenario import Scenario, run_scenario
from exportctl.exposure.vendors import matching_vendors
from exportctl.licensing.actor import OrganisationKind
from exportctl.parties import RunReport
from exportctl.screening.engine import DEFAULT_THRESHOLD
from exportctl.screening.service import load_index
from exportctl.store.db import session_scope

KINDS = ("equipment", "contracts")


@dataclass(frozen=True)
class ImportOutcome:
    kind: str
    path: str
    imported: int
    problems: tuple[Problem, ...]
    skipped: int = 0  # data rows not imported (a file-level problem such as an unknown column skips none)
    vendors: VendorSync | None = None  # what the import did to the register's vendor parties
    screening: RunReport | None = None  # the register's run after the import; None: no list imported

    def register_text(self) -> str:
        """One line on the register: vendor parties changed, alerts opened, or why nothing was screened."""
        if self.vendors is None:
            return ""
        v = self.vendors
        text = (
            f"register: {v.created} vendor(s) added, {v.updated} updated, {v.unchanged} unchanged, {v.deleted} removed"
        )
        if self.screening is None:
            return text + "; not screened: no list imported (the first `exportctl lists import` screens them)"
        run = self.screening
        return (
            f"{text}; screened as of {run.as_of}: {run.alerts_opened} alert(s) opened, {run.alerts_reopened} reopened"
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "file": self.path,
            "imported": self.imported,
            "skipped": self.skipped,
            "problems": [str(p) for p in self.problems],
            "register": (
                {
                    "vendors": self.vendors.to_dict(),
                    "screening": self.screening.to_json() if self.screening is not None else None,
                }
                if self.vendors is not None
                else None
            ),
        }


@dataclass(frozen=True)
class _Importer:
    user_id: int | None
    organisation_id: int | None


def import_data(
    engine: Engine,
    kind: str,
    name: str,
    data: bytes,
    *,
    organisation_id: int,
    user_id: int | None = None,
    indexes: ListIndexes | None = None,
    on: date | None = None,
) -> ImportOutcome:
    """Read ``data`` (CSV or XLSX, ``name`` names it in problems) as ``kind`` and replace the organisation's rows;
    the inventory's vendors are synced into the organisation's register in the same transaction, then screened
    there as of ``on`` (default: today, UTC) with ``indexes`` (:mod:`.register`)."""
    synced: list[VendorSync] = []

    def sync(session: Session) -> None:
        actor = _Importer(user_id, organisation_id)
        synced.append(sync_vendors(session, organisation_id=organisation_id, actor=actor))

    if kind == "equipment":
        equipment = read_equipment(name, data)
        stored = repository.replace_equipment(
            engine, equipment.rows, organisation_id=organisation_id, filename=name,
            skipped=equipment.lines_read - len(equipment.rows), user_id=user_id, then=sync,
        )  # fmt: skip
        problems, skipped = equipment.problems, equipment.lines_read - stored
    else:
        kind = "contracts"
        contracts = read_contracts(name, data)
        stored = repository.replace_contracts(
            engine, contracts.rows, organisation_id=organisation_id, filename=name,
            skipped=contracts.lines_read - len(contracts.rows), user_id=user_id, then=sync,
        )  # fmt: skip
        problems, skipped = contracts.problems, contracts.lines_read - stored
    run = screen_registered_vendors(
        engine, organisation_id=organisation_id, on=on or UTC_CLOCK.today(), indexes=indexes
    )
    return ImportOutcome(kind, name, stored, problems, skipped, synced[0], run)


def import_path(
    engine: Engine, kind: str, path: Path, *, organisation_id: int, indexes: ListIndexes | None = None
) -> ImportOutcome:
    return import_data(engine, kind, str(path), read_file(path), organisation_id=organisation_id, indexes=indexes)


def scenario_in_store(
    engine: Engine,
    vendor: str,
    *,
    organisation_id: int,
    ban_from: date,
    as_of: date,
    scope: frozenset[NetworkFunction] = frozenset(NetworkFunction),
    budget_per_quarter: Decimal | None = None,
    weights: Weights | None = None,
) -> Scenario:
    """:func:`~exportctl.exposure.scenario.run_scenario` over the organisation's stored inventory: the distinct vendor
    names are matched first, then only the matched vendors' rows are read."""
    names = repository.vendor_names(engine, organisation_id=organisation_id)
    matched = matching_vendors(vendor, names)
    inventory = repository.load_inventory(engine, organisation_id=organisation_id, vendors=matched)
    return run_scenario(
        inventory, vendor, ban_from=ban_from, as_of=as_of, scope=scope, budget_per_quarter=budget_per_quarter,
        weights=weights,
    )  # fmt: skip


def exposure_in_store(engine: Engine, inventory: Path | str, *, threshold: float = DEFAULT_THRESHOLD) -> ExposureReport:
    """:func:`~exportctl.exposure.check.screen_inventory` (the inventory file check) against the current lists."""
    return screen_inventory(load_index(engine), inventory, threshold=threshold)


def ensure_organisation(engine: Engine, name: str) -> int:
    """The id of the organisation ``name`` (an operator: created as an exporter organisation when new, audited)."""
    with session_scope(engine) as session:
        return organisation_id_for(session, name, OrganisationKind.EXPORTER)


def resolve_organisation(engine: Engine, name: str | None) -> int:
    """The organisation called ``name``; without a name, the only organisation with an inventory."""
    if name:
        return repository.organisation_id(engine, name)
    found = repository.organisations_with_inventory(engine)
    if len(found) == 1:
        return found[0][0]
    if not found:
        raise NotFoundError("no inventory imported: run `exportctl exposure import --org ORG --equipment FILE` first")
    names = ", ".join(repr(n) for _, n in found)
    raise InputError(f"several organisations have an inventory ({names}): name one with --org", field="org")


DEMO_DIR = Path(__file__).resolve().parent.parent / "data" / "demo"
DEMO_ORGANISATION = "Fjordline Telecom (synthetic demo)"
DEMO_FILES = (("equipment", "exposure_equipment_synthetic.csv"), ("contracts", "exposure_contracts_synthetic.csv"))


def import_demo(
    engine: Engine, organisation: str = DEMO_ORGANISATION, *, indexes: ListIndexes | None = None
) -> list[ImportOutcome]:
    """Import the bundled SYNTHETIC demo inventory (``data/demo``, a fictitious operator) for ``organisation``."""
    org_id = ensure_organisation(engine, organisation)
    return [
        import_path(engine, kind, DEMO_DIR / name, organisation_id=org_id, indexes=indexes) for kind, name in DEMO_FILES
    ]
