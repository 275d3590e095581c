from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from exportctl.errors import FileFormatError
from exportctl.lists.model import EntryType, Identifier, ListCode, ListEntry
from exportctl.lists.sources import get_parser
from exportctl.lists.sources.csl import list_code

SAMPLE = "consolidated_sample_13rows_moov-io-watchman.csv"


def _load(path: Path) -> list[ListEntry]:
    return list(get_parser("csl").parse(path))


def test_counts_per_list(data_dir: Path) -> None:
    entries = _load(data_dir / "csl.csv")
    assert len(entries) == 115
    assert Counter(e.list for e in entries) == {
        ListCode.SDN: 28,
        ListCode.SSI: 26,
        ListCode.ENTITY_LIST: 22,
        ListCode.PLC: 13,
        ListCode.DTC: 10,
        ListCode.DPL: 8,
        ListCode.UVL: 4,
        ListCode.ISN: 3,
        ListCode.CAP: 1,
    }
    assert len({e.source_id for e in entries}) == 115
    assert {e.source for e in entries} == {"csl"}


def test_the_29_column_variant_with_id(data_dir: Path) -> None:
    entries = {e.primary_name: e for e in _load(data_dir / SAMPLE)}
    assert len(entries) == 13
    aaspt = entries["Academy of Aerospace Solid Propulsion Technology (AASPT)"]
    assert aaspt.list is ListCode.MEU and aaspt.source_id == "meu:66f6ab3f26234b75a9093fce79ef0ce0"
    assert aaspt.license_requirement == "For any item subject to the EAR listed in supplement no. 2 to part 744."
    assert aaspt.license_review_policy is not None and "§744.21(d) and (e)" in aaspt.license_review_policy
    assert aaspt.listed_on == date(2020, 12, 23) and aaspt.country == "CN"
    rim = entries["RIM, Ryong Nam"]
    assert rim.source_id == "sdn:52291" and rim.entry_type is EntryType.INDIVIDUAL
    assert Identifier(type="Passport", value="836238033", country="KP") in rim.identifiers
    assert rim.country == "KP"  # a person's nationality before the address country (Shenyang, CN)


def test_entity_list_row_field_by_field(data_dir: Path) -> None:
    entries = {e.primary_name: e for e in _load(data_dir / "csl.csv")}
    cetc = entries["54th Research Institute of China"]
    assert cetc.list is ListCode.ENTITY_LIST
    assert cetc.source_id == "entity_list:54th-research-institute-of-china@cn"
    assert cetc.aliases == (
        "China Electronics Technology Group Corp. (CETC) 54th Research Institute",
        "Communication, Telemetry and Telecontrol Research Institute (CTI)",
        "Shijiazhuang Communication Observation and Control Technology Institute.",
    )
    assert cetc.federal_register_citations == ("66 FR 24266", "77 FR 58006 (no. 182)", "81 FR 64694")
    assert cetc.license_review_policy == "See §744.3(d) of this part"
    assert cetc.listed_on == date(2001, 5, 14)


def test_sdn_row_with_old_style_ids(data_dir: Path) -> None:
    entries = {e.source_id: e for e in _load(data_dir / "csl.csv")}
    psa = entries["sdn:20264"]
    assert psa.primary_name == "200G PSA HOLDINGS LLC" and psa.programs == ("SDNTK",)
    assert psa.identifiers == (Identifier(type="Tax ID No.", value="80-0890696", country="US"),)
    assert psa.addresses[0].country == "US"
    dpl = entries["dpl:adrian-manuel-hernandez"]
    assert (dpl.listed_on, dpl.removed_on) == (date(2017, 10, 16), date(2020, 10, 13))
    assert dpl.primary_name == "ADRIAN MANUEL HERNANDEZ"  # leading space in the source


@pytest.mark.parametrize(
    ("source", "code"),
    [
        ("Entity List (EL) - Bureau of Industry and Security", ListCode.ENTITY_LIST),
        ("Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department", ListCode.NS_MBS),
        ("Military End User (MEU) List - Bureau of Industry and Security", ListCode.MEU),
        ("Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - Treasury Department", ListCode.CMIC),
        ("Foreign Sanctions Evaders (FSE) - Treasury Department", ListCode.OTHER),
    ],
)
def test_list_codes(source: str, code: ListCode) -> None:
    assert list_code(source) is code


def test_every_bad_row_is_reported(data_dir: Path, tmp_path: Path) -> None:
    lines = (data_dir / "csl.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = lines[1].replace("2017-10-16", "2017-16-10")
    lines[5] = lines[5].rstrip("\n") + ",extra\n"
    broken = tmp_path / "csl.csv"
    broken.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(FileFormatError) as caught:
        _load(broken)
    assert [(p.line, p.field) for p in caught.value.problems] == [(2, "start_date"), (6, None)]
    assert str(broken) in str(caught.value) and "2:" not in caught.value.problems[0].message


def test_wrong_header_is_one_problem(data_dir: Path, tmp_path: Path) -> None:
    text = (data_dir / "csl.csv").read_text(encoding="utf-8").replace("entity_number", "entity_id", 1)
    broken = tmp_path / "csl.csv"
    broken.write_text(text, encoding="utf-8")
    with pytest.raises(FileFormatError) as caught:
        _load(broken)
    (problem,) = caught.value.problems
    assert (problem.line, problem.field) == (1, "header") and "entity_id" in problem.message
