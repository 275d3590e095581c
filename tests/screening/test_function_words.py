"""Function words weigh alike (``index._FUNCTION_WORDS``): a translation says "in" or "of" as it pleases, and a
rarer preposition is no rarer evidence of a name."""

from __future__ import annotations

from exportctl.screening import ScreeningIndex, screen
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
