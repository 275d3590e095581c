from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from exportctl.errors import FileFormatError
from exportctl.lists.model import EntryType, ListCode, ListEntry
from exportctl.lists.sources import get_parser

FILE = "ofac_consolidated_nonsdn_2025-03-28.xml"


@pytest.fixture(scope="module")
def cons(data_dir: Path) -> dict[str, ListEntry]:
    return {e.source_id: e for e in get_parser("ofac-consolidated").parse(data_dir / FILE)}


def test_every_entry_with_its_list_from_the_programs(cons: dict[str, ListEntry], data_dir: Path) -> None:
    assert len(cons) == 443  # the file's Record_Count
    assert get_parser("ofac-consolidated").effective_date(data_dir / FILE) == date(2025, 3, 28)
    counts = Counter(e.list for e in cons.values())
    assert counts[ListCode.SSI] == 286 and counts[ListCode.PLC] == 78 and counts[ListCode.CMIC] == 68
    assert counts[ListCode.CAP] == 1


def test_individual_field_by_field(cons: dict[str, ListEntry]) -> None:
    shanti = cons["9641"]
    assert shanti.primary_name == "AL-SHANTI, Jamileh Abdullah" and shanti.entry_type is EntryType.INDIVIDUAL
    assert shanti.aliases == ("EL-SHANTI, Jameela Abdallah", "AL SHANTEE, Jamila Abed Allah")
    assert shanti.programs == ("NS-PLC",) and shanti.list is ListCode.PLC
    assert shanti.addresses[0].state == "Gaza" and shanti.listed_on is None
    assert shanti.raw["uid"] == "9641"


def test_truncated_file_is_refused_with_the_line(data_dir: Path, tmp_path: Path) -> None:
    text = (data_dir / FILE).read_text(encoding="utf-8")
    broken = tmp_path / FILE
    broken.write_text(text[: len(text) // 2], encoding="utf-8")
    with pytest.raises(FileFormatError) as caught:
        list(get_parser("ofac-consolidated").parse(broken))
    (problem,) = caught.value.problems
    assert problem.path == str(broken) and problem.line is not None and "broken XML" in problem.message


def test_entries_missing_against_the_record_count_are_refused(data_dir: Path, tmp_path: Path) -> None:
    text = (data_dir / FILE).read_text(encoding="utf-8")
    start = text.index("<sdnEntry>")
    end = text.index("</sdnEntry>", start) + len("</sdnEntry>")
    short = tmp_path / FILE
    short.write_text(text[:start] + text[end:], encoding="utf-8")
    with pytest.raises(FileFormatError) as caught:
        list(get_parser("ofac-consolidated").parse(short))
    assert [p.field for p in caught.value.problems] == ["Record_Count"]
