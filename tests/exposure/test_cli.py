"""``exportctl exposure import / scenario / plan`` end to end over a SQLite store (no list needed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from exportctl.cli.main import app
from exportctl.config import reset_settings_cache
from tests.exposure.conftest import CONTRACTS_CSV, EQUIPMENT_CSV

runner = CliRunner()


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("EXPORTCTL_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("EXPORTCTL_DATABASE_URL", f"sqlite:///{tmp_path / 'store.sqlite3'}")
    reset_settings_cache()
    (tmp_path / "eq.csv").write_text(EQUIPMENT_CSV, encoding="utf-8")
    (tmp_path / "ct.csv").write_text(CONTRACTS_CSV, encoding="utf-8")
    return tmp_path


def test_import_then_scenario_plan_and_chart(files: Path) -> None:
    before = runner.invoke(app, ["exposure", "scenario", "--vendor", "Huawei"])
    assert before.exit_code == 3 and "exposure import" in before.output
    imported = runner.invoke(
        app, ["exposure", "import", "--org", "Operator (test)", "--equipment", str(files / "eq.csv"),
              "--contracts", str(files / "ct.csv")],
    )  # fmt: skip
    assert imported.exit_code == 0, imported.output
    assert "eq.csv:5 [quantity]" in imported.output and "4 rows imported" in imported.output
    said = " ".join(imported.output.split())  # the vendors are in the register, waiting for a list to screen them
    assert "register: 3 vendor(s) added" in said and "register: 0 vendor(s) added, 1 updated, 2 unchanged" in said
    assert "not screened: no list imported" in said
    args = ["exposure", "scenario", "--vendor", "HUAWEI TECHNOLOGIES", "--from", "2026-06-01", "--scope", "core,ran"]
    result = runner.invoke(app, [*args, "--json", "--budget-per-quarter", "300000", "--chart", str(files / "t.svg")])
    assert result.exit_code == 0, result.output
    scenario = json.loads(result.output)
    assert scenario["matched_vendors"] == ["Huawei Technologies Co. Ltd", "Huawei Technologies Co., Ltd."]
    assert scenario["totals"]["units"] == 2 and scenario["plan"]["clean_quarter"] == "2026-Q3"
    assert (files / "t.svg").read_text().startswith("<?xml")
    table = runner.invoke(app, ["exposure", "scenario", "--vendor", "Huawei", "--from", "2026-06-01"])
    assert table.exit_code == 0 and "not clean: 1 units have no cost" in table.output
    plan = runner.invoke(app, ["exposure", "plan", "--vendor", "Huawei", "--from", "2026-06-01", "--scope", "ran",
                               "--budget-per-quarter", "100000"])  # fmt: skip
    assert plan.exit_code == 0 and plan.output.splitlines()[1].startswith(
        "1,Berlin-1,ran,41.0,2026-Q2"
    )  # one flagged function in scope
    bad = runner.invoke(app, ["exposure", "scenario", "--vendor", "Huawei", "--scope", "radio"])
    assert bad.exit_code == 2 and "scope" in bad.output
    unknown_org = runner.invoke(app, ["exposure", "scenario", "--vendor", "Huawei", "--org", "Nobody"])
    assert unknown_org.exit_code == 3


def test_the_inventory_file_check_is_still_reached_by_a_file_name(files: Path) -> None:
    result = runner.invoke(app, ["exposure", str(files / "eq.csv")])
    assert result.exit_code == 3 and "lists import" in result.output  # the check ran: it needs the lists
