"""Initialisms learnt from the lists' names (:mod:`exportctl.screening.acronyms`): a register that writes the words
out finds the listed name that writes their initials."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from exportctl.screening import ScreeningIndex, screen
from exportctl.screening.acronyms import LETTERS, MIN_NAMES, Acronyms, initialled, learn_acronyms, with_acronyms
from exportctl.screening.normalize import analyze
from tests.screening.made_up import made_up

# two institutes of one made-up academy, each listed with the academy's words and its initials (two witnesses)
_ENTRIES = [
    made_up(
        1, "Institute of Velmor Optics, Tarvenian Academy of Sciences (TAS)", aliases=("Velmor Optics Institute TAS",)
    ),
    made_up(
        2, "Korsan Institute of Applied Hydraulics TAS", aliases=("Korsan Institute, Tarvenian Academy of Sciences",)
    ),
    made_up(3, "Institut Brelovoy Fiziki TAS"),  # listed with the initials alone
    made_up(4, "Tarvenian Shipping Company"),
]


def _hit_ids(index: ScreeningIndex, name: str) -> list[str]:
    return [h.entry_id for h in screen(index, name).hits]


def test_a_run_is_learnt_from_entries_that_write_it_both_ways() -> None:
    index = ScreeningIndex.build(_ENTRIES, snapshot_key="acronyms")
    assert index.acronyms.runs == {("tarvenian", "academy", "sciences"): "tas"}
    assert index.acronyms.starts == {"tarvenian"}


def test_one_entry_teaches_nothing() -> None:
    readings = [("tarvenian", "academy", "of", "sciences"), ("tas",)]
    assert MIN_NAMES == 2 and learn_acronyms([("Institute of Velmor Optics", readings)]).runs == {}
    # copies of one entry (a consolidated list's) are one witness: the same primary name twice
    copies = [("Institute of Velmor Optics", readings), ("INSTITUTE OF VELMOR  OPTICS", readings)]
    assert learn_acronyms(copies).runs == {}
    other = ("Korsan Institute", readings)
    assert learn_acronyms([*copies, other]).runs == {("tarvenian", "academy", "sciences"): "tas"}


def test_initials_already_and_two_letters_are_no_run() -> None:
    readings = [("m", "d", "s", "trading"), ("mds",), ("hong", "kong"), ("hk",)]
    assert LETTERS[0] == 3 and learn_acronyms([("A", readings), ("B", readings)]).runs == {}


def test_the_words_written_out_find_the_listed_initials() -> None:
    index = ScreeningIndex.build(_ENTRIES, snapshot_key="acronyms")
    query = "Institut Brelovoy Fiziki, Tarvenian Academy of Sciences"
    assert "test:3" in _hit_ids(index, query)
    unlearnt = ScreeningIndex.build(_ENTRIES[2:], snapshot_key="no-acronyms")  # entry 3 alone: nothing learnt
    assert unlearnt.acronyms.runs == {} and "test:3" not in _hit_ids(unlearnt, query)
    readings = [v.tokens for v in with_acronyms(analyze(query), index.acronyms).variants]
    assert ("institut", "brelovoy", "fiziki", "tas") in readings
    assert ("institut", "brelovoy", "fiziki", "tarvenian", "academy", "of", "sciences") in readings  # as written


def test_a_name_that_is_only_the_run_is_read_as_written() -> None:
    acronyms = Acronyms.of({("tarvenian", "academy", "sciences"): "tas"})
    assert initialled(("tarvenian", "academy", "of", "sciences"), acronyms) is None
    assert initialled(("the", "tarvenian", "academy", "of", "sciences", "library"), acronyms) == (
        "the",
        "tas",
        "library",
    )
    assert initialled(("tarvenian", "shipping"), acronyms) is None
    # a name that writes its initialism already: "Tarvenian Academy of Sciences (TAS) Library"
    assert initialled(("tarvenian", "academy", "of", "sciences", "tas", "library"), acronyms) is None


_WORDS = st.sampled_from(["tarvenian", "academy", "of", "sciences", "velmor", "institute", "the", "and", "optics"])


@given(st.lists(_WORDS, min_size=1, max_size=10).map(tuple))
def test_an_initialled_reading_is_shorter_and_keeps_the_other_words_in_order(tokens: tuple[str, ...]) -> None:
    acronyms = Acronyms.of({("tarvenian", "academy", "sciences"): "tas", ("velmor", "optics", "institute"): "voi"})
    found = initialled(tokens, acronyms)
    if found is None:
        return
    assert len(found) < len(tokens) and len(found) > 1
    rest = [t for t in found if t not in ("tas", "voi")]
    it = iter(tokens)
    assert all(word in it for word in rest)  # a subsequence: nothing added, nothing reordered
