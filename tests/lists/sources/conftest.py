from __future__ import annotations

from pathlib import Path

import pytest

from exportctl.lists.bundled import DATA_DIR


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA_DIR
