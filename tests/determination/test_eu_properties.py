"""Properties of the EU engine over the whole of Annex I and every route (hypothesis), and the UN-list party rule."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exportctl.determination.eu import EuDetermination, GeaStatus, determine_eu, make_eu_transaction
from exportctl.determination.parties import PartyMatch, PartyRole, PartyScreening
from exportctl.lists.bundled import DATA_DIR
from exportctl.lists.sources import get_parser
from exportctl.regulations import load_regulations
from exportctl.regulations.eu import MEMBER_STATES, load_annex_i

ANNEX = load_annex_i()
REGS = load_regulations()
ITEMS = sorted(
    ".".join((e.code, *path)) for e in ANNEX for path, p in e.paragraphs.items() if not p.not_used
)  # every paragraph Annex I uses
OUTSIDE = sorted(row.iso2 for row in REGS.chart if row.iso2 not in MEMBER_STATES)
OTHER = ["3A090", "4A090", "5A992.c", "EAR99", "9A515.a", "9A610", "0A501", "3B993", "3B001.c", "4D002", "3B001.k"]
END_USES = st.one_of(st.none(), st.text(max_size=40), st.sampled_from(["for the army", "chemical weapons", "spyware"]))
DAYS = st.dates(date(2019, 1, 1), date(2027, 12, 31))


def _determine(control: str, origin: str, destination: str, end_use: str | None, on: date) -> EuDetermination:
    tx = make_eu_transaction(
        control=control, origin=origin, destination=destination, regulations=REGS, annex=ANNEX, end_use=end_use, on=on
    )
    return determine_eu(tx, annex=ANNEX)


@given(st.sampled_from(ITEMS), st.sampled_from(sorted(MEMBER_STATES)), st.sampled_from(OUTSIDE), END_USES, DAYS)
def test_an_annex_i_item_leaving_the_union_always_needs_an_authorisation(
    control: str, origin: str, destination: str, end_use: str | None, on: date
) -> None:
    d = _determine(control, origin, destination, end_use, on)
    assert d.verdict == "license_required" and d.authorisation_required is True
    assert any("Art. 3(1)" in f.citation for f in d.reasons)
    for gea in d.general_authorisations:
        scope = ANNEX.gea(gea.code).destination_in_scope(destination)
        assert gea.status is GeaStatus.NOT_AVAILABLE or scope
        if gea.status is GeaStatus.AVAILABLE:
            assert {c.kind for c in gea.conditions} >= {"customs", "end_use"}


@given(st.sampled_from(ITEMS + OTHER), st.sampled_from(sorted(MEMBER_STATES)), st.sampled_from(OUTSIDE), END_USES, DAYS)
def test_never_a_clearance_while_something_is_to_review_or_outside_the_annexs_dates(
    control: str, origin: str, destination: str, end_use: str | None, on: date
) -> None:
    d = _determine(control, origin, destination, end_use, on)
    if d.verdict == "no_license_required":
        assert not d.needs_review and ANNEX.info.content_from <= on <= ANNEX.info.content_to
        assert d.transaction.item.kind.value == "not_in_annex_i"
    if on < ANNEX.info.content_from or on > ANNEX.info.content_to:
        assert d.needs_review


def test_a_party_on_the_un_list_is_for_review() -> None:
    entry = next(iter(get_parser("un").parse(DATA_DIR / "UN_consolidated.xml")))
    hit = PartyMatch(entry, 1.0, entry.primary_name, True)
    screened = [PartyScreening(PartyRole.END_USER, entry.primary_name, (hit,))]
    on = ANNEX.info.content_from + timedelta(days=30)
    tx = make_eu_transaction(
        control="EAR99", origin="DE", destination="AE", regulations=REGS, annex=ANNEX,
        parties=[f"end_user={entry.primary_name}"], on=on,
    )  # fmt: skip
    d = determine_eu(tx, annex=ANNEX, parties_screened=screened)
    assert d.verdict == "review_needed" and any(f.rule == "un_sanctions" and f.hit is hit for f in d.reasons)
    clean = determine_eu(tx, annex=ANNEX, parties_screened=[PartyScreening(PartyRole.END_USER, entry.primary_name)])
    assert clean.verdict == "no_license_required"


@pytest.mark.parametrize("destination", sorted(MEMBER_STATES - {"NL"}))
def test_every_member_state_as_destination_is_an_intra_union_transfer(destination: str) -> None:
    d = _determine("3B001.f.1", "NL", destination, None, date(2026, 1, 15))
    assert d.verdict == "review_needed" and d.reasons[0].rule == "intra_union_transfer" and not d.general_authorisations


def test_a_uk_designation_is_reported_with_its_licence_notice_not_as_eu_law() -> None:
    entry = next(iter(get_parser("uk-ofsi").parse(DATA_DIR / "uk_ofsi_ConList_2025-04-14.xlsx")))
    hit = PartyMatch(entry, 1.0, entry.primary_name, True)
    tx = make_eu_transaction(
        control="EAR99", origin="DE", destination="AE", regulations=REGS, annex=ANNEX,
        parties=[f"end_user={entry.primary_name}"], on=ANNEX.info.content_from + timedelta(days=30),
    )  # fmt: skip
    d = determine_eu(tx, annex=ANNEX, parties_screened=[PartyScreening(PartyRole.END_USER, entry.primary_name, (hit,))])
    uk = [f for f in d.reasons if f.rule == "uk_sanctions"]
    assert uk and "Open Government Licence v3.0" in uk[0].summary and d.verdict == "no_license_required"
