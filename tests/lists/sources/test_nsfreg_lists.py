"""Entity List, MEU and FCC Covered List, read from the real shipped files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from exportctl.errors import FileFormatError
from exportctl.lists.model import EntryType, ListCode
from exportctl.lists.sources import get_parser


def test_entity_list_counts_and_unique_ids(data_dir: Path) -> None:
    entries = list(get_parser("entity-list").parse(data_dir / "entity_list.csv"))
    assert len(entries) == 3409
    assert len({e.source_id for e in entries}) == 3409
    assert all(e.list is ListCode.ENTITY_LIST for e in entries)
    assert all(e.license_review_policy is None for e in entries)  # not in the source: unknown
    assert all(e.country is not None for e in entries)


def test_huawei_field_by_field(data_dir: Path) -> None:
    entries = list(get_parser("entity-list").parse(data_dir / "entity_list.csv"))
    (huawei,) = [e for e in entries if e.primary_name == "Huawei Technologies Co., Ltd."]
    assert huawei.source_id == "huawei-technologies-co-ltd@cn"
    assert huawei.entry_id == "entity-list:huawei-technologies-co-ltd@cn"
    assert huawei.country == "CN" and huawei.country_name == "China"
    assert huawei.aliases == (
        "Shenzhen Huawei Technologies",
        "Huawei Technology",
        "Beijing Huawei Longshine",
        "Huawei Marine",
        "Shenzhen Huawei Agisson Electric Co., Ltd.",
    )
    assert huawei.federal_register_citations == ("84 FR 22963, 5/21/19",)
    assert huawei.listed_on == date(2019, 5, 21)
    assert huawei.license_requirement == "For all items subject to the EAR, see §§ 734.9(e) 1 and 744.11 of the EAR 2"
    assert huawei.license_review_policy is None
    assert huawei.addresses[0].full.startswith("Addresses for Huawei Technologies Co., Ltd.: Bantian Huawei Base")
    assert huawei.raw["license_review_policy"] == ""


def test_entity_list_multi_citation_listing_date_is_the_first(data_dir: Path) -> None:
    entries = list(get_parser("entity-list").parse(data_dir / "entity_list.csv"))
    multi = [e for e in entries if e.raw["federal_register_citations"].startswith("84 FR 54004, 10/9/19.\n85 FR")]
    assert multi and all(e.listed_on == date(2019, 10, 9) for e in multi)
    assert all(e.federal_register_citations[1] == "85 FR 44161, 7/22/20" for e in multi[:1])


def test_meu_and_fcc(data_dir: Path) -> None:
    meu = list(get_parser("meu").parse(data_dir / "military_end_user_list.csv"))
    fcc = list(get_parser("fcc-covered").parse(data_dir / "fcc_covered_list.csv"))
    assert (len(meu), len(fcc)) == (70, 15)
    aaspt = next(e for e in meu if e.primary_name.startswith("Academy of Aerospace Solid Propulsion"))
    assert (aaspt.list, aaspt.country, aaspt.listed_on) == (ListCode.MEU, "CN", date(2020, 12, 23))
    assert aaspt.federal_register_citations == ("85 FR 83799, 12/23/2020",)
    huawei = fcc[0]
    assert (huawei.primary_name, huawei.list, huawei.listed_on) == (
        "Huawei Technologies Company",
        ListCode.FCC,
        date(2021, 3, 12),
    )
    assert huawei.entry_type is EntryType.ENTITY and huawei.remarks and "Telecommunications equipment" in huawei.remarks


def test_effective_dates_from_nsfreg_metadata(data_dir: Path, tmp_path: Path) -> None:
    assert get_parser("entity-list").effective_date(data_dir / "entity_list.csv") == date(2026, 7, 9)
    copy = tmp_path / "entity_list.csv"
    copy.write_bytes((data_dir / "entity_list.csv").read_bytes())
    assert get_parser("entity-list").effective_date(copy) is None  # no metadata beside it: unknown


def test_bad_encoding_and_truncation_are_reported(data_dir: Path, tmp_path: Path) -> None:
    data = (data_dir / "military_end_user_list.csv").read_bytes()
    lines = data.split(b"\n")
    lines[4] = lines[4].replace(b"China", b"Chin\xe9", 1)
    truncated = b"\n".join(lines)[:-40] + b'"unterminated'
    broken = tmp_path / "meu.csv"
    broken.write_bytes(truncated)
    with pytest.raises(FileFormatError) as caught:
        list(get_parser("meu").parse(broken))
    kinds = [(p.line, p.field) for p in caught.value.problems]
    assert (5, "encoding") in kinds
    assert any("truncated" in p.message for p in caught.value.problems)
