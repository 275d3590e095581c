"""``exportctl serve --demo`` up to the point where it listens: a fresh SQLite database is upgraded, the bundled
lists imported, the Huawei scenario loaded, demo users created (generated passwords that work), the index built;
a second start keeps the data and gives the demo users new passwords."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from exportctl.app.service import prepare_service
from exportctl.config import Settings


@pytest.mark.slow
def test_demo_start_and_restart(tmp_path: Path) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'demo.sqlite3'}", secret_key="k" * 40)
    first = prepare_service(settings, demo=True)
    assert "entity-list" in first.imported_sources
    assert first.scenario_summary and "113 approved" in first.scenario_summary
    assert "GENERATED" in first.scenario_summary
    roles = {user.role.value for user in first.demo_users}
    assert roles == {"exporter", "reviewer", "policy_admin", "auditor", "admin"}
    auditor = next(u for u in first.demo_users if u.role.value == "auditor")
    with TestClient(first.app) as client:
        token = client.post("/api/auth/tokens", json={"email": auditor.email, "password": auditor.password}).json()
        headers = {"Authorization": f"Bearer {token['token']}"}
        report = client.get("/api/reports/licences", params={"party": "Huawei", "by": "outcome"}, headers=headers)
        approved = next(t for t in report.json()["totals"] if t["outcome"] == "approved")
        assert approved["count"] == 113
    second = prepare_service(settings, demo=True)
    assert second.imported_sources == []
    assert second.scenario_summary and "not loaded again" in second.scenario_summary
    again = next(u for u in second.demo_users if u.role.value == "auditor")
    assert again.password != auditor.password
