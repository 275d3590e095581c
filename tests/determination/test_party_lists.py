"""Worked cases: Denied Persons (GP4, 736.2(b)(4)), MEU (744.21), UVL (744.15), OFAC-linked rules (744.8, 744.12)."""

from __future__ import annotations

from datetime import date

import pytest

from exportctl.determination import Effect, ExceptionStatus, PartyMatch, PartyScreening
from exportctl.determination.parties import PartyRole
from exportctl.lists.model import ListCode, ListEntry
from tests.determination.conftest import Decide


def test_denied_person_is_prohibited_general_prohibition_4_736_2_b_4(decide: Decide) -> None:
    d = decide("EAR99", "DE", "purchaser=ADT ANALOG AND DIGITAL TECHNIK")
    assert d.prohibited and d.license_required is True
    assert any("736.2(b)(4)" in f.citation for f in d.reasons if f.prohibited)
    assert all(e.status is ExceptionStatus.NOT_AVAILABLE for e in d.license_exceptions)


def test_denial_renewed_after_an_older_files_expiry_still_prohibits(decide: Decide) -> None:
    """AL NASER WINGS AIRLINES: the CSL sample's order ran 2019-06-05 to 2019-12-03, but it was renewed (84 F.R.
    66873 12/6/2019, 85 F.R. 34405 6/4/2020 … in the 2026 file): 2020-06-01 is prohibited, not cleared."""
    assert decide("EAR99", "AE", "purchaser=AL NASER WINGS AIRLINES", on="2019-07-01").prohibited
    assert decide("EAR99", "AE", "purchaser=AL NASER WINGS AIRLINES", on="2020-06-01").prohibited


def test_expired_order_with_nothing_later_is_unknown_not_cleared(decide: Decide) -> None:
    """An order that expired in the only file that has the party: whether it was renewed is not in the data."""
    entry = ListEntry(
        source="dpl", source_id="x", list=ListCode.DPL, primary_name="EXAMPLE TRADING FZE",
        federal_register_citations=("87 F.R. 21611 4/12/2022",),
        listed_on=date(2022, 4, 7), removed_on=date(2022, 10, 4),
    )  # fmt: skip
    hit = PartyMatch(entry, 1.0, entry.primary_name, certain=True)
    screened = [PartyScreening(PartyRole.PURCHASER, entry.primary_name, (hit,))]
    d = decide("EAR99", "AE", f"purchaser={entry.primary_name}", on="2023-06-01", screenings=screened)
    assert not d.prohibited and d.needs_review and d.license_required is None
    assert any(f.rule == "denied_persons" and f.needs_review for f in d.reasons)


@pytest.mark.parametrize("on", ["2022-06-01", "2023-06-01", "2024-12-01"])
def test_renewed_denial_order_prohibits_between_renewals_aeroflot(decide: Decide, on: str) -> None:
    """PJSC AEROFLOT: TDO of 2022-04-07, renewed (87 FR 60985 10/7/2022 … 90 FR 45178 9/18/2025); the 2026 file's
    order runs from 2025-09-16, yet the renewal chain covers every date since April 2022 (15 CFR 766.24)."""
    d = decide("EAR99", "RU", "purchaser=PJSC AEROFLOT", on=on)
    assert d.prohibited


def test_denial_before_first_order_is_not_a_prohibition(decide: Decide) -> None:
    d = decide("EAR99", "DE", "purchaser=PJSC AEROFLOT", on="2021-01-01")
    assert not d.prohibited and not any(f.rule == "denied_persons" for f in d.reasons)


def test_meu_party_with_ear99_item_no_744_21_licence(decide: Decide) -> None:
    """744.21 covers items in Supp. No. 2 to part 744; EAR99 items are not in it (outside Russia/Belarus)."""
    d = decide("EAR99", "CN", "end_user=Academy of Aerospace Solid Propulsion Technology (AASPT)", on="2021-06-01")
    meu = [f for f in d.reasons if f.rule == "military_end_user"]
    assert meu and meu[0].effect is Effect.INFO and d.license_required is False


def test_meu_party_with_ccl_item_needs_review_supp2_not_bundled_744_21(decide: Decide) -> None:
    d = decide("5A992.c", "CN", "end_user=Academy of Aerospace Solid Propulsion Technology (AASPT)", on="2021-06-01")
    assert d.needs_review and d.license_required is None
    assert any("Supp. No. 2 to part 744" in r for r in d.needs_review_reasons)


def test_meu_listing_date_respected_744_21(decide: Decide) -> None:
    d = decide("5A992.c", "CN", "end_user=Academy of Aerospace Solid Propulsion Technology (AASPT)", on="2020-01-01")
    assert not any(f.rule == "military_end_user" for f in d.reasons)


def test_military_end_use_statement_in_744_21_country_needs_review(decide: Decide) -> None:
    d = decide("5A992.c", "VE", end_use="spare parts for the army's radios")
    assert d.needs_review and any("744.21" in f.citation for f in d.reasons)


def test_uvl_party_no_exceptions_and_uvl_statement_744_15(decide: Decide) -> None:
    d = decide("EAR99", "CN", "ultimate_consignee=Guangdong University of Technology")
    uvl = next(f for f in d.reasons if f.rule == "unverified_list")
    assert "UVL statement" in uvl.summary and "744.15" in uvl.citation
    assert d.license_required is None and d.verdict == "review_needed"  # a statement before shipping, not a licence


def test_uvl_party_bars_exceptions_when_a_licence_is_needed_744_15(decide: Decide) -> None:
    d = decide("4A003.g", "CN", "ultimate_consignee=Guangdong University of Technology")
    assert d.license_required is True
    assert all(e.status is ExceptionStatus.NOT_AVAILABLE for e in d.license_exceptions)


def test_sdgt_designated_party_needs_licence_744_12(decide: Decide) -> None:
    d = decide("EAR99", "EG", "end_user=AJNAD MISR")
    assert d.license_required is True and any("744.12" in f.citation for f in d.reasons)


def test_other_sdn_programme_is_review_not_silence(decide: Decide) -> None:
    d = decide("EAR99", "CO", "purchaser=7 KARNES")
    assert d.needs_review and d.license_required is None


def test_meu_party_in_russia_needs_licence_for_ccl_items_744_21(decide: Decide) -> None:
    """The bundled MEU list holds no Russian entry (they moved to the Entity List in 2022), so a listed MEU is
    shipped to via Russia here: for Russia/Belarus § 744.21 reaches all items subject to the EAR."""
    d = decide("5A992.c", "RU", "end_user=Academy of Aerospace Solid Propulsion Technology (AASPT)", on="2023-01-01")
    assert any(f.rule == "military_end_user" and f.license_required for f in d.reasons)


@pytest.mark.parametrize(
    ("end_use", "section"),
    [
        ("lab for nerve agent detection research", "744.4"),
        ("servers for a supercomputer centre", "744.23"),
    ],
)
def test_stated_end_use_prompts_part_744_review(decide: Decide, end_use: str, section: str) -> None:
    """Words that may (not must) name a controlled use (detection research, 744.23 fabs) ask for review."""
    d = decide("EAR99", "DE", end_use=end_use)
    assert d.needs_review and d.license_required is None
    assert any(section in f.citation for f in d.reasons if f.rule == "end_use")


def test_ordinary_end_use_adds_nothing(decide: Decide) -> None:
    assert decide("EAR99", "DE", end_use="office printers for a bakery").license_required is False


@pytest.mark.parametrize(
    ("eccn", "destination", "end_use", "citation"),
    [
        pytest.param("EAR99", "DE", "parts for a nuclear explosive device", "744.2(a)", id="ear99_nuclear_explosive"),
        pytest.param("EAR99", "FR", "uranium enrichment cascade", "744.2(a)", id="ear99_enrichment_744_2"),
        pytest.param("4A994", "JP", "guidance computer for a ballistic missile", "744.3(a)", id="missile_744_3"),
        pytest.param("EAR99", "BR", "sounding rocket telemetry", "744.3(a)", id="rocket_744_3"),
        pytest.param("EAR99", "IN", "spray drone to disperse chemical weapons", "744.4(a)", id="cbw_744_4"),
        pytest.param("EAR99", "CN", "reconnaissance drone", "744.3(a)", id="uav_in_d4_china_744_3"),
        pytest.param("EAR99", "CN", "military-intelligence unit", "744.22(a)", id="mil_intel_china_744_22"),
    ],
)
def test_stated_wmd_end_use_requires_licence_for_all_items(
    decide: Decide, eccn: str, destination: str, end_use: str, citation: str
) -> None:
    d = decide(eccn, destination, end_use=end_use)
    assert d.license_required is True
    assert any(citation in f.citation for f in d.reasons if f.license_required)


@pytest.mark.parametrize(
    ("destination", "end_use"),
    [
        pytest.param("DE", "nuclear power plant maintenance", id="safeguarded_nuclear_outside_d2"),
        pytest.param("FR", "reconnaissance drone", id="uav_outside_d4"),
        pytest.param("DE", "not for use in missiles", id="negated_statement"),
    ],
)
def test_end_use_words_that_do_not_settle_the_question_go_to_review(
    decide: Decide, destination: str, end_use: str
) -> None:
    d = decide("EAR99", destination, end_use=end_use)
    assert d.license_required is None and d.needs_review


@pytest.mark.parametrize("destination", ["RU", "BY"])
def test_military_end_use_in_russia_belarus_covers_ear99_744_21(decide: Decide, destination: str) -> None:
    d = decide("EAR99", destination, end_use="field radios for the army")
    assert d.license_required is True
    assert any("744.21" in f.citation for f in d.reasons if f.license_required)
