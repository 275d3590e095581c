"""Chinese names written in Russian letters (the Palladius system) are read as the pinyin the lists write. Made-up
entries; the syllable table is pypinyin's."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypinyin.style.cyrillic import converter

from exportctl.lists.model import EntryType
from exportctl.screening import ScreeningIndex, screen
from exportctl.screening.normalize import analyze
from exportctl.screening.palladius import _fold, _syllables, chinese_words, pinyin_spellings
from tests.screening.made_up import made_up


def test_a_word_in_palladius_syllables_spells_its_pinyin() -> None:
    assert ("huawei", 2) in pinyin_spellings("Хуавэй")
    assert ("huawei", 2) in pinyin_spellings("Хуавей")  # э written е, as Russian often does
    assert pinyin_spellings("Шеньчжень")[0] == ("shenzhen", 2)
    assert pinyin_spellings("Ло")[0] == ("luo", 1)  # not the interjection lo
    assert pinyin_spellings("Хуэйнин")[0] == ("huining", 2)  # no syllable without a vowel (n)
    assert pinyin_spellings("Москва") == ()
    assert pinyin_spellings("Ростех") == ()


# the syllables that pypinyin writes as their key (not lü read as lu, which it writes люй)
_COMMON = sorted({p for key, spelt in _syllables().items() for p, _ in spelt if _fold(converter.to_cyrillic(p)) == key})


@given(st.lists(st.sampled_from(_COMMON), min_size=1, max_size=3))
def test_palladius_read_back_gives_the_pinyin(syllables: list[str]) -> None:
    # any word of common syllables, written as Russian writes it, is read back as itself among its spellings
    written = "".join(converter.to_cyrillic(s) for s in syllables)
    assert "".join(syllables) in {pinyin for pinyin, _ in pinyin_spellings(written)}


def test_a_name_is_read_as_chinese_only_with_a_sure_word() -> None:
    known = {"huawei", "shenzhen", "zhang", "xiaoming", "tula", "hang", "technologies"}
    # a word of two syllables that its romanisation does not spell
    assert chinese_words(["хуавэй", ""], ["khuavey", "technologies"], known) == ["huawei", "technologies"]
    # a person's name of which every word is Palladius
    assert chinese_words(["чжан", "сяомин"], ["chzhan", "syaomin"], known) == ["zhang", "xiaoming"]
    # a Russian name: Тула is tula either way, Хан (hang) has no surer word beside it, Алексей is no Palladius
    assert chinese_words(["тула"], ["tula"], known) is None
    assert chinese_words(["хан", "алексей"], ["khan", "aleksey"], known) is None
    # one word of one syllable is no name read as Chinese (a fragment of a word mixing scripts: Мiхаiл)
    assert chinese_words(["ха"], ["kha"], {"ha"}) is None


@pytest.fixture(scope="module")
def index() -> ScreeningIndex:
    return ScreeningIndex.build(
        (
            made_up(1, "Shenzhen Qinghua Zhilian Technologies Co., Ltd.", country="CN"),
            made_up(2, "LIANG, Xiaohui", EntryType.INDIVIDUAL, country="CN"),
            made_up(3, "KHAN, Aleksey", EntryType.INDIVIDUAL, country="RU"),
            made_up(4, "Hang Trading LLC"),
        ),
        snapshot_key="palladius",
    )


def test_a_chinese_company_written_in_russian_is_found(index: ScreeningIndex) -> None:
    # read letter by letter it was "shenchzhen tsinkhua chzhilyan" and found nothing
    hits = screen(index, "Шэньчжэнь Цинхуа Чжилянь Текнолоджиз Ко., Лтд.").hits
    assert hits and hits[0].entry_id == "test:1" and hits[0].score >= 0.95


def test_a_chinese_person_written_in_russian_is_found(index: ScreeningIndex) -> None:
    hits = screen(index, "Лян Сяохуэй").hits
    assert hits and hits[0].entry_id == "test:2" and hits[0].score >= 0.9


def test_a_russian_name_gets_no_chinese_reading(index: ScreeningIndex) -> None:
    known = index.vocab
    readings = {v.tokens for v in analyze("Хан Алексей", known).variants}
    assert ("hang", "aleksey") not in readings
    assert [h.entry_id for h in screen(index, "Хан Алексей").hits][:1] == ["test:3"]


def test_the_syllable_table_is_built_with_the_index_not_in_the_first_query() -> None:
    # built in a Russian-script query it cost that query 0.4-0.8 s (a 395 ms maximum in screening_speed.py)
    _syllables.cache_clear()
    ScreeningIndex.build((made_up(1, "Velmora Trading"),), snapshot_key="palladius-preload")
    assert _syllables.cache_info().currsize == 1
