"""Importing equipment and contracts: per-row problems (file:line [field]), the rest stored, one transaction, per
organisation; on SQLite and PostgreSQL."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import Workbook
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from exportctl.errors import FileFormatError
from exportctl.exposure import repository
from exportctl.exposure.importing import read_contracts, read_equipment
from exportctl.exposure.model import Contract, NetworkFunction
from exportctl.exposure.service import ensure_organisation, import_data
from tests.exposure.conftest import CONTRACTS_CSV, EQUIPMENT_CSV


def test_bad_rows_are_reported_by_line_and_field_and_the_rest_is_read() -> None:
    result = read_equipment("eq.csv", EQUIPMENT_CSV.encode())
    assert [str(p).split(": ")[0] for p in result.problems] == [
        "eq.csv:1 [colour]",
        "eq.csv:4 [install_date]",
        "eq.csv:5 [quantity]",
        "eq.csv:6 [replacement_cost]",
    ]
    assert "-3 is negative" in str(result.problems[2]) and "-1 is negative" in str(result.problems[3])
    assert [row.line for row in result.rows] == [2, 3, 7, 8]
    assert result.rows[1].function is NetworkFunction.RAN and result.rows[0].install_date == date(2019, 5, 1)
    assert result.rows[3].unit_cost is None  # no cost given: unknown, not 0


def test_contract_problems_include_a_repeated_id_and_a_clause_without_notice() -> None:
    text = CONTRACTS_CSV + "X-9,ZTE,2021-01-01,2020-01-01,30,yes,,,\n"
    result = read_contracts("ct.csv", text.encode())
    where = [str(p).split(": ")[0] for p in result.problems]
    assert where == [
        "ct.csv:5 [security_clause]",
        "ct.csv:7 [contract_id]",
        "ct.csv:8 [end_date]",
        "ct.csv:8 [security_notice_days]",
    ]
    assert [c.contract_id for c in result.rows] == ["C-1", "C-2", "C-3", "N-1"]
    assert result.rows[0].security_clause and result.rows[0].security_notice_days == 30


def test_a_missing_required_column_rejects_the_whole_file() -> None:
    with pytest.raises(FileFormatError) as raised:
        read_equipment("eq.csv", b"vendor,site\nHuawei,Berlin\n")
    assert [p.field for p in raised.value.problems] == ["function", "quantity"]


def test_xlsx_rows_are_read_with_their_row_numbers() -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Vendor", "Site", "Function", "Quantity", "Install date", "Book value"])
    sheet.append(["ZTE Corporation", "Lyon", "Core", 3, date(2018, 2, 3), 1500.5])
    sheet.append(["ZTE Corporation", "Lyon", "core", -1, "yesterday", -5])
    out = io.BytesIO()
    book.save(out)
    result = read_equipment("inv.xlsx", out.getvalue())
    assert [str(p).split(": ")[0] for p in result.problems] == [
        "inv.xlsx:3 [quantity]",
        "inv.xlsx:3 [install_date]",
        "inv.xlsx:3 [book_value]",
    ]
    (row,) = result.rows
    assert (row.quantity, row.install_date, row.book_value) == (3, date(2018, 2, 3), Decimal("1500.5"))


def test_import_replaces_one_organisations_rows_only(engine: Engine) -> None:
    a, b = ensure_organisation(engine, "Operator A (test)"), ensure_organisation(engine, "Operator B (test)")
    outcome = import_data(engine, "equipment", "eq.csv", EQUIPMENT_CSV.encode(), organisation_id=a)
    assert (outcome.imported, outcome.skipped, len(outcome.problems)) == (4, 3, 4)  # the header's problem skips none
    import_data(engine, "contracts", "ct.csv", CONTRACTS_CSV.encode(), organisation_id=a)
    import_data(engine, "equipment", "b.csv", b"vendor,site,function,quantity\nZTE,Paris,core,1\n", organisation_id=b)
    mine = repository.load_inventory(engine, organisation_id=a)
    assert [e.line for e in mine.equipment] == [2, 3, 7, 8] and len(mine.contracts) == 4
    assert mine.equipment[0].replacement_cost == Decimal("250000.00")
    assert mine.contracts_imported is not None and mine.contracts_imported.startswith("ct.csv, 4 rows")
    theirs = repository.load_inventory(engine, organisation_id=b)
    assert [e.vendor for e in theirs.equipment] == ["ZTE"] and theirs.contracts == ()
    import_data(engine, "equipment", "again.csv", b"vendor,site,function,quantity\nNokia,X,ran,7\n", organisation_id=a)
    assert [e.vendor for e in repository.load_inventory(engine, organisation_id=a).equipment] == ["Nokia"]
    assert [e.vendor for e in repository.load_inventory(engine, organisation_id=b).equipment] == ["ZTE"]


def test_a_failing_import_leaves_the_previous_rows_whole(engine: Engine) -> None:
    org = ensure_organisation(engine, "Operator A (test)")
    import_data(engine, "contracts", "ct.csv", CONTRACTS_CSV.encode(), organisation_id=org)
    twice = [Contract(2, "D-1", "ZTE"), Contract(3, "D-1", "ZTE")]  # the parser refuses this; the table too
    with pytest.raises(IntegrityError):
        repository.replace_contracts(engine, twice, organisation_id=org, filename="bad.csv")
    inventory = repository.load_inventory(engine, organisation_id=org)
    assert [c.contract_id for c in inventory.contracts] == ["C-1", "C-2", "C-3", "N-1"]
    assert inventory.contracts_imported is not None and inventory.contracts_imported.startswith("ct.csv")
