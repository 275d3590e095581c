from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from exportctl.errors import FileFormatError
from exportctl.lists.model import EntryType, Identifier, ListCode, ListEntry
from exportctl.lists.sources import get_parser

FILE = "UN_consolidated.xml"


@pytest.fixture(scope="module")
def un(data_dir: Path) -> dict[str, ListEntry]:
    return {e.source_id: e for e in get_parser("un").parse(data_dir / FILE)}


def test_counts_and_effective_date(un: dict[str, ListEntry], data_dir: Path) -> None:
    assert Counter(e.entry_type for e in un.values()) == {EntryType.INDIVIDUAL: 730, EntryType.ENTITY: 273}
    assert get_parser("un").effective_date(data_dir / FILE) == date(2026, 2, 27)
    assert all(e.list is ListCode.UN and e.listed_on is not None for e in un.values())


def test_entity_field_by_field(un: dict[str, ListEntry]) -> None:
    adf = un["6908402"]
    assert adf.primary_name == "ADF" and adf.entry_type is EntryType.ENTITY
    assert adf.aliases == (
        "Allied Democratic Forces",
        "Forces Démocratiques Alliées-Armée Nationale de Libération de l’Ouganda",
        "ADF/NALU",
        "NALU",
    )
    assert adf.programs == ("DRC",) and adf.listed_on == date(2014, 6, 30)
    assert adf.country == "CD" and adf.addresses[0].state == "North Kivu"
    assert Identifier(type="UN reference number", value="CDe.001") in adf.identifiers
    assert adf.raw["REFERENCE_NUMBER"] == "CDe.001" and adf.raw["xml"].startswith("<ENTITY>")


def test_individual_field_by_field(un: dict[str, ListEntry]) -> None:
    badege = un["6907993"]
    assert badege.primary_name == "ERIC BADEGE" and badege.entry_type is EntryType.INDIVIDUAL
    assert badege.country == "CD"  # nationality, while the address is in Rwanda
    assert badege.addresses[0].country == "RW"
    assert Identifier(type="Date of birth", value="1971") in badege.identifiers


def test_broken_xml_names_the_line(data_dir: Path, tmp_path: Path) -> None:
    text = (data_dir / FILE).read_text(encoding="utf-8")
    broken = tmp_path / FILE
    broken.write_text(text.replace("<FIRST_NAME>ADF</FIRST_NAME>", "<FIRST_NAME>ADF</FIRST>", 1), encoding="utf-8")
    with pytest.raises(FileFormatError) as caught:
        list(get_parser("un").parse(broken))
    (problem,) = caught.value.problems
    expected_line = text[: text.index("<FIRST_NAME>ADF</FIRST_NAME>")].count("\n") + 1
    assert problem.line == expected_line and "broken XML" in problem.message


def test_truncated_file(data_dir: Path, tmp_path: Path) -> None:
    broken = tmp_path / FILE
    broken.write_bytes((data_dir / FILE).read_bytes()[:500_000])
    with pytest.raises(FileFormatError) as caught:
        list(get_parser("un").parse(broken))
    assert caught.value.problems[0].line is not None


def test_bad_records_are_all_reported(data_dir: Path, tmp_path: Path) -> None:
    text = (data_dir / FILE).read_text(encoding="utf-8")
    text = text.replace("<LISTED_ON>2012-12-31</LISTED_ON>", "<LISTED_ON>31/12/2012</LISTED_ON>", 1)
    text = text.replace("<DATAID>6908402</DATAID>", "<DATAID></DATAID>", 1)
    broken = tmp_path / FILE
    broken.write_text(text, encoding="utf-8")
    with pytest.raises(FileFormatError) as caught:
        list(get_parser("un").parse(broken))
    assert [p.field for p in caught.value.problems] == ["LISTED_ON", "DATAID"]
    assert all(p.line is not None for p in caught.value.problems)


def test_bad_encoding(data_dir: Path, tmp_path: Path) -> None:
    data = (data_dir / FILE).read_bytes().replace("Démocratiques".encode(), "D\xe9mocratiques".encode("latin-1"), 1)
    broken = tmp_path / FILE
    broken.write_bytes(data)
    with pytest.raises(FileFormatError) as caught:
        list(get_parser("un").parse(broken))
    (problem,) = caught.value.problems
    assert problem.field == "encoding" and problem.line == data[: data.index(b"D\xe9mocr")].count(b"\n") + 1


def test_entity_expansion_is_refused(tmp_path: Path) -> None:
    hostile = tmp_path / "un.xml"
    hostile.write_text(
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
        "<CONSOLIDATED_LIST><INDIVIDUALS/><ENTITIES/></CONSOLIDATED_LIST>",
        encoding="utf-8",
    )
    with pytest.raises(FileFormatError) as caught:
        list(get_parser("un").parse(hostile))
    assert "refused unsafe XML" in caught.value.problems[0].message


def test_wrong_root_element(tmp_path: Path) -> None:
    other = tmp_path / "un.xml"
    other.write_text("<?xml version='1.0'?>\n<sdnList/>\n", encoding="utf-8")
    with pytest.raises(FileFormatError) as caught:
        list(get_parser("un").parse(other))
    assert [(p.line, p.field) for p in caught.value.problems] == [(1, "root")]
