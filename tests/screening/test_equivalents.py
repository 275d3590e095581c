"""Brand equivalents learnt from the lists' aliases: what is learnt, what is refused, and how a hit shows it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from exportctl.lists.model import EntryType, ListCode, ListEntry
from exportctl.screening import FEATURES, ScreeningIndex, screen
from exportctl.screening.equivalents import is_pinyin_word, learn_equivalents, with_equivalents
from exportctl.screening.normalize import analyze


def test_pinyin_words() -> None:
    for word in ("langchao", "kaishitong", "shuguang", "zhongguo"):
        assert is_pinyin_word(word), word
    for word in ("inspur", "sevenstar", "sugon", "piotech", "huawei technologies", "a", "xyz"):
        assert not is_pinyin_word(word), word


def test_learns_a_pinyin_brand_and_its_english_name_both_ways() -> None:
    names = [[("inspur", "beijing", "electronic", "information", "industry"), ("langchao", "beijing", "electronic")]]
    assert learn_equivalents(names, {}, set()) == {"inspur": ("langchao",), "langchao": ("inspur",)}


def test_refuses_vocabulary_common_words_and_loose_alignments() -> None:
    aligned = [("automation", "technology", "chengdu"), ("dapeng", "technology", "chengdu")]
    # the English word is used by another (non-Chinese) entry: vocabulary, not a coined brand
    assert learn_equivalents([aligned], {}, {"automation"}) == {}
    # the pinyin word is in many names (a city): never spread
    assert learn_equivalents([aligned], {"dapeng": 11}, set()) == {}
    # both pinyin, or both English: spelling variants and translations are not brands
    assert learn_equivalents([[("shenzhen", "a", "b"), ("suzhou", "a", "b")]], {}, set()) == {}
    assert learn_equivalents([[("foundation", "a", "b"), ("society", "a", "b")]], {}, set()) == {}
    # two words replaced, or a spaced span that is not pinyin: the names are not aligned closely enough
    assert learn_equivalents([[("inspur", "x", "a", "b"), ("langchao", "y", "a", "b")]], {}, set()) == {}
    assert learn_equivalents([[("cloudwalk", "technology"), ("yun", "walk", "technology")]], {}, set()) == {}


def test_learns_a_brand_against_pinyin_spaced_syllable_by_syllable() -> None:
    # CloudWalk Technology a.k.a. Yun Cong Technology: one shared word is enough when the rest is one brand; the
    # spaced syllables are the one pinyin word a Chinese query is read as (云从 → yuncong)
    names = [[("cloudwalk", "technology"), ("yun", "cong", "technology")]]
    assert learn_equivalents(names, {}, set()) == {"cloudwalk": ("yuncong",), "yuncong": ("cloudwalk",)}


@given(st.lists(st.lists(st.sampled_from(["a", "bb", "inspur", "langchao", "group"]), max_size=5), max_size=4))
def test_learnt_pairs_are_symmetric_and_mix_pinyin_with_another_word(names: list[list[str]]) -> None:
    learnt = learn_equivalents([[tuple(n) for n in names]], {}, set())
    for word, others in learnt.items():
        for other in others:
            assert word in learnt[other]
            assert is_pinyin_word(word) != is_pinyin_word(other)


def test_index_learns_real_brands_only_from_chinese_organisations(index: ScreeningIndex) -> None:
    assert "inspur" in index.equivalents["langchao"]  # Inspur (Beijing) … a.k.a. Langchao Beijing …
    assert "sugon" in index.equivalents["shuguang"]
    chinese = {"CN", "HK", "MO", "TW"}
    elsewhere: set[str] = set()
    for entry in index.entries:
        if entry.country in chinese or any(a.country in chinese for a in entry.addresses):
            if entry.entry_type.value != "individual":
                continue
        elsewhere.update(t for name in entry.names for v in analyze(name).variants for t in v.tokens)
    brands = {word for word in index.equivalents if not is_pinyin_word(word)}
    assert brands and not brands & elsewhere  # a learnt brand is never a word another party's name uses


def test_query_written_with_the_other_brand_hits_and_says_so(index: ScreeningIndex) -> None:
    result = screen(index, "Langchao Group Co., Ltd.")
    best = result.hits[0]
    assert best.primary_name == "Inspur Group Co., Ltd."
    assert best.equivalents == (("langchao", "inspur"),)
    feature = {f.name: f for f in best.features}["brand_equivalent"]
    assert feature.value == 1.0 and feature.weight < 0 and feature.doc
    assert best.to_dict()["equivalents"] == [{"query_word": "langchao", "listed_word": "inspur"}]
    assert "brand_equivalent" in {f.name for f in FEATURES}


def test_a_direct_match_carries_no_equivalent(index: ScreeningIndex) -> None:
    best = screen(index, "Inspur Group Co., Ltd.").hits[0]
    assert best.primary_name == "Inspur Group Co., Ltd."
    assert best.equivalents == ()
    assert {f.name: f.value for f in best.features}["brand_equivalent"] == 0.0


def test_expansion_adds_readings_only_for_learnt_brands() -> None:
    analyzed = analyze("Langchao Group")
    expanded = with_equivalents(analyzed, {"langchao": ("inspur",)})
    assert expanded.variants[: len(analyzed.variants)] == analyzed.variants
    assert [v.tokens for v in expanded.variants[len(analyzed.variants) :]] == [("inspur", "group")]
    assert expanded.variants[-1].replaced == (("langchao", "inspur"),)
    assert with_equivalents(analyze("Huawei Technologies"), {"langchao": ("inspur",)}) == analyze("Huawei Technologies")


def test_a_reading_without_a_learnt_equivalent_wins_a_tie() -> None:
    entries = (
        _entry(1, "CloudWalk Technology", "Yun Cong Technology"),
        _entry(2, "Cloudwalk Technology Co., Ltd."),
    )
    index = ScreeningIndex.build(entries, snapshot_key="cloudwalk")
    assert index.equivalents.get("yuncong") == ("cloudwalk",)
    hits = screen(index, "云从科技").hits
    best = hits[0]
    assert (best.entry_id, best.matched_name, best.equivalents) == ("test:1", "Yun Cong Technology", ())
    # the entry listed only under the brand is found through the learnt equivalent, and says so, a little lower
    other = next(h for h in hits if h.entry_id == "test:2")
    assert other.equivalents == (("yuncong", "cloudwalk"),) and other.score < best.score


def _entry(number: int, name: str, *aliases: str) -> ListEntry:
    return ListEntry(
        source="test",
        source_id=str(number),
        list=ListCode.ENTITY_LIST,
        primary_name=name,
        entry_type=EntryType.ENTITY,
        country="CN",
        aliases=aliases,
    )
