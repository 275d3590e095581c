from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exportctl.lists.fr import FRCitation, first_citation_date, parse_citations, split_citations, volume_year


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("84 FR 22963, 5/21/19", [(84, 22963, date(2019, 5, 21), "84 FR 22963, 5/21/19")]),
        (
            "46 F.R. 46154 9/17/81 and 46 F.R. 19290 3/30/81",
            [
                (46, 46154, date(1981, 9, 17), "46 F.R. 46154 9/17/81"),
                (46, 19290, date(1981, 3, 30), "46 F.R. 19290 3/30/81"),
            ],
        ),
        ("87 FR 20299; 87 FR 34136", [(87, 20299, None, "87 FR 20299"), (87, 34136, None, "87 FR 34136")]),
        (
            "68 F.R. 38290 6/27/03 71 F.R. 38843 7/10/06",
            [
                (68, 38290, date(2003, 6, 27), "68 F.R. 38290 6/27/03"),
                (71, 38843, date(2006, 7, 10), "71 F.R. 38843 7/10/06"),
            ],
        ),
        ("87 F.R.38704 6/29/2022", [(87, 38704, date(2022, 6, 29), "87 F.R.38704 6/29/2022")]),
        ("77 FR 23116\n4/18/12", [(77, 23116, date(2012, 4, 18), "77 FR 23116 4/18/12")]),
        ("Vol. 83, No. 91, 05/10/2018", [(83, None, date(2018, 5, 10), "Vol. 83, No. 91, 05/10/2018")]),
        ("76 FR 50407 (8/15/2011)", [(76, 50407, date(2011, 8, 15), "76 FR 50407 (8/15/2011)")]),
        ("", []),
    ],
)
def test_real_citation_styles(text: str, expected: list[tuple[int, int | None, date | None, str]]) -> None:
    assert [(c.volume, c.page, c.date, c.text) for c in parse_citations(text)] == expected


def test_first_citation_date_is_the_first_ones() -> None:
    assert first_citation_date("84 FR 54004, 10/9/19.\n85 FR 44161, 7/22/20") == date(2019, 10, 9)
    assert first_citation_date("86 FR 67319") is None
    assert first_citation_date("no citation here") is None


def test_split_keeps_unrecognised_text_whole() -> None:
    assert split_citations("see the order of 2020") == ("see the order of 2020",)
    assert split_citations("  ") == ()


def test_volume_year() -> None:
    assert (volume_year(46), volume_year(84), volume_year(91)) == (1981, 2019, 2026)


_dates = st.dates(min_value=date(1936, 1, 1), max_value=date(2034, 12, 31))
_styles = st.sampled_from(["FR", "F.R."])
_separators = st.sampled_from(["; ", " and ", ".\n", " ", ", "])


@given(
    st.lists(st.tuples(_dates, st.integers(1, 99999), _styles, st.booleans()), min_size=1, max_size=4),
    _separators,
)
def test_formatted_citations_parse_back(citations: list[tuple[date, int, str, bool]], separator: str) -> None:
    """Any list of citations written in the lists' styles parses back to the same volumes, pages and dates."""
    texts = []
    for when, page, style, two_digit in citations:
        year = f"{when.year % 100:02d}" if two_digit else str(when.year)
        texts.append(f"{when.year - 1935} {style} {page}, {when.month}/{when.day}/{year}")
    parsed = parse_citations(separator.join(texts))
    assert [(c.volume, c.page, c.date) for c in parsed] == [(w.year - 1935, p, w) for w, p, _, _ in citations]
    assert [c.text for c in parsed] == texts
    assert all(isinstance(c, FRCitation) and str(c) == c.text for c in parsed)
