"""The ban scenario over a small inventory: matched vendors, contract exits, groups, totals, plan."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

import pytest

from exportctl.errors import InputError
from exportctl.exposure.contracts import CLAUSE, ENDED, EXPIRY, NO_END, NOTICE, earliest_end
from exportctl.exposure.export import plan_csv, render_timeline
from exportctl.exposure.importing import read_contracts, read_equipment
from exportctl.exposure.model import Contract, Inventory, NetworkFunction
from exportctl.exposure.scenario import parse_scope, run_scenario
from tests.exposure.conftest import CONTRACTS_CSV, EQUIPMENT_CSV

BAN = date(2026, 6, 1)


@pytest.fixture(scope="module")
def inventory() -> Inventory:
    equipment = read_equipment("eq.csv", EQUIPMENT_CSV.encode()).rows
    contracts = read_contracts("ct.csv", CONTRACTS_CSV.encode()).rows
    return Inventory("Operator (test)", equipment, contracts)


def test_earliest_end_picks_the_clause_notice_or_expiry() -> None:
    clause = Contract(1, "A", "V", end_date=date(2030, 1, 1), notice_days=180, security_clause=True,
                      security_notice_days=30, termination_cost=Decimal(9), exit_cost=Decimal(0))  # fmt: skip
    assert (earliest_end(clause, BAN).route, earliest_end(clause, BAN).end) == (CLAUSE, date(2026, 7, 1))
    notice = Contract(2, "B", "V", end_date=date(2030, 1, 1), notice_days=10, termination_cost=Decimal(5))
    assert (earliest_end(notice, BAN).route, earliest_end(notice, BAN).cost) == (NOTICE, Decimal(5))
    expiring = Contract(3, "C", "V", end_date=date(2026, 6, 5), notice_days=10, termination_cost=Decimal(5))
    assert (earliest_end(expiring, BAN).route, earliest_end(expiring, BAN).cost) == (EXPIRY, Decimal(0))
    assert earliest_end(Contract(4, "D", "V", end_date=date(2026, 1, 1)), BAN).route == ENDED
    open_ended = earliest_end(Contract(5, "E", "V"), BAN)
    assert (open_ended.route, open_ended.end, open_ended.cost_known) == (NO_END, None, True)
    unknown = earliest_end(Contract(6, "F", "V", notice_days=30), BAN)
    assert (unknown.route, unknown.cost, unknown.cost_known) == (NOTICE, None, False)


def test_scenario_finds_every_spelling_of_the_vendor_and_only_it(inventory: Inventory) -> None:
    s = run_scenario(inventory, "huawei", ban_from=BAN, as_of=date(2026, 12, 3))
    assert s.matched_vendors == ("HUAWEI", "Huawei", "Huawei Technologies Co. Ltd", "Huawei Technologies Co., Ltd.")
    assert [(g.site, g.function.value, g.units, g.cost) for g in s.groups] == [
        ("Berlin-1", "core", 2, Decimal("500000.00")),
        ("Berlin-1", "ran", 10, Decimal("400000.00")),
        ("NOC", "oss", 1, Decimal(0)),
    ]
    assert s.groups[2].unknown_cost_units == 1
    assert [(c.contract.contract_id, c.route, c.end) for c in s.contracts] == [
        ("C-1", CLAUSE, date(2026, 7, 1)),
        ("C-3", NOTICE, date(2026, 8, 30)),
        ("C-2", EXPIRY, date(2026, 9, 30)),
    ]
    t = s.totals
    assert (t.sites, t.units, t.replacement_cost, t.unknown_cost_units) == (2, 13, Decimal("900000.00"), 1)
    assert (t.contracts, t.contract_exit_cost, t.contracts_cost_unknown) == (3, Decimal(0), 1)
    assert s.plan.clean_quarter is None and s.plan.unplanned_units == 1  # the OSS unit has no cost
    assert s.to_dict()["as_of"] == "2026-12-03"


def test_scope_narrows_equipment_and_the_contracts_it_names(inventory: Inventory) -> None:
    s = run_scenario(inventory, "Huawei", ban_from=BAN, as_of=BAN, scope=parse_scope("core"))
    assert [g.function for g in s.groups] == [NetworkFunction.CORE]
    assert [c.contract.contract_id for c in s.contracts] == ["C-1"]
    assert s.plan.clean_quarter is not None and str(s.plan.clean_quarter) == "2026-Q2"  # no budget: at once
    with pytest.raises(InputError):
        parse_scope("radio")


def test_a_misspelt_or_other_vendor_is_not_widened(inventory: Inventory) -> None:
    assert run_scenario(inventory, "Huawai", ban_from=BAN, as_of=BAN).matched_vendors == ()
    assert run_scenario(inventory, "Nokia Oyj", ban_from=BAN, as_of=BAN).matched_vendors == ("Nokia",)
    with pytest.raises(InputError):
        run_scenario(inventory, " ,. ", ban_from=BAN, as_of=BAN)


def test_budgeted_plan_csv_and_chart(inventory: Inventory) -> None:
    s = run_scenario(inventory, "Huawei", ban_from=BAN, as_of=BAN, scope=parse_scope("core,ran"),
                     budget_per_quarter=Decimal(300000))  # fmt: skip
    assert str(s.plan.clean_quarter) == "2026-Q4"
    lines = plan_csv(s).splitlines()
    assert lines[0].startswith("order,site,function") and lines[1] == (
        "1,Berlin-1,core,102.0,2026-Q2,2026-06-30,1,250000.00,"
    )
    assert [p.total for p in s.plan.timeline] == [12, 11, 8, 0]
    png, svg = render_timeline(s, "png"), render_timeline(s, "svg")
    assert png.startswith(b"\x89PNG") and b"<svg" in svg
    assert render_timeline(s, "svg") == svg  # reproducible
    with pytest.raises(InputError):
        render_timeline(s, "gif")


def test_plan_csv_does_not_let_a_site_name_run_as_a_formula(inventory: Inventory) -> None:
    from dataclasses import replace

    hostile = '=HYPERLINK("http://x.example","Berlin")'
    equipment = tuple(replace(row, site=hostile) if row.site == "Berlin-1" else row for row in inventory.equipment)
    s = run_scenario(Inventory(inventory.organisation, equipment, inventory.contracts), "Huawei", ban_from=BAN,
                     as_of=BAN, scope=parse_scope("core"))  # fmt: skip
    rows = list(csv.reader(io.StringIO(plan_csv(s))))
    assert rows[1][1] == "'" + hostile


def test_a_chinese_inventory_name_is_the_same_vendor() -> None:
    from exportctl.exposure.vendors import matching_vendors

    names = ["华为技术有限公司", "中兴通讯股份有限公司", "Huawei Device Co., Ltd.", "Nokia"]
    assert matching_vendors("Huawei", names) == ("Huawei Device Co., Ltd.", "华为技术有限公司")
    assert matching_vendors("Huawei Technologies", names) == ("华为技术有限公司",)
