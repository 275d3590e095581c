"""The application linter (pure): each finding with its code, severity, field and message."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from exportctl.licensing.inputs import ItemInput
from exportctl.licensing.linter import ItemDetermination, Severity, has_errors, lint
from tests.licensing.conftest import good_input


def codes(**changes: object) -> list[str]:
    return [f.code for f in lint(good_input(**changes))]


def test_a_well_formed_application_has_no_findings() -> None:
    assert lint(good_input()) == ()


def test_vague_end_use_is_a_warning_quoting_the_phrase() -> None:
    (finding,) = lint(good_input(end_use="Network equipment including but not limited to routers, switches etc."))
    assert finding.code == "vague_end_use" and finding.severity is Severity.WARNING and finding.field == "end_use"
    assert '"including but not limited to"' in finding.message and '"etc"' in finding.message


def test_words_that_merely_contain_a_vague_phrase_are_not_flagged() -> None:
    # "Ketchup", "sketched" and "etching" contain "etc"; none is the word "etc"
    assert codes(end_use="Ketchup bottling line controllers for the sketched etching line at the Lyon plant") == []


def test_a_vague_word_is_flagged_as_a_whole_word_even_inside_a_name() -> None:
    """The linter matches whole words and cannot tell a company name from a phrase: "Various Foods Ltd." draws
    the warning (a warning asks the reviewer to look; it blocks nothing). So does "etc" before a hyphen."""
    (named,) = lint(good_input(end_use="Ketchup bottling line controllers for the Various Foods Ltd. plant in Lyon"))
    assert named.code == "vague_end_use" and '"various"' in named.message
    (hyphen,) = lint(good_input(end_use="Controllers for the etching line at the Lyon plant (wafer etc-free)"))
    assert hyphen.code == "vague_end_use" and '"etc"' in hyphen.message


def test_missing_end_use_and_justification_are_errors() -> None:
    found = lint(good_input(end_use=" ", justification=""))
    assert [(f.code, f.severity) for f in found] == [
        ("missing_end_use", Severity.ERROR),
        ("missing_justification", Severity.ERROR),
    ]
    assert has_errors(found)


def test_missing_parties() -> None:
    purchaser_only = good_input().parties[:1]
    assert codes(parties=purchaser_only) == ["missing_ultimate_consignee", "missing_end_user"]
    assert codes(parties=good_input().parties[:2]) == ["missing_end_user"]


def test_values_that_do_not_add_up_name_the_item() -> None:
    item = ItemInput(
        eccn="3A001.a.1", description="ADC", quantity=3, unit_value=Decimal("10.00"), total_value=Decimal("31.00")
    )
    (finding,) = lint(good_input(items=(item,)))
    assert finding.code == "value_mismatch" and finding.field == "items[0].total_value"
    assert "3 × 10.00 = 30.00, not 31.00" in finding.message


def test_items_needing_no_licence_cite_the_determination() -> None:
    why = ItemDetermination(False, ("EAR99 to China: no licence required (15 CFR 734.3(c))",))
    (finding,) = lint(good_input(), {1: why})
    assert finding.code == "no_licence_required" and finding.field == "items[1]"
    assert "734.3(c)" in finding.message


@given(
    quantity=st.integers(min_value=1, max_value=10**6),
    cents=st.integers(min_value=0, max_value=10**9),
    delta=st.integers(min_value=-100, max_value=100),
)
def test_value_check_is_exact(quantity: int, cents: int, delta: int) -> None:
    unit = Decimal(cents) / 100
    total = unit * quantity + Decimal(delta) / 100
    if total < 0:
        return
    item = ItemInput(eccn="EAR99", description="x", quantity=quantity, unit_value=unit, total_value=total)
    flagged = [f.code for f in lint(good_input(items=(item,)))] == ["value_mismatch"]
    assert flagged == (delta != 0)
