"""Where the project's shared folder is, for the few tests that compare a bundled copy with its source.

The shared folder sits beside the repository (``../shared``); ``EXPORTCTL_SHARED_DIR`` points elsewhere (e.g. from a
git worktree). The product never reads it; tests that need it skip with a reason when it is absent.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    configured = os.environ.get("EXPORTCTL_SHARED_DIR", "").strip()
    return Path(configured) if configured else REPOSITORY.parent / "shared"


def shared_file(relative: str) -> Path:
    """``relative`` inside the shared folder; skips the calling test when it is not there."""
    path = shared_dir() / relative
    if not path.exists():
        pytest.skip(f"{path} is absent (no ../shared beside this clone; EXPORTCTL_SHARED_DIR names another one)")
    return path
