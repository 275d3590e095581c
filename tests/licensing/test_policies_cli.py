"""``exportctl policies …`` on a fresh SQLite database: history, seed, list, preview, apply, bad input."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from exportctl.cli.db import open_engine
from exportctl.cli.main import app
from exportctl.config import reset_settings_cache
from exportctl.licensing.organisations import create_organisation, create_user
from exportctl.store.db import session_scope

runner = CliRunner()
ADMIN = "policy@bis.example"


@pytest.fixture(autouse=True)
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("EXPORTCTL_DATABASE_URL", f"sqlite:///{tmp_path / 'p.sqlite3'}")
    reset_settings_cache()
    with session_scope(open_engine()) as s:
        bis = create_organisation(s, "Bureau of Industry and Security", "authority")
        create_user(s, bis, ADMIN, "policy", ["policy_admin"])
        create_user(s, bis, "lo@bis.example", "lo", ["reviewer"])
    yield
    reset_settings_cache()


def run(*args: str) -> Result:
    return runner.invoke(app, list(args), terminal_width=250)


def flat(text: str) -> str:
    """Console output with Rich's line wrapping undone."""
    return " ".join(text.split())


def test_history_shows_citations_and_their_gaps() -> None:
    result = run("policies", "history", "--json")
    assert result.exit_code == 0, result.output
    history = {p["policy_id"]: p for p in json.loads(result.output)}
    assert "84 FR 22963" in history["huawei-2019-listing"]["citation"]
    assert history["huawei-2019-listing"]["citation_verification"] == "partial"
    assert "date ASSUMED" in history["huawei-2020-5g"]["date_note"]
    assert "UNVERIFIED" in history["huawei-2023-halt"]["citation"]
    assert "huawei-2024-revocation" in flat(run("policies", "history").output)


def test_seed_list_preview_apply() -> None:
    assert run("policies", "seed", "--as", ADMIN).output.startswith("5 policies added")
    assert "0 policies added" in run("policies", "seed", "--as", ADMIN).output
    listed = [p["policy_id"] for p in json.loads(run("policies", "list", "--json").output)]
    assert "smic-2020-10nm" in listed and "huawei-2023-halt" not in listed
    preview = run("policies", "preview", "--preset", "huawei-2023-halt", "--as", "lo@bis.example")
    assert preview.exit_code == 0 and "0 pending application(s)" in flat(preview.output)
    refused = run("policies", "apply", "--preset", "huawei-2023-halt", "--as", "lo@bis.example")
    assert refused.exit_code == 4  # a reviewer may not change policy
    applied = run("policies", "apply", "--preset", "huawei-2023-halt", "--as", ADMIN)
    assert applied.exit_code == 0, applied.output
    assert "huawei-2023-halt" in run("policies", "list", "--json").output


def test_policy_file_problems_are_reported_by_field(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"policy_id": "x", "title": "t", "family": "f", "outcome": "maybe"}), encoding="utf-8")
    result = run("policies", "preview", "--file", str(bad), "--as", ADMIN)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "outcome" in result.output and "effective_from" in result.output
    good = tmp_path / "good.json"
    good.write_text(
        json.dumps(
            {"policy_id": "acme", "title": "Acme: denial", "family": "Acme", "name_contains": ["Acme"],
             "outcome": "policy_of_denial", "effective_from": "2024-01-01"}
        ),
        encoding="utf-8",
    )  # fmt: skip
    preview = run("policies", "preview", "--file", str(good), "--as", ADMIN, "--json")
    assert preview.exit_code == 0, preview.output
    assert json.loads(preview.output) == {
        "policy_id": "acme", "on_date": "2024-01-01", "unchanged": 0, "changes": [], "affected_licences": [],
    }  # fmt: skip
    assert run("policies", "preview", "--preset", "nope", "--as", ADMIN).exit_code == 2
    assert run("policies", "action", "nope", "--as", ADMIN).exit_code == 2
