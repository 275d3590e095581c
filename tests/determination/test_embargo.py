"""Worked cases: Part 746 embargoes and special controls."""

from __future__ import annotations

import pytest

from exportctl.determination import ExceptionStatus
from tests.determination.conftest import Decide


def test_cuba_all_items_need_licence_746_2(decide: Decide) -> None:
    d = decide("EAR99", "CU")
    assert d.license_required is True and any("746.2" in f.citation for f in d.reasons if f.license_required)


def test_north_korea_ear99_needs_licence_with_food_medicine_carve_out_review_746_4(decide: Decide) -> None:
    d = decide("EAR99", "KP")
    assert d.license_required is True and d.needs_review
    assert any("746.4" in f.citation for f in d.reasons if f.license_required)


def test_iran_needs_licence_and_ofac_authorisation_746_7(decide: Decide) -> None:
    d = decide("4A994", "IR")
    assert d.license_required is True and any("31 CFR part 560" in f.citation for f in d.reasons)


def test_russia_any_ccl_item_needs_licence_746_8_a_1(decide: Decide) -> None:
    """4A994 is AT-only (no chart X for Russia), yet § 746.8(a)(1) requires a licence for every ECCN."""
    d = decide("4A994", "RU")
    assert d.license_required is True and any("746.8(a)(1)" in f.citation for f in d.reasons)


@pytest.mark.parametrize(
    "destination",
    [
        pytest.param("SY", id="syria_section_746_9_not_bundled"),
        pytest.param("BY", id="belarus_ear99_depends_on_hts_supplements_746_8"),
    ],
)
def test_ear99_undecided_by_bundled_embargo_text_needs_review_never_nlr(decide: Decide, destination: str) -> None:
    d = decide("EAR99", destination)
    assert d.license_required is None and d.needs_review


def test_crimea_region_all_items_746_6(decide: Decide) -> None:
    d = decide("5A992.c", "UA-CRIMEA")
    assert d.transaction.destination == "UA" and d.transaction.region is not None
    assert d.license_required is True and any("746.6" in f.citation for f in d.reasons)
    assert decide("5A992.c", "UA").license_required is False  # the rest of Ukraine: chart only


def test_dnr_lnr_regions_746_6(decide: Decide) -> None:
    assert decide("EAR99", "UA-DNR").license_required is True
    assert decide("EAR99", "LNR").license_required is True


def test_embargo_limits_exceptions_to_those_listed_in_part_746(decide: Decide) -> None:
    d = decide("EAR99", "CU")
    gov = next(e for e in d.license_exceptions if e.code == "GOV")
    assert gov.status is ExceptionStatus.NOT_EVALUATED and "746.2" in gov.reason


def test_russia_746_8_not_applied_before_2022_02_24(decide: Decide) -> None:
    """87 FR 12226 took effect 2022-02-24: a 2021 answer may not cite § 746.8, nor rest on the 2026 chart."""
    d = decide("4A994", "RU", on="2021-06-01")
    assert not any("746.8" in f.citation for f in d.reasons)
    assert d.license_required is None and d.needs_review


def test_russia_category_1_between_rules_needs_review_87_fr_22130(decide: Decide) -> None:
    """Until 2022-04-08 (87 FR 22130) § 746.8(a)(1) covered Categories 3-9 only."""
    d = decide("1C992", "RU", on="2022-03-15")
    assert d.needs_review and any("22130" in f.summary for f in d.reasons)
    assert any(
        "746.8(a)(1)" in f.citation for f in decide("4A994", "RU", on="2022-03-15").reasons if f.license_required
    )


@pytest.mark.parametrize("region", ["UA-DNR", "UA-LNR"])
def test_dnr_lnr_746_6_not_in_force_in_2021(decide: Decide, region: str) -> None:
    """87 FR 12226 (effective 2022-02-24): in 2021 the region was Ukraine; EAR99 needed no licence (734.3(c))."""
    d = decide("EAR99", region, on="2021-06-01")
    assert d.license_required is False and not any("746.6" in f.citation for f in d.reasons)
    listed = decide("4A994", region, on="2021-06-01")  # a CCL item: Ukraine's chart entry of 2021 is not bundled
    assert listed.license_required is None and listed.needs_review


def test_crimea_746_6_in_force_since_2015(decide: Decide) -> None:
    assert decide("EAR99", "UA-CRIMEA", on="2021-06-01").license_required is True
    assert decide("EAR99", "UA-CRIMEA", on="2014-06-01").license_required is False  # 80 FR 4776: 2015-01-29
