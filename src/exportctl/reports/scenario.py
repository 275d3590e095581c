"""``exportctl scenario huawei`` as one library call: run the scenario in a database, then report on it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine

from exportctl.licensing.scenarios.huawei import DEFAULT_SEED, huawei_cells
from exportctl.licensing.scenarios.run import ScenarioRun, run_huawei
from exportctl.licensing.scenarios.smic import SmicGap, smic_gaps
from exportctl.reports.licences import licence_report
from exportctl.reports.model import Report


@dataclass(frozen=True)
class HuaweiScenarioReport:
    run: ScenarioRun
    report: Report  # over the published period, by outcome and category
    period: tuple[date, date]
    smic: SmicGap


def huawei_scenario(engine: Engine, *, seed: int = DEFAULT_SEED) -> HuaweiScenarioReport:
    """Run the Huawei scenario in ``engine``'s (fresh) database and report on the published period."""
    cells, _ = huawei_cells()
    start, end = cells[0].period_start, cells[0].period_end
    run = run_huawei(engine, seed=seed)
    report = licence_report(engine, party="Huawei", date_from=start, date_to=end, by=("outcome", "category"))
    return HuaweiScenarioReport(run, report, (start, end), smic_gaps())
