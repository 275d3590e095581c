"""Every worked case through the store and the screening engine, as ``exportctl determine`` answers it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from exportctl.determination import Determination
from exportctl.determination.service import determine_from_input
from exportctl.lists.ingest import import_bundled
from exportctl.regulations import GROUPS, load_regulations
from exportctl.store.db import make_engine, upgrade
from tests.determination.worked_cases import Case, load_cases, score


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('worked') / 'cases.sqlite3'}")
    upgrade(engine)
    import_bundled(engine)
    yield engine
    engine.dispose()


def _run(engine: Engine, case: Case) -> Determination:
    return determine_from_input(
        engine,
        eccn=case.eccn,
        destination=case.destination,
        parties=list(case.parties),
        end_use=case.end_use,
        on=case.date,
    )


def test_suite_covers_every_module_group_and_both_sides_of_dated_changes() -> None:
    cases = load_cases()
    assert len(cases) >= 150 and len({c.id for c in cases}) == len(cases)
    modules = Counter(c.module for c in cases)
    assert set(modules) >= {
        "ccl_chart", "embargo", "entity_list", "denied_persons", "meu", "uvl", "other_lists", "end_use",
        "license_exceptions", "list_coverage",
    }  # fmt: skip
    regs = load_regulations()
    reached = {g for c in cases for g in regs.groups.groups_of(c.destination.split("-")[0])}
    assert reached >= set(GROUPS)
    years = {c.date[:4] for c in cases}
    assert len(years) >= 8


def test_worked_cases_zero_false_clearances_zero_missed_prohibitions(store: Engine, tmp_path: Path) -> None:
    cases = sorted(load_cases(), key=lambda c: c.date)  # one screening index per snapshot set, built once
    result = score((case, _run(store, case)) for case in cases)
    report = "\n".join(result.lines())
    print(report)
    assert not result.false_clearances, report
    assert not result.missed_prohibitions, report
    assert result.share_correct >= 0.85, report
