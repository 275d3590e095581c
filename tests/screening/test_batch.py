"""screen_file: one row per hit, bad rows reported with their line, clear errors for unusable files."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from exportctl.errors import FileFormatError, InputError
from exportctl.screening import ScreeningIndex, screen_file
from exportctl.screening.batch import OUTPUT_COLUMNS

ROWS = [
    ("c1", "Huawei Technologies Co Ltd", "CN"),
    ("c2", "", ""),
    ("c3", "Nordic Semiconductor ASA", "NO"),
    ("c4", "???", ""),
    ("c5", "АО «НИИ Вектор»", ""),
    ("c6", "Bashar al-Assad", "Narnia"),
]


def _write(path: Path, rows: list[tuple[str, str, str]], header: tuple[str, ...] = ("id", "name", "country")) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def test_hits_bad_rows_and_no_hit_rows(index: ScreeningIndex, tmp_path: Path) -> None:
    progress: list[tuple[int, int]] = []
    report = screen_file(
        index,
        _write(tmp_path / "in.csv", ROWS),
        tmp_path / "out.csv",
        top=3,
        progress=lambda d, t: progress.append((d, t)),
    )
    assert report.rows == 6 and report.screened == 3
    assert [(p.line, p.field) for p in report.bad_rows] == [(3, "name"), (5, "name"), (7, "country")]
    assert progress[-1] == (6, 6)
    with (tmp_path / "out.csv").open(encoding="utf-8") as f:
        out = list(csv.DictReader(f))
    assert tuple(out[0]) == OUTPUT_COLUMNS
    ids = {row["id"] for row in out}
    assert ids == {"c1", "c5"}  # the Nordic firm has no hit, so no row; bad rows have none either
    top = next(row for row in out if row["id"] == "c1" and row["rank"] == "1")
    first = next(row for row in out if row["id"] == "c1" and row["list"] == "entity_list")  # ties with CMIC's
    assert first["primary_name"] == "Huawei Technologies Co., Ltd." and first["score"] == top["score"]
    assert report.hits_written == len(out)


def test_missing_column_is_named(index: ScreeningIndex, tmp_path: Path) -> None:
    path = _write(tmp_path / "in.csv", [("c1", "x", "")], header=("id", "company", "country"))
    with pytest.raises(InputError) as error:
        screen_file(index, path, tmp_path / "out.csv")
    assert error.value.field == "name" and "'name'" in str(error.value) and "company" in str(error.value)
    assert not (tmp_path / "out.csv").exists()
    report = screen_file(index, path, tmp_path / "out.csv", name_column="company")
    assert report.rows == 1


def test_bad_encoding_names_file_and_line(index: ScreeningIndex, tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes("id,name\nc1,Huawei\nc2,Soci\xe9t\xe9 G\xe9n\xe9rale\n".encode("latin-1"))
    with pytest.raises(FileFormatError) as error:
        screen_file(index, path, tmp_path / "out.csv")
    assert error.value.problems[0].line == 3 and "UTF-8" in str(error.value)
    assert not (tmp_path / "out.csv").exists()


def test_empty_file_and_missing_file(index: ScreeningIndex, tmp_path: Path) -> None:
    (tmp_path / "empty.csv").write_text("", encoding="utf-8")
    with pytest.raises(FileFormatError):
        screen_file(index, tmp_path / "empty.csv", tmp_path / "out.csv")
    with pytest.raises(InputError):
        screen_file(index, tmp_path / "nope.csv", tmp_path / "out.csv")


def test_batch_gives_each_row_what_a_single_screen_gives_and_restores_the_collector(index: ScreeningIndex) -> None:
    import gc

    from exportctl.screening import screen
    from exportctl.screening.rows import InputRow, screen_rows

    names = [
        "Huawei Technologies Co Ltd",
        "Langchao Group",
        "Nordic Semiconductor ASA",
        "华为技术有限公司",
        "Rosoboronexport",
    ]
    rows = [InputRow(line, str(line), name, "") for line, name in enumerate(names, start=2)]
    was_enabled = gc.isenabled()
    try:
        for enabled in (True, False):
            (gc.enable if enabled else gc.disable)()
            outcomes = screen_rows(index, rows, 0.72, 5)
            assert gc.isenabled() is enabled  # paused only while a chunk is screened
    finally:
        (gc.enable if was_enabled else gc.disable)()
    for row, outcome in zip(rows, outcomes, strict=True):
        alone = screen(index, row.name, limit=5)
        assert [(r[6], r[4]) for r in outcome.rows] == [(h.entry_id, f"{h.score:.4f}") for h in alone.hits]
    assert sum(1 for o in outcomes if o.rows) >= 3
