"""The web tests drive the same real service as the API tests (see ``tests/api/service.py``)."""

from __future__ import annotations

import pytest

from tests.api.service import ServiceUnderTest, shared_service


@pytest.fixture(scope="session")
def web_service() -> ServiceUnderTest:
    return shared_service()
