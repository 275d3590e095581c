"""Foreign places written in Chinese are read by their English names (日本 Japan, 东京 Tokyo, 内蒙古 Inner Mongolia),
only where they are a word of the name; Japanese legal forms (株式会社, K.K. ending a name) are legal forms."""

from __future__ import annotations

import json

import pytest

from exportctl.screening import ScreeningIndex, screen
from exportctl.screening.chinese_places import place_names
from exportctl.screening.legal_forms import split_legal_forms
from exportctl.screening.normalize import analyze, fold_latin
from exportctl.screening.scripts import han_variants
from tests.screening.made_up import made_up

_ENTRIES = (
    made_up(1, "Zhenlan Technologies Japan K.K."),  # made up: 振兰技术日本株式会社
    made_up(2, "Moscow Zhenlan Institute"),  # made up: 莫斯科振兰研究所
    made_up(3, "Zhenlan Technologies Co., Ltd."),
    made_up(5, "Plovdiv Brennor Holding"),
    made_up(6, "Ministry of Public Security"),  # a body named without its state, as lists name ministries
)


@pytest.fixture(scope="module")
def small() -> ScreeningIndex:
    return ScreeningIndex.build(_ENTRIES, snapshot_key="places")


def _first_words(name: str) -> list[str]:
    return han_variants(name, frozenset())[0]


@pytest.mark.parametrize(
    ("chinese", "english"),
    [
        ("日本", ["japan"]),
        ("俄罗斯", ["russia"]),
        ("東京", ["tokyo"]),  # traditional characters too
        ("阿拉伯联合酋长国", ["united", "arab", "emirates"]),  # CLDR's name, longer than the dictionary's
        ("内蒙古", ["inner", "mongolia"]),  # an autonomous region whose English is no pinyin
        # states' long names (iso-codes' Chinese translations), read as their short names
        ("中华人民共和国", ["china"]),
        ("中華民國", ["taiwan"]),
        ("朝鲜民主主义人民共和国", ["north", "korea"]),
        ("伊朗伊斯兰共和国", ["iran"]),
    ],
)
def test_a_foreign_place_is_read_by_its_english_name(chinese: str, english: list[str]) -> None:
    assert _first_words(chinese) == english


@pytest.mark.parametrize(
    ("chinese", "not_read"),
    [
        ("黑山县", "montenegro"),  # Heishan county: a proper name that holds 黑山 but is no place abroad
        ("上海地铁", "haiti"),  # 海 ends 上海 (Shanghai): 海地 is no word of this name
        ("广东加工", "tonga"),  # 东 ends 广东 (Guangdong)
        ("新美国际", "united"),  # 国 begins 国际 (international)
        ("北京", "beijing"),  # China's own places are left to the pinyin: no table entry
    ],
)
def test_a_place_is_read_only_where_it_is_a_word_of_the_name(chinese: str, not_read: str) -> None:
    readings = han_variants(chinese, frozenset())
    if chinese == "北京":
        assert chinese not in place_names() and readings[0] == ["beijing"]
    else:
        assert all(not_read not in " ".join(words) for words in readings)


def test_china_and_the_term_table_keep_their_own_readings() -> None:
    # 中国 is the term table's ("china|chinese"), 台湾 is its pinyin: neither is a foreign place
    assert "中国" not in place_names() and "台湾" not in place_names() and "香港" not in place_names()


def test_every_place_of_the_table_is_read_alone() -> None:
    # each entry is reachable: written alone, its characters give its first English name
    for chinese, english in place_names().items():
        assert fold_latin(" ".join(_first_words(chinese))) == fold_latin(english.split("|")[0]), chinese


def test_a_foreign_companys_chinese_name_finds_its_listed_english_name(small: ScreeningIndex) -> None:
    hits = screen(small, "振兰技术日本株式会社").hits
    assert hits and hits[0].entry_id == "test:1" and hits[0].score >= 0.9
    moscow = screen(small, "莫斯科振兰研究所").hits
    assert moscow and moscow[0].entry_id == "test:2" and moscow[0].score >= 0.9


def test_a_state_before_a_bodys_name_weighs_as_its_short_name(small: ScreeningIndex) -> None:
    # Chinese puts the state first; its long name read word by word ("china peoples gongheguo") weighed as three
    # words the listed name lacks
    for state in ("中华人民共和国", "中華民國", "朝鲜民主主义人民共和国"):
        hits = screen(small, f"{state}公安部").hits
        short = screen(small, f"{_short_state(state)}公安部").hits
        assert hits and hits[0].entry_id == "test:6", state
        assert hits[0].score == pytest.approx(short[0].score, abs=0.01), state


def _short_state(state: str) -> str:
    return {"中华人民共和国": "中国", "中華民國": "台湾", "朝鲜民主主义人民共和国": "朝鲜"}[state]


def test_japanese_legal_forms() -> None:
    assert split_legal_forms(["zhenlan", "technologies", "japan", "kk"]) == (
        ("zhenlan", "technologies", "japan"),
        frozenset({"bv"}),
    )
    # first in a name, or the whole name, the letters are the name's own
    assert split_legal_forms(["kk", "international", "traders"])[0] == ("kk", "international", "traders")
    assert split_legal_forms(["kk"])[0] == ("kk",)
    assert analyze("Yamaki Godo Kaisha").variants[0].tokens == ("yamaki",)
    assert _first_words("振兰日本株式会社")[-2:] == ["co", "ltd"]


def test_a_listed_name_ending_in_kk_matches_the_name_without_it(small: ScreeningIndex) -> None:
    hits = screen(small, "Zhenlan Technologies Japan").hits
    assert hits[0].entry_id == "test:1" and hits[0].score >= 0.99


def test_the_place_table_is_what_cldr_and_cedict_give() -> None:
    # the committed table is reproducible by one command (benchmarks/build_chinese_place_names.py)
    pytest.importorskip("babel")
    from build_chinese_place_names import OUT, not_places, state_names  # benchmarks/ is on the path
    from build_chinese_place_names import place_names as built

    places = built()
    states = state_names(places)
    committed = json.loads(OUT.read_text(encoding="utf-8"))
    assert committed == {"places": places, "states": states, "not_places": not_places(places, states)}
    assert places["日本"] == "japan" and "黑山县" in not_places(places, states)
    assert states["中华人民共和国"] == "china" and "中华人民共和国" not in places
