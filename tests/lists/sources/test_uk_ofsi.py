from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from exportctl.errors import FileFormatError
from exportctl.lists.model import EntryType, ListCode, ListEntry
from exportctl.lists.sources import get_parser
from exportctl.lists.sources.uk_ofsi import HEADER

FILE = "uk_ofsi_ConList_2025-04-14.xlsx"


@pytest.fixture(scope="module")
def uk(data_dir: Path) -> dict[str, ListEntry]:
    return {e.source_id: e for e in get_parser("uk-ofsi").parse(data_dir / FILE)}


def test_one_entry_per_group_id(uk: dict[str, ListEntry], data_dir: Path) -> None:
    assert len(uk) == 4_688
    assert get_parser("uk-ofsi").effective_date(data_dir / FILE) == date(2025, 4, 14)
    assert Counter(e.entry_type for e in uk.values())[EntryType.VESSEL] == 15
    assert all(e.list is ListCode.UK_OFSI and e.primary_name for e in uk.values())


def test_names_grouped_with_primary_first_and_original_script_kept(uk: dict[str, ListEntry]) -> None:
    haq = uk["15672"]
    assert haq.primary_name == "Mian Abdul HAQ" and haq.entry_type is EntryType.INDIVIDUAL
    assert {"Mian MITHOO", "Mian MITHU"} <= set(haq.aliases)
    assert haq.programs == ("Global Human Rights",) and haq.listed_on == date(2022, 12, 9) and haq.country == "PK"
    assert any("ЗАДАЧИН" in alias for e in uk.values() for alias in e.aliases)


def _workbook(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_bad_rows_are_all_reported(tmp_path: Path) -> None:
    good = ["SMITH", "John", *[None] * (len(HEADER) - 3), "1"]
    no_group = ["DOE", "Jane", *[None] * (len(HEADER) - 3), None]
    bad_date = list(good)
    bad_date[HEADER.index("Listed On")] = "2022-13-45"
    path = _workbook(
        tmp_path / "ConList.xlsx", [["Last Updated", "14/04/2025"], list(HEADER), good, no_group, bad_date]
    )
    with pytest.raises(FileFormatError) as caught:
        list(get_parser("uk-ofsi").parse(path))
    assert [(p.line, p.field) for p in caught.value.problems] == [(4, "Group ID"), (5, "Listed On")]


def test_wrong_header_and_not_a_workbook(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "ConList.xlsx", [["Last Updated", "14/04/2025"], ["Name", "Country"]])
    with pytest.raises(FileFormatError) as caught:
        list(get_parser("uk-ofsi").parse(path))
    assert [(p.line, p.field) for p in caught.value.problems] == [(2, "header")]
    text = tmp_path / "ConList.csv.xlsx"
    text.write_text("Name 6,Name 1\n", encoding="utf-8")
    with pytest.raises(FileFormatError) as caught:
        list(get_parser("uk-ofsi").parse(text))
    assert "not a readable XLSX" in caught.value.problems[0].message
