"""Schemathesis in stateful mode: it chains operations through the links it infers from the OpenAPI document
(create, then read, update...), bounded (a few sequences of a few steps), once for each of the reviewer,
policy-admin and auditor roles, which reach operations an exporter cannot. Each run has a service of its own.
Every response: no 5xx, matches its schema and content type."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from tests.api.service import ServiceUnderTest
from tests.api.test_schemathesis import CHECKS, TIMEOUT, schema

MAX_STEPS = 6
STATEFUL_EXAMPLES = 4


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
