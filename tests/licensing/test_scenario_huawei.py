"""The Huawei scenario reproduces the published table exactly, from individual generated and reviewed records.

These are tests of the SCENARIO (generator + workflow + report), not of the policy engine: the generator writes
each application's attributes (5G flags, deficient documentation...) precisely so that the seeded policies give
the published breakdown, so the engine's answers here are read back from what the generator wrote. The policy
engine is tested on its own, with expectations written from the policies, in ``test_policies_engine.py``.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exportctl.licensing.policies.model import RecommendedDecision
from exportctl.licensing.scenarios.generate import split_value
from exportctl.licensing.scenarios.huawei import DEFAULT_SEED, Simulation, generate_huawei, simulate
from exportctl.reports.aggregate import build_report
from exportctl.reports.model import Report
from exportctl.reports.simulated import records_from_simulation
from tests.shared_data import shared_file

NAME = "huawei_smic_license_decisions_2020-11_2021-04.csv"
BUNDLED = Path(__file__).parents[2] / "src/exportctl/data/licensing" / NAME


def published(entity: str) -> dict[tuple[str, str], tuple[int, int | None]]:
    """(decision, control_category) -> (count, value) straight from the bundled CSV, category labels as published."""
    with BUNDLED.open(encoding="utf-8") as handle:
        return {
            (row["decision"], row["control_category"]): (
                int(row["license_count"]),
                int(row["value_usd"]) if row["value_usd"] else None,
            )
            for row in csv.DictReader(handle)
            if row["entity"] == entity
        }


@pytest.fixture(scope="module")
def sim_report() -> tuple[Simulation, Report]:
    sim = simulate()
    records = records_from_simulation(sim)
    report = build_report(
        records, party="Huawei", date_from=date(2020, 11, 9), date_to=date(2021, 4, 20), by=("outcome", "category")
    )
    return sim, report


def test_totals_match_published(sim_report: tuple[Simulation, Report]) -> None:
    _, report = sim_report
    table = published("Huawei")
    assert report.applications == table[("applications_considered", "all")][0] == 169
    totals = {t.outcome: (t.count, int(t.value)) for t in report.totals}
    for decision in ("approved", "returned_without_action", "denied"):
        assert totals[decision] == table[(decision, "all")], decision
    assert totals["approved"] == (113, 61_432_330_663)
    assert totals["returned_without_action"] == (48, 29_775_410_958)


def test_every_published_category_row_reproduced_and_nothing_else(sim_report: tuple[Simulation, Report]) -> None:
    _, report = sim_report
    table = published("Huawei")
    expected = {key: cell for key, cell in table.items() if key[1] != "all"}
    got = {(row.key[0], row.key[1]): (row.count, int(row.value or 0)) for row in report.rows if row.key[0] != "pending"}
    assert got == expected


def test_unpublished_remainder_is_pending(sim_report: tuple[Simulation, Report]) -> None:
    sim, _ = sim_report
    pending = [r for r in sim.reviewed if r.outcome == "pending"]
    assert len(pending) == 169 - 113 - 48 - 2
    assert all(r.application.review_on is None for r in pending)


def test_scenario_decisions_come_through_the_review_step(sim_report: tuple[Simulation, Report]) -> None:
    sim, _ = sim_report
    decided = [r for r in sim.reviewed if r.recommendation is not None]
    reasons = Counter(r.recommendation.decision for r in decided if r.recommendation)
    assert reasons == {
        RecommendedDecision.APPROVE: 113,
        RecommendedDecision.RETURN_WITHOUT_ACTION: 48,
        RecommendedDecision.DENY: 2,
    }
    for r in decided:
        assert r.recommendation is not None
        if r.recommendation.decision is RecommendedDecision.DENY:
            assert any("5G" in reason for reason in r.recommendation.reasons)
        if r.recommendation.decision is RecommendedDecision.RETURN_WITHOUT_ACTION:
            assert "documentation deficient" in r.recommendation.reasons[-1]


def test_bundled_table_is_the_shared_source() -> None:
    assert BUNDLED.read_bytes() == shared_file(f"data/licensing/{NAME}").read_bytes()


_GENERATE = "from exportctl.licensing.scenarios.huawei import generate_huawei; print(repr(generate_huawei({seed})))"


def _generated_in_a_new_process(seed: int, hash_seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    code = _GENERATE.format(seed=seed)
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout


def test_generation_is_deterministic_across_processes_and_seed_dependent() -> None:
    """Two processes with different hash seeds generate the same applications (one process comparing its own
    output twice would not notice set or dict ordering leaking into the result)."""
    first = _generated_in_a_new_process(7, "1")
    assert first == _generated_in_a_new_process(7, "2")
    assert first == repr(generate_huawei(7)) + "\n"
    assert generate_huawei(7) != generate_huawei(8)


def test_other_seeds_still_reproduce_the_table() -> None:
    sim = simulate(seed=12345)
    report = build_report(records_from_simulation(sim), party="Huawei", by=("outcome",))
    assert {r.key[0]: (r.count, r.value) for r in report.rows}["approved"] == (113, Decimal(61_432_330_663))


def test_halt_and_revocation_impact(sim_report: tuple[Simulation, Report]) -> None:
    sim, _ = sim_report
    # the 6 still-pending applications flip from approve to deny under the halt
    assert len(sim.halt_impact.changes) == 6
    assert all(c.after_decision is RecommendedDecision.DENY for c in sim.halt_impact.changes)
    assert sim.counterfactual == {("approve", "deny"): 113}
    # every generated licence is still valid in January 2023, so the halt reaches all 113
    assert len(sim.halt_impact.affected_licences) == 113
    assert len(sim.revoked) == 8
    assert {lic.holder for lic in sim.revoked} == {"Intel", "Qualcomm"}


def test_split_value_is_exact() -> None:
    import random

    rng = random.Random(1)
    for total, parts in ((2, 1), (2, 3), (61_432_330_663, 113), (1_029_026, 1)):
        shares = split_value(total, parts, rng)
        assert sum(shares) == total and all(s >= 1 for s in shares)


def test_smic_generates_only_the_published_category_row_and_lists_the_gaps() -> None:
    from exportctl.licensing.scenarios.smic import generate_smic, smic_gaps

    apps = generate_smic(DEFAULT_SEED)
    assert len(apps) == published("SMIC")[("approved", "Category 2")][0] == 26
    assert sum(a.value for a in apps) == 1_077_161
    gaps = smic_gaps().missing
    assert "approved: 162 applications with no published category ($41,891,503,519)" in gaps
    assert any("returned_without_action" in g and "value not published" in g for g in gaps)


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**32))
def test_any_seed_generates_exact_cells(seed: int) -> None:
    table = published("Huawei")
    sums: Counter[tuple[str, str]] = Counter()
    counts: Counter[tuple[str, str]] = Counter()
    for app in generate_huawei(seed):
        decision, category = app.generated_for.split("/")
        label = category if category in ("AT", "EAR99") else f"Category {category}"
        sums[(decision, label)] += app.value
        counts[(decision, label)] += 1
        assert all(item.value > 0 for item in app.items)
    for (decision, label), (count, value) in table.items():
        if label != "all":
            assert (counts[(decision, label)], sums[(decision, label)]) == (count, value)
    assert counts[("pending", "EAR99")] == 6
