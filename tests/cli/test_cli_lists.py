"""``exportctl lists …`` and ``exportctl db upgrade`` end to end (in-process Typer runner, real files, SQLite)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from exportctl.cli.main import app
from exportctl.lists.bundled import DATA_DIR

DPL_2022 = DATA_DIR / "dpl.txt"
DPL_2026 = DATA_DIR / "denied_persons_list.csv"
runner = CliRunner()


@pytest.fixture(autouse=True)
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "cli.sqlite3"
    monkeypatch.setenv("EXPORTCTL_DATABASE_URL", f"sqlite:///{path}")
    from exportctl.config import reset_settings_cache

    reset_settings_cache()
    return path


def run(*args: str) -> Result:
    return runner.invoke(app, list(args))


def run_json(*args: str) -> Any:
    result = run(*args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_db_upgrade_creates_the_database(database: Path) -> None:
    result = run("db", "upgrade")
    assert result.exit_code == 0, result.output
    assert "up to date" in result.stdout and database.is_file()


def test_import_status_and_reimport(database: Path) -> None:
    first = run("lists", "import", "--source", "dpl", str(DPL_2022))
    assert first.exit_code == 0, first.output
    assert "imported 581 entries" in first.stdout
    [again] = run_json("lists", "import", "--source", "dpl", str(DPL_2022))
    assert again["unchanged"] is True and "identical" in again["message"]
    [status] = run_json("lists", "status")
    assert status["source"] == "dpl" and status["entry_count"] == 581 and status["effective_date"] == "2022-09-02"
    assert "dpl" in run("lists", "status").stdout


def test_diff_show_history_listed_snapshots() -> None:
    assert run("lists", "import", "--source", "dpl", str(DPL_2022)).exit_code == 0
    assert run("lists", "import", "--source", "dpl", str(DPL_2026)).exit_code == 0
    snaps = run_json("lists", "snapshots", "dpl")
    assert [s["is_current"] for s in snaps] == [False, True]
    diff = run_json("lists", "diff", "dpl")
    assert "dpl:aiden-davidson" in {f"dpl:{e['source_id']}" for e in diff["added"]}
    explicit = run_json("lists", "diff", "dpl", "--from", str(snaps[0]["id"]), "--to", str(snaps[1]["id"]))
    assert len(explicit["removed"]) == len(diff["removed"])
    shown = run_json("lists", "show", "dpl:aaron-abraham-villa", "--snapshot", str(snaps[0]["id"]))
    assert shown["primary_name"] == "AARON ABRAHAM VILLA" and shown["listed_on"] == "2022-08-24"
    events = run_json("lists", "history", "Aaron Abraham Villa")
    assert [e["kind"] for e in events] == ["listed", "appeared", "removed", "disappeared"]
    listed = run_json("lists", "listed", "AIDEN DAVIDSON", "--on", "2024-01-01")
    assert listed["listed"] is True
    for args in (
        ("diff", "dpl"),
        ("history", "AIDEN DAVIDSON"),
        ("snapshots", "dpl"),
        ("listed", "x", "--on", "2024-01-01"),
    ):
        assert run("lists", *args).exit_code == 0


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("lists", "show", "dpl:nobody"), 3, "no current snapshot"),
        (("lists", "diff", "dpl"), 3, "no snapshot imported"),
        (("lists", "listed", "x", "--on", "2024-13-01"), 2, "not a date"),
        (("lists", "import", "--source", "dpl"), 2, "give both"),
        (("lists", "import", "--source", "nope", str(DPL_2022)), 2, "unknown source"),
    ],
)
def test_errors_are_clean_messages_with_exit_codes(args: tuple[str, ...], code: int, message: str) -> None:
    result = run(*args)
    assert result.exit_code == code
    assert message in result.stderr
    assert "Traceback" not in result.output


def _wrong_header(text: bytes) -> bytes:
    return b'"Nom"\t"Rue"' + text[text.index(b"\n") :]


def _bad_bytes(text: bytes) -> bytes:
    lines = text.split(b"\n")
    lines[3] = lines[3].replace(b"A", b"\xff", 1)
    lines[7] = lines[7].replace(b"E", b"\xfe", 1)
    return b"\n".join(lines)


def _truncated(text: bytes) -> bytes:
    return text[: len(text) // 2] + b'"UNFINISHED'


def _short_rows(text: bytes) -> bytes:
    lines = text.split(b"\n")
    lines[4] = lines[4].rsplit(b"\t", 1)[0]
    lines[8] = lines[8].rsplit(b"\t", 2)[0]
    return b"\n".join(lines)


MALFORMED: list[tuple[str, Path, Callable[[bytes], bytes], list[str]]] = [
    ("dpl", DPL_2022, _wrong_header, [":1 [header]"]),
    ("dpl", DPL_2022, _bad_bytes, [":4 [encoding]", ":8 [encoding]"]),
    ("dpl", DPL_2022, _short_rows, [":5", ":9"]),
    ("dpl", DPL_2022, _truncated, ["truncated"]),
    ("un", DATA_DIR / "UN_consolidated.xml", lambda t: t[: len(t) // 3], ["UN_consolidated.xml:"]),
]


@pytest.mark.parametrize(
    ("source", "good", "damage", "expected"), MALFORMED, ids=lambda v: getattr(v, "__name__", None)
)
def test_a_malformed_file_prints_every_problem_and_keeps_the_current_snapshot(
    tmp_path: Path, source: str, good: Path, damage: Callable[[bytes], bytes], expected: list[str]
) -> None:
    assert run("lists", "import", "--source", source, str(good)).exit_code == 0
    before = run_json("lists", "status")
    bad = tmp_path / good.name
    bad.write_bytes(damage(good.read_bytes()))
    result = run("lists", "import", "--source", source, str(bad))
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert str(bad) in result.stderr
    for fragment in expected:
        assert fragment in result.stderr
    assert run_json("lists", "status") == before


def test_every_command_is_documented() -> None:
    for command in ("import", "status", "snapshots", "diff", "show", "history", "listed"):
        result = run("lists", command, "--help")
        assert result.exit_code == 0
        assert len(result.stdout.strip()) > 40
