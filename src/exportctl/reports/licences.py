"""The oversight report over stored applications: ``licence_report(engine, …)``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import Engine

from exportctl.reports.aggregate import build_report
from exportctl.reports.model import Report
from exportctl.reports.query import load_decision_records


def licence_report(
    engine: Engine,
    *,
    party: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    by: Sequence[str] = ("outcome", "category"),
    suppress_below: int | None = None,
) -> Report:
    """Counts and values of applications by ``by`` (party, period, outcome, category), for the applications of
    ``party`` (a family such as "Huawei", matched as a whole word) dated within [date_from, date_to] — the
    decision date, or the submission date while undecided. Aggregated from the individual records."""
    return build_report(
        load_decision_records(engine),
        party=party,
        date_from=date_from,
        date_to=date_to,
        by=by,
        suppress_below=suppress_below,
    )
