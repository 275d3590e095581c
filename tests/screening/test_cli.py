"""The screening commands end to end: a real store imported from the bundled lists, the index cached on disk."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from exportctl.cli.main import app
from exportctl.config import reset_settings_cache

runner = CliRunner()


def _use(data: Path, patch: pytest.MonkeyPatch) -> None:
    patch.setenv("EXPORTCTL_DATA_DIR", str(data))
    patch.setenv("EXPORTCTL_DATABASE_URL", f"sqlite:///{data / 'store.sqlite3'}")
    reset_settings_cache()


@pytest.fixture(scope="module")
def imported_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A store with every bundled list imported, once for this module."""
    data = tmp_path_factory.mktemp("screening-store")
    with pytest.MonkeyPatch.context() as patch:
        _use(data, patch)
        imported = runner.invoke(app, ["lists", "import"])
        assert imported.exit_code == 0, imported.output
    reset_settings_cache()
    yield data


@pytest.fixture
def store(imported_store: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    _use(imported_store, monkeypatch)
    return imported_store


def test_empty_store_says_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXPORTCTL_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("EXPORTCTL_DATABASE_URL", f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    reset_settings_cache()
    result = runner.invoke(app, ["screen", "Huawei"])
    reset_settings_cache()
    assert result.exit_code == 3
    assert "exportctl lists import" in result.output


def test_screen_json_contract_and_index_cache(store: Path) -> None:
    result = runner.invoke(app, ["screen", "Huawei Technologies Co Ltd", "--country", "CN", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["query"] == "Huawei Technologies Co Ltd"
    # Huawei is also on the CMIC and FCC lists under the same name: the Entity List hit ties for first place
    best = next(hit for hit in data["hits"] if hit["list"] == "entity_list")
    assert best["primary_name"] == "Huawei Technologies Co., Ltd." and best["score"] == data["hits"][0]["score"]
    for hit in data["hits"]:
        assert {"entry_id", "list", "primary_name", "matched_name", "score", "country", "features"} <= set(hit)
        assert all(set(f) >= {"name", "value", "weight", "doc"} and f["doc"] for f in hit["features"])
    assert list((store / "screening-index").glob("*.pickle")), "the index is cached under the data directory"


def test_screen_text_and_bad_input(store: Path) -> None:
    shown = runner.invoke(app, ["screen", "АО «Радиозавод»"])
    assert shown.exit_code == 0 and "Radiozavod" in shown.output
    empty = runner.invoke(app, ["screen", "  "])
    assert empty.exit_code == 2 and "empty" in empty.output and "Traceback" not in empty.output
    nothing = runner.invoke(app, ["screen", "Nordic Semiconductor ASA"])
    assert nothing.exit_code == 0 and "no hit" in nothing.output


def test_screen_as_of_a_date_before_a_listing(store: Path) -> None:
    before = runner.invoke(app, ["screen", "Huawei Technologies Co Ltd", "--as-of", "2019-01-01", "--json"])
    assert before.exit_code == 0, before.output
    # the eCFR-derived entry (listed 2019-05-21) is left out; the CSL's Entity List row carries no listing date
    # (the 2026 CSL file has none), so as-of screening keeps it: an unknown date never means "not listed"
    sources_before = {(h["entry_id"].partition(":")[0], h["primary_name"]) for h in json.loads(before.output)["hits"]}
    assert ("entity-list", "Huawei Technologies Co., Ltd.") not in sources_before
    # that CSL row is kept because the files cannot say whether it was listed then: the result says so for the hit
    hits = [h["entry_id"] for h in json.loads(before.output)["hits"] if h["entry_id"].startswith("csl:")]
    notes = json.loads(before.output)["notes"]
    assert hits and any(n.startswith(f"{hits[0]}: listed then? unknown → review") for n in notes)


def test_screen_file_as_of_a_date_shows_the_notes(store: Path, tmp_path: Path) -> None:
    source = tmp_path / "customers.csv"
    source.write_text("id,name,country\n1,Huawei Technologies Co Ltd,CN\n")
    result = runner.invoke(app, ["screen-file", str(source), "--out", str(tmp_path / "o.csv"), "--as-of", "2025-06-01"])
    assert result.exit_code == 0, result.output
    assert "note:" in result.output and "flagged unknown → review" in " ".join(result.output.split())
    # and in the file, on the row of each hit whose listing on the date the files cannot tell (not on the others)
    with (tmp_path / "o.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    unknown = [r for r in rows if r["note"].startswith(f"{r['entry_id']}: listed then? unknown → review")]
    assert unknown and all(r["entry_id"] in r["note"] for r in unknown)
    assert all(not r["note"] for r in rows if r not in unknown)


def test_screen_file(store: Path, tmp_path: Path) -> None:
    source = tmp_path / "customers.csv"
    source.write_text("id,name,country\n1,Huawei Technologies Co Ltd,CN\n2,,\n3,Nordic Semiconductor ASA,NO\n")
    out = tmp_path / "hits.csv"
    result = runner.invoke(app, ["screen-file", str(source), "--out", str(out), "--top", "2"])
    assert result.exit_code == 0, result.output
    assert "3 rows in 1 partitions: 2 screened" in result.output and ":3" in result.output  # the bad row's line
    with out.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [(r["id"], r["note"][:12]) for r in rows] == [("1", ""), ("1", ""), ("2", "not screened"), ("3", "no hit")]
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes("id,name\n1,Huawei\n2,Soci\xe9t\xe9 G\xe9n\xe9rale\n".encode("latin-1"))
    unreadable = runner.invoke(app, ["screen-file", str(latin1), "--out", str(tmp_path / "l.csv")])
    assert unreadable.exit_code != 0 and "latin1.csv:3" in unreadable.output and not (tmp_path / "l.csv").exists()
    missing = runner.invoke(app, ["screen-file", str(source), "--out", str(out), "--name-column", "company"])
    assert missing.exit_code == 2 and "company" in missing.output


def test_exposure(store: Path, tmp_path: Path) -> None:
    inventory = tmp_path / "inventory.csv"
    inventory.write_text(
        "vendor,model,site,contract\n"
        '"Huawei Technologies Co., Ltd.",NE40E,Berlin-1,C-100\n'
        '"Huawei Technologies Co., Ltd.",S5700,Munich-2,C-101\n'
        '"Hangzhou Hikvision Digital Technology Co., Ltd.",DS-2CD,Berlin-1,C-200\n'
        "Cisco Systems,ASR 9000,Berlin-1,C-300\n"
        "Nokia,AirScale,Munich-2,C-400\n"
    )
    result = runner.invoke(app, ["exposure", str(inventory), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    flagged = {v["vendor"]: v for v in report["flagged_vendors"]}
    assert set(flagged) == {"Huawei Technologies Co., Ltd.", "Hangzhou Hikvision Digital Technology Co., Ltd."}
    assert flagged["Huawei Technologies Co., Ltd."]["contracts"] == ["C-100", "C-101"]
    assert {h["list"] for h in flagged["Huawei Technologies Co., Ltd."]["hits"]} <= {"fcc", "entity_list"}
    berlin = next(s for s in report["sites"] if s["site"] == "Berlin-1")
    assert berlin["rows"] == 3 and berlin["flagged_rows"] == 2 and berlin["contracts_affected"] == ["C-100", "C-200"]
    table = runner.invoke(app, ["exposure", str(inventory)])
    assert table.exit_code == 0 and "Berlin-1" in table.output


def test_a_corrupt_or_foreign_index_cache_is_rebuilt(store: Path) -> None:
    assert runner.invoke(app, ["screen", "Huawei", "--json"]).exit_code == 0
    caches = list((store / "screening-index").glob("*.pickle"))
    assert caches
    for cache in caches:
        cache.write_bytes(b"not a pickle")
    result = runner.invoke(app, ["screen", "Huawei Technologies Co Ltd", "--json"])
    assert result.exit_code == 0, result.output
    best = json.loads(result.output)["hits"][0]  # the Entity List, CMIC (upper case) and FCC entries tie
    assert best["primary_name"].casefold() == "huawei technologies co., ltd."
