"""The licensing commands end to end on SQLite: draft to licence to shipment, clean errors, audit verify."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text
from typer.testing import CliRunner

from exportctl.cli.main import app
from exportctl.lists.ingest import import_file
from tests.licensing.conftest import Cast, good_input
from tests.licensing.test_denial_and_screening import DPL

runner = CliRunner()


@pytest.fixture
def cli_env(sqlite_engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Engine:
    monkeypatch.setenv("EXPORTCTL_DATABASE_URL", sqlite_engine.url.render_as_string(hide_password=False))
    from exportctl.config import reset_settings_cache

    reset_settings_cache()
    return sqlite_engine


@pytest.fixture
def engine(cli_env: Engine) -> Engine:  # the cast fixture creates its users in the CLI's database
    return cli_env


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_application_to_shipment(cli_env: Engine, cast: Cast, tmp_path: Path) -> None:
    file = tmp_path / "app.json"
    file.write_text(good_input().model_dump_json(), encoding="utf-8")
    exporter, reviewer = "officer@chips.example", "lo1@bis.example"
    code, out = run("applications", "create", str(file), "--as", exporter, "--on", "2020-11-09")
    assert code == 0 and "Z000001" in out
    assert run("applications", "submit", "Z000001", "--as", exporter, "--on", "2020-11-09")[0] == 0
    assert run("review", "register", "Z000001", "--as", reviewer, "--on", "2020-11-10")[0] == 0
    assert run("review", "start", "Z000001", "--as", reviewer, "--on", "2020-11-10")[0] == 0
    code, out = run("review", "queue", "--as", reviewer, "--as-of", "2021-03-01", "--overdue", "--json")
    assert code == 0 and json.loads(out)[0]["clock"]["overdue"] is True
    code, out = run(
        "review", "decide", "Z000001", "--outcome", "approved", "--reason", "consumer handsets", "--as", reviewer,
        "--on", "2020-12-01",
    )  # fmt: skip
    assert code == 0 and "licence D000001" in out
    ship = ("licences", "ship", "D000001", "--value", "1000.00", "--quantity", "10", "--as", exporter)
    code, out = run(*ship, "--on", "2021-01-05")  # no list imported: unscreened parties hold the shipment
    assert code == 6 and "no list snapshot is in force on 2021-01-05" in out
    import_file(cli_env, "dpl", DPL)  # the parties can be screened now
    code, out = run(*ship, "--on", "2021-01-05")
    assert code == 0, out
    code, out = run(
        "licences", "ship", "D000001", "--value", "99999999", "--quantity", "1", "--as", exporter, "--on", "2021-01-05"
    )
    assert code == 6 and "left" in out
    code, out = run("licences", "shipments", "D000001", "--as", exporter, "--json")
    assert code == 0 and [x["value"] for x in json.loads(out)] == ["1000.00"]
    code, out = run("applications", "decisions", "Z000001", "--as", exporter, "--json")
    assert code == 0 and json.loads(out)[0]["licence_number"] == "D000001"
    code, out = run("licences", "show", "D000001", "--as", exporter, "--json")
    assert json.loads(out)["value_used"] == "1000.00"
    code, out = run("applications", "show", "Z000001", "--as", "officer@other.example")
    assert code == 3 and "Traceback" not in out
    assert run("audit", "verify")[0] == 0


def test_bad_file_names_every_field(cli_env: Engine, cast: Cast, tmp_path: Path) -> None:
    file = tmp_path / "bad.json"
    file.write_text(json.dumps({"items": [{"eccn": "5Z999", "description": "x", "quantity": 0, "unit_value": "1"}]}))
    code, out = run("applications", "create", str(file), "--as", "officer@chips.example")
    assert code == 2
    assert "items.0.eccn" in out and "items.0.quantity" in out


def test_lint_file_exits_1_on_errors(tmp_path: Path) -> None:
    file = tmp_path / "vague.json"
    file.write_text(good_input(end_use="General purposes etc.", justification="").model_dump_json())
    code, out = run("applications", "lint", str(file))
    assert code == 1 and "vague_end_use" in out and "missing_justification" in out


def test_audit_verify_fails_on_tampering(cli_env: Engine, cast: Cast) -> None:
    with cli_env.begin() as connection:
        connection.execute(text("UPDATE audit_events SET after = '{}' WHERE seq = 2"))
    code, out = run("audit", "verify")
    assert code == 7 and "event 2" in out


def test_every_licensing_command_has_help() -> None:
    import typer

    root: Any = typer.main.get_command(app)
    for group_name in ("applications", "review", "licences", "audit", "orgs"):
        group = root.commands[group_name]
        assert group.commands and group.help
        for name, command in group.commands.items():
            assert command.help and command.help.strip(), f"{group_name} {name} has no help"
            code, out = run(group_name, name, "--help")
            assert code == 0 and "Usage" in out


def test_lint_with_determination_flags_items_needing_no_licence(cli_env: Engine, tmp_path: Path) -> None:
    from decimal import Decimal

    from exportctl.licensing.inputs import ItemInput

    cable = ItemInput(eccn="EAR99", description="patch cable", quantity=10, unit_value=Decimal("2.00"))
    file = tmp_path / "cable.json"
    file.write_text(good_input(items=(cable,)).model_dump_json())
    code, out = run("applications", "lint", str(file), "--determine", "--on", "2021-01-04")
    assert code == 0 and "no_licence_required" not in out  # no list imported: unscreened parties prove nothing
    import_file(cli_env, "dpl", DPL)  # the 2022 file: in force from 2022-09-02
    code, out = run("applications", "lint", str(file), "--determine", "--on", "2021-01-04")
    assert code == 0 and "no_licence_required" not in out  # list data that begins after the date settles nothing
    code, out = run("applications", "lint", str(file), "--determine", "--on", "2022-10-03")
    assert code == 0 and "no_licence_required" in out and "734.3(c)" in out


def test_answer_info_and_intent_response_from_the_cli(cli_env: Engine, cast: Cast, tmp_path: Path) -> None:
    """The applicant's answers, once only on the web page, are commands dispatched through the step table."""
    file = tmp_path / "app.json"
    file.write_text(good_input().model_dump_json(), encoding="utf-8")
    exporter, reviewer = "officer@chips.example", "lo1@bis.example"
    assert run("applications", "create", str(file), "--as", exporter, "--on", "2020-11-09")[0] == 0
    assert run("applications", "submit", "Z000001", "--as", exporter, "--on", "2020-11-09")[0] == 0
    for step in ("register", "start"):
        assert run("review", step, "Z000001", "--as", reviewer, "--on", "2020-11-10")[0] == 0
    code, out = run("review", "request-info", "Z000001", "--reason", "end use?", "--as", reviewer, "--on", "2020-11-11")
    assert code == 0 and "info_requested" in out, out
    code, out = run(
        "applications", "answer-info", "Z000001", "--answer", "see letter", "--as", exporter, "--on", "2020-11-11"
    )
    assert code == 0 and "under_review" in out, out
    code, out = run("review", "intent-to-deny", "Z000001", "--reason", "risk", "--as", reviewer, "--on", "2020-11-12")
    assert code == 0 and "intent_to_deny" in out, out
    code, out = run(
        "applications", "intent-response", "Z000001", "--response", "we object", "--as", exporter, "--on", "2020-11-13"
    )
    assert code == 0 and "response recorded" in out, out
    code, out = run(
        "applications", "intent-response", "Z000001", "--response", "twice", "--as", exporter, "--on", "2020-11-13"
    )
    assert code != 0 and "already" in out
