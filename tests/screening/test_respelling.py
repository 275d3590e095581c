"""Russian names romanised the German or French way are found: they are respelt as the lists spell them."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exportctl.screening import DEFAULT_THRESHOLD, ScreeningIndex, screen
from exportctl.screening.normalize import TRANSLITERATION, analyze
from exportctl.screening.respelling import respellings, respelt, with_respelt_words


@pytest.mark.parametrize(
    ("written", "spelling"),
    [
        ("prigoschin", "prigozhin"),  # German sch for ж
        ("schoigu", "shoigu"),  # … and for ш
        ("wassiljewitsch", "vasilyevich"),  # w, ss, j, tsch
        ("kusnezow", "kuznetsov"),  # s for з, z for ц
        ("schtschetinin", "shchetinin"),
        ("gadschijew", "gadzhiev"),  # -ijew
        ("sawizki", "savitsky"),  # -zki
        ("prigojine", "prigozhin"),  # French j for ж, -ine
        ("poutine", "putin"),  # ou
        ("evgueni", "evgeni"),  # gu before e
        ("viktorovitch", "viktorovich"),  # tch
        ("prigozjin", "prigozhin"),  # Dutch zj for ж
        ("poetin", "putin"),  # oe
        ("viktorovitsj", "viktorovich"),  # tsj
    ],
)
def test_german_french_and_dutch_romanisations_are_respelt_the_lists_way(written: str, spelling: str) -> None:
    assert spelling in respellings(written)


def test_a_word_without_their_marks_is_not_respelt() -> None:
    assert respellings("international") == ()
    assert respellings("ivan") == ()


@pytest.mark.parametrize("acronym", ["dzsss", "zwsch", "wzrtch"])
def test_a_word_without_a_vowel_is_an_acronym_and_not_respelt(acronym: str) -> None:
    assert respellings(acronym) == ()  # "dzsss" was respelt "dtsss", a listed acronym: a one-letter-off hit


def test_a_respelling_is_kept_only_when_it_is_a_listed_word(index: ScreeningIndex) -> None:
    assert respelt("prigoschin", index) == "prigozhin"
    # English words have the marks too; their respellings are no listed words ("twelve": tvelve)
    for word in ("twelve", "welcome", "french", "foundations", "compass"):
        assert all(s not in index.vocab for s in respellings(word)) == (respelt(word, index) is None)
    assert respelt("viktor", index) is None  # a listed word is matched as written


def test_the_respelt_reading_is_added_beside_the_others(index: ScreeningIndex) -> None:
    analyzed = with_respelt_words(analyze("Jewgeni Wiktorowitsch Prigoschin", index.vocab), index)
    assert analyzed.variants[0].tokens == ("jewgeni", "wiktorowitsch", "prigoschin")
    respelt_reading = analyzed.variants[-1]
    assert respelt_reading.kind == TRANSLITERATION
    assert "prigozhin" in respelt_reading.tokens and "viktorovich" in respelt_reading.tokens


@pytest.mark.parametrize(
    "query",
    [
        "Jewgeni Wiktorowitsch Prigoschin",  # German (Duden)
        "Evgueni Viktorovitch Prigojine",  # French
        "Jevgeni Viktorovitsj Prigozjin",  # Dutch
    ],
)
def test_a_listed_russian_written_the_european_way_is_found(index: ScreeningIndex, query: str) -> None:
    hits = screen(index, query).hits
    assert hits and "PRIGOZHIN" in hits[0].primary_name.upper()
    assert hits[0].score >= DEFAULT_THRESHOLD


@given(word=st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=20))
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_respelling_never_fails_and_keeps_only_listed_words(index: ScreeningIndex, word: str) -> None:
    found = respelt(word, index)
    assert found is None or (found in index.vocab and word not in index.vocab and found in respellings(word))


def test_a_respelt_name_is_read_as_the_analysis_reads_the_lists_names(index: ScreeningIndex) -> None:
    # the lists' ABDURAKHMANOV is read "abdul rakhmanov" (Abd al-Rahman's son): so is the Dutch spelling, respelt
    analyzed = with_respelt_words(analyze("Abdoerachmanov Magomed", index.vocab), index)
    assert ("abdul", "rakhmanov", "magomed") in {v.tokens for v in analyzed.variants}
