"""Worked cases: licence exceptions of part 740 — only what the data decides."""

from __future__ import annotations

from exportctl.determination import Determination, ExceptionStatus
from tests.determination.conftest import Decide


def _status(d: Determination, code: str) -> ExceptionStatus:
    return next(e.status for e in d.license_exceptions if e.code == code)


def test_gbs_ns_only_to_group_b_pending_gbs_yes_740_4(decide: Decide) -> None:
    """4A003.g (NS2) to Albania (Group B, NS2 ticked): data meets 740.4's NS-only and Group B conditions."""
    d = decide("4A003.g", "AL")
    assert d.license_required is True
    gbs = next(e for e in d.license_exceptions if e.code == "GBS")
    assert gbs.status is ExceptionStatus.NOT_EVALUATED and "GBS: Yes" in gbs.reason and gbs.citation.endswith("740.4")


def test_gbs_not_available_outside_group_b_740_4(decide: Decide) -> None:
    assert _status(decide("4A003.g", "CN"), "GBS") is ExceptionStatus.NOT_AVAILABLE


def test_gbs_not_available_when_rs_also_requires_licence_740_4(decide: Decide) -> None:
    d = decide("3A090.a", "AL")
    assert _status(d, "GBS") is ExceptionStatus.NOT_AVAILABLE


def test_enc_only_for_category_5_part_2_740_17(decide: Decide) -> None:
    assert _status(decide("4A003.g", "CN"), "ENC") is ExceptionStatus.NOT_AVAILABLE
    assert _status(decide("5A002.a", "CN"), "ENC") is ExceptionStatus.NOT_EVALUATED


def test_tsr_only_software_and_technology_740_6(decide: Decide) -> None:
    assert _status(decide("4A003.g", "AL"), "TSR") is ExceptionStatus.NOT_AVAILABLE


def test_no_exceptions_listed_when_no_licence_is_required(decide: Decide) -> None:
    assert decide("4A994", "JP").license_exceptions == ()


def test_every_other_exception_not_evaluated_with_its_section(decide: Decide) -> None:
    d = decide("4A003.g", "AL")
    tmp = next(e for e in d.license_exceptions if e.code == "TMP")
    assert tmp.status is ExceptionStatus.NOT_EVALUATED and tmp.citation == "15 CFR 740.9"


def test_gbs_available_when_the_eccn_says_gbs_yes_740_4(decide: Decide) -> None:
    """3C005: NS-only requirement (NS2), Brazil in Country Group B, and the 2026 entry says 'GBS: Yes'."""
    d = decide("3C005", "BR")
    assert d.license_required is True
    gbs = next(e for e in d.license_exceptions if e.code == "GBS")
    assert gbs.status is ExceptionStatus.AVAILABLE


def test_na_flag_closes_an_exception_and_new_exceptions_are_listed(decide: Decide) -> None:
    """3A090: 'LVS: N/A', 'GBS: N/A'; 3A090.c names HBM (§ 740.25)."""
    d = decide("3A090.c", "CN")
    by_code = {e.code: e for e in d.license_exceptions}
    assert by_code["LVS"].status is ExceptionStatus.NOT_AVAILABLE
    assert by_code["HBM"].citation == "15 CFR 740.25" and by_code["HBM"].status is ExceptionStatus.NOT_EVALUATED
