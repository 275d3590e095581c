"""Places run into a company's name after its legal form, with no separator (.trailing_places)."""

from __future__ import annotations

import pytest

from exportctl.lists.model import EntryType
from exportctl.screening import ScreeningIndex, screen
from exportctl.screening.normalize import analyze
from exportctl.screening.trailing_places import trailing_places, with_trailing_places_dropped
from tests.screening.made_up import made_up


@pytest.mark.parametrize(
    ("name", "places"),
    [
        ("QELMORA TECHNOLOGIES CO LTD SHENZHEN GUANGDONG CHINA", 3),
        ("Zorvex Trading LLC United Arab Emirates", 3),  # a country's name of three words is one place
        ("Zorvex GmbH Germany", 1),
        ("ZORVEX LLC RU", 1),  # a country's ISO code in capitals
        ("QELMORA CO LTD SHENZHEN CN", 2),
        ("Zorvex Ltd SA", 0),  # SA is a legal form's word too: no code read there
        ("Zorvex Ltd ru", 0),  # a code only in capitals
        ("OOO Moskva", 0),  # the form opens the name: Moskva is the company's name
        ("Bank of China", 0),  # no form before the place: the place is part of the name
        ("Zorvex China Ltd", 0),  # the place is before the form
        ("Zorvex Ltd Holdings", 0),  # no place after the form
        ("QELMORA TECHNOLOGIES CO LTD INV 20231234", 2),  # a payment's reference, with the word that says so
        ("QELMORA CO LTD SHENZHEN 518000", 2),  # a city and its postcode
        ("Zorvex Ltd No 5", 2),
        ("Zorvex 2000 Ltd", 0),  # the number is before the form: part of the name
        ("OOO 123", 0),  # the form opens the name
        ("Tarsk Optical Plant No 5", 0),  # no form: Plant No 5 is a unit's name
    ],
)
def test_places_after_a_legal_form_are_counted(name: str, places: int) -> None:
    assert trailing_places(name) == places


def test_the_name_is_read_without_them_beside_as_written() -> None:
    written = analyze("QELMORA TECHNOLOGIES CO LTD SHENZHEN CHINA")
    readings = [v.tokens for v in with_trailing_places_dropped(written).variants]
    assert readings[0] == written.variants[0].tokens  # as written first
    assert ("qelmora", "technologies") in readings
    plain = analyze("Bank of China")
    assert with_trailing_places_dropped(plain) == plain


@pytest.fixture(scope="module")
def index() -> ScreeningIndex:
    return ScreeningIndex.build(
        [
            made_up(1, "QELMORA TECHNOLOGIES CO., LTD.", EntryType.ENTITY, "CN"),
            made_up(2, "ZORVEX LLC", EntryType.ENTITY, "RU"),
            made_up(3, "Plovdiv Brennor Holding", EntryType.ENTITY, "BG"),  # filler: realistic weights
            made_up(4, "Tarsk Optical Plant", EntryType.ENTITY, "RU"),
        ],
        snapshot_key="places",
    )


@pytest.mark.parametrize(
    ("name", "entry_id"),
    [
        ("QELMORA TECHNOLOGIES CO LTD SHENZHEN GUANGDONG CHINA", "test:1"),
        ("Zorvex LLC Russia", "test:2"),  # a one-word name: Russia had halved it
        ("ZORVEX LLC RU", "test:2"),
        ("QELMORA TECHNOLOGIES CO LTD INV 20231234", "test:1"),  # 0.62 before: the reference's words counted
        ("QELMORA TECHNOLOGIES CO LTD /REF/ 4455", "test:1"),
    ],
)
def test_a_company_written_with_its_places_is_found_as_itself(index: ScreeningIndex, name: str, entry_id: str) -> None:
    hits = screen(index, name).hits
    assert hits and hits[0].entry_id == entry_id and hits[0].score >= 0.95
