"""Worked cases: Denied Persons (GP4, 736.2(b)(4)), MEU (744.21), UVL (744.15), OFAC-linked rules (744.8, 744.12)."""

from __future__ import annotations

import pytest

from exportctl.determination import Effect, ExceptionStatus
from tests.determination.conftest import Decide


def test_denied_person_is_prohibited_general_prohibition_4_736_2_b_4(decide: Decide) -> None:
    d = decide("EAR99", "DE", "purchaser=ADT ANALOG AND DIGITAL TECHNIK")
    assert d.prohibited and d.license_required is True
    assert any("736.2(b)(4)" in f.citation for f in d.reasons if f.prohibited)
    assert all(e.status is ExceptionStatus.NOT_AVAILABLE for e in d.license_exceptions)


def test_expired_denial_order_no_longer_prohibits_764_supp1(decide: Decide) -> None:
    """AL NASER WINGS AIRLINES: denial 2019-06-05 to 2019-12-03."""
    assert decide("EAR99", "AE", "purchaser=AL NASER WINGS AIRLINES", on="2019-07-01").prohibited
    later = decide("EAR99", "AE", "purchaser=AL NASER WINGS AIRLINES", on="2020-06-01")
    assert not later.prohibited and not any(f.rule == "denied_persons" for f in later.reasons)


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
    assert d.license_required is False  # the UVL alone requires a statement, not a licence


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
        ("uranium enrichment plant instrumentation", "744.2"),
        ("guidance electronics for a sounding rocket", "744.3"),
        ("lab for nerve agent detection research", "744.4"),
        ("servers for a supercomputer centre", "744.23"),
    ],
)
def test_stated_end_use_prompts_part_744_review(decide: Decide, end_use: str, section: str) -> None:
    """Knowledge-based end-use controls (744.2-744.4, 744.23): a matching stated end use asks for review."""
    d = decide("EAR99", "DE", end_use=end_use)
    assert d.needs_review and d.license_required is None
    assert any(section in f.citation for f in d.reasons if f.rule == "end_use")


def test_ordinary_end_use_adds_nothing(decide: Decide) -> None:
    assert decide("EAR99", "DE", end_use="office printers for a bakery").license_required is False
