"""Each web test gets a real service of its own, as the API tests do (see ``tests/api/service.py``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.api.service import ServiceUnderTest, fresh_service


@pytest.fixture
def web_service() -> Iterator[ServiceUnderTest]:
    with fresh_service() as own:
        yield own
