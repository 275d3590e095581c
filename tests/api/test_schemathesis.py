"""Property-based fuzzing of the whole API from its own OpenAPI schema (schemathesis): whatever the input, no
5xx, and every documented response matches its schema. Bounded (a few examples per operation) so it runs in the
normal suite. The fuzzing runs on a service of this module's own (a fresh database copy), so nothing fuzzed can
reach another module's test. Revoking tokens is left out (a fuzzed id could revoke the token the run itself uses).

Stateless here: every operation as a dedicated exporter of its own organisation. Stateful sequences with the
reviewer, policy-admin and auditor tokens: ``test_schemathesis_stateful.py``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from exportctl.accounts.roles import Role
from exportctl.accounts.tokens import issue_token
from exportctl.accounts.users import create_user
from exportctl.app import create_app
from exportctl.config import Settings
from exportctl.store.db import session_scope
from tests.api.service import ServiceUnderTest, fresh_service

MAX_EXAMPLES = 6
TIMEOUT = 300  # seconds: a screening dated in the past builds its own index (seconds on a loaded machine)
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]


# The schema comes from an app over no database (the OpenAPI document does not depend on data); every call goes to
# the test's own service (``app=``).
schema = schemathesis.openapi.from_asgi(
    "/api/openapi.json", create_app(Settings(database_url="sqlite://", secret_key="schema-only-" + "x" * 32))
).exclude(method="DELETE", path_regex="^/api/auth/tokens")


@pytest.fixture(scope="module")
def fuzz_service() -> Iterator[ServiceUnderTest]:
    """One service for this module's fuzzing (~50 operations): its checks (no 5xx, responses match the schema)
    hold whatever state the earlier cases left, and no other module's test sees it."""
    with fresh_service() as service:
        service.app.state.ctx.screening_index()  # as `exportctl serve` does: built before the first request
        yield service


@pytest.fixture(scope="module")
def fuzz_token(fuzz_service: ServiceUnderTest) -> str:
    with session_scope(fuzz_service.engine) as session:
        user = create_user(
            session,
            email="fuzz@test.example",
            password="lantern fjord quietly 2718",
            roles=frozenset({Role.EXPORTER}),
            organisation="Fuzzing Exporter (test)",
        )
        return issue_token(session, user, "fuzz").token


@pytest.mark.slow
@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.function_scoped_fixture],
)
def test_no_server_errors_and_responses_match_the_schema(
    case: schemathesis.Case, fuzz_service: ServiceUnderTest, fuzz_token: str
) -> None:
    case.call_and_validate(
        headers={"Authorization": f"Bearer {fuzz_token}"}, checks=CHECKS, app=fuzz_service.app, timeout=TIMEOUT
    )
