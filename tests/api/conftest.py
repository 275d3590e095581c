"""Each API test gets a real service of its own: a fresh database copy and a new app (``tests/api/service.py``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from tests.api.service import ServiceUnderTest, fresh_service


@pytest.fixture
def service() -> Iterator[ServiceUnderTest]:
    with fresh_service() as own:
        yield own


@pytest.fixture
def client(service: ServiceUnderTest) -> Iterator[TestClient]:
    with TestClient(service.app) as test_client:
        yield test_client
