"""Decision records read from the store: one :class:`DecisionRecord` per submitted application.

Read in five flat queries (applications, latest decision dates, items, parties, licences) and joined in Python, so
a report over 100,000 applications costs a handful of round trips on SQLite and PostgreSQL alike. Drafts are not
applications yet and are left out.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from functools import lru_cache

from sqlalchemy import Engine, func, select

from exportctl.licensing.policies.items import application_category
from exportctl.reports.families import family_of
from exportctl.reports.model import DecisionRecord, ReportOutcome
from exportctl.store.db import session_scope
from exportctl.store.licensing_tables import Application, ApplicationItem, ApplicationParty, Decision, Licence

_OUTCOME_OF_STATUS = {
    "approved": ReportOutcome.APPROVED,
    "approved_in_part": ReportOutcome.APPROVED,
    "denied": ReportOutcome.DENIED,
    "returned_without_action": ReportOutcome.RETURNED_WITHOUT_ACTION,
    "withdrawn": ReportOutcome.WITHDRAWN,
}


@lru_cache(maxsize=4096)
def _family(names: tuple[str, ...]) -> str:
    return family_of(names)


def load_decision_records(engine: Engine) -> list[DecisionRecord]:
    """Every submitted application as a decision record (outcome from its status, date from its last decision)."""
    with session_scope(engine) as session:
        s = session.connection()  # Core rows: no ORM loading overhead on 100,000s of rows
        apps = s.execute(
            select(
                Application.id,
                Application.number,
                Application.status,
                func.coalesce(Application.submitted_on, Application.created_on),
            ).where(Application.status != "draft")
        ).all()
        last_decision = select(Decision.application_id, func.max(Decision.decided_on)).group_by(Decision.application_id)
        decided = {app_id: day for app_id, day in s.execute(last_decision)}
        eccns: dict[int, list[str]] = defaultdict(list)
        for app_id, eccn in s.execute(select(ApplicationItem.application_id, ApplicationItem.eccn)):
            eccns[app_id].append(eccn)
        per_app = select(ApplicationItem.application_id, func.sum(ApplicationItem.total_value))
        values = {app_id: value for app_id, value in s.execute(per_app.group_by(ApplicationItem.application_id))}
        parties: dict[int, list[str]] = defaultdict(list)
        for app_id, name in s.execute(select(ApplicationParty.application_id, ApplicationParty.name)):
            parties[app_id].append(name)
        used = {app_id: value for app_id, value in s.execute(select(Licence.application_id, Licence.value_used))}
    records = []
    for app_id, number, status, submitted_on in apps:
        outcome = _OUTCOME_OF_STATUS.get(status, ReportOutcome.PENDING)
        on = decided.get(app_id) if outcome is not ReportOutcome.PENDING else None
        records.append(
            DecisionRecord(
                number,
                _family(tuple(parties[app_id])),
                outcome,
                on or submitted_on,
                application_category(eccns[app_id]) if eccns[app_id] else "EAR99",
                values.get(app_id) or Decimal(0),
                used.get(app_id, Decimal(0)),
            )
        )
    return records
