"""Decision records from the pure Huawei simulation (no database), for tests and previews."""

from __future__ import annotations

from decimal import Decimal

from exportctl.licensing.policies.items import application_category
from exportctl.licensing.scenarios.huawei import Simulation
from exportctl.reports.families import family_of
from exportctl.reports.model import DecisionRecord, ReportOutcome


def records_from_simulation(sim: Simulation) -> list[DecisionRecord]:
    records = []
    for reviewed in sim.reviewed:
        app = reviewed.application
        on = reviewed.decided_on() or app.submitted_on
        category = application_category([item.eccn for item in app.items])
        records.append(
            DecisionRecord(
                app.reference,
                family_of([app.purchaser]),
                ReportOutcome(reviewed.outcome),
                on,
                category,
                Decimal(app.value),
            )
        )
    return records
