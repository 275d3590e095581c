"""The service (screening as of the date, over real imported snapshots), the batch file and the CLI contract."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from exportctl.cli.main import app
from exportctl.config import reset_settings_cache
from exportctl.determination.batch import determine_file
from exportctl.determination.service import determine_from_input, exact_screener
from exportctl.errors import FileFormatError
from exportctl.lists.bundled import DATA_DIR
from exportctl.lists.ingest import import_file
from exportctl.store.db import make_engine, upgrade

HUAWEI = "purchaser=Huawei Technologies Co., Ltd."


def _import(engine: Engine) -> None:
    import_file(engine, "entity-list", DATA_DIR / "entity_list.csv")
    import_file(engine, "dpl", DATA_DIR / "denied_persons_list.csv")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Engine]]:
    url = f"sqlite:///{tmp_path_factory.mktemp('det-db') / 'exportctl.sqlite3'}"
    engine = make_engine(url)
    upgrade(engine)
    _import(engine)
    yield url, engine
    engine.dispose()


def test_huawei_as_of_dates_through_the_store_744_11(engine: Engine) -> None:
    """Same answer on SQLite and PostgreSQL: not listed 2019-01-01, listed 2019-06-01; snapshots recorded."""
    _import(engine)
    before = determine_from_input(engine, eccn="EAR99", destination="CN", parties=[HUAWEI], on="2019-01-01")
    after = determine_from_input(engine, eccn="EAR99", destination="CN", parties=[HUAWEI], on="2019-06-01")
    assert after.license_required is True
    # Huawei's Entity List entry dates it 2019-05 (so not listed then), but the only Denied Persons data is of 2026:
    # an order that ended before 2026 would be missing from it, so 2019 is "review", never a clearance
    assert before.license_required is None and before.needs_review
    coverage = [f for f in before.reasons if f.rule == "list_coverage"]
    assert [f.summary.split(" data we hold")[0].rsplit(" ", 1)[-1] for f in coverage] == ["dpl"]
    assert not any(f.hit and f.hit.entry.primary_name == HUAWEI.split("=")[1] for f in before.reasons)
    exact = determine_from_input(
        engine, eccn="EAR99", destination="CN", parties=[HUAWEI], on="2019-01-01", screener_factory=exact_screener
    )
    assert exact.license_required is None and any(f.rule == "list_coverage" for f in exact.reasons)
    sources = {v.source for v in after.data_versions.lists}
    assert {"entity-list", "dpl"} <= sources


def test_date_covered_by_every_list_snapshot_is_decided(engine: Engine) -> None:
    _import(engine)
    d = determine_from_input(engine, eccn="EAR99", destination="DE", parties=["end_user=Bakery Schmidt GmbH"])
    assert not any(f.rule == "list_coverage" for f in d.reasons)


def test_no_snapshots_means_review_not_nlr(sqlite_engine: Engine) -> None:
    d = determine_from_input(sqlite_engine, eccn="EAR99", destination="DE", parties=["end_user=Anyone GmbH"])
    assert d.needs_review and d.license_required is None


def test_determine_file_csv_and_json(db: tuple[str, Engine], tmp_path: Path) -> None:
    """Input id and columns kept; verdicts counted once each; licence exceptions listed."""
    source = tmp_path / "tx.csv"
    source.write_text(
        "order_id,eccn,destination,date,purchaser,end_user,foreign_produced,note\n"
        'A-1,EAR99,CN,2026-09-01,"Huawei Technologies Co., Ltd.",,no,first\n'
        "A-2,4A994,JP,2026-09-01,,,,second\n"
        "A-3,EAR99,DE,2026-09-01,ADT ANALOG AND DIGITAL TECHNIK,,false,third\n"
        "A-4,9A999,DE,2026-09-01,,,,fourth\n"
        "A-5,4A003.g,CN,2026-09-01,,,,fifth\n",
        encoding="utf-8",
    )
    summary = determine_file(source, tmp_path / "out.csv", engine=db[1])
    counts = (summary.prohibited, summary.license_required, summary.review_needed, summary.no_license_required)
    assert summary.rows == 5 and counts == (1, 2, 1, 1) and sum(counts) == summary.rows
    rows = list(csv.DictReader((tmp_path / "out.csv").open(encoding="utf-8")))
    assert list(rows[0])[:8] == ["order_id", "eccn", "destination", "date", "purchaser", "end_user",
                                 "foreign_produced", "note"]  # fmt: skip
    assert [r["order_id"] for r in rows] == ["A-1", "A-2", "A-3", "A-4", "A-5"] and rows[3]["note"] == "fourth"
    assert [r["verdict"] for r in rows] == [
        "license_required", "no_license_required", "prohibited", "review_needed", "license_required",
    ]  # fmt: skip
    assert "744.11" in rows[0]["citations"]
    assert "APP (15 CFR 740.7)" in rows[4]["license_exceptions"]  # China is not in Country Group B: no GBS/LVS
    assert "GBS" not in rows[4]["license_exceptions"]
    assert rows[2]["license_exceptions"] == "none available"
    determine_file(source, tmp_path / "out.json", engine=db[1])
    data = json.loads((tmp_path / "out.json").read_text())
    assert data[2]["prohibited"] is True and data[2]["input"]["order_id"] == "A-3"


def test_headline_never_nlr_while_review_is_needed(db: tuple[str, Engine]) -> None:
    """After the newest bundled data the rules may have changed: the data says NLR, the officer reads 'review'."""
    d = determine_from_input(db[1], eccn="4A994", destination="JP", on="2027-06-01")
    assert d.needs_review and d.verdict == "review_needed" and "No licence" not in d.headline
    assert d.to_dict()["headline"].startswith("Review needed")


def test_determine_file_reports_every_bad_row_and_writes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "bad.csv"
    source.write_text("eccn,destination,date,parties\n5A99,CN,,\nEAR99,XX,,\nEAR99,CN,2019-02-30,\nEAR99,CN,,boss=X\n")
    with pytest.raises(FileFormatError) as info:
        determine_file(source, tmp_path / "out.csv")
    assert [(p.line, p.field) for p in info.value.problems] == [
        (2, "eccn"),
        (3, "destination"),
        (4, "date"),
        (5, "party"),
    ]
    assert not (tmp_path / "out.csv").exists()


@pytest.fixture
def cli_env(db: tuple[str, Engine], monkeypatch: pytest.MonkeyPatch) -> Iterator[CliRunner]:
    monkeypatch.setenv("EXPORTCTL_DATABASE_URL", db[0])
    reset_settings_cache()
    yield CliRunner()
    reset_settings_cache()


def test_cli_determine_json_contract(cli_env: CliRunner) -> None:
    args = ["determine", "--eccn", "EAR99", "--destination", "CN", "--party", HUAWEI, "--date", "2019-06-01", "--json"]
    result = cli_env.invoke(app, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["license_required"] is True and data["review_policy"] is None
    assert data["review_policy_reason"].startswith("not recorded in list data")
    assert {e["status"] for e in data["license_exceptions"]} == {"not_available"}


def test_cli_determine_human_output_and_errors(cli_env: CliRunner) -> None:
    ok = cli_env.invoke(app, ["determine", "--eccn", "4A994", "--destination", "JP", "--date", "2026-09-01"])
    assert ok.exit_code == 0 and "NO LICENCE REQUIRED" in ok.stdout
    for args, field in (
        (["--eccn", "5A99", "--destination", "CN"], "eccn"),
        (["--eccn", "EAR99", "--destination", "QQ"], "destination"),
        (["--eccn", "EAR99", "--destination", "CN", "--date", "June 1"], "date"),
        (["--eccn", "EAR99", "--destination", "CN", "--party", "shipper=X"], "party"),
    ):
        bad = cli_env.invoke(app, ["determine", *args])
        assert bad.exit_code == 2 and f"[{field}]" in bad.stderr and "Traceback" not in bad.output


def test_cli_determine_file(cli_env: CliRunner, tmp_path: Path) -> None:
    source = tmp_path / "tx.csv"
    source.write_text("eccn,destination,date\n4A994,RU,2026-09-01\n")
    result = cli_env.invoke(app, ["determine-file", str(source), "--out", str(tmp_path / "o.json"), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "o.json").read_text())[0]["license_required"] is True


def test_publication_lag_flagged_through_the_service_744_11(db: tuple[str, Engine]) -> None:
    """2019-05-17: Huawei's rule was in effect (2019-05-16, 84 FR 22961) though the list dates it 2019-05-21."""
    d = determine_from_input(db[1], eccn="EAR99", destination="CN", parties=[HUAWEI], on="2019-05-17")
    assert d.license_required is True


def test_cli_determine_file_bad_rows_exit_2_with_line_and_field(cli_env: CliRunner, tmp_path: Path) -> None:
    source = tmp_path / "bad.csv"
    source.write_text("eccn,destination\n5A99,CN\nEAR99,Narnia\n")
    result = cli_env.invoke(app, ["determine-file", str(source), "--out", str(tmp_path / "o.csv")])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert ":2 [eccn]" in result.stderr and ":3 [destination]" in result.stderr
    assert not (tmp_path / "o.csv").exists()


def test_missing_required_column_is_reported(tmp_path: Path) -> None:
    source = tmp_path / "cols.csv"
    source.write_text("item,country\nEAR99,CN\n")
    with pytest.raises(FileFormatError) as info:
        determine_file(source, tmp_path / "o.csv")
    assert {p.field for p in info.value.problems} == {"eccn", "destination"}


def test_cli_headline_says_review_needed_not_nlr(cli_env: CliRunner) -> None:
    result = cli_env.invoke(app, ["determine", "--eccn", "4A994", "--destination", "JP", "--date", "2027-06-01"])
    assert result.exit_code == 0, result.output
    headline = result.output.splitlines()[0]
    assert "REVIEW NEEDED" in headline and "NO LICENCE REQUIRED" not in headline


def test_cli_licence_required_does_not_list_nlr_as_an_outcome(cli_env: CliRunner) -> None:
    result = cli_env.invoke(app, ["determine", "--eccn", "EAR99", "--destination", "CU", "--date", "2026-09-01"])
    assert result.exit_code == 0, result.output
    assert "LICENCE REQUIRED" in result.output.splitlines()[0]
    rows = result.output.split("├")  # one table row per finding (cells wrap over lines)
    cells = [[line.split("│")[1].strip() for line in row.splitlines() if line.startswith("│")] for row in rows]
    effects = [" ".join(cell) for cell in cells]
    assert any(e.startswith("nothing required by this rule") for e in effects)
    assert not any(e.startswith("no license required") for e in effects)
