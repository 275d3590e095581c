from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from exportctl.errors import FileFormatError
from exportctl.lists.identity import normalise_name
from exportctl.lists.model import ListCode, ListEntry
from exportctl.lists.sources import get_parser

parse = get_parser("dpl").parse


def _load(path: Path) -> list[ListEntry]:
    return list(parse(path))


def test_counts_of_both_snapshots(data_dir: Path) -> None:
    assert len(_load(data_dir / "dpl.txt")) == 581
    assert len(_load(data_dir / "denied_persons_list.csv")) == 564


def test_legacy_entry_field_by_field(data_dir: Path) -> None:
    entries = {e.primary_name: e for e in _load(data_dir / "dpl.txt")}
    faal = entries["PAPA FAAL"]
    assert faal.list is ListCode.DPL and faal.source == "dpl"
    assert faal.listed_on == date(2017, 12, 19)
    assert faal.removed_on == date(2026, 5, 12)
    assert faal.federal_register_citations == ("82 F.R. 61539 12/28/2017",)
    assert faal.addresses[0].city == "BROOKLYN PARK" and faal.addresses[0].postal_code == "55428"
    assert faal.country is None  # blank in the legacy export: not guessed
    assert faal.raw["FR_Citation"] == "82 F.R. 61539 12/28/2017"
    # leading space in the source name is a known quirk: stripped, kept raw
    assert any(e.raw["Name"] == " I. ASH" for e in _load(data_dir / "dpl.txt"))


def test_typo_dates_do_not_fail_the_file_and_are_noted(data_dir: Path) -> None:
    entries = {e.primary_name: e for e in _load(data_dir / "dpl.txt")}
    zadeh = entries["MANSOUR ZADEH"]
    assert zadeh.raw["Last_Update"] == "3017-08-22"
    assert zadeh.remarks is not None and "3017-08-22" in zadeh.remarks


def test_effective_dates(data_dir: Path) -> None:
    dpl = get_parser("dpl")
    assert dpl.effective_date(data_dir / "dpl.txt") == date(2022, 9, 2)  # latest plausible Last_Update
    assert dpl.effective_date(data_dir / "denied_persons_list.csv") == date(2026, 4, 14)  # BIS export date


def test_2026_csv_entry(data_dir: Path) -> None:
    entries = {e.primary_name: e for e in _load(data_dir / "denied_persons_list.csv")}
    nordwind = entries["NORDWIND AIRLINES"]
    assert nordwind.country == "RU" and nordwind.country_name == "Russia"
    assert nordwind.listed_on == date(2025, 12, 5)
    assert nordwind.removed_on == date(2026, 12, 5)
    assert nordwind.federal_register_citations[0] == "87 F.R.38704 6/29/2022"
    assert len(nordwind.federal_register_citations) == 7
    assert nordwind.license_review_policy is None


def test_same_party_same_id_across_both_formats(data_dir: Path) -> None:
    old = _load(data_dir / "dpl.txt")
    new = _load(data_dir / "denied_persons_list.csv")
    for name in ("PAPA FAAL", "COLONEL ELYAZGI", "NORDWIND AIRLINES"):
        (old_id,) = {e.source_id for e in old if e.primary_name == name}
        (new_id,) = {e.source_id for e in new if e.primary_name == name}
        assert old_id == new_id
    # a party listed at two addresses keeps one id per address in both snapshots
    for name in ("AIR FREIGHT LTD", "HAYDEE HERRERA", "NEI-CHIEN CHU"):
        same_name = sorted(e.source_id for e in old if e.primary_name == name)
        assert len(same_name) > 1 and same_name == sorted(e.source_id for e in new if e.primary_name == name)
    # every name present in both snapshots shares at least one id
    old_ids = {e.source_id for e in old}
    common = {normalise_name(e.primary_name) for e in old} & {normalise_name(e.primary_name) for e in new}
    shared = {normalise_name(e.primary_name) for e in new if e.source_id in old_ids}
    assert len(common) > 200 and common == shared


def test_ids_are_unique_and_stable(data_dir: Path) -> None:
    for name in ("dpl.txt", "denied_persons_list.csv"):
        ids = [e.source_id for e in _load(data_dir / name)]
        assert len(set(ids)) == len(ids)
        assert ids == [e.source_id for e in _load(data_dir / name)]


def test_bad_rows_are_all_reported_with_line_and_field(data_dir: Path, tmp_path: Path) -> None:
    lines = (data_dir / "dpl.txt").read_text(encoding="utf-8").splitlines(keepends=True)
    lines[3] = lines[3].replace('"02/10/2022"', '"2022/02/31"')
    lines[10] = lines[10].replace("\t", "\t\tEXTRA", 1)
    broken = tmp_path / "dpl.txt"
    broken.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(FileFormatError) as caught:
        _load(broken)
    problems = caught.value.problems
    assert [(p.line, p.field) for p in problems] == [(4, "Effective_Date"), (11, None)]
    assert all(p.path == str(broken) for p in problems)
    assert "found 13" in problems[1].message
    assert f"{broken}:4 [Effective_Date]: impossible date '2022/02/31'" not in str(caught.value)  # not MM/DD/YYYY
    assert f"{broken}:4 [Effective_Date]: unrecognised date '2022/02/31'" in str(caught.value)


def test_wrong_header(tmp_path: Path) -> None:
    broken = tmp_path / "dpl.csv"
    broken.write_text("name,country\nX,US\n", encoding="utf-8")
    with pytest.raises(FileFormatError) as caught:
        _load(broken)
    (problem,) = caught.value.problems
    assert (problem.line, problem.field) == (1, "header")


def test_parse_yields_nothing_before_the_whole_file_is_checked(data_dir: Path, tmp_path: Path) -> None:
    text = (data_dir / "denied_persons_list.csv").read_text(encoding="utf-8")
    broken = tmp_path / "dpl.csv"
    broken.write_text(text + 'LAST,,US,"x",2020-13-01,,\n', encoding="utf-8")
    iterator = parse(broken)
    with pytest.raises(FileFormatError) as caught:
        next(iterator)
    assert [(p.line, p.field) for p in caught.value.problems] == [(566, "effective_date")]
    assert "impossible date '2020-13-01'" in caught.value.problems[0].message


def test_both_formats_word_the_denial_alike(data_dir: Path) -> None:
    old = {e.source_id: e for e in _load(data_dir / "dpl.txt")}
    new = {e.source_id: e for e in _load(data_dir / "denied_persons_list.csv")}
    faal = old["papa-faal"], new["papa-faal"]
    assert faal[0].remarks == faal[1].remarks == "Type of denial: Standard; Expires: 2026-05-12"
    assert faal[0].removed_on == faal[1].removed_on == date(2026, 5, 12)
    assert faal[0].listed_on == faal[1].listed_on == date(2017, 12, 19)
