"""Medium: authority roles inside an exporter organisation read across tenants. Low: weak passwords accepted."""

from __future__ import annotations

import pytest

from exportctl.accounts.tokens import issue_token
from exportctl.accounts.users import load_principal
from exportctl.licensing.organisations import create_user as create_stored_user
from exportctl.store.db import make_engine, session_scope
from tests.security.flow import submitted_application
from tests.security.live import ORG_A, ORG_B, LiveService


@pytest.mark.parametrize("role", ["reviewer", "policy_admin", "auditor", "admin"])
def test_an_authority_role_in_an_exporter_organisation_is_refused_at_creation(live: LiveService, role: str) -> None:
    created = live.cli(
        "users", "create", f"rogue-{role}@security.example", "--org", ORG_A, "--role", role, "--password-stdin",
        stdin="a sufficiently unusual passphrase 42\n",
    )  # fmt: skip
    assert created.returncode == 1, created.stdout
    assert "belong to the licensing authority" in created.stdout + created.stderr


def test_a_stored_rogue_reviewer_reads_nothing_of_other_organisations(live: LiveService) -> None:
    """A row written before the check existed (or by hand) gives its holder no authority rights at all."""
    other_app = submitted_application(live, "exporter_b")
    engine = make_engine(live.database_url)
    with session_scope(engine) as session:
        org_a = live.principals["exporter_a"].organisation_id
        user_id = create_stored_user(session, org_a, "legacy-reviewer@security.example", "legacy", ["reviewer"])
        principal = load_principal(session, user_id)
        assert principal is not None
        token = issue_token(session, principal, "legacy").token
    engine.dispose()
    live.tokens["legacy_reviewer"] = token
    with live.client("legacy_reviewer") as rogue:
        assert rogue.get(f"/api/applications/{other_app}").status_code == 404
        listed = rogue.get("/api/applications", params={"limit": 500}).json()["items"]
        assert {a["organisation_id"] for a in listed} <= {org_a}
        assert rogue.get("/api/reports/licences").status_code == 403
        assert rogue.get("/api/reviews/queue").status_code == 403
        assert rogue.get("/api/audit/events").status_code == 403
    with live.client("reviewer") as reviewer:  # a real reviewer still reads it
        assert reviewer.get(f"/api/applications/{other_app}").status_code == 200


@pytest.mark.parametrize(
    ("email", "password"),
    [
        ("weak1@security.example", "aaaaaaaaaa"),
        ("weak2@security.example", "password123456"),
        ("weak3@security.example", "qwertyuiop12"),
        ("weak4@security.example", "weak4@security.example"),
        ("weak5@security.example", "weak5security2024"),
    ],
)
def test_common_and_personal_passwords_are_refused(live: LiveService, email: str, password: str) -> None:
    created = live.cli(
        "users", "create", email, "--org", ORG_B, "--role", "exporter", "--password-stdin", stdin=password + "\n"
    )
    assert created.returncode == 1, created.stdout
    assert "too easy to guess" in created.stdout + created.stderr
