"""Worked cases: CCL x Country Chart, General Prohibitions 1-3 (15 CFR 736.2(b)(1)-(3), 738.4)."""

from __future__ import annotations

import pytest

from exportctl.determination import Determination, Effect
from tests.determination.conftest import Decide


def _rules(d: Determination, effect: Effect) -> list[str]:
    return [f.citation for f in d.reasons if f.effect is effect]


def test_ns2_item_to_canada_needs_no_licence_738_4(decide: Decide) -> None:
    """4A003.g is controlled for NS Column 2: Canada has no X under NS2 (Supp. 1 to part 738) → NLR."""
    d = decide("4A003.g", "CA")
    assert d.license_required is False and not d.prohibited
    assert d.license_exceptions == ()


def test_ns2_item_to_china_needs_licence_736_2_b_1_and_742_4(decide: Decide) -> None:
    d = decide("4A003.g", "CN")
    assert d.license_required is True
    assert any("742.4" in c and "736.2(b)(1)" in c for c in _rules(d, Effect.LICENSE_REQUIRED))


def test_ns1_item_to_germany_licence_required_742_4(decide: Decide) -> None:
    """Germany has NS1 ticked: an NS1 item (5A002 entire entry, NS Column 1) needs a licence."""
    d = decide("5A002.a", "DE")
    assert d.license_required is True
    assert any(f.control_reason == "NS" for f in d.reasons if f.license_required)


def test_at_only_item_to_friendly_destination_no_licence_742_8(decide: Decide) -> None:
    """4A994 is controlled for AT only; the AT columns reach only E:1 destinations → NLR to Japan."""
    d = decide("4A994", "JP")
    assert d.license_required is False
    assert [f.effect for f in d.reasons] == [Effect.NO_LICENSE_REQUIRED]


def test_ear99_to_non_embargoed_destination_is_nlr_734_3_c(decide: Decide) -> None:
    d = decide("EAR99", "FR")
    assert d.license_required is False
    assert "734.3(c)" in d.reasons[0].citation


def test_unknown_eccn_is_never_no_licence_774_supp1(decide: Decide) -> None:
    """9A999 is not among the 596 bundled entries: needs review, licence requirement undecided (None)."""
    d = decide("9A999", "CA")
    assert d.license_required is None and d.needs_review
    assert any("not in bundled CCL data" in r for r in d.needs_review_reasons)


@pytest.mark.parametrize(
    ("eccn", "destination"),
    [
        pytest.param("9x515", "CN", id="family_designation_9x515_needs_classification_738_2_d"),
        pytest.param("0A521", "FR", id="0y521_series_text_rows_need_review_742_6_a_8"),
        pytest.param("0D001", "FR", id="itar_cross_reference_0d001_needs_review_not_nlr"),
    ],
)
def test_undecidable_from_the_chart_needs_review_never_nlr(decide: Decide, eccn: str, destination: str) -> None:
    d = decide(eccn, destination)
    assert d.license_required is None and d.needs_review


def test_3a090_a_worldwide_rs_licence_742_6_a_6_iii_a(decide: Decide) -> None:
    d = decide("3A090.a", "DE")
    assert d.license_required is True
    assert any("742.6(a)(6)(iii)(A)" in f.citation for f in d.reasons if f.license_required)
    assert d.needs_review  # the worldwide requirement's exclusions live in § 742.6, which is not bundled


def test_3a090_b_to_d5_not_a5_licence_but_not_to_germany_742_6_a_6_iii_b(decide: Decide) -> None:
    assert decide("3A090.b", "CN").license_required is True
    assert decide("3A090.b", "DE").license_required is False


def test_5a992_c_to_china_no_chart_licence_only_z_paragraphs_controlled_for_rs(decide: Decide) -> None:
    """5A992: RS applies only to .z.1/.z.2; .c is AT-only, so NLR to China under the chart."""
    assert decide("5A992.c", "CN").license_required is False
    entry_level = decide("5A992", "CN")
    assert entry_level.license_required is None and entry_level.needs_review


def test_rs_600_series_y_paragraph_to_china_742_6_a_7(decide: Decide) -> None:
    d = decide("9A610.y.1", "CN")
    assert d.license_required is True
    assert any("742.6(a)(7)" in f.citation for f in d.reasons if f.license_required)
    assert decide("9A610.y.1", "FR").license_required is False


def test_cc_all_destinations_except_canada_0a503_742_7(decide: Decide) -> None:
    fr = decide("0A503", "FR")
    assert fr.license_required is True and fr.needs_review
    d = decide("0A503", "CA")
    assert not any(f.license_required for f in d.reasons)


def test_chart_footnote_10_firearms_to_united_kingdom_needs_review(decide: Decide) -> None:
    """UK shows only CB1, but footnote 10 names 0A501: never NLR on the columns alone."""
    d = decide("0A501.a", "GB")
    assert d.license_required is None or d.license_required is True
    assert d.needs_review


def test_foreign_produced_cites_gp3_and_needs_review_736_2_b_3(decide: Decide) -> None:
    d = decide("4A003.g", "CN", foreign_produced=True)
    assert d.license_required is True and d.needs_review
    assert any("736.2(b)(2)-(3)" in f.citation for f in d.reasons if f.license_required)


@pytest.mark.parametrize(
    ("eccn", "reason"),
    [
        pytest.param("3B001.b", "NS", id="3b001_b_ns2_row_bare_letter"),
        pytest.param("3B001.h", "NS", id="3b001_h_inside_range_g_to_j"),
        pytest.param("3B001.d", "NS", id="3b001_d_macau_d5_row_bare_letter"),
        pytest.param("3B001.k", "RS", id="3b001_k_inside_range_k_to_n"),
        pytest.param("3B002.b", "NS", id="3b002_b_after_and"),
    ],
)
def test_semiconductor_equipment_to_china_needs_licence_742_4(decide: Decide, eccn: str, reason: str) -> None:
    """3B001/3B002 rows name bare letters and ranges; China is in NS2 and in Country Group D:5 (Supp. 1, 738/740)."""
    d = decide(eccn, "CN")
    assert d.license_required is True
    assert any(f.control_reason == reason for f in d.reasons if f.license_required)


def test_3b001_k_to_macau_d5_row_but_not_to_germany(decide: Decide) -> None:
    assert decide("3B001.k", "MO").license_required is True
    assert decide("3B001.k", "DE").license_required is False
