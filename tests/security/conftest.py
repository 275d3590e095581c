"""One live service for the whole security suite (see ``tests/security/live.py``). When the suite ends, the
service log must hold no traceback or error, no response may have been a 5xx, and the audit chain must verify."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest

from tests.security.live import LiveService, new_directory, prepare, start, stop


@pytest.fixture(scope="session")
def live() -> Iterator[LiveService]:
    directory = new_directory()
    service = prepare(directory)
    process = start(service)
    try:
        yield service
    finally:
        stop(process)
        log = service.log()
        verify = service.cli("audit", "verify")
        shutil.rmtree(directory, ignore_errors=True)
    problems = []
    if service.server_errors():
        problems.append(f"5xx responses: {service.server_errors()}")
    if "Traceback" in log or "ERROR" in log:
        problems.append(f"errors in the service log:\n{log[-5000:]}")
    if verify.returncode != 0:
        problems.append(f"audit verify failed ({verify.returncode}): {verify.stdout}{verify.stderr}")
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)
