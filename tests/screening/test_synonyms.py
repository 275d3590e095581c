"""Kind words that the names of one organisation use interchangeably (:mod:`exportctl.screening.synonyms`)."""

from __future__ import annotations

import pytest

from exportctl.screening import ScreeningIndex, screen
from exportctl.screening.synonyms import SYNONYM_SIMILARITY, synonym_class
from tests.screening.test_unseen_names import _entry


@pytest.fixture(scope="module")
def index() -> ScreeningIndex:  # a small index of its own, not the bundled lists' (conftest)
    return ScreeningIndex.build(
        (
            _entry(1, "KAZAN HELICOPTER PLANT"),
            _entry(2, "MAHAN AIR"),
            _entry(3, "BANK MELLI IRAN"),
            _entry(4, "Plovdiv Brennor Holding"),
            _entry(5, "ORSHA AIRCRAFT REPAIR WORKS"),
            _entry(6, "NATIONAL IRANIAN OIL COMPANY"),
            _entry(7, "Chinese Academy of Engineering Physics"),
            _entry(8, "National Development Oil Company"),  # shares the common words, not the country
            _entry(9, "SINO IC TECHNOLOGY CO., LTD."),  # one distinctive word besides common ones: SINO
            _entry(10, "IRANO HIND SHIPPING COMPANY"),
            _entry(11, "China IC Design Holdings"),
            _entry(12, "China Technology Holdings"),
        ),
        snapshot_key="synonyms",
    )


def _best(index: ScreeningIndex, name: str, threshold: float | None = None) -> tuple[str, float] | None:
    hits = (screen(index, name) if threshold is None else screen(index, name, threshold=threshold)).hits
    return (hits[0].entry_id, hits[0].score) if hits else None


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("Kazan Helicopter Factory", "test:1"),  # завод: plant or factory
        ("Mahan Airlines", "test:2"),  # air / airlines / airways
        ("Mahan Airways", "test:2"),
        ("Banque Melli Iran", "test:3"),
        ("Orsha Aircraft Repair Plant", "test:5"),
    ],
)
def test_a_kind_word_rendered_otherwise_finds_the_listed_name(index: ScreeningIndex, query: str, entry: str) -> None:
    found = _best(index, query)
    assert found is not None and found[0] == entry
    assert found[1] < 1.0  # below the name as listed: another word is not the same word


def test_blocking_reaches_a_name_through_a_word_of_its_class(index: ScreeningIndex) -> None:
    # "airlines" votes for AIR as scoring credits it (0.9), so MAHAN AIR is scored even at a high threshold
    found = _best(index, "Mahan Airlines", threshold=0.9)
    assert found is not None and found[0] == "test:2"
    assert index.synonym_ids("airlines") == tuple(sorted(index.synonym_ids("air")))
    assert index.vocab["air"] in index.synonym_ids("airways") and index.synonym_ids("kazan") == ()


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("National Iran Oil Company", "test:6"),  # شرکت ملی نفت ایران read word by word
        ("China Academy of Engineering Physics", "test:7"),
    ],
)
def test_a_country_for_its_adjective_finds_the_listed_name(index: ScreeningIndex, query: str, entry: str) -> None:
    found = _best(index, query, threshold=0.9)
    assert found is not None and found[0] == entry and found[1] < 1.0


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("China IC Technology", "test:9"),  # 中国集成电路技术: China, which Chinese firms write Sino in English
        ("Chinese IC Technology Co Ltd", "test:9"),
        ("Iran Hind Shipping Company", "test:10"),
    ],
)
def test_a_country_for_its_combining_form_finds_the_listed_name(index: ScreeningIndex, query: str, entry: str) -> None:
    # SINO is the one distinctive word of SINO IC TECHNOLOGY: a word of its class is that word said otherwise,
    # not another word the lists know (which a name of one distinctive word may not be)
    found = _best(index, query)
    assert found is not None and found[0] == entry and found[1] < 1.0


def test_combining_forms_are_of_their_country_and_name_no_person() -> None:
    assert synonym_class("sino") == synonym_class("china") == synonym_class("chinese") >= 0
    assert synonym_class("irano") == synonym_class("iran") and synonym_class("indo") == synonym_class("india")
    assert synonym_class("franco") == synonym_class("russo") == synonym_class("turco") == -1  # persons' names too


def test_country_adjectives_come_from_the_country_names() -> None:
    assert synonym_class("iran") == synonym_class("iranian") == synonym_class("irani") >= 0
    assert synonym_class("china") == synonym_class("chinese") != synonym_class("iran")
    assert synonym_class("syria") == synonym_class("syrian") and synonym_class("lebanon") == synonym_class("lebanese")
    assert synonym_class("ukraine") == synonym_class("ukrainian") and synonym_class("iraq") == synonym_class("iraqi")
    # a form two countries would make (Niger, Nigeria) belongs to neither; the countries stay apart
    assert synonym_class("nigerian") == -1 and synonym_class("niger") != synonym_class("nigeria")


def test_the_name_words_must_still_agree(index: ScreeningIndex) -> None:
    tractor = _best(index, "Kazan Tractor Factory")  # helicopter / tractor: another plant of the same city
    assert tractor is None or tractor[0] != "test:1"
    assert _best(index, "Tabriz Airlines") is None


def test_only_kind_words_are_in_a_class() -> None:
    assert synonym_class("plant") == synonym_class("factory") == synonym_class("works") >= 0
    assert synonym_class("air") == synonym_class("airlines") != synonym_class("plant")
    assert synonym_class("kazan") == synonym_class("helicopter") == -1
    assert 0.0 < SYNONYM_SIMILARITY < 1.0
