"""Place words tell organisations apart: a university of one city is not the national one of the same disciplines."""

from __future__ import annotations

import pytest

from exportctl.lists.model import EntryType, ListCode, ListEntry
from exportctl.screening import ScreeningIndex, screen
from exportctl.screening.places import place_words


def _entry(number: int, name: str, kind: EntryType = EntryType.ENTITY) -> ListEntry:
    return ListEntry(
        source="test", source_id=str(number), list=ListCode.ENTITY_LIST, primary_name=name, entry_type=kind
    )


_ENTRIES = (
    _entry(1, "University of Science and Technology of China"),
    _entry(2, "Brennor Technologies Co., Ltd."),
    _entry(3, "Xi'an Qelmora Institute of Technology"),
    _entry(4, "Harbin Institute of Technology"),
    _entry(5, "SHANGHAI, Zorvex", EntryType.INDIVIDUAL),
    _entry(6, "Plovdiv Trading Holding"),  # fillers: common words get realistic weights
    _entry(7, "Science Holding Company"),
    _entry(8, "Institute of Technology Research"),
)


@pytest.fixture(scope="module")
def index() -> ScreeningIndex:
    return ScreeningIndex.build(_ENTRIES, snapshot_key="places")


def _conflict(index: ScreeningIndex, name: str, entry_id: str) -> float | None:
    """The place_conflict value of the query's hit on ``entry_id`` (at a low threshold); None when it is no hit."""
    for hit in screen(index, name, threshold=0.3, limit=20).hits:
        if hit.entry_id == entry_id:
            return next(f.value for f in hit.features if f.name == "place_conflict")
    return None


def test_place_words_come_from_the_dictionaries() -> None:
    places = place_words()
    assert {"china", "iran", "shanghai", "xian", "haerbin", "harbin", "shenzhen"} <= places
    # foreign cities the dictionary writes in characters are not taken by their English names, nor ordinary words
    assert not {"prince", "phoenix", "yellow", "science", "technology", "university"} & places


def test_a_university_of_another_place_is_not_the_listed_one(index: ScreeningIndex) -> None:
    query = "Shanghai University of Science and Technology"
    assert _conflict(index, query, "test:1") == 1.0
    assert "test:1" not in [h.entry_id for h in screen(index, query).hits]
    assert [h.entry_id for h in screen(index, "University of Science and Technology of China").hits][:1] == ["test:1"]


def test_a_place_only_one_name_has_is_no_conflict(index: ScreeningIndex) -> None:
    # an affiliate's city: the listed name names no place, so nothing contradicts the query
    assert _conflict(index, "Shenzhen Brennor Technologies Co., Ltd.", "test:2") == 0.0
    assert "test:2" in [h.entry_id for h in screen(index, "Shenzhen Brennor Technologies Co., Ltd.").hits]


def test_the_same_place_spelt_otherwise_is_the_same_place(index: ScreeningIndex) -> None:
    assert _conflict(index, "Xian Qelmora Institute of Technology", "test:3") == 0.0  # Xi'an
    assert _conflict(index, "Harbin Institute of Technology", "test:4") == 0.0
    assert _conflict(index, "Harbn Institute of Technology", "test:4") == 0.0  # misspelt


def test_another_place_lowers_an_organisation_and_never_a_person(index: ScreeningIndex) -> None:
    assert _conflict(index, "Beijing Institute of Technology", "test:4") == 1.0
    assert _conflict(index, "Zorvex Beijing", "test:5") == 0.0  # a person's surname is no place of business
