"""A country written after a name in the name field ("…, United Arab Emirates", "… (Iran)"): the name is read
without it too, and the country becomes the query's country when none was given. Made-up entries only."""

from __future__ import annotations

import pytest

from exportctl.screening import ScreeningIndex, screen
from exportctl.screening.trailing_country import trailing_country
from tests.screening.made_up import made_up


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("DECCAN STAR TRADING L.L.C, United Arab Emirates", ("DECCAN STAR TRADING L.L.C", "AE")),
        ("Mehrdad Moeinansari (Iran)", ("Mehrdad Moeinansari", "IR")),
        ("Foo Bar / P.R. China", ("Foo Bar", "CN")),
        ("ACME - Russia", ("ACME", "RU")),
        ("WOORI BANK, HONG KONG", ("WOORI BANK", "HK")),
        ("KVANTEK LIMITED (CN)", ("KVANTEK LIMITED", "CN")),  # a code in capitals ends the name
        ("STROYTRANSGAZ LLC, RUS", ("STROYTRANSGAZ LLC", "RU")),
        ("ABC Co., Ltd., Shenzhen, China", ("ABC Co., Ltd., Shenzhen", "CN")),  # only the country, not the city
    ],
)
def test_a_country_after_a_separator_is_read_off(name: str, expected: tuple[str, str]) -> None:
    assert trailing_country(name) == expected


@pytest.mark.parametrize(
    "name",
    [
        "Bank Melli Iran",  # no separator: the country is part of the name
        "ACME TRADING, it",  # a code in lower case is a word
        "ACME TRADING (AG)",  # a code that is a legal form's word (Aktiengesellschaft, not Antigua)
        "Korea Trading, Korea",  # two countries have that name
        "X, Iran",  # nothing of two letters left
        "Guinea-Bissau Fish",
        "ACME SA (Pty) Ltd",
    ],
)
def test_no_country_is_read_where_none_is_written_after_the_name(name: str) -> None:
    assert trailing_country(name) is None


@pytest.fixture(scope="module")
def index() -> ScreeningIndex:
    return ScreeningIndex.build(
        (
            made_up(1, "QORVANE STAR TRADING L.L.C", country="AE"),
            made_up(2, "Zelmarin Brenko"),
            made_up(3, "VELDRA OPTICS", country="IR"),
            made_up(4, "VELDRA OPTICS", country="DE"),
            *(made_up(10 + i, f"{word} Trading Company") for i, word in enumerate(("Orion", "Vega", "Lyra", "Arab"))),
        ),
        snapshot_key="trailing-country",
    )


def test_a_name_with_its_country_after_it_is_found(index: ScreeningIndex) -> None:
    # the three words of the country, unmatched, had counted against the listed name: no hit at all
    hits = screen(index, "QORVANE STAR TRADING L.L.C, United Arab Emirates").hits
    assert hits and hits[0].entry_id == "test:1" and hits[0].score >= 0.9
    assert screen(index, "Zelmarin Brenko (United Arab Emirates)").hits[0].entry_id == "test:2"


def test_the_country_read_from_the_name_is_the_querys_country_and_said(index: ScreeningIndex) -> None:
    result = screen(index, "Veldra Optics (Germany)")
    assert result.country == "DE"
    assert [h.entry_id for h in result.hits][:1] == ["test:4"]  # the German entry before the Iranian one
    assert result.hits[0].score > result.hits[1].score
    assert any("read from the name" in note for note in result.notes)
    # a country the caller gives is kept: the name's end does not overrule it
    assert screen(index, "Veldra Optics (Germany)", country="IR").hits[0].entry_id == "test:3"
