from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from exportctl.errors import FileFormatError
from exportctl.lists.model import EntryType, Identifier, ListCode, ListEntry
from exportctl.lists.sources import get_parser


@pytest.fixture(scope="module")
def sdn(data_dir: Path) -> dict[str, ListEntry]:
    return {e.source_id: e for e in get_parser("ofac-sdn").parse(data_dir / "ofac_sdn")}


def test_every_sdn_row_is_an_entry(sdn: dict[str, ListEntry], data_dir: Path) -> None:
    rows = [line for line in (data_dir / "ofac_sdn" / "sdn.csv").read_bytes().split(b"\r\n") if line.strip(b"\x1a")]
    assert len(sdn) == len(rows) == 8976
    assert Counter(e.entry_type for e in sdn.values()) == {
        EntryType.INDIVIDUAL: 4620,
        EntryType.ENTITY: 3673,
        EntryType.VESSEL: 406,
        EntryType.AIRCRAFT: 277,
    }
    assert all(e.list is ListCode.SDN and e.source == "ofac-sdn" for e in sdn.values())


def test_individual_field_by_field(sdn: dict[str, ListEntry]) -> None:
    assad = sdn["12735"]
    assert assad.primary_name == "AL-ASSAD, Bashar"  # exactly as published
    assert assad.entry_type is EntryType.INDIVIDUAL
    assert assad.aliases == ("AL-ASAD, Bashar", "ASSAD, Bashar", "AL ASSAD, Bashar Hafez")
    assert assad.programs == ("SYRIA", "SYRIA-EO13894")
    assert assad.country == "SY"
    assert Identifier(type="Date of birth", value="11 Sep 1965") in assad.identifiers
    assert Identifier(type="Nationality", value="Syria", country="SY") in assad.identifiers
    assert assad.addresses[0].full == "Damascus, Syria"
    assert assad.raw["Title"] == "President of the Syrian Arab Republic"


def test_aliases_from_alt_csv_then_weak_akas_from_remarks(sdn: dict[str, ListEntry]) -> None:
    bnc = sdn["306"]
    assert bnc.primary_name == "BANCO NACIONAL DE CUBA"
    assert bnc.aliases == ("NATIONAL BANK OF CUBA", "BNC")  # alt.csv, then "a.k.a. 'BNC'" from Remarks
    assert [a.country for a in bnc.addresses] == ["CH", "ES", "JP", "PA"]
    assert bnc.raw["Remarks"] == "a.k.a. 'BNC'." and bnc.raw["Title"] == "-0- "


def test_remarks_continue_in_sdn_comments(sdn: dict[str, ListEntry]) -> None:
    li = sdn["28264"]
    assert li.remarks is not None and li.remarks.endswith("Linked To: LAZARUS GROUP.")
    assert "blackjack1987" in li.aliases and "khaleesi" in li.aliases
    assert Identifier(type="Identification Number", value="210302198701102136", country="CN") in li.identifiers
    assert Identifier(type="Phone Number", value="8613314257947") in li.identifiers


def test_nulls_are_none(sdn: dict[str, ListEntry]) -> None:
    aero = sdn["36"]
    assert aero.entry_type is EntryType.ENTITY and aero.remarks is None
    assert aero.addresses[0].street is None and aero.addresses[0].full == "Havana, Cuba"


def _copy(data_dir: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "sdn"
    shutil.copytree(data_dir / "ofac_sdn", folder)
    return folder


def test_missing_sdn_csv(data_dir: Path, tmp_path: Path) -> None:
    folder = _copy(data_dir, tmp_path)
    (folder / "sdn.csv").unlink()
    with pytest.raises(FileFormatError) as caught:
        list(get_parser("ofac-sdn").parse(folder))
    assert any(p.path == str(folder / "sdn.csv") and "missing" in p.message for p in caught.value.problems)


def test_sdn_csv_alone_is_read_without_addresses(data_dir: Path) -> None:
    entries = {e.source_id: e for e in get_parser("ofac-sdn").parse(data_dir / "ofac_sdn_2024-05-03")}
    assert len(entries) == 14_965
    husain = entries["11380"]
    assert husain.primary_name == "HUSAIN, Ali Saleh" and husain.addresses == ()
    assert "DAHHAK, Abu" in " ".join(husain.aliases)  # the weak a.k.a.s of Remarks are its only aliases


def test_bad_rows_in_two_files_are_all_reported(data_dir: Path, tmp_path: Path) -> None:
    folder = _copy(data_dir, tmp_path)
    sdn_lines = (folder / "sdn.csv").read_bytes().split(b"\r\n")
    sdn_lines[2] = b"X306" + sdn_lines[2][3:]  # ent_num not a number
    (folder / "sdn.csv").write_bytes(b"\r\n".join(sdn_lines))
    alt_lines = (folder / "alt.csv").read_bytes().split(b"\r\n")
    alt_lines[0] = alt_lines[0] + b',"extra"'
    (folder / "alt.csv").write_bytes(b"\r\n".join(alt_lines))
    with pytest.raises(FileFormatError) as caught:
        list(get_parser("ofac-sdn").parse(folder))
    where = {(p.path, p.line, p.field) for p in caught.value.problems}
    assert (str(folder / "sdn.csv"), 3, "ent_num") in where
    assert (str(folder / "alt.csv"), 1, None) in where
    # alt/add rows of the now-unknown ent_num 306 are reported too, with their own file and line
    assert (str(folder / "alt.csv"), 3, "ent_num") in where  # alt.csv line 3 is ent_num 306's alias
    assert any(p.path == str(folder / "add.csv") and "306" in p.message for p in caught.value.problems)


def test_a_file_instead_of_a_folder(data_dir: Path) -> None:
    with pytest.raises(FileFormatError) as caught:
        list(get_parser("ofac-sdn").parse(data_dir / "ofac_sdn" / "sdn.csv"))
    assert "folder" in caught.value.problems[0].message


def test_remark_documents_keep_their_dates_as_a_note(sdn: dict[str, ListEntry]) -> None:
    sharif = sdn["6944"]
    births = [i.value for i in sharif.identifiers if i.type == "Date of birth"]
    assert births == ["1969", "1963", "11 Feb 1964"]  # "alt. DOB" statements too
    assert Identifier(type="Passport", value="B 960789") in sharif.identifiers
    assert (
        Identifier(type="Passport", value="G 649385", note="issued 08 Sep 2006 expires 17 Jul 2011")
        in sharif.identifiers
    )
    assert sharif.country == "SA"
