"""A country's long name weighs about as one word, in the listed names and in the query's readings: on the bundled
lists, an unlisted company "of the DPRK" or "of Iran" no longer hits the state's own listed bodies."""

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


@pytest.mark.parametrize(("query", "listed"), [("Mahan Air of Iran", "MAHAN AIR"), ("Mehr Bank of Iran", "MEHR BANK")])
def test_a_listed_company_of_a_state_comes_before_the_states_own_bodies(
    index: ScreeningIndex, query: str, listed: str
) -> None:
    # ISLAMIC REPUBLIC OF IRAN AIRLINES (0.86) and CENTRAL BANK OF THE ISLAMIC REPUBLIC OF IRAN (0.76) came first
    hits = screen(index, query).hits
    assert hits and hits[0].primary_name == listed
