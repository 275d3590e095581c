"""Screening fixtures: one index over every bundled list (parsed from the shipped files), built once per session."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from exportctl.lists.model import ListEntry
from exportctl.screening import ScreeningIndex

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from screening_corpus import bundled_entries  # noqa: E402


@pytest.fixture(scope="session")
def corpus() -> list[ListEntry]:
    return bundled_entries()


@pytest.fixture(scope="session")
def index(corpus: list[ListEntry]) -> ScreeningIndex:
    return ScreeningIndex.build(corpus, snapshot_key="bundled")
