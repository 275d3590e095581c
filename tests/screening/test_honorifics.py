"""A title in front of a person's name (Mr., Dr., Sheikh, Ayatollah …) says little about who is meant: it weighs a
fifth of its rarity in a listed name and half that in a query, so a titled query finds the untitled listed name and
the other way round."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exportctl.lists.model import EntryType, ListEntry
from exportctl.screening import DEFAULT_THRESHOLD, ScreeningIndex, screen
from exportctl.screening.blocking import token_votes
from exportctl.screening.honorifics import HONORIFIC_WEIGHT, HONORIFICS, is_honorific
from exportctl.screening.index import QUERY_TITLE_SHARE, compute_token_votes


def test_a_title_is_weighed_at_a_fifth_of_its_rarity(index: ScreeningIndex) -> None:
    token_id = index.vocab["dr"]  # AL ZAWAHIRI, Dr. Ayman
    rarity = math.log(1 + index.name_count / len(index.postings_of(token_id)))
    assert math.isclose(index.idf[token_id], rarity * HONORIFIC_WEIGHT)


def test_a_courtesy_title_does_not_hide_a_listed_person(index: ScreeningIndex) -> None:
    # BOUT, Viktor Anatolijevitch: the patronymic is missing too; with "Mr." at full weight this scored 0.64
    hits = screen(index, "Mr. Viktor Bout").hits
    assert hits and "BOUT" in hits[0].primary_name and hits[0].score >= DEFAULT_THRESHOLD


def test_a_listed_title_the_query_leaves_out_costs_little(index: ScreeningIndex) -> None:
    titled = screen(index, "Dr. Ayman al-Zawahiri").hits
    plain = screen(index, "Ayman al-Zawahiri").hits
    assert titled[0].entry_id in {h.entry_id for h in plain[:4]}
    assert titled[0].score >= DEFAULT_THRESHOLD


def test_a_title_the_query_writes_weighs_half_a_listed_one(index: ScreeningIndex) -> None:
    for title in ["prof", "haji", "ayatollah"]:
        listed = index.idf[index.vocab[title]]
        assert math.isclose(token_votes(index, title, False, False).weight, listed * QUERY_TITLE_SHARE)
        # the vocabulary's precomputed votes and the general path agree
        assert math.isclose(compute_token_votes(index, title, False, False).weight, listed * QUERY_TITLE_SHARE)


@pytest.mark.parametrize(("name", "title"), [("'ALI, Ahmad", "Prof."), ("IBRAHIM, Haji", "Ayatollah")])
def test_a_title_in_front_of_a_name_of_common_words_keeps_it_found(
    index: ScreeningIndex, name: str, title: str
) -> None:
    # two common given names: at the listed title's weight, an unmatched "Prof." took a fifth of the query (0.86-0.90)
    plain = screen(index, name).hits
    titled = screen(index, f"{title} {name}").hits
    assert plain[0].score == 1.0
    assert titled[0].entry_id == plain[0].entry_id and titled[0].score >= 0.9


def _persons(corpus: list[ListEntry]) -> list[str]:
    return sorted(
        e.primary_name
        for e in corpus
        if e.entry_type == EntryType.INDIVIDUAL and e.primary_name.isascii() and len(e.primary_name.split()) >= 2
    )


@given(data=st.data())
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_title_in_front_keeps_the_score_close(
    index: ScreeningIndex, corpus: list[ListEntry], data: st.DataObject
) -> None:
    name = data.draw(st.sampled_from(_persons(corpus)))
    title = data.draw(st.sampled_from(["Mr.", "Dr.", "Sheikh", "Haji", "Prof.", "Ayatollah"]))
    plain = screen(index, name).hits
    titled = screen(index, f"{title} {name}").hits
    if plain and plain[0].score >= 0.9:
        assert titled and titled[0].score >= plain[0].score - 0.1, (name, title)


def test_only_words_that_are_titles_and_nothing_else() -> None:
    # ranks and titles that are also ordinary words or given names would weaken real names
    for word in ["general", "major", "captain", "sultan", "emir", "sayed", "imam", "prince", "bank", "group"]:
        assert not is_honorific(word)
    assert all(word.isascii() and word.isalpha() and word == word.casefold() for word in HONORIFICS)
