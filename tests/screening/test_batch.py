"""screen_file: one row per hit, one row per name without hit or not screened, bad rows reported with their line,
clear errors for unusable files, an undecodable partition reported and the others screened, Parquet in and out."""

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
    assert list(dict.fromkeys(row["id"] for row in out)) == ["c1", "c2", "c3", "c4", "c5", "c6"]  # every row, in order
    notes = {row["id"]: row["note"] for row in out if not row["rank"]}
    assert notes.keys() == {"c2", "c3", "c4", "c6"} and notes["c3"] == "no hit"
    assert notes["c2"] == "not screened (line 3): the name to screen is empty"
    assert notes["c4"].startswith("not screened (line 5): ") and notes["c6"].startswith("not screened (line 7): ")
    assert out[-1]["query"] == "Bashar al-Assad" and all(row["note"] == "" for row in out if row["rank"])
    top = next(row for row in out if row["id"] == "c1" and row["rank"] == "1")
    first = next(row for row in out if row["id"] == "c1" and row["list"] == "entity_list")  # ties with CMIC's
    assert first["primary_name"] == "Huawei Technologies Co., Ltd." and first["score"] == top["score"]
    assert report.hits_written == len(out)


def test_what_a_result_says_about_a_name_is_in_its_rows(index: ScreeningIndex, tmp_path: Path) -> None:
    # a name in a script read only letter by letter, and a name cut short: "no hit" alone would say "not listed"
    rows = [
        ("k", "ファーウェイ・テクノロジーズ", ""),
        ("long", "Huawei Technologies " + "x" * 10_000, ""),
        ("ok", "Huawei", ""),
    ]
    screen_file(index, _write(tmp_path / "in.csv", rows), tmp_path / "out.csv", top=2)
    with (tmp_path / "out.csv").open(encoding="utf-8") as f:
        out = list(csv.DictReader(f))
    katakana = [row["note"] for row in out if row["id"] == "k"]
    assert katakana == [katakana[0]] and katakana[0].startswith("no hit; written partly or wholly in Katakana script")
    long = [row for row in out if row["id"] == "long"]
    assert long and all("only its start was screened" in row["note"] for row in long)
    assert all(row["note"] == "" for row in out if row["id"] == "ok")


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
    with pytest.raises(FileFormatError) as error:  # its only partition is unreadable: nothing to screen
        screen_file(index, path, tmp_path / "out.csv")
    assert error.value.problems[0].line == 3 and "UTF-8" in str(error.value)
    assert not (tmp_path / "out.csv").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["latin1.csv"]  # no part, no temporary file left


def test_an_unreadable_partition_is_reported_and_the_others_screened(index: ScreeningIndex, tmp_path: Path) -> None:
    lines = [f"p{i},Nordic Semiconductor {i}" for i in range(40)]
    lines[25] = "p25,Soci\xe9t\xe9 G\xe9n\xe9rale"  # line 27 (header = 1)
    path = tmp_path / "mixed.csv"
    path.write_bytes(("id,name\n" + "\n".join(lines) + "\n").encode("latin-1"))
    report = screen_file(index, path, tmp_path / "out.csv", partition_bytes=200)
    assert report.partitions > 4 and len(report.unreadable) == 1
    bad = report.unreadable[0]
    assert bad.line == 27 and "bytes " in bad.message and "not screened" in bad.message
    with (tmp_path / "out.csv").open(encoding="utf-8") as f:
        ids = [row["id"] for row in csv.DictReader(f)]
    unread = {f"p{i}" for i in range(40)} - set(ids)
    assert "p25" in unread and 0 < len(unread) < 10  # only that partition's rows are missing
    assert report.rows == 40 - len(unread)


def test_partitions_cut_at_record_boundaries_keep_line_numbers(index: ScreeningIndex, tmp_path: Path) -> None:
    rows = [
        (f"q{i}", f"Nordic\nSemiconductor {i}" if i % 3 == 0 else f"Nordic Semiconductor {i}", "") for i in range(30)
    ]
    rows[20] = ("q20", "", "")  # a bad row on physical line 2 + 20 + 7 multi-line records before it = 29
    path = _write(tmp_path / "in.csv", rows)
    whole = screen_file(index, path, tmp_path / "whole.csv")
    cut = screen_file(index, path, tmp_path / "cut.csv", partition_bytes=64)
    assert cut.partitions > 5 and whole.partitions == 1
    assert (tmp_path / "cut.csv").read_bytes() == (tmp_path / "whole.csv").read_bytes()
    assert [p.line for p in cut.bad_rows] == [p.line for p in whole.bad_rows] == [29]


def test_parquet_in_and_out_round_trip(index: ScreeningIndex, tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    source = _write(tmp_path / "in.csv", ROWS)
    table = pa.table({"id": [r[0] for r in ROWS], "name": [r[1] for r in ROWS], "country": [r[2] for r in ROWS]})
    pq.write_table(table, tmp_path / "in.parquet", row_group_size=2)
    from_csv = screen_file(index, source, tmp_path / "out.csv", top=3)
    from_parquet = screen_file(index, tmp_path / "in.parquet", tmp_path / "out.parquet", top=3)
    assert from_parquet.partitions == 3
    assert [(p.line, p.field) for p in from_parquet.bad_rows] == [(p.line, p.field) for p in from_csv.bad_rows]
    written = pq.read_table(tmp_path / "out.parquet")
    assert tuple(written.column_names) == OUTPUT_COLUMNS
    with (tmp_path / "out.csv").open(encoding="utf-8", newline="") as f:
        as_csv = [tuple(row) for row in csv.reader(f)][1:]
    assert [tuple(row.values()) for row in written.to_pylist()] == as_csv


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
            assert gc.isenabled() is enabled  # paused only while the rows are screened
    finally:
        (gc.enable if was_enabled else gc.disable)()
    for row, outcome in zip(rows, outcomes, strict=True):
        alone = screen(index, row.name, limit=5)
        assert [(r[6], r[4]) for r in outcome.rows] == [(h.entry_id, f"{h.score:.4f}") for h in alone.hits]
    assert sum(1 for o in outcomes if o.rows) >= 3


def test_screening_rows_leaves_no_garbage_for_the_collector(index: ScreeningIndex) -> None:
    # the collector is paused over a whole run of rows (a collection walks the index): bad rows must not leave
    # reference cycles behind (an error's traceback holds the frame that holds the error; an unknown country's
    # error held pycountry's LookupError and its frames)
    import gc

    from exportctl.screening.rows import InputRow, screen_rows

    rows = [InputRow(line, str(line), name, country) for line, (_, name, country) in enumerate(ROWS, start=2)]
    screen_rows(index, rows, 0.74, 5)  # caches filled once
    was_enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        outcomes = screen_rows(index, rows, 0.74, 5)
        assert gc.collect() == 0
    finally:
        (gc.enable if was_enabled else gc.disable)()
    assert [o.field for o in outcomes if o.problem] == ["name", "name", "country"]


def test_the_parts_folder_is_removed_when_a_late_part_lands_during_removal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cancelled Dask task that is still running wrote its part while the folder was being deleted; one
    ``rmtree`` then left the folder behind (seen on CI). The race is replayed in order: the first removal is
    followed by the late part landing, as if it had been written between the listing and the ``rmdir``."""
    import shutil

    from exportctl.screening import batch

    parts = tmp_path / ".out.csv.parts-x"
    parts.mkdir()
    (parts / "part-0000000.csv").write_bytes(b"row\n")
    real_rmtree = shutil.rmtree
    calls: list[Path] = []

    def rmtree_then_late_part(path: Path, ignore_errors: bool = False) -> None:
        real_rmtree(path, ignore_errors=ignore_errors)
        calls.append(path)
        if len(calls) == 1:
            path.mkdir()
            (path / "part-0000003.csv").write_bytes(b"late\n")

    monkeypatch.setattr(batch.shutil, "rmtree", rmtree_then_late_part)
    batch.remove_parts(parts)
    assert not parts.exists()
    assert len(calls) == 2
