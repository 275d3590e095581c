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
    """9A999 is not among the bundled entries: needs review, licence requirement undecided (None)."""
    d = decide("9A999", "CA")
    assert d.license_required is None and d.needs_review
    assert any("is not in the bundled CCL data" in r for r in d.needs_review_reasons)


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


@pytest.mark.parametrize("destination", ["GB", "AU"])
def test_chart_footnote_10_firearms_licence_required_to_uk_and_australia(decide: Decide, destination: str) -> None:
    """UK and Australia show only CB1, but footnote 10: "A license is required to these destinations for items in
    the following ECCNs: 0A501 (except for 0A501.y), … 0A505.a and .x, 0A506 …"."""
    for eccn in ("0A501.a", "0A505.x", "0A506", "0E504"):
        d = decide(eccn, destination)
        assert d.license_required is True, eccn
        assert any("footnote 10" in f.citation for f in d.reasons if f.license_required), eccn
    excepted = decide("0A501.y.1", destination)  # "except for 0A501.y": the footnote does not reach it
    assert not any("footnote 10" in f.citation for f in excepted.reasons if f.license_required)


def test_chart_footnote_10_conditions_go_to_review(decide: Decide) -> None:
    """0A502 only "for shotguns with a barrel length less than 18 inches": the facts do not say, so review."""
    d = decide("0A502", "GB")
    assert d.license_required is None and d.needs_review


def test_chart_footnote_7_india_6a003_b_4_b_licence_required(decide: Decide) -> None:
    d = decide("6A003.b.4.b", "IN")
    assert d.license_required is True
    assert any("footnote 7" in f.citation for f in d.reasons if f.license_required)


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


def test_hong_kong_follows_china_since_85_fr_83765(decide: Decide) -> None:
    """Hong Kong has no Country Chart row since 2020-12-23: the entry for China governs (NS2 for 4A003.g)."""
    d, china = decide("4A003.g", "HK"), decide("4A003.g", "CN")
    assert d.license_required is True and d.needs_review == china.needs_review
    assert [f.summary for f in d.reasons if f.license_required] == [
        f.summary.replace("to China", "to Hong Kong (Country Chart entry for China)")
        for f in china.reasons
        if f.license_required
    ]
    assert any("83765" in f.citation for f in d.reasons)
    assert decide("3B001.k", "HK").license_required is True  # D:5 row: China's groups


def test_hong_kong_before_2020_12_23_needs_review(decide: Decide) -> None:
    d = decide("4A003.g", "HK", on="2020-06-01")
    assert d.license_required is None and d.needs_review


def test_aukus_before_2024_04_19_uk_still_ns1_rs1_mt1(decide: Decide) -> None:
    """89 FR 28594 removed NS1/RS1/MT1 for the UK and Australia from 2024-04-19: 9A610.a needed a licence in 2023."""
    before = decide("9A610.a", "GB", on="2023-06-01")
    assert before.license_required is True and before.needs_review  # 2023 is before the bundled chart's text
    assert any("28594" in f.citation for f in before.reasons)
    assert decide("7A003", "AU", on="2023-06-01").license_required is True
    assert decide("9A610.a", "GB").license_required is False


def test_3a090_before_it_existed_is_not_decided_from_2025_text(decide: Decide) -> None:
    """3A090 was created by 87 FR 62186 (effective 2022-10-07): in 2021 the item had another classification."""
    d = decide("3A090.a", "CN", on="2021-06-01")
    assert d.license_required is None and d.needs_review
    assert any("62186" in f.citation for f in d.reasons)


def test_past_date_never_nlr_from_later_chart_text(decide: Decide) -> None:
    """4A994 to Japan in 2019: the bundled chart is the 2026 text; an NLR read from it is not an answer for 2019."""
    d = decide("4A994", "JP", on="2019-01-01")
    assert d.license_required is None and d.needs_review
    assert any("no older version" in r for r in d.needs_review_reasons)


@pytest.mark.parametrize("eccn", ["9A010", "9A011", "0A002", "9A018"])
def test_entry_without_requirement_rows_is_never_nlr(decide: Decide, eccn: str) -> None:
    """The 2026 index lists these entries without a License Requirements table: undecided, not NLR."""
    d = decide(eccn, "CN")
    assert d.license_required is None and d.needs_review
