"""Property-based fuzzing of the whole API from its own OpenAPI schema (schemathesis): whatever the input, no
5xx, and every documented response matches its schema. Bounded (a few examples per operation, a few steps per
stateful run) so it runs in the normal suite. Every test fuzzes a service of its own (a fresh database copy), so
nothing fuzzed can reach another test. Revoking tokens is left out (a fuzzed id could revoke the token the run
itself uses).

* Stateless: every operation as a dedicated exporter of its own organisation.
* Stateful: schemathesis chains operations through the links it infers (create, then read, update...), once for
  each of the reviewer, policy-admin and auditor roles, which reach the operations an exporter cannot.
"""

from __future__ import annotations

from typing import Any

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
from tests.api.service import ServiceUnderTest

MAX_EXAMPLES = 6
MAX_STEPS = 6
STATEFUL_EXAMPLES = 4
TIMEOUT = 300  # seconds: a screening dated in the past builds its own index (seconds on a loaded machine)
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]


# The schema comes from an app over no database (the OpenAPI document does not depend on data); every call goes to
# the test's own service (``app=``).
schema = schemathesis.openapi.from_asgi(
    "/api/openapi.json", create_app(Settings(database_url="sqlite://", secret_key="schema-only-" + "x" * 32))
).exclude(method="DELETE", path_regex="^/api/auth/tokens")


@pytest.fixture
def fuzz_token(service: ServiceUnderTest) -> str:
    service.app.state.ctx.screening_index()  # as `exportctl serve` does: built before the first request
    with session_scope(service.engine) as session:
        user = create_user(
            session,
            email="fuzz@test.example",
            password="fuzzing-password-123",
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
    case: schemathesis.Case, service: ServiceUnderTest, fuzz_token: str
) -> None:
    case.call_and_validate(
        headers={"Authorization": f"Bearer {fuzz_token}"}, checks=CHECKS, app=service.app, timeout=TIMEOUT
    )


@pytest.mark.slow
@pytest.mark.parametrize("user", ["reviewer", "policy_admin", "auditor"])
def test_stateful_sequences_have_no_server_errors(service: ServiceUnderTest, user: str) -> None:
    base = schema.as_state_machine()
    headers = service.auth(user)
    calls: list[int] = []

    class Machine(base):  # type: ignore[misc,valid-type]
        def get_call_kwargs(self, case: schemathesis.Case) -> dict[str, Any]:
            return {"headers": headers, "app": service.app, "timeout": TIMEOUT}

        def after_call(self, response: Any, case: schemathesis.Case) -> None:
            calls.append(response.status_code)

        def validate_response(self, response: Any, case: schemathesis.Case, **kwargs: Any) -> None:
            case.validate_response(response, checks=CHECKS)

    Machine.run(
        settings=settings(
            max_examples=STATEFUL_EXAMPLES,
            stateful_step_count=MAX_STEPS,
            deadline=None,
            suppress_health_check=list(HealthCheck),
        )
    )
    assert calls, "the state machine made no call: schemathesis found no operation to chain"
    # the role's token was accepted: at least one call was authorised (not every answer a 401)
    assert any(code != 401 for code in calls), calls
