"""Property-based fuzzing of the whole API from its own OpenAPI schema (schemathesis): whatever the input, no
5xx, and every documented response matches its schema. Bounded (a few examples per operation) so it runs in the
normal suite. Requests run as a dedicated exporter of its own organisation, so the fuzzing cannot touch other
tests' data; revoking tokens is left out (a fuzzed id could revoke the token the run itself uses)."""

from __future__ import annotations

from functools import lru_cache

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from exportctl.accounts.roles import Role
from exportctl.accounts.tokens import issue_token
from exportctl.accounts.users import create_user
from exportctl.store.db import session_scope
from tests.api.service import shared_service

MAX_EXAMPLES = 6


@pytest.fixture(scope="session")
def fuzz_token() -> str:
    service = shared_service()
    with session_scope(service.engine) as session:
        user = create_user(
            session,
            email="fuzz@test.example",
            password="lantern fjord quietly 2718",
            roles=frozenset({Role.EXPORTER}),
            organisation="Fuzzing Exporter (test)",
        )
        return issue_token(session, user, "fuzz").token


schema = schemathesis.openapi.from_asgi("/api/openapi.json", shared_service().app).exclude(
    method="DELETE", path_regex="^/api/auth/tokens"
)


@pytest.mark.slow
@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.function_scoped_fixture],
)
def test_no_server_errors_and_responses_match_the_schema(case: schemathesis.Case, fuzz_token: str) -> None:
    case.call_and_validate(
        headers={"Authorization": f"Bearer {fuzz_token}"},
        checks=[not_a_server_error, response_schema_conformance, content_type_conformance],
        timeout=120,  # a fuzzed as-of date builds that date's screening index: seconds, more on a loaded machine
    )


@lru_cache(maxsize=1)
def _stateful_token() -> str:
    service = shared_service()
    with session_scope(service.engine) as session:
        user = create_user(
            session,
            email="stateful@test.example",
            password="harbour violet trombone 5821",
            roles=frozenset({Role.EXPORTER}),
            organisation="Stateful Fuzzing Exporter (test)",
        )
        return issue_token(session, user, "stateful").token


class APIWorkflow(schema.as_state_machine()):  # type: ignore[misc]
    """Stateful (links) mode: sequences of calls that use the ids earlier responses returned (links inferred by
    schemathesis from the response schemas and path parameters), a bounded number of steps."""

    def get_call_kwargs(self, case: schemathesis.Case) -> dict[str, object]:
        return {"headers": {"Authorization": f"Bearer {_stateful_token()}"}, "timeout": 120}

    def validate_response(self, response: object, case: schemathesis.Case, **kwargs: object) -> None:
        case.validate_response(response, checks=[not_a_server_error, content_type_conformance])  # type: ignore[arg-type]


TestAPIWorkflow = pytest.mark.slow(APIWorkflow.TestCase)
TestAPIWorkflow.settings = settings(
    max_examples=4,
    stateful_step_count=6,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
