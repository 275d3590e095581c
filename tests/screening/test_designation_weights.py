"""A country's long name in a listed name weighs as its rarest word: on the bundled lists, an unlisted company "of the
DPRK" or "of Iran" no longer hits the state's own listed bodies, and one state's bank does not find another's."""

from __future__ import annotations

import pytest

from exportctl.screening import ScreeningIndex, screen


@pytest.mark.parametrize(
    "query",
    [
        "Kumsong Shipping of the DPRK",  # 0.75 on the DPRK's central bank, read with the long name
        "Children Fund of the DPRK",
        "Kumsong Shipping of the Democratic People's Republic of Korea",  # the long name as written
    ],
)
def test_an_unlisted_company_of_a_state_does_not_hit_the_states_bank(index: ScreeningIndex, query: str) -> None:
    assert not [h for h in screen(index, query).hits if "REPUBLIC OF KOREA" in h.matched_name.upper()]


def test_a_listed_company_of_a_state_comes_before_the_states_own_bodies(index: ScreeningIndex) -> None:
    # CENTRAL BANK OF THE ISLAMIC REPUBLIC OF IRAN (0.76) came first
    hits = screen(index, "Mehr Bank of Iran").hits
    assert hits and hits[0].primary_name == "MEHR BANK"


@pytest.mark.parametrize("query", ["Central Bank of Chile", "Central Bank of Albania", "Ministry of Finance of Brazil"])
def test_one_states_body_does_not_find_anothers(index: ScreeningIndex, query: str) -> None:
    # a long name weighing less in the query's readings too had let these find CENTRAL REPUBLIC BANK (through the
    # "republic" of "Republic of Chile") and the Russian Federation's ministry
    assert not screen(index, query).hits
