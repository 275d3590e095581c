"""The Huawei scenario through the real workflow on SQLite and PostgreSQL: the stored records reproduce the
published table exactly, then the 2023 halt and the 2024 revocations apply."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine

from exportctl.audit.chain import verify_chain
from exportctl.errors import ConflictError
from exportctl.licensing.scenarios.run import run_huawei
from exportctl.reports import licence_report
from tests.licensing.test_scenario_huawei import published


@pytest.mark.slow
def test_scenario_reproduces_published_table_from_stored_records(engine: Engine) -> None:
    run = run_huawei(engine)
    assert run.outcomes == {"approved": 113, "returned_without_action": 48, "denied": 2, "pending": 6}
    assert run.smic_outcomes == {"approved": 26}
    report = licence_report(engine, party="Huawei", date_from=date(2020, 11, 9), date_to=date(2021, 4, 20))
    table = published("Huawei")
    assert report.applications == table[("applications_considered", "all")][0]
    totals = {t.outcome: (t.count, int(t.value)) for t in report.totals}
    for decision in ("approved", "returned_without_action", "denied"):
        assert totals[decision] == table[(decision, "all")]
    cells = {(r.key[0], r.key[1]): (r.count, int(r.value or 0)) for r in report.rows if r.key[0] != "pending"}
    assert cells == {key: cell for key, cell in table.items() if key[1] != "all"}
    smic = licence_report(engine, party="SMIC", date_from=date(2020, 11, 9), date_to=date(2021, 4, 20))
    assert {r.key: (r.count, int(r.value or 0)) for r in smic.rows} == {
        ("approved", "Category 2"): published("SMIC")[("approved", "Category 2")]
    }
    # the halt: the 6 pending applications now get "deny"; the 113 licences are in its scope
    assert len(run.halt_impact.changes) == 6 and len(run.halt_impact.affected_licences) == 113
    # had it applied to everything filed: the 113 approvals and the 6 pending become denials (SMIC untouched)
    assert run.halt_counterfactual == {"approve → deny": 119}
    # the 2024 revocation: the 8 Intel/Qualcomm licences, each an audit event
    assert len(run.revocation.licences) == 8
    assert all(lic.status == "revoked" for lic in run.revocation.licences)
    assert verify_chain(engine).ok
    with pytest.raises(ConflictError):
        run_huawei(engine)
