"""One real service per test session (building it imports the bundled lists and hashes six passwords)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from tests.api.service import ServiceUnderTest, build_service


@pytest.fixture(scope="session")
def service(tmp_path_factory: pytest.TempPathFactory) -> ServiceUnderTest:
    return build_service(tmp_path_factory.mktemp("service"))


@pytest.fixture(scope="session")
def client(service: ServiceUnderTest) -> Iterator[TestClient]:
    with TestClient(service.app) as test_client:
        yield test_client
