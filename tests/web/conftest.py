"""The web tests drive the same real service as the API tests (see ``tests/api/service.py``)."""

from __future__ import annotations

import pytest

from tests.api.service import ServiceUnderTest, build_service


@pytest.fixture(scope="session")
def web_service(tmp_path_factory: pytest.TempPathFactory) -> ServiceUnderTest:
    return build_service(tmp_path_factory.mktemp("web-service"))
