"""Chinese organisation names written in pinyin (.pinyin_names): read back into the characters of their terms."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exportctl.lists.model import EntryType
from exportctl.screening import ScreeningIndex, screen
from exportctl.screening.normalize import analyze
from exportctl.screening.pinyin_names import pinyin_characters, with_pinyin_terms
from tests.screening.made_up import made_up


@pytest.mark.parametrize(
    ("name", "characters"),
    [
        ("huawei jishu youxian gongsi", "huawei 技术有限公司"),
        ("huawei jishu youxiangongsi", "huawei 技术有限公司"),  # the form's words written together
        ("huaweijishuyouxiangongsi", "huawei 技术有限公司"),  # or the whole name
        ("zhongguo dianzi keji jituan", "中国电子科技集团"),
        ("beijing hangkong hangtian daxue", "北京航空航天大学"),
        ("harbin gongye daxue", "harbin 工业大学"),  # a place's customary spelling: one word that is no pinyin
        ("zhongguo dianzikeji jituangongsi dishisi yanjiusuo", "中国电子科技集团公司第十四研究所"),
        ("li ming", None),  # a person: no organisation word
        ("zhongguo dianzi keji", None),  # no word says it is an organisation (technology is no kind)
        ("zhongxin securities", None),  # English around the pinyin: not a name written in pinyin
        ("anshan steel trading", None),
        ("technology gongsi trading", None),  # two words that are no pinyin
    ],
)
def test_a_name_in_pinyin_is_read_back_into_its_terms_characters(name: str, characters: str | None) -> None:
    assert pinyin_characters(tuple(name.split())) == characters


def test_a_pinyin_word_is_the_dictionary_word_whose_english_the_lists_use_most() -> None:
    # youdian is 优点 merit, 有点 a little, 有电 and 邮电 post and telecommunications: the lists name the last
    uses = {"post": 9, "and": 900, "telecommunications": 7, "merit": 1, "a": 50, "little": 2}
    assert pinyin_characters(("beijing", "youdian", "daxue"), uses) == "北京邮电大学"
    assert pinyin_characters(("beijingyoudiandaxue",), uses) == "北京邮电大学"  # run together
    assert pinyin_characters(("beijing", "youdian", "daxue")) == "北京 youdian 大学"  # without: as written
    rare = {"post": 2, "and": 900, "telecommunications": 2}  # English too few listed names use: no reading
    assert pinyin_characters(("beijing", "youdian", "daxue"), rare) == "北京 youdian 大学"


_DIGITS = ("ling", "yi", "er", "san", "si", "wu", "liu", "qi", "ba", "jiu")
_CHARACTERS = "零一二三四五六七八九"


def _spoken(n: int) -> tuple[str, str]:
    """1–99 in pinyin syllables and in characters, as Chinese writes them (十四 shi si, 五十八 wu shi ba)."""
    tens, units = divmod(n, 10)
    syllables = ([_DIGITS[tens]] if tens > 1 else []) + (["shi"] if tens else []) + ([_DIGITS[units]] if units else [])
    chars = (_CHARACTERS[tens] if tens > 1 else "") + ("十" if tens else "") + (_CHARACTERS[units] if units else "")
    return " ".join(syllables), chars


@given(st.integers(1, 99), st.booleans())
def test_an_ordinal_in_pinyin_is_its_numeral(n: int, together: bool) -> None:
    syllables, chars = _spoken(n)
    number = "di" + syllables.replace(" ", "") if together else f"di {syllables}"
    name = f"zhongguo dianzi keji jituan gongsi {number} yanjiusuo"
    assert pinyin_characters(tuple(name.split())) == f"中国电子科技集团公司第{chars}研究所"


@pytest.fixture(scope="module")
def index() -> ScreeningIndex:
    return ScreeningIndex.build(
        [
            made_up(1, "XINMAO TECHNOLOGY CO., LTD.", EntryType.ENTITY, "CN"),
            made_up(2, "XINMAO TRADING", EntryType.ENTITY, "CN"),
            made_up(3, "Beijing University of Aeronautics and Astronautics", EntryType.ENTITY, "CN"),
            made_up(4, "Plovdiv Brennor Holding", EntryType.ENTITY, "BG"),  # filler: realistic weights
            made_up(5, "Beijing Qelmora Trading Company", EntryType.ENTITY, "CN"),
        ],
        snapshot_key="pinyin",
    )


@pytest.mark.parametrize(
    ("name", "entry_id"),
    [
        ("Xinmao Jishu Youxian Gongsi", "test:1"),
        ("Xīnmào Jìshù Yǒuxiàn Gōngsī", "test:1"),  # with its tone marks
        ("Beijing Hangkong Hangtian Daxue", "test:3"),
    ],
)
def test_an_organisation_named_in_pinyin_finds_its_english_name(
    index: ScreeningIndex, name: str, entry_id: str
) -> None:
    hits = screen(index, name).hits
    assert hits and hits[0].entry_id == entry_id


def test_a_name_that_is_no_organisation_in_pinyin_keeps_its_readings() -> None:
    for name in ("Li Ming", "Xinmao Trading", "Beijing Qelmora Trading Company"):
        assert with_pinyin_terms(analyze(name), {"technology"}) == analyze(name)
    read = with_pinyin_terms(analyze("Xinmao Jishu Youxian Gongsi"), {"technology"})
    assert ("xinmao", "technology") in {v.tokens for v in read.variants}
    assert (
        read.variants[: len(analyze("Xinmao Jishu Youxian Gongsi").variants)]
        == analyze("Xinmao Jishu Youxian Gongsi").variants
    )  # the name as written is still read first
