"""Blocking casts no vote for a listed word that scoring will not count (similarity.WordRule): the skeleton article
votes only for articles, a translated word only for itself, a romanised Chinese syllable only for its own spelling;
and it still votes for every listed word scoring would count."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import OSA

from exportctl.screening import ScreeningIndex, blocking, screen
from exportctl.screening.blocking import token_votes
from exportctl.screening.index import BLOCKING_MAX_DF
from exportctl.screening.normalize import PINYIN, SKELETON, NameVariant, analyze
from exportctl.screening.scripts import ARTICLE_SKELETON, vowelled_pattern
from exportctl.screening.similarity import (
    ANY_WORD,
    SKELETON_ONLY,
    TOKEN_FLOOR,
    WordRule,
    credit,
    credits,
    word_rule,
)


def _voted(index: ScreeningIndex, token: str, skeleton_mode: bool, rule: WordRule) -> set[int]:
    return set(token_votes(index, token, skeleton_mode, True, rule).names.tolist())


def _counted(index: ScreeningIndex, token: str, skeleton_mode: bool, rule: WordRule) -> set[int]:
    """Names holding a listed word the rule allows, reached by the word and similar enough to count (rare words:
    common ones never vote)."""
    texts = index.token_skeleton if skeleton_mode else index.tokens
    reached = index.skeleton_tokens(token) if skeleton_mode else index.similar_tokens(token)
    names: set[int] = set()
    for t in reached:
        sim = OSA.normalized_similarity(token, texts[t])
        postings = index.postings_of(t)
        if (
            sim >= TOKEN_FLOOR - 0.1
            and credit(rule, token, index.tokens[t], sim) > 0
            and len(postings) <= BLOCKING_MAX_DF
        ):
            names.update(postings.tolist())
    return names


def test_the_article_of_a_skeleton_reading_votes_only_for_names_with_an_article(index: ScreeningIndex) -> None:
    article = WordRule("article")
    voted = _voted(index, ARTICLE_SKELETON, True, article)
    everything = _voted(index, ARTICLE_SKELETON, True, ANY_WORD)
    assert voted < everything  # LEE, ELA and the like no longer vote
    for name in voted:
        assert any(credit(article, ARTICLE_SKELETON, index.tokens[t], 1.0) > 0 for t in index.name_tokens[name])


def test_a_translated_word_of_a_skeleton_reading_votes_only_for_itself(index: ScreeningIndex) -> None:
    reading = next(v for v in analyze("جامعة النهرين", index.vocab).variants if v.kind == SKELETON)
    position = reading.patterns.index("university")
    rule = word_rule(reading, position)
    assert rule == WordRule("word", "university")
    token = reading.tokens[position]
    assert _voted(index, token, True, rule) <= {n for n in range(index.name_count) if index.vocab["university"] in
                                                 index.name_tokens[n]}  # fmt: skip
    assert _voted(index, token, True, ANY_WORD)  # without the rule, its look-alikes vote


@given(syllable=st.sampled_from(["dong", "kong", "hong", "xian", "yuan", "shan", "jing", "haerbin", "zhong", "nong"]))
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_romanised_chinese_word_votes_for_exactly_the_spellings_scoring_counts(
    index: ScreeningIndex, syllable: str
) -> None:
    rule = word_rule(NameVariant((syllable,), PINYIN), 0)
    assert rule == WordRule("pinyin")
    voted = _voted(index, syllable, False, rule)
    assert voted == _counted(index, syllable, False, rule)
    for name in voted:  # never for another syllable: "dong" is not TONG or DANG (longer words may differ by one)
        held = [index.tokens[t] for t in index.name_tokens[name]]
        assert any(w[0] == syllable[0] and (max(len(w), len(syllable)) > 4 or w == syllable) for w in held), held


def test_a_latin_word_typed_by_hand_keeps_every_look_alike() -> None:
    assert word_rule(NameVariant(("dong",), "latin"), 0) == ANY_WORD


def test_the_rules_change_no_hit(index: ScreeningIndex) -> None:
    # names whose readings carry all three rules: an article and a translated word (Arabic), pinyin (Chinese)
    for query in ["جامعة النهرين", "الجامعة الإسلامية في غزة", "哈尔滨工业大学", "东方电子", "中国科学院"]:
        hits = screen(index, query).hits
        index.token_cache.clear()
        rules_off = _screen_without_rules(index, query)
        assert [(h.entry_id, round(h.score, 9)) for h in hits] == rules_off, query


def _screen_without_rules(index: ScreeningIndex, query: str) -> list[tuple[str, float]]:
    """The same screening with every word voting for all its look-alikes (as before the rules)."""
    original = blocking.word_rule
    blocking.word_rule = lambda variant, position: ANY_WORD
    try:
        index.token_cache.clear()
        return [(h.entry_id, round(h.score, 9)) for h in screen(index, query).hits]
    finally:
        blocking.word_rule = original
        index.token_cache.clear()


def test_numbers_of_votes_shrink_for_chinese_readings(index: ScreeningIndex) -> None:
    reading = next(v for v in analyze("东方电子", index.vocab).variants if v.kind == PINYIN)
    with_rules = sum(
        len(token_votes(index, t, False, True, word_rule(reading, i)).names) for i, t in enumerate(reading.tokens)
    )
    without = sum(len(token_votes(index, t, False, True, ANY_WORD).names) for t in reading.tokens)
    assert with_rules < without


def test_a_skeleton_word_votes_in_full_only_for_the_spellings_it_fits(index: ScreeningIndex) -> None:
    # زكي: ZAKI fits its spelling, SAK or SEK only its consonants; scoring counts those at SKELETON_ONLY, and so do
    # the votes (before, every word with the consonants s-k voted alike, and ZAKI EZAT ZAKI AHMED was not among
    # the candidates of زكي عزت زكي احمد)
    reading = next(v for v in analyze("زكي", index.vocab).variants if v.kind == SKELETON)
    rule = word_rule(reading, 0)
    assert rule.kind == "spelling"
    token = reading.tokens[0]
    votes = token_votes(index, token, True, True, rule)
    by_name = dict(zip(votes.names.tolist(), votes.votes.tolist(), strict=True))
    fits = [t for t in index.skeleton_tokens(token) if credit(rule, token, index.tokens[t], 1.0) == 1.0]
    other = [t for t in index.skeleton_tokens(token) if credit(rule, token, index.tokens[t], 1.0) == SKELETON_ONLY]
    assert index.vocab["zaki"] in fits and fits and other
    fitting_names = {n for t in fits for n in index.postings_of(t).tolist()}
    for t in other:
        for name in index.postings_of(t).tolist():
            if name not in fitting_names and name in by_name:
                assert by_name[name] < max(by_name[n] for n in fitting_names if n in by_name)


_ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويةءأإآىپچژگک"


@settings(max_examples=200, deadline=None)
@given(
    word=st.text(alphabet=_ARABIC_LETTERS, min_size=1, max_size=6),
    listed=st.lists(st.text(alphabet="abdeghijklmnoqrstuvwyz'-", min_size=1, max_size=9), min_size=1, max_size=40),
    similarity=st.floats(min_value=0.0, max_value=1.0),
)
def test_credits_of_many_listed_words_equal_credit_word_by_word(
    word: str, listed: list[str], similarity: float
) -> None:
    """The batch form (one regex pass over all the words, a line each) gives each word what :func:`credit` gives it
    alone, for every kind of rule."""
    rules = [
        WordRule("spelling", vowelled_pattern(word)),
        WordRule("article"),
        WordRule("word", listed[0]),
        WordRule("pinyin"),
        ANY_WORD,
    ]
    sims = [similarity] * len(listed)
    for rule in rules:
        assert credits(rule, word, listed, sims) == [credit(rule, word, text, similarity) for text in listed]


def test_a_spelling_pattern_run_over_many_words_matches_whole_words_only() -> None:
    """A spelling that fits the start or the end of a listed word (nasr in NASRALLAH, ANSAR) is not a fit."""
    rule = WordRule("spelling", vowelled_pattern("نصر"))
    listed = ["nasrallah", "ansar", "nasr", "nasir", "mansour", "nasr"]
    assert credits(rule, "nsr", listed, [1.0] * len(listed)) == [
        SKELETON_ONLY,
        SKELETON_ONLY,
        1.0,
        1.0,
        SKELETON_ONLY,
        1.0,
    ]
