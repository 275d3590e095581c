"""Every operation of the OpenAPI document, called by every role of two tenants and by nobody, against one
service holding exporter A's resources (a submitted application, an approved one and its licence).

The expectations are written here from the role table in the README (who may do what), not read from the code:

* nobody (no token) gets 401 everywhere except signing in (``POST /api/auth/tokens``);
* no call, by anyone, is a server error;
* exporter B never gets a 2xx on exporter A's application or licence, and reads them as 404 (never 403: no leak),
  except on reviewer-only paths, which refuse every exporter alike;
* writes a role may not make are refused (401/403/404, never a 2xx and never a validation error: the bodies are
  valid, so a 422 would mean the body was judged before the caller);
* reads: exporter A reads its own resources; exporters cannot read the review queue, the audit trail or the
  oversight reports; the auditor reads all of them.
"""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.service import ServiceUnderTest
from tests.api.workflow import application_body, approve, file_application

ROLES = ("exporter_a", "exporter_b", "reviewer", "policy_admin", "auditor", "admin")
EXPORTERS = ("exporter_a", "exporter_b")
AUTHORITY = ("reviewer", "policy_admin", "auditor", "admin")
PUBLIC = {("POST", "/api/auth/tokens")}
REFUSED = (401, 403, 404)

#: writes that must be refused for these roles (method, path template) -> (roles, valid body)
FORBIDDEN_WRITES: dict[tuple[str, str], tuple[tuple[str, ...], dict[str, Any] | None]] = {
    ("POST", "/api/reviews/{application_id}/register"): (EXPORTERS + ("auditor",), None),
    ("POST", "/api/reviews/{application_id}/decide"): (
        EXPORTERS + ("auditor",),
        {"outcome": "approved", "reasons": ["matrix"]},
    ),
    ("POST", "/api/reviews/{application_id}/refer"): (EXPORTERS + ("auditor",), {"agencies": ["DoD"]}),
    ("POST", "/api/reviews/{application_id}/hold"): (EXPORTERS + ("auditor",), {"reason": "matrix"}),
    ("POST", "/api/reviews/{application_id}/intent-to-deny"): (EXPORTERS + ("auditor",), {"reason": "matrix"}),
    ("POST", "/api/applications/{application_id}/withdraw"): (
        ("exporter_b", "reviewer", "policy_admin", "auditor"),
        {"reason": "matrix"},
    ),
    ("POST", "/api/applications"): (("reviewer", "policy_admin", "auditor"), application_body()),
    ("POST", "/api/licences/{licence_id}/shipments"): (
        ("exporter_b", "reviewer", "policy_admin", "auditor"),
        {"value": "1.00", "quantity": 1},
    ),
    ("POST", "/api/licences/{licence_id}/suspend"): (
        EXPORTERS + ("auditor",),
        {"from_date": "2026-01-01", "reason": "matrix"},
    ),
    ("POST", "/api/licences/{licence_id}/revoke"): (
        EXPORTERS + ("auditor",),
        {"from_date": "2026-01-01", "reason": "matrix"},
    ),
    ("POST", "/api/policies"): (
        EXPORTERS + ("reviewer", "auditor"),
        {
            "policy": {
                "policy_id": "matrix",
                "title": "matrix",
                "family": "Matrix",
                "name_contains": ["Matrix Test Party"],
                "outcome": "case_by_case",
                "effective_from": "2020-01-01",
                "priority": 1,
            }
        },
    ),
}

#: reads (GET path template) -> roles that must get 200, roles that must be refused
READS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "/api/applications/{application_id}": (("exporter_a", "auditor", "reviewer"), ("exporter_b",)),
    "/api/applications/{application_id}/decisions": (("exporter_a", "auditor"), ("exporter_b",)),
    "/api/applications/{application_id}/clock": ((), ("exporter_b",)),  # not registered yet: 409 for A
    "/api/licences/{licence_id}": (("exporter_a", "auditor"), ("exporter_b",)),
    "/api/licences/{licence_id}/shipments": (("exporter_a", "auditor"), ("exporter_b",)),
    "/api/reviews/queue": (("reviewer", "auditor"), EXPORTERS),
    "/api/reviews/{application_id}/recommendation": (("reviewer",), EXPORTERS),
    "/api/audit/events": (("auditor",), EXPORTERS),
    "/api/audit/verify": (("auditor",), EXPORTERS),
    "/api/reports/licences": (("auditor",), EXPORTERS),
    "/api/auth/me": (ROLES, ()),
}


def _operations(client: TestClient) -> list[tuple[str, str]]:
    paths = client.get("/api/openapi.json").json()["paths"]
    return [(method.upper(), path) for path, ops in paths.items() for method in ops]


def _url(path: str, ids: dict[str, int | str]) -> str:
    return path.format(**{key: ids.get(key, 999_999) for key in ("application_id", "licence_id")} | _others(ids))


def _others(ids: dict[str, int | str]) -> dict[str, Any]:
    return {
        "token_id": 999_999,
        "source": "entity-list",
        "entry_id": ids["entry_id"],
        "job_id": "no-such-job",
        "referral_id": 999_999,
        "party_id": "no-such-party",  # the counterparty register (issue 15)
        "alert_id": 999_999,
    }


@pytest.fixture
def world(client: TestClient, service: ServiceUnderTest) -> dict[str, int | str]:
    pending = file_application(client, service, "exporter_a")  # submitted, not registered
    approved = file_application(client, service, "exporter_a")
    decision = approve(client, service, approved["id"])
    entry = client.get("/api/screening", params={"name": "Huawei Technologies"}, headers=service.auth("auditor"))
    entry_id = entry.json()["hits"][0]["entry_id"] if entry.status_code == 200 else "none"
    return {
        "application_id": pending["id"],
        "approved_id": approved["id"],
        "licence_id": decision["licence_id"],
        "entry_id": entry_id,
    }


def _headers(service: ServiceUnderTest, role: str | None) -> dict[str, str]:
    return {} if role is None else service.auth(role)


@pytest.mark.slow
def test_every_operation_by_every_role(client: TestClient, service: ServiceUnderTest, world: dict[str, Any]) -> None:
    operations = _operations(client)
    assert len(operations) >= 40
    problems: list[str] = []
    writes_called: set[tuple[str, str]] = set()
    # 1. refused writes first, while A's resources are untouched (a valid body, so only the caller can be refused)
    for (method, path), (roles, body) in FORBIDDEN_WRITES.items():
        assert (method, path) in operations, f"{method} {path} is not in the OpenAPI document any more"
        writes_called.add((method, path))
        for role in roles:
            response = client.request(method, _url(path, world), json=body, headers=_headers(service, role))
            if response.status_code not in REFUSED:
                problems.append(
                    f"{role} {method} {path}: {response.status_code} (must be refused) {response.text[:160]}"
                )
    # 2. every operation, anonymously: 401 (except signing in); and never a server error
    for method, path in operations:
        response = client.request(method, _url(path, world), json={} if method != "GET" else None)
        if (method, path) not in PUBLIC and response.status_code != 401:
            problems.append(f"anonymous {method} {path}: {response.status_code} (must be 401)")
        if response.status_code >= 500:
            problems.append(f"anonymous {method} {path}: {response.status_code}")
    # 3. every read by every role: no server error; B never sees A's resources; the reads table holds
    for method, path in operations:
        if method != "GET":
            continue
        for role in ROLES:
            response = client.get(_url(path, world), headers=_headers(service, role))
            code = response.status_code
            if code >= 500:
                problems.append(f"{role} GET {path}: {code}")
            # B reads A's resources as missing; reviewer-only paths refuse every exporter alike (403, no leak)
            b_expected = REFUSED if path.startswith("/api/reviews/") else (404,)
            if role == "exporter_b" and ("{application_id}" in path or "{licence_id}" in path):
                if code not in b_expected:
                    problems.append(f"exporter_b GET {path} on A's resource: {code} (must be {b_expected})")
            allowed, refused = READS.get(path, ((), ()))
            if role in allowed and code != 200:
                problems.append(f"{role} GET {path}: {code} (must be 200) {response.text[:160]}")
            if role in refused and code not in REFUSED:
                problems.append(f"{role} GET {path}: {code} (must be refused)")
    # 4. every other write by every role with an empty body: never a server error
    for method, path in operations:
        if (
            method == "GET"
            or (method, path) in writes_called
            or (method, path) == ("DELETE", "/api/auth/tokens/{token_id}")
        ):
            continue
        for role in ROLES:
            response = client.request(method, _url(path, world), json={}, headers=_headers(service, role))
            if response.status_code >= 500:
                problems.append(f"{role} {method} {path}: {response.status_code}")
    assert not problems, "\n".join(problems)
