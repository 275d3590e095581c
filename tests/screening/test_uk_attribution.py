"""Hits on the UK OFSI list carry its Open Government Licence notice in screening and determination output."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from typer.testing import CliRunner

from exportctl.cli.main import app
from exportctl.config import reset_settings_cache
from exportctl.lists.attribution import OGL_V3
from exportctl.lists.bundled import DATA_DIR
from exportctl.lists.ingest import import_file
from exportctl.store.db import make_engine, upgrade

NAME = "224TH FLIGHT UNIT STATE AIRLINES"  # a designation of the bundled UK list (RU)


@pytest.fixture(scope="module")
def uk_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('uk') / 'exportctl.sqlite3'}"
    engine = make_engine(url)
    upgrade(engine)
    import_file(engine, "uk-ofsi", DATA_DIR / "uk_ofsi_ConList_2025-04-14.xlsx")
    engine.dispose()
    return url


@pytest.fixture
def cli(uk_db: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[CliRunner]:
    monkeypatch.setenv("EXPORTCTL_DATABASE_URL", uk_db)
    reset_settings_cache()
    yield CliRunner()
    reset_settings_cache()


def test_screening_hit_on_the_uk_list_carries_the_ogl_notice(cli: CliRunner) -> None:
    result = cli.invoke(app, ["screen", NAME, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    top = data["hits"][0]
    assert top["source"] == "uk-ofsi" and top["attribution"] == OGL_V3 and data["attributions"] == [OGL_V3]
    human = cli.invoke(app, ["screen", NAME], env={"COLUMNS": "200"})
    assert "Open Government Licence v3.0" in human.stdout


def test_determination_with_a_uk_hit_shows_the_notice(cli: CliRunner) -> None:
    args = ["determine", "--control", "EAR99", "--destination", "RU", "--party", f"end_user={NAME}"]
    human = cli.invoke(app, [*args, "--date", "2026-01-15"], env={"COLUMNS": "200"})
    assert human.exit_code == 0, human.output
    assert "Open Government Licence v3.0" in human.stdout
    data = json.loads(cli.invoke(app, [*args, "--date", "2026-01-15", "--json"]).stdout)
    hits = [r["hit"] for r in data["reasons"] if r["hit"]]
    assert hits and all(h["attribution"] == OGL_V3 for h in hits if h["source"] == "uk-ofsi")
