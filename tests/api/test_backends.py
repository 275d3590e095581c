"""The service on both databases: the same API flow on SQLite and on a real PostgreSQL server (the ``engine``
fixture), from account creation to a refused overdraw, tenant boundary included."""

from __future__ import annotations

import secrets

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from exportctl.accounts.roles import Role
from exportctl.accounts.tokens import issue_token
from exportctl.accounts.users import create_user
from exportctl.app import create_app
from exportctl.config import Settings
from exportctl.lists.ingest import import_file
from exportctl.store.db import session_scope
from tests.api.workflow import application_body
from tests.licensing.test_denial_and_screening import DPL


def test_api_flow_on_each_backend(engine: Engine) -> None:
    tokens: dict[str, str] = {}
    with session_scope(engine) as session:
        for name, role, org in (
            ("exporter", Role.EXPORTER, "Exporter A"),
            ("other", Role.EXPORTER, "Exporter B"),
            ("reviewer", Role.REVIEWER, "Authority"),
        ):
            user = create_user(
                session,
                email=f"{name}@db.example",
                password="backend-password",
                roles=frozenset({role}),
                organisation=org,
            )
            tokens[name] = issue_token(session, user, "t").token
    app = create_app(Settings(database_url=str(engine.url), secret_key=secrets.token_urlsafe(32)), engine)

    def auth(name: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {tokens[name]}"}

    with TestClient(app) as client:
        app_id = client.post("/api/applications", json=application_body(), headers=auth("exporter")).json()["id"]
        submitted = client.post(f"/api/applications/{app_id}/submit", headers=auth("exporter")).json()
        # No list imported in this database: the parties are marked unscreened, never silently clean.
        assert submitted["application"]["parties"][0]["screening"]["status"] == "not_screened"
        for step in ("register", "start"):
            assert client.post(f"/api/reviews/{app_id}/{step}", headers=auth("reviewer")).status_code == 200
        decision = client.post(
            f"/api/reviews/{app_id}/decide",
            json={"outcome": "approved", "reasons": ["ok"]},
            headers=auth("reviewer"),
        ).json()
        licence = decision["licence_id"]
        ship = client.post(
            f"/api/licences/{licence}/shipments", json={"value": "12000.00", "quantity": 10}, headers=auth("exporter")
        )
        assert ship.status_code == 409  # unscreened parties hold the shipment, never "not listed"
        assert "no list snapshot is in force on" in ship.text
        import_file(engine, "dpl", DPL)  # the parties can be screened now
        ship = client.post(
            f"/api/licences/{licence}/shipments", json={"value": "12000.00", "quantity": 10}, headers=auth("exporter")
        )
        assert ship.status_code == 201, ship.text
        over = client.post(
            f"/api/licences/{licence}/shipments", json={"value": "0.01", "quantity": 0}, headers=auth("exporter")
        )
        assert over.status_code == 409
        assert client.get(f"/api/licences/{licence}", headers=auth("other")).status_code == 404
        assert client.get(f"/api/licences/{licence}", headers=auth("exporter")).json()["value_remaining"] == "0.00"
