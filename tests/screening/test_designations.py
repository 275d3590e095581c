"""A country inside an organisation's name written as another of its designations (official name, short name,
initialism): the name is also read with the others. Made-up organisation names; the designations are ISO 3166's."""

from __future__ import annotations

import json

import pytest

from exportctl.screening import ScreeningIndex, screen
from exportctl.screening.designations import designation_readings, long_designation_spans, opening_short_name
from tests.screening.made_up import made_up


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "Orbital Works of the DPRK",
            ["Orbital Works of the North Korea", "Orbital Works of the Democratic People's Republic of Korea"],
        ),
        (
            "Orbital Works of the Democratic People's Republic of Korea",
            ["Orbital Works of the North Korea", "Orbital Works of the DPRK"],
        ),
        ("Tesk Fund of the Russian Federation", ["Tesk Fund of the Russia"]),
        ("Tesk Fund of Russia", ["Tesk Fund of Russian Federation"]),  # a short name after "of"
        (
            "Embassy of the P.R.C.",
            ["Embassy of the China", "Embassy of the People's Republic of China", "Embassy of the Mainland China"],
        ),
        ("KELDA SYSTEMS USA INC", ["KELDA SYSTEMS United States INC", "KELDA SYSTEMS United States of America INC"]),
    ],
)
def test_a_designation_is_also_read_as_the_countrys_others(name: str, expected: list[str]) -> None:
    readings, note = designation_readings(name)
    assert readings == expected
    assert note and "also read as" in note


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Kelda Technologies Sverige AB", "Kelda Technologies Sweden AB"),
        ("KELDA DANMARK APS", "KELDA Denmark APS"),
        ("Kelda Technologies Espana S.L.", "Kelda Technologies Spain S.L."),  # written without its accent
        ("Kelda Schweiz AG", "Kelda Switzerland AG"),
    ],
)
def test_a_country_in_its_own_language_is_read_in_english(name: str, expected: str) -> None:
    readings, note = designation_readings(name)
    assert readings == [expected]
    assert note and "also read as" in note


def test_the_countries_own_names_are_what_cldr_gives() -> None:
    # the committed table is reproducible by one command (benchmarks/build_country_endonyms.py)
    pytest.importorskip("babel")
    from build_country_endonyms import OUT, endonyms  # benchmarks/ is on the path (conftest)

    assert json.loads(OUT.read_text(encoding="utf-8")) == endonyms()
    assert endonyms()["SE"] == ["Sverige"] and "DE" in endonyms() and "GB" not in endonyms()


@pytest.mark.parametrize(
    "name",
    [
        "Iran Air",  # a short name not after "of": most companies' country word, not expanded
        "Long Island University",  # Ísland without its accent is an English word: not read as Iceland
        "University of Ireland",  # a short name after "of" with no other name
        "China National Tesk Corporation",
        "Usa Kelda",  # an initialism counts in capitals only: Usa is a name
        "Burma Teak Traders",  # a one-word name that is not the short one: a word of many names
        "Korea Tesk Trading",  # two countries are Korea
        "Kelda Tesk Limited",
        "",
    ],
)
def test_no_designation_is_read_where_there_is_none_to_read(name: str) -> None:
    assert designation_readings(name) == ([], None)


@pytest.fixture(scope="module")
def index() -> ScreeningIndex:
    return ScreeningIndex.build(
        (
            made_up(1, "DEPARTMENT OF ORBITAL WORKS OF THE DPRK", country="KP"),
            made_up(2, "CENTRAL TESK BANK OF THE DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA", country="KP"),
            made_up(3, "KELDA WEALTH FUND OF THE RUSSIAN FEDERATION", country="RU"),
            made_up(4, "Marrow Heavy Industries"),
            made_up(5, "KELDA SWEDEN"),
        ),
        snapshot_key="designations",
    )


def test_the_long_form_finds_the_initialism_and_the_other_way(index: ScreeningIndex) -> None:
    # the long form's words, unmatched by DPRK, had counted against the listed name, and the DPRK's central bank,
    # whose name holds them, came first
    result = screen(index, "Department of Orbital Works of the Democratic People's Republic of Korea")
    assert result.hits and result.hits[0].entry_id == "test:1" and result.hits[0].score >= 0.95
    assert any("country designation" in note for note in result.notes)
    hits = screen(index, "Central Tesk Bank of the DPRK").hits
    assert hits and hits[0].entry_id == "test:2" and hits[0].score >= 0.95


def test_a_short_name_after_of_finds_the_official_one(index: ScreeningIndex) -> None:
    hits = screen(index, "Kelda Wealth Fund of Russia").hits
    # "the" is the one listed word it lacks (the long name's two words weigh about as one: 0.94)
    assert hits and hits[0].entry_id == "test:3" and hits[0].score >= 0.9


def test_a_name_without_a_designation_carries_no_note(index: ScreeningIndex) -> None:
    result = screen(index, "Marrow Heavy Industries")
    assert result.hits and result.hits[0].entry_id == "test:4"
    assert not any("country designation" in note for note in result.notes)


def test_a_subsidiary_writing_its_country_in_its_own_language_is_found(index: ScreeningIndex) -> None:
    # "Sverige" is no word of the listed KELDA SWEDEN: the subsidiary's own name found nothing before
    hits = screen(index, "Kelda Sverige AB").hits
    assert hits and hits[0].entry_id == "test:5" and hits[0].score >= 0.9


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("ISLAMIC REPUBLIC OF IRAN SHIPPING LINES", "Iran SHIPPING LINES"),
        ("The Islamic Republic of Iran Broadcasting", "Iran Broadcasting"),
        ("Russian Federation Ministry of Defence", "Russia Ministry of Defence"),
        ("BOLIVARIAN REPUBLIC OF VENEZUELA", None),  # the state alone: not cut to one word of many names
        ("IRAN AIR", None),  # already the short name
        ("Central Bank of the Islamic Republic of Iran", None),  # not opening the name: read on the query's side
        ("Republic Steel Works", None),
    ],
)
def test_a_listed_name_opening_with_the_states_long_name_is_read_with_the_short(
    name: str, expected: str | None
) -> None:
    assert opening_short_name(name) == expected


def test_the_short_name_opening_a_name_finds_the_long_one() -> None:
    index = ScreeningIndex.build(
        (made_up(1, "ISLAMIC REPUBLIC OF IRAN TELVARA LINES", country="IR"), made_up(2, "Telvara Trading")),
        snapshot_key="opening",
    )
    # ISLAMIC, REPUBLIC and OF, unmatched, counted against the listed name
    hits = screen(index, "Iran Telvara Lines").hits
    assert hits and hits[0].entry_id == "test:1" and hits[0].score >= 0.95


@pytest.mark.parametrize(
    ("name", "spans"),
    [
        ("central bank of the democratic peoples republic of korea", [(4, 5)]),
        ("ministry of defence of the russian federation", [(5, 2)]),
        ("islamic republic of iran shipping lines", [(0, 4)]),
        ("bank of russia", []),  # the short name is one name already
        ("xyz hong kong limited", []),  # so is a short name of two words
    ],
)
def test_a_countrys_long_name_is_found_among_a_names_words(name: str, spans: list[tuple[int, int]]) -> None:
    assert long_designation_spans(name.split()) == spans


@pytest.fixture(scope="module")
def states() -> ScreeningIndex:
    return ScreeningIndex.build(
        (
            made_up(2, "THE AIRLINE OF THE ISLAMIC REPUBLIC OF IRAN", country="IR"),
            made_up(3, "KORVAN AIR", country="IR"),
            made_up(4, "Marrow Heavy Industries"),
            made_up(5, "Quillet Shipping Lines"),
        ),
        snapshot_key="states",
    )


def test_a_company_of_a_state_comes_before_the_states_own_bodies(states: ScreeningIndex) -> None:
    # "of Iran" is also read "of the Islamic Republic of Iran", whose four words had matched the state airline's
    hits = screen(states, "Korvan Air of Iran", threshold=0.5).hits
    assert hits and hits[0].entry_id == "test:3"
