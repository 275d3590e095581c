"""Property tests of the CSV reading every parser relies on: quoting, line numbers, all problems reported."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exportctl.errors import FileFormatError
from exportctl.lists.sources import get_parser
from exportctl.lists.sources.nsfreg_csv import HEADER

# Names with the characters that break naive CSV handling: commas, quotes, newlines, non-Latin scripts.
_names = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"), include_characters=',"\n'),
    min_size=1,
    max_size=30,
).filter(lambda name: name.strip() != "")


def _write(rows: list[list[str]]) -> tuple[Path, list[int]]:
    """Write a seven-column CSV; returns its path and the line each data row starts on."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    starts = []
    for row in rows:
        starts.append(buffer.getvalue().count("\n") + 1)
        writer.writerow(row)
    handle = tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, encoding="utf-8", newline="")
    with handle:
        handle.write(buffer.getvalue())
    return Path(handle.name), starts


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(_names, _names), min_size=1, max_size=12))
def test_names_and_aliases_survive_quoting(rows: list[tuple[str, str]]) -> None:
    path, _ = _write([[name, alias, "China", "", "2020-12-23", "", ""] for name, alias in rows])
    try:
        entries = list(get_parser("meu").parse(path))
    finally:
        path.unlink()
    assert [e.primary_name for e in entries] == [name.strip() for name, _ in rows]
    assert all(alias.strip() in entry.aliases for entry, (_, alias) in zip(entries, rows, strict=True))
    assert len({e.source_id for e in entries}) == len(entries)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(_names, st.sampled_from(["ok", "bad date", "short row"])), min_size=1, max_size=12))
def test_every_bad_row_is_reported_at_its_own_line(rows: list[tuple[str, str]]) -> None:
    written = []
    for name, kind in rows:
        if kind == "short row":
            written.append([name, "", "China"])
        else:
            written.append([name, "", "China", "", "2020-02-30" if kind == "bad date" else "2020-02-03", "", ""])
    path, starts = _write(written)
    expected = [
        (line, "effective_date" if kind == "bad date" else None)
        for line, (_, kind) in zip(starts, rows, strict=True)
        if kind != "ok"
    ]
    try:
        if not expected:
            assert len(list(get_parser("meu").parse(path))) == len(rows)
            return
        with pytest.raises(FileFormatError) as caught:
            list(get_parser("meu").parse(path))
    finally:
        path.unlink()
    assert [(p.line, p.field) for p in caught.value.problems] == expected
