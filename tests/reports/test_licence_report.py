"""licence_report over stored applications (SQLite and PostgreSQL): outcomes, dates, drafts, approved vs used."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import Engine

from exportctl.licensing.applicant import create_application
from exportctl.licensing.decide import decide
from exportctl.licensing.licences import record_shipment
from exportctl.reports import licence_report
from tests.licensing.conftest import Cast, good_input, in_review, step


def test_report_reads_outcomes_dates_and_shipments(engine: Engine, cast: Cast) -> None:
    approved = in_review(engine, cast)
    returned = in_review(engine, cast)
    in_review(engine, cast)  # pending
    step(engine, create_application, cast.exporter, good_input(), on=date(2020, 11, 9))  # a draft: not counted
    decision = step(engine, decide, cast.reviewer, approved, outcome="approved", reasons=["ok"], on=date(2020, 12, 1))
    rwa = {"outcome": "returned_without_action", "reasons": ["vague"], "on": date(2021, 1, 4)}
    step(engine, decide, cast.reviewer, returned, **rwa)
    assert decision.licence_id is not None
    step(engine, record_shipment, cast.exporter, decision.licence_id, value=Decimal("1000.00"), quantity=10,
         shipped_on=date(2020, 12, 5), recorded_on=date(2020, 12, 5))  # fmt: skip

    report = licence_report(engine, by=("outcome", "period"))
    rows = {r.key: (r.count, r.value, r.used_value) for r in report.rows}
    value = Decimal("69500.00")  # 1000 x 45.50 + 200 x 120.00
    assert rows == {
        ("approved", "2020-12"): (1, value, Decimal("1000.00")),
        ("returned_without_action", "2021-01"): (1, value, Decimal(0)),
        ("pending", "2020-11"): (1, value, Decimal(0)),
    }
    # the items are 5A992.c (category 5 in today's CCL) and 3A991.a (AT-only): counted under category 5
    assert {r.key for r in licence_report(engine, by=("category",)).rows} == {("Category 5",)}
    # the date filter uses the decision date
    assert licence_report(engine, date_from=date(2021, 1, 1)).applications == 1
