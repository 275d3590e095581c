"""One screening index per snapshot set, reused for every date it answers, on disk for a new process."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import Engine

from exportctl.config import get_settings
from exportctl.determination.facts import make_transaction
from exportctl.determination.index_cache import index_of_snapshots
from exportctl.determination.list_index import ListIndexes, snapshot_ids_for
from exportctl.determination.service import determine_with_screening
from exportctl.lists.bundled import DATA_DIR
from exportctl.lists.ingest import import_file
from exportctl.lists.repository import current_snapshot_ids
from exportctl.regulations import load_regulations
from exportctl.store.db import make_engine, upgrade

HUAWEI = "Huawei Technologies Co., Ltd."


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """Entity List and both Denied Persons List files: the 2022 one speaks for 2019, the 2026 one is current."""
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('list-index') / 'exportctl.sqlite3'}")
    upgrade(engine)
    import_file(engine, "entity-list", DATA_DIR / "entity_list.csv")
    import_file(engine, "dpl", DATA_DIR / "dpl.txt", effective_date=date(2022, 9, 2))
    import_file(engine, "dpl", DATA_DIR / "denied_persons_list.csv", effective_date=date(2026, 4, 14))
    yield engine
    engine.dispose()


def _determine(engine: Engine, on: str, indexes: ListIndexes | None) -> dict[str, object]:
    regs = load_regulations()
    tx = make_transaction(eccn="EAR99", destination="CN", regulations=regs, parties=[f"end_user={HUAWEI}"], on=on)
    return determine_with_screening(engine, tx, regulations=regs, indexes=indexes).to_dict()


def test_dates_with_the_same_snapshots_share_one_index(engine: Engine) -> None:
    indexes = ListIndexes()
    first, second = indexes.for_date(engine, date(2019, 5, 17)), indexes.for_date(engine, date(2023, 1, 1))
    assert first is second and first is not None
    assert first.snapshot_ids == snapshot_ids_for(engine, date(2019, 5, 17))
    assert first.snapshot_ids != tuple(sorted(current_snapshot_ids(engine).values()))  # the 2022 DPL speaks
    current = indexes.for_date(engine, date(2026, 6, 1))
    assert current is not None and current is not first


def test_a_given_index_answers_as_the_default_including_the_publication_lag_744_11(engine: Engine) -> None:
    """2019-05-17 is before Huawei's FR publication (2019-05-21) but after the rule took effect (2019-05-16): the
    shared index still holds the entry, and the licence is required."""
    indexes = ListIndexes()
    for on in ("2019-05-17", "2019-06-01", "2019-01-01", "2026-06-01"):
        assert _determine(engine, on, indexes) == _determine(engine, on, None)
    lagged = _determine(engine, "2019-05-17", indexes)
    assert lagged["license_required"] is True
    assert _determine(engine, "2019-06-01", indexes)["license_required"] is True


def test_a_past_snapshot_set_is_cached_on_disk_and_a_bad_cache_file_is_rebuilt(engine: Engine) -> None:
    ids = snapshot_ids_for(engine, date(2019, 6, 1))
    built = index_of_snapshots(engine, ids)
    files = list((get_settings().resolved_data_dir() / "determination-index").glob("*.pickle"))
    assert len(files) == 1
    loaded = index_of_snapshots(engine, ids)
    assert loaded is not built and [e.entry_id for e in loaded.entries] == [e.entry_id for e in built.entries]
    files[0].write_bytes(b"not a pickle")
    rebuilt = index_of_snapshots(engine, ids)
    assert [e.entry_id for e in rebuilt.entries] == [e.entry_id for e in built.entries]
