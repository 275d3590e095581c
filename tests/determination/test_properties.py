"""Properties over the whole input space of the engine (every bundled ECCN x every chart destination x dates).

The invariant the issue insists on: missing or undecidable data never turns into "no licence required".
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from exportctl.determination import Determination, Effect, determine, make_transaction
from exportctl.regulations import load_regulations

REGS = load_regulations()
ECCNS = sorted(REGS.ccl.entries)
DESTINATIONS = sorted(row.iso2 for row in REGS.chart)
PARAGRAPHS = st.lists(st.sampled_from(["a", "b", "c", "x", "y", "z", "1", "2"]), max_size=3)
DATES = st.dates(min_value=date(2015, 1, 1), max_value=date(2028, 12, 31))


def _decide(eccn: str, destination: str, on: date) -> Determination:
    tx = make_transaction(eccn=eccn, destination=destination, regulations=REGS, on=on)
    return determine(tx, regulations=REGS, parties_screened=[])


@settings(max_examples=400, deadline=None)
@given(base=st.sampled_from(ECCNS), paragraphs=PARAGRAPHS, destination=st.sampled_from(DESTINATIONS), on=DATES)
def test_no_licence_only_when_every_rule_decided(base: str, paragraphs: list[str], destination: str, on: date) -> None:
    d = _decide(".".join([base, *paragraphs]), destination, on)
    if d.license_required is False:
        assert not any(f.effect is Effect.NEEDS_REVIEW for f in d.reasons)
    if any(f.effect is Effect.NEEDS_REVIEW for f in d.reasons):
        assert d.license_required is not False and d.needs_review


@settings(max_examples=200, deadline=None)
@given(
    number=st.integers(0, 999), cat=st.integers(0, 9), group=st.sampled_from("ABCDE"),
    destination=st.sampled_from(DESTINATIONS),
)  # fmt: skip
def test_eccn_outside_bundled_ccl_is_never_nlr(number: int, cat: int, group: str, destination: str) -> None:
    eccn = f"{cat}{group}{number:03d}"
    if eccn in REGS.ccl.entries:
        return
    d = _decide(eccn, destination, date(2026, 9, 1))
    assert d.license_required is not False and d.needs_review


@settings(max_examples=200, deadline=None)
@given(base=st.sampled_from(["EAR99", *ECCNS]), destination=st.sampled_from(["CU", "IR", "KP", "SY", "UA-CRIMEA"]))
def test_embargoed_destinations_are_never_nlr_part_746(base: str, destination: str) -> None:
    assert _decide(base, destination, date(2026, 9, 1)).license_required is not False


@settings(max_examples=100, deadline=None)
@given(base=st.sampled_from(ECCNS), destination=st.sampled_from(DESTINATIONS), on=DATES)
def test_every_licence_requirement_cites_15_cfr(base: str, destination: str, on: date) -> None:
    d = _decide(base, destination, on)
    assert all(f.citation.startswith("15 CFR") for f in d.reasons if f.license_required)
