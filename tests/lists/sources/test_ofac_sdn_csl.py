"""The 2026 SDN snapshot: the CSL's SDN rows, enriched by entity number with OFAC's add.csv and alt.csv."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from exportctl.errors import FileFormatError
from exportctl.lists.model import ListCode, ListEntry
from exportctl.lists.sources import get_parser

FOLDER = "csl_2026-07-31"


@pytest.fixture(scope="module")
def sdn(data_dir: Path) -> dict[str, ListEntry]:
    return {e.source_id: e for e in get_parser("ofac-sdn").parse(data_dir / FOLDER)}


def test_every_csl_sdn_row_with_its_entity_number(sdn: dict[str, ListEntry]) -> None:
    assert len(sdn) == 19_181
    assert all(e.source == "ofac-sdn" and e.list is ListCode.SDN for e in sdn.values())


def test_addresses_and_aliases_come_from_add_and_alt(sdn: dict[str, ListEntry]) -> None:
    bnc = sdn["306"]  # CSL: addresses "CH; ES; JP; PA", alt_names "BNC; NATIONAL BANK OF CUBA"
    assert bnc.primary_name == "BANCO NACIONAL DE CUBA" and bnc.programs == ("CUBA",)
    assert "Zweierstrasse 35, Zurich CH-8022, Switzerland" in [a.full for a in bnc.addresses]
    assert bnc.aliases[0] == "NATIONAL BANK OF CUBA" and "BNC" in bnc.aliases
    assert bnc.entry_id == "ofac-sdn:306"  # same id as in the sdn.csv snapshots, so diff/history compare them


def test_entries_without_add_rows_keep_the_csl_country_codes(data_dir: Path, sdn: dict[str, ListEntry]) -> None:
    with_address = {line.split(",", 1)[0] for line in (data_dir / FOLDER / "add.csv").read_text().splitlines()}
    bare = [e for e in sdn.values() if e.source_id not in with_address]
    assert bare and all("; ".join(a.full for a in e.addresses) == e.raw.get("addresses", "") for e in bare)


def test_missing_alt_csv_is_refused(data_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / FOLDER
    folder.mkdir()
    for name in ("consolidated.csv", "add.csv"):
        shutil.copy(data_dir / FOLDER / name, folder / name)
    with pytest.raises(FileFormatError) as caught:
        list(get_parser("ofac-sdn").parse(folder))
    (problem,) = caught.value.problems
    assert problem.path == str(folder / "alt.csv") and "missing" in problem.message
