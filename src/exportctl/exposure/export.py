"""A scenario's removal plan as CSV (one row per plan step and quarter) or JSON, and its timeline as a chart.

The chart follows :mod:`exportctl.reports.chart`: matplotlib's Agg backend only, a ``Figure`` of its own (no pyplot
state), reproducible SVG (fixed hash salt, no date metadata).
"""

from __future__ import annotations

import io
import json
from typing import Any

from exportctl.csv_cells import SafeWriter
from exportctl.errors import InputError
from exportctl.exposure.model import NetworkFunction, cents
from exportctl.exposure.scenario import Scenario

FORMATS = ("png", "svg")
LABELS = {NetworkFunction.CORE: "core", NetworkFunction.TRANSPORT: "transport", NetworkFunction.RAN: "RAN",
          NetworkFunction.OSS: "OSS"}  # fmt: skip
PLAN_COLUMNS = ("order", "site", "function", "risk", "quarter", "quarter_end", "units", "cost", "unplanned_units")


def plan_csv(scenario: Scenario) -> str:
    """The plan, one row per (step, quarter); a step with unplanned units (cost unknown) gets a row without quarter.
    Site names come from the operator's files: cells pass through the one CSV escaper (no spreadsheet formulas)."""
    out = io.StringIO()
    writer = SafeWriter(out, lineterminator="\n")
    writer.writerow(PLAN_COLUMNS)
    for step in scenario.plan.steps:
        for quarter, (units, cost) in sorted(step.by_quarter.items()):
            writer.writerow(
                [step.order, step.site, step.function.value, step.risk, quarter, quarter.end, units, cents(cost), ""]
            )
        if step.unplanned_units:
            writer.writerow(
                [step.order, step.site, step.function.value, step.risk, "", "", "", "", step.unplanned_units]
            )
    return out.getvalue()


def scenario_json(scenario: Scenario) -> str:
    return json.dumps(scenario.to_dict(), ensure_ascii=False, indent=2)


def render_timeline(scenario: Scenario, fmt: str = "png") -> bytes:
    """Units of the vendor still in service over time if the plan is followed, per network function (stacked)."""
    if fmt not in FORMATS:
        raise InputError(f"chart format must be one of {', '.join(FORMATS)}, not {fmt!r}", field="format")
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt
    from matplotlib.figure import Figure

    points = scenario.plan.timeline
    days: list[Any] = [p.day for p in points]  # matplotlib plots dates; its stubs say floats
    functions = [f for f in NetworkFunction if any(p.in_service.get(f, 0) for p in points)]
    with plt.rc_context({"svg.hashsalt": "exportctl", "font.size": 8}):
        fig = Figure(figsize=(9, 4))
        ax = fig.subplots()
        if functions:
            ax.stackplot(
                days, [[p.in_service.get(f, 0) for p in points] for f in functions],
                labels=[LABELS[f] for f in functions],
                step="post", alpha=0.85,
            )  # fmt: skip
            ax.legend(loc="upper right", fontsize=7)
        ax.axvline(days[0], color="black", linewidth=0.8, linestyle="--")
        ax.set_ylabel("units in service")
        ax.set_ylim(bottom=0)
        clean = scenario.plan.clean_quarter
        budget = scenario.plan.budget_per_quarter
        title = f"{scenario.vendor} equipment in service from the ban on {scenario.ban_from}"
        detail = f"budget {budget:,} per quarter" if budget is not None else "no budget limit"
        ending = f"clean after {clean}" if clean else f"{scenario.plan.unplanned_units} units without a cost: not clean"
        ax.set_title(f"{title}\n{scenario.organisation} · scope {scenario.scope_text} · {detail} · {ending}")
        fig.autofmt_xdate()
        fig.tight_layout()
        out = io.BytesIO()
        metadata = {"Date": None} if fmt == "svg" else {"Software": None}
        fig.savefig(out, format=fmt, dpi=110, metadata=metadata)
    return out.getvalue()
