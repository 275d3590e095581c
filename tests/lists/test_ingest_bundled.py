"""The first-run job: import every bundled list, on both backends; a second run changes nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from exportctl.lists.bundled import BUNDLED
from exportctl.lists.ingest import import_bundled
from exportctl.lists.repository import current_entries, get_entry, list_status


@pytest.mark.slow
def test_import_bundled_then_again(engine: Engine) -> None:
    results = import_bundled(engine)
    assert [(r.source, r.file_name) for r in results] == [(b.source, b.path.name) for b in BUNDLED]
    assert not any(r.unchanged for r in results)
    status = {s.source: s for s in list_status(engine)}
    assert set(status) == {
        *("entity-list", "meu", "fcc-covered", "dpl", "ofac-sdn", "ofac-consolidated", "un", "uk-ofsi", "csl")
    }
    assert status["dpl"].snapshot_count == 2 and status["dpl"].file_name == "denied_persons_list.csv"
    assert status["entity-list"].entry_count == 3409
    # the newest file of each source is current: SDN 2021 -> 2024 -> 2026, UN 2025-11 -> 2026-02
    assert status["ofac-sdn"].snapshot_count == 3 and status["ofac-sdn"].entry_count == 19_181
    assert status["un"].snapshot_count == 2 and status["un"].file_name == "UN_consolidated.xml"
    assert status["csl"].entry_count == 25_921 and status["csl"].counts_by_list["entity_list"] == 3_420
    assert status["uk-ofsi"].entry_count == 4_688
    # the Entity List (imported after the CSL) carries the CSL's review policy, and says where it came from
    huawei = get_entry(engine, "entity-list:huawei-technologies-co-ltd@cn")
    assert huawei.license_review_policy == "Presumption of denial"
    assert huawei.policy_source is not None and "consolidated.csv" in huawei.policy_source
    assert "3331 entries (78 not matched)" in results[[r.source for r in results].index("entity-list")].message

    again = import_bundled(engine)
    assert all(r.unchanged for r in again)
    assert all("already imported as snapshot" in r.message for r in again)
    assert [r.snapshot_id for r in again] == [r.snapshot_id for r in results]

    # how fast they load is measured by benchmarks/import_lists.py, not asserted here (a shared machine's timings vary)
    entries = current_entries(engine)
    assert len(entries) == sum(s.entry_count for s in status.values())
