"""Shared set-up for register tests: the bundled Denied Persons List (BIS tab file of 2022, 581 entries; those in
force on :data:`AS_OF`), two exporter organisations with a compliance officer each, and helpers.

Entry changes are simulated on a copy of the real file (:func:`amended_dpl`): one entry's street address edited,
as BIS amends addresses, so a list import brings a changed entry without inventing one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine

import exportctl
from exportctl.licensing.actor import Actor
from exportctl.licensing.organisations import actor_for_user, create_organisation, create_user
from exportctl.lists.ingest import import_file
from exportctl.parties import PartyData, upsert_parties
from exportctl.store.db import session_scope
from tests.licensing.conftest import cast  # noqa: F401  (the licensing cast, for shipment tests)

DPL = Path(exportctl.__file__).parent / "data" / "lists" / "dpl.txt"
AS_OF = date(2025, 6, 1)  # entries of the 2022 file still in force then include ABDUL MAJID SAIDI
LISTED = "Abdul Majid Saidi"  # on the DPL, effective 10/30/2020


@dataclass(frozen=True)
class Orgs:
    chips: int
    other: int
    officer: Actor
    other_officer: Actor


@pytest.fixture
def dpl_engine(engine: Engine) -> Engine:
    import_file(engine, "dpl", DPL)
    return engine


@pytest.fixture
def orgs(engine: Engine) -> Orgs:
    with session_scope(engine) as s:
        chips = create_organisation(s, "Example Chips Inc.", "exporter")
        other = create_organisation(s, "Other Semiconductors LLC", "exporter")
        officer = actor_for_user(s, create_user(s, chips, "officer@chips.example", "Officer", ["exporter"]))
        other_officer = actor_for_user(s, create_user(s, other, "officer@other.example", "Other", ["exporter"]))
    return Orgs(chips, other, officer, other_officer)


def add(engine: Engine, org: int, *parties: PartyData) -> None:
    with session_scope(engine) as s:
        upsert_parties(s, list(parties), organisation_id=org)


def dpl_line(name: str) -> str:
    return next(line for line in DPL.read_text(encoding="utf-8").splitlines() if line.startswith(f'"{name.upper()}"'))


def amended_dpl(tmp_path: Path, name: str = LISTED, new_street: str = "PO BOX 9999, AMENDED ADDRESS") -> Path:
    """A copy of the bundled DPL file with ``name``'s street address replaced."""
    lines = DPL.read_text(encoding="utf-8").splitlines(keepends=True)
    out = []
    for line in lines:
        if line.startswith(f'"{name.upper()}"'):
            cells = line.rstrip("\r\n").split("\t")
            cells[1] = f'"{new_street}"'
            line = "\t".join(cells) + "\n"
        out.append(line)
    path = tmp_path / "dpl-amended.txt"
    path.write_text("".join(out), encoding="utf-8")
    return path
