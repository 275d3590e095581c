"""``exportctl scenario huawei`` and ``exportctl report licences`` end to end on a fresh SQLite database."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from exportctl.cli.main import app
from exportctl.config import reset_settings_cache

runner = CliRunner()
PERIOD = ("--party", "Huawei", "--from", "2020-11-09", "--to", "2021-04-20")


@pytest.fixture(scope="module")
def scenario_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cli") / "scenario.sqlite3"


@pytest.fixture(autouse=True)
def _use_scenario_db(scenario_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test of this module talks to the one scenario database (the session resets the URL per test)."""
    monkeypatch.setenv("EXPORTCTL_DATABASE_URL", f"sqlite:///{scenario_path}")
    reset_settings_cache()
    yield
    reset_settings_cache()


@pytest.fixture(scope="module")
def scenario_run() -> list[Result]:
    return []


@pytest.fixture
def scenario_db(scenario_run: list[Result]) -> Result:
    """The scenario's CLI output, run once per module."""
    if not scenario_run:
        scenario_run.append(runner.invoke(app, ["scenario", "huawei"]))
    return scenario_run[0]


def run(*args: str) -> Result:
    return runner.invoke(app, list(args))


@pytest.mark.slow
def test_scenario_output_says_generated_and_shows_the_table(scenario_db: Result) -> None:
    assert scenario_db.exit_code == 0, scenario_db.output
    out = " ".join(scenario_db.output.split())  # undo Rich's line wrapping
    assert "GENERATED to match published aggregates" in out
    assert "61,432,330,663" in out and "29,775,410,958" in out and "57,408,002" in out
    assert "6 pending application(s) recommended differently" in out
    assert "revoke from 2024-05-07: 8 licence(s)" in out
    assert "SMIC missing from the published data" in out
    again = run("scenario", "huawei")
    assert again.exit_code == 5 and "already loaded" in again.output


@pytest.mark.slow
def test_report_csv_json_and_charts(scenario_db: Result, tmp_path: Path) -> None:
    assert scenario_db.exit_code == 0
    result = run("report", "licences", *PERIOD, "--format", "csv")
    assert result.exit_code == 0, result.output
    parsed = csv.DictReader(io.StringIO(result.output))
    rows = {(r["outcome"], r["category"]): (r["count"], r["value_usd"]) for r in parsed}
    assert rows[("approved", "EAR99")] == ("80", "44987976915")
    assert rows[("denied", "EAR99")] == ("1", "2")
    data = json.loads(run("report", "licences", *PERIOD, "--format", "json", "--by", "outcome").output)
    assert data["applications"] == 169
    assert {t["outcome"]: t["count"] for t in data["totals"]} == {
        "approved": 113, "returned_without_action": 48, "denied": 2, "pending": 6,
    }  # fmt: skip
    for fmt, magic in (("png", b"\x89PNG"), ("svg", b"<?xml")):
        out = tmp_path / f"report.{fmt}"
        assert run("report", "licences", *PERIOD, "--format", fmt, "--out", str(out)).exit_code == 0
        assert out.read_bytes().startswith(magic)
    table = run("report", "licences", *PERIOD, "--suppress-below", "2")
    assert table.exit_code == 0 and "suppressed" in table.output


@pytest.mark.slow
def test_report_bad_input_is_a_clean_error(scenario_db: Result) -> None:
    assert scenario_db.exit_code == 0
    for args, field in (
        (("--by", "colour"), "by"),
        (("--from", "2020-13-01"), "from"),
        (("--format", "gif"), "format"),
        (("--format", "png"), "out"),
    ):
        result = run("report", "licences", *args)
        assert result.exit_code == 2, (args, result.output)
        assert f"[{field}]" in result.output and "Traceback" not in result.output
