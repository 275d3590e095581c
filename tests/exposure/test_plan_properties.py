"""Properties of the removal plan and of vendor names over generated inputs."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exportctl.errors import InputError
from exportctl.exposure.model import Equipment, NetworkFunction
from exportctl.exposure.plan import Weights, plan_removal
from exportctl.exposure.quarters import Quarter
from exportctl.exposure.vendors import readings, same_vendor, vendor_query

rows = st.lists(
    st.builds(
        Equipment,
        line=st.integers(2, 10_000),
        vendor=st.just("V"),
        model=st.just("m"),
        site=st.sampled_from(["S1", "S2", "S3"]),
        function=st.sampled_from(list(NetworkFunction)),
        quantity=st.integers(1, 40),
        replacement_cost=st.decimals(0, 5000, places=2),
    ),
    max_size=30,
)


@given(rows, st.decimals(50_000, 500_000, places=2))
def test_plan_respects_budget_order_and_ends_clean(equipment: list[Equipment], budget: Decimal) -> None:
    plan = plan_removal(equipment, start=date(2026, 6, 1), budget_per_quarter=budget)
    start = Quarter.of(plan.start)
    cumulative = Decimal(0)
    for quarter, cost, _units in plan.spend_by_quarter:
        cumulative += cost
        elapsed = (quarter.year - start.year) * 4 + quarter.number - start.number
        assert cumulative <= budget * (elapsed + 1)  # unspent budget carries over, overspending never happens
    assert sum(u for _, _, u in plan.spend_by_quarter) == sum(r.quantity for r in equipment)
    for before, after in zip(plan.steps, plan.steps[1:], strict=False):
        assert before.risk >= after.risk
        if before.last_quarter and after.first_quarter:
            assert before.last_quarter <= after.first_quarter  # strictly in order
    assert plan.timeline[-1].total == 0 and plan.clean_quarter is not None


def test_a_plan_beyond_a_century_is_refused_as_a_budget_typo() -> None:
    one = Equipment(2, "V", "m", "S", NetworkFunction.CORE, 1, replacement_cost=Decimal(1000))
    with pytest.raises(InputError, match="400 quarters"):
        plan_removal([one], start=date(2026, 1, 1), budget_per_quarter=Decimal(1))


def test_core_before_ran_and_the_most_flagged_site_first() -> None:
    def row(site: str, function: NetworkFunction) -> Equipment:
        return Equipment(2, "V", "m", site, function, 1, replacement_cost=Decimal(1))

    equipment = [row("A", NetworkFunction.RAN), row("B", NetworkFunction.RAN), row("B", NetworkFunction.OSS),
                 row("C", NetworkFunction.CORE)]  # fmt: skip
    order = [(s.site, s.function.value) for s in plan_removal(equipment, start=date(2026, 1, 1)).steps]
    assert order == [("C", "core"), ("B", "ran"), ("A", "ran"), ("B", "oss")]
    flipped = plan_removal(equipment, start=date(2026, 1, 1), weights=Weights.parse("core=1,ran=50,site=0"))
    assert [(s.site, s.function.value) for s in flipped.steps][:2] == [("A", "ran"), ("B", "ran")]


# words the normaliser keeps as they are (a legal form such as "AG" or "NAO" is read as one, as in screening)
plain = st.text("abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=8).filter(
    lambda w: readings(f"{w} qqqq") == ((w, "qqqq"),) and readings(f"qqqq {w}") == (("qqqq", w),)
)
words = st.lists(plain, min_size=1, max_size=3)


@given(words, st.sampled_from(["", " Co., Ltd.", " Corporation", " GmbH", " Inc."]), st.booleans())
def test_a_vendor_is_its_name_in_any_case_with_any_legal_form(name: list[str], form: str, upper: bool) -> None:
    full = " ".join(name) + form
    shown = full.upper() if upper else full.title()
    assert same_vendor(vendor_query(name[0]), shown)
    assert same_vendor(vendor_query(full), " ".join(name))
    assert not same_vendor(vendor_query(name[0] + "q"), shown.replace(name[0], name[0] + "x", 1))
