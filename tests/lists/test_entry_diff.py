"""Changes of form (country code vs name, split vs flattened address) are told apart from amendments."""

from __future__ import annotations

from pathlib import Path

import pytest

from exportctl.lists.entry_diff import describe, field_changes, only_reformatted
from exportctl.lists.model import Address, ListCode, ListEntry
from exportctl.lists.sources import get_parser

DATA = Path(__file__).resolve().parents[2] / "src" / "exportctl" / "data" / "lists"


def _entry(**fields: object) -> ListEntry:
    base: dict[str, object] = {"source": "dpl", "source_id": "x", "list": ListCode.DPL, "primary_name": "X"}
    base.update(fields)
    return ListEntry(**base)  # type: ignore[arg-type]


def test_country_written_as_code_then_as_name_is_a_reformat() -> None:
    changes = field_changes(_entry(country="DE", country_name="DE"), _entry(country="DE", country_name="Germany"))
    assert [(c.field, c.reformatted) for c in changes] == [("country_name", True)]
    assert only_reformatted(changes)
    assert describe(changes[0]).endswith("(reformatted)")


def test_a_new_country_is_an_amendment_not_a_reformat() -> None:
    changes = field_changes(_entry(country=None, country_name=None), _entry(country="US", country_name="US"))
    assert {c.field: c.reformatted for c in changes} == {"country": False, "country_name": False}
    assert not only_reformatted(changes)


def test_flattened_address_with_its_country_code_is_a_reformat_but_a_changed_word_is_not() -> None:
    split = Address(full="16 Main Street, Springfield, 12345", street="16 Main Street", city="Springfield")
    flat = Address(full="16 MAIN STREET, SPRINGFIELD, US, 12345", country="US")
    moved = Address(full="18 MAIN STREET, SPRINGFIELD, US, 12345", country="US")
    assert field_changes(_entry(addresses=(split,)), _entry(addresses=(flat,)))[0].reformatted
    assert not field_changes(_entry(addresses=(split,)), _entry(addresses=(moved,)))[0].reformatted
    assert not field_changes(_entry(addresses=(split,)), _entry(addresses=(flat, moved)))[0].reformatted


@pytest.fixture(scope="module")
def dpl_versions() -> tuple[dict[str, ListEntry], dict[str, ListEntry]]:
    parser = get_parser("dpl")
    old = {e.primary_name: e for e in parser.parse(DATA / "dpl.txt")}
    new = {e.primary_name: e for e in parser.parse(DATA / "denied_persons_list.csv")}
    return old, new


def test_real_dpl_snapshots(dpl_versions: tuple[dict[str, ListEntry], dict[str, ListEntry]]) -> None:
    old, new = dpl_versions
    # 2022 tab file: split address, no country; 2026 CSV: one line with "US" added, and the country given.
    abdiel = {c.field: c.reformatted for c in field_changes(old["ABDIEL PADRON MADRID"], new["ABDIEL PADRON MADRID"])}
    assert abdiel == {"country": False, "country_name": False, "addresses": True}
    # Same German address and country, written "DE" in 2022 and "Germany" in 2026: nothing but form changed.
    adt = field_changes(old["ADT ANALOG AND DIGITAL TECHNIK"], new["ADT ANALOG AND DIGITAL TECHNIK"])
    assert adt and only_reformatted(adt)
    # "IVANOVSKOE VILLIAGE" corrected to "VILLAGE" (and RS → RU) is a real amendment of the address.
    alexey = {c.field: c.reformatted for c in field_changes(old["ALEXEY KRUTILIN"], new["ALEXEY KRUTILIN"])}
    assert alexey["addresses"] is False
