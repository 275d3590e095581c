"""The API tests share one real service per test session (see ``tests/api/service.py``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from tests.api.service import ServiceUnderTest, shared_service


@pytest.fixture(scope="session")
def service() -> ServiceUnderTest:
    return shared_service()


@pytest.fixture(scope="session")
def client(service: ServiceUnderTest) -> Iterator[TestClient]:
    with TestClient(service.app) as test_client:
        yield test_client
