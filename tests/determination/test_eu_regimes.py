"""``exportctl determine --regime``: the EU regime and both side by side through the CLI (a store with no lists: the
parties are then unscreened, which the answers say)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from typer.testing import CliRunner

from exportctl.cli.main import app
from exportctl.config import reset_settings_cache
from exportctl.determination.regimes import Regime, parse_regime
from exportctl.errors import InputError
from exportctl.store.db import make_engine, upgrade


@pytest.fixture(scope="module")
def db_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('eu-db') / 'exportctl.sqlite3'}"
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    return url


@pytest.fixture
def cli(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[CliRunner]:
    monkeypatch.setenv("EXPORTCTL_DATABASE_URL", db_url)
    reset_settings_cache()
    yield CliRunner()
    reset_settings_cache()


def _json(cli: CliRunner, *args: str) -> dict[str, Any]:
    result = cli.invoke(app, ["determine", *args, "--json"])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_all_answers_both_regimes_with_citations(cli: CliRunner) -> None:
    data = _json(cli, "--regime", "all", "--control", "3B001.c", "--from", "NL", "--destination", "CN",
                 "--date", "2026-01-15")  # fmt: skip
    eu, us = data["answers"]["eu-dual-use"], data["answers"]["us-ear"]
    assert eu["verdict"] == "review_needed"  # 3B001.c is "Not used" in Annex I; Dutch national 3B controls
    assert {r["rule"] for r in eu["reasons"]} >= {"annex_i", "national_measures"}
    assert any("Annex I, 3B001.c" in r["citation"] for r in eu["reasons"])
    assert "© European Union" in eu["attribution"]
    assert us["verdict"] == "license_required" and any("742.4" in r["citation"] for r in us["reasons"])
    assert data["verdict"] == "license_required" and len(data["what_you_need"]) == 2
    assert "subject to the EAR" in data["what_you_need"][1]


def test_eu_annex_i_item_needs_authorisation_and_names_the_gea(cli: CliRunner) -> None:
    eu = _json(cli, "--regime", "eu-dual-use", "--control", "3B001.f.1", "--from", "DE", "--destination", "US",
               "--date", "2026-01-15")  # fmt: skip
    assert eu["verdict"] == "license_required" and eu["authorisation_required"] is True
    eu001 = next(g for g in eu["general_authorisations"] if g["code"] == "EU001")
    assert eu001["status"] == "available"
    assert {"registration", "notification", "customs", "reporting"} <= {c["kind"] for c in eu001["conditions"]}


def test_us_regime_unchanged_by_the_control_alias(cli: CliRunner) -> None:
    by_eccn = _json(cli, "--eccn", "4A994", "--destination", "JP", "--date", "2026-09-01")
    by_control = _json(cli, "--regime", "us-ear", "--control", "4A994", "--destination", "JP", "--date", "2026-09-01")
    assert by_eccn == by_control and by_eccn["verdict"] == "no_license_required"


def test_human_output_shows_both_columns_and_the_attribution(cli: CliRunner) -> None:
    args = ["determine", "--regime", "all", "--control", "3B001.f.1", "--from", "NL", "--destination", "CN"]
    result = cli.invoke(app, [*args, "--date", "2026-01-15"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    for text in ("eu-dual-use", "us-ear", "what you need", "© European Union", "EU003", "Art. 3(1)"):
        assert text in result.stdout


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["--regime", "eu", "--control", "3B001", "--from", "NL", "--destination", "CN"], "regime"),
        (["--regime", "eu-dual-use", "--control", "3B999", "--from", "NL", "--destination", "CN"], "control"),
        (["--regime", "eu-dual-use", "--control", "3B001.f.1", "--from", "US", "--destination", "CN"], "from"),
        (["--regime", "eu-dual-use", "--control", "3B001.f.1", "--destination", "CN"], "from"),
        (["--regime", "eu-dual-use", "--control", "3A090", "--from", "NL", "--destination", "FR"], "destination"),
        (["--regime", "all", "--control", "3B999", "--from", "NL", "--destination", "CN"], "control"),
    ],
)
def test_bad_input_names_the_field(cli: CliRunner, args: list[str], field: str) -> None:
    bad = cli.invoke(app, ["determine", *args])
    assert bad.exit_code == 2 and f"[{field}]" in bad.stderr and "Traceback" not in bad.output


def test_a_code_valid_in_one_regime_is_answered_per_regime(cli: CliRunner) -> None:
    us_only = _json(cli, "--regime", "all", "--control", "3A090.a", "--from", "NL", "--destination", "CN",
                    "--date", "2026-01-15")  # fmt: skip
    eu = us_only["answers"]["eu-dual-use"]
    assert eu["verdict"] == "no_license_required" and "not in Annex I" in eu["reasons"][0]["summary"]
    eu_only = _json(cli, "--regime", "all", "--control", "3B501", "--from", "DE", "--destination", "CN",
                    "--date", "2026-01-15")  # fmt: skip
    assert eu_only["answers"]["eu-dual-use"]["verdict"] == "license_required"
    assert eu_only["answers"]["us-ear"]["verdict"] == "review_needed"  # not on the CCL: never NLR
    intra = _json(cli, "--regime", "all", "--control", "3A090", "--from", "NL", "--destination", "FR",
                  "--date", "2026-01-15")  # fmt: skip
    assert intra["answers"]["eu-dual-use"]["field"] == "destination"
    assert intra["answers"]["us-ear"]["verdict"] in {"license_required", "review_needed", "no_license_required"}


def test_parse_regime() -> None:
    assert parse_regime(None) is Regime.US_EAR and parse_regime(" ALL ") is Regime.ALL
    with pytest.raises(InputError) as caught:
        parse_regime("eu")
    assert caught.value.field == "regime"
