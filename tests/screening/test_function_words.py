"""Function words weigh alike (``normalize.FUNCTION_WORDS``): a translation says "in" or "of" as it pleases, and a
rarer preposition is no rarer evidence of a name."""

from __future__ import annotations

import pytest

from exportctl.screening import ScreeningIndex, blocking, screen
from exportctl.screening.blocking import Unit, candidates
from exportctl.screening.index import without_function_words
from exportctl.screening.normalize import LATIN, SKELETON, TRANSLATION, TRANSLITERATION, NameVariant
from tests.screening.made_up import made_up

# "of" in many listed names, "in" in one: by rarity alone "in" weighed as much as a name's distinctive word
_ENTRIES = [
    made_up(1, "Brotherhood in Velmoria and Tarkesh"),
    *(made_up(n, f"Academy of Korsan Studies {n}") for n in range(2, 40)),
    made_up(40, "Velmoria Shipping Company"),
]


def test_function_words_weigh_as_the_commonest_of_them() -> None:
    index = ScreeningIndex.build(_ENTRIES, snapshot_key="function-words")
    weights = {word: index.idf[index.vocab[word]] for word in ("in", "of", "and")}
    assert len(set(weights.values())) == 1
    assert weights["in"] < index.idf[index.vocab["velmoria"]] / 2


def test_another_preposition_costs_what_a_common_word_costs() -> None:
    index = ScreeningIndex.build(_ENTRIES, snapshot_key="function-words")
    hits = screen(index, "Brotherhood of Velmoria and Tarkesh").hits
    assert hits and hits[0].entry_id == "test:1"
    assert hits[0].score >= 0.9  # 0.87 when "in" weighed by its own rarity


# one name listed with and without English function words, among names that make "of" and "the" common
_NAMED = [
    made_up(1, "Directorate of the Velmorian Korsavik"),
    made_up(2, "Velmorian Korsavik Directorate"),
    *(made_up(n, f"Bureau of the Tarkesh Studies {n}") for n in range(3, 40)),
]


def _similarity(index: ScreeningIndex, query: str, entry_id: str) -> float:
    hit = next(h for h in screen(index, query, threshold=0.5).hits if h.entry_id == entry_id)
    return next(f.value for f in hit.features if f.name == "name_similarity")


def test_a_reading_from_a_language_without_function_words_is_not_asked_for_them() -> None:
    index = ScreeningIndex.build(_NAMED, snapshot_key="function-words-asked")
    # a Cyrillic name is read "velmorian korsavik direktorate": Russian has no "of" and "the" to leave out
    cyrillic = "Велмориан Корсавик Директорате"
    assert _similarity(index, cyrillic, "test:1") == _similarity(index, cyrillic, "test:2") > 0.95
    # the same words in Latin letters left the function words out: they are asked for
    latin = "Velmorian Korsavik Directorate"
    assert _similarity(index, latin, "test:1") < _similarity(index, latin, "test:2") == 1.0


def test_blocking_ranks_as_scoring_asks(monkeypatch: pytest.MonkeyPatch) -> None:
    # the name with function words holds the query's words and nothing else, another name one more rare word: asked
    # for its function words, the first is the weaker candidate; left out, it is the whole name
    index = ScreeningIndex.build(
        [
            made_up(1, "The Velmorian of the Korsavik"),
            made_up(2, "Velmorian Korsavik Ostrelny"),
            *(made_up(n, f"Tarkesh Studies {n}") for n in range(3, 20)),
        ],
        snapshot_key="function-words-blocking",
    )
    monkeypatch.setattr(blocking, "CANDIDATES_PER_VARIANT", 1)  # the best-ranked candidate only
    words = ("velmorian", "korsavik")

    def first(kind: str) -> str:
        reading = NameVariant(words, kind)
        ((name_ids, _),) = candidates(index, [Unit(reading, reading, 0.0)])
        return index.name_text[int(name_ids[0])]

    assert first(TRANSLITERATION) == "The Velmorian of the Korsavik"
    assert first(LATIN) == "Velmorian Korsavik Ostrelny"


def test_which_readings_are_not_asked_for_function_words() -> None:
    words = ("ministry", "defense")
    assert without_function_words(NameVariant(words, TRANSLITERATION))  # Russian: no "of", no "the"
    assert without_function_words(NameVariant(words, TRANSLATION))  # a Chinese name's glosses
    assert not without_function_words(NameVariant(words, LATIN))  # written so by whoever typed it
    assert not without_function_words(NameVariant(("ministry", "of", "defense"), TRANSLATION))  # it writes them
    assert not without_function_words(NameVariant(("mnstr", "dfns"), SKELETON))  # consonants never decide alone
