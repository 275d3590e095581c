"""What to do when a tool the tests drive (PostgreSQL, Chromium) is not installed.

In CI (``CI=true``) a missing tool always FAILS the tests that need it, with a message saying what to install: CI
must test everything. On a developer's machine it fails too, unless an explicit variable (``EXPORTCTL_SKIP_POSTGRES=1``,
``EXPORTCTL_SKIP_BROWSER=1``) asks to skip those tests; they are then skipped with that reason. Either way only the
tests that need the tool are affected: the session is never aborted at import time.
"""

from __future__ import annotations

import os
from typing import NoReturn

import pytest


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def skip_requested(variable: str) -> bool:
    return os.environ.get(variable, "").strip() == "1"


def tool_missing(tool: str, detail: str, install: str, skip_variable: str) -> NoReturn:
    """Fail (CI, or no skip asked for) or skip (``skip_variable=1`` locally) a test that needs a missing ``tool``."""
    if skip_requested(skip_variable) and not in_ci():
        pytest.skip(f"{tool} is not installed ({detail}) and {skip_variable}=1: skipped")
    reason = f"{tool} is not installed ({detail}): {install}"
    if in_ci():
        pytest.fail(f"{reason}. CI must run these tests ({skip_variable} is ignored when CI=true)", pytrace=False)
    pytest.fail(f"{reason}, or set {skip_variable}=1 to skip the tests that need it", pytrace=False)
