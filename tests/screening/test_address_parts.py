"""A name field holding the name and its address (a customer file's one column, a payment message's lines): the
name is also read as the field's leading parts, and the address's country becomes the query's. Made-up entries."""

from __future__ import annotations

import pytest

from exportctl.lists.model import EntryType
from exportctl.screening import ScreeningIndex, screen
from exportctl.screening.address_parts import address_country, leading_parts
from tests.screening.made_up import made_up


def test_the_leading_parts_of_a_name_and_its_address() -> None:
    assert leading_parts("QORVANE TANKER LLC, Krasnodarskiy Kray 353500, Russia") == ["QORVANE TANKER LLC"]
    # a person's "SURNAME, Given" and a company's "X, OOO" are read whole as well
    assert leading_parts("BRENKO, Zelmarin, 3457 108th AVE SE, BELLEVUE, WA, US, 98004") == ["BRENKO, Zelmarin"]
    assert "Veldra Dobycha, OOO" in leading_parts("Veldra Dobycha, OOO, d.8 ul. Zheleznodorozhnaya, Novy Urengoi")
    # a payment message's lines: the first is the name
    assert leading_parts("QORVANE TANKER LLC\nKRASNODARSKIY KRAY\nRUSSIA")[:1] == ["QORVANE TANKER LLC"]
    # "Korea, North" is a country written as the lists write it
    assert leading_parts("PAEKMA SHIPPING CO, Pyongyang, Korea, North") == [
        "PAEKMA SHIPPING CO",
        "PAEKMA SHIPPING CO, Pyongyang",
    ]


def test_a_name_wrapped_over_lines_is_one_line() -> None:
    # a cell's or a column's wrap after a joining word or a hyphen is no name line of its own
    assert leading_parts("Empresa Velmorense de\nTelecomunicaciones, S.A.") == []
    assert leading_parts("Qorvane Institute of\nApplied Optics\nKRASNODAR\nRUSSIA")[:1] == [
        "Qorvane Institute of Applied Optics"
    ]
    assert leading_parts("QORVANE TANKER-\nTRADING LLC\nKRASNODAR")[:1] == ["QORVANE TANKER-TRADING LLC"]
    # an address line in lower case is still the address's
    assert leading_parts("QORVANE TANKER LLC\nc/o Orion Tanker Company\nRUSSIA")[:1] == ["QORVANE TANKER LLC"]


@pytest.mark.parametrize(
    "name",
    [
        "Ministry of Defence, Procurement Directorate, Logistics Branch",  # commas, no address
        "QORVANE TANKER LLC",
        "BRENKO, Zelmarin",
        "Veldra Optics, Inc.",
    ],
)
def test_a_name_without_an_address_has_no_leading_parts(name: str) -> None:
    assert leading_parts(name) == []
    assert address_country(name) is None


def test_the_country_of_the_address() -> None:
    assert address_country("BRENKO, Zelmarin, 3457 108th AVE SE, BELLEVUE, WA, US, 98004") == "US"
    assert address_country("PAEKMA SHIPPING CO, Pyongyang, Korea, North") == "KP"
    assert address_country("QORVANE TANKER LLC, Office 5, Minsk 220070") is None  # an address without a country


@pytest.fixture(scope="module")
def index() -> ScreeningIndex:
    return ScreeningIndex.build(
        (
            made_up(1, "QORVANE TANKER LLC", country="RU"),
            made_up(2, "BRENKO, Zelmarin", EntryType.INDIVIDUAL, country="US"),
            made_up(3, "QORVANE TANKER LLC", country="AE"),
            *(made_up(10 + i, f"{word} Tanker Company") for i, word in enumerate(("Orion", "Vega", "Lyra"))),
            made_up(20, "EMPRESA VELMORENSE DE MINAS"),
            *(made_up(30 + i, f"Empresa {word} de Telecomunicaciones") for i, word in enumerate(("Norte", "Sur"))),
        ),
        snapshot_key="address-parts",
    )


def test_a_name_followed_by_its_address_is_found(index: ScreeningIndex) -> None:
    # the address's words, unmatched, outweighed the name's: no hit at all before
    result = screen(index, "QORVANE TANKER LLC, 16 Ivana Babushkina, Krasnodarskiy Kray 353500, Russia")
    assert [h.entry_id for h in result.hits][:1] == ["test:1"]  # the Russian entry before the Emirati one
    assert result.country == "RU"
    assert any("holds an address" in note for note in result.notes)
    person = screen(index, "BRENKO, Zelmarin, 3457 108th AVE SE, BELLEVUE, WA, US, 98004").hits
    assert person and person[0].entry_id == "test:2" and person[0].score >= 0.9


def test_a_name_wrapped_over_lines_is_read_whole(index: ScreeningIndex) -> None:
    # its first line alone, "Empresa Velmorense de", hit the listed mining company (0.83 on the real lists' namesake)
    assert screen(index, "Empresa Velmorense de\nTelecomunicaciones, S.A.").hits == ()
    assert screen(index, "EMPRESA VELMORENSE DE\nMINAS").hits[0].entry_id == "test:20"
