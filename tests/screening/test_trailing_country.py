"""A country written after a name in the name field ("…, United Arab Emirates", "… (Iran)"): the name is read
without it too, and the country becomes the query's country when none was given. Made-up entries only."""

from __future__ import annotations

import pytest

from exportctl.screening import ScreeningIndex, screen
from exportctl.screening.explain import Hit
from exportctl.screening.trailing_country import country_after_of, trailing_country
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
            made_up(5, "Directorate of Orbital Surveys", country="RU"),
            made_up(6, "Bank of Veldra of Russia", country="AE"),
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


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Federal Security Service of Russia", "RU"),
        ("Ministry of Defence of the Islamic Republic of Iran", "IR"),  # the official name, after the first "of"
        ("Directorate of Orbital Surveys of the Russian Federation", "RU"),
        ("Bank of China", "CN"),
        ("Industrial Bank of Korea", None),  # two states are Korea
        ("Bank of Baroda", None),
        ("of Russia", None),  # nothing before it
        ("Ministry of Defence", None),
    ],
)
def test_a_state_after_of_at_the_names_end_is_read(name: str, expected: str | None) -> None:
    assert country_after_of(name) == expected


def test_a_state_after_of_contradicts_an_entry_of_another_country(index: ScreeningIndex) -> None:
    # "of Chile" says whose body it is: an entry of another country, whose matched name names no state, scores
    # lower; the state's own entry does not score higher (the state's words are the name's own), and the name is
    # kept as written
    russian = screen(index, "Directorate of Orbital Surveys of Russia", threshold=0.3)
    chilean = screen(index, "Directorate of Orbital Surveys of Chile", threshold=0.3)
    neither = screen(index, "Directorate of Orbital Surveys of Ruritania", threshold=0.3)
    assert russian.country is None and russian.hits[0].entry_id == "test:5"
    assert chilean.hits[0].entry_id == "test:5"
    assert chilean.hits[0].score == pytest.approx(russian.hits[0].score - 0.15, abs=0.02)
    assert any("CL" in note for note in chilean.notes)
    assert russian.hits[0].score <= neither.hits[0].score + 0.01  # no bonus for the state's words
    # a listed name that names the state itself is not contradicted (BANK OF RUSSIA, listed with addresses abroad)
    abroad = screen(index, "Bank of Veldra of Russia", threshold=0.3)
    assert abroad.hits[0].entry_id == "test:6" and "country_mismatch" not in _features(abroad.hits[0])


def _features(hit: Hit) -> set[str]:
    return {feature.name for feature in hit.features if feature.value}
