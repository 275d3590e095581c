"""Alert paging on SQLite and PostgreSQL: cursor pages (``after_id`` / ``before_id``) walk the same alerts, in the
same newest-first order, as offset pages, for one state and for all; the composite indexes they read exist."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import Engine, insert, inspect, select

from exportctl.errors import InputError
from exportctl.parties import AlertState, PartyData, list_alerts
from exportctl.store.db import session_scope
from exportctl.store.parties_tables import PartyAlert, RegisterParty
from tests.parties.conftest import Orgs, add

STATES = ("open", "cleared", "confirmed", "escalated")


def _alerts(engine: Engine, org: int, count: int) -> None:
    """``count`` alert rows (states cycling) on two register parties: paging reads rows, not how they were raised."""
    add(engine, org, PartyData("pg-1", "Paging Party One", country="DE"), PartyData("pg-2", "Paging Two", country="FR"))
    with session_scope(engine) as s:
        party_ids = list(s.execute(select(RegisterParty.id).where(RegisterParty.organisation_id == org)).scalars())
    now = datetime.now(UTC).replace(tzinfo=None)
    rows: list[dict[str, Any]] = [
        {
            "organisation_id": org,
            "party_id": party_ids[i % 2],
            "entry_key": f"paging:{i}",
            "list_code": "dpl",
            "entry_name": "ENTRY",
            "query_name": "q",
            "matched_name": "m",
            "score": 0.8,
            "explanation": {"features": []},
            "state": STATES[i % 7 % 4],
            "still_matching": True,
            "party_fingerprint": "0" * 64,
            "entry_fingerprint": "0" * 64,
            "matcher": "test",
            "party_data": {},
            "entry_data": {},
            "created_at": now,
            "updated_at": now,
            "data_changed_at": now,
        }  # fmt: skip
        for i in range(count)
    ]
    with session_scope(engine) as s:
        s.execute(insert(PartyAlert), rows)


@pytest.mark.parametrize("states", [None, [AlertState.OPEN], [AlertState.CLEARED, AlertState.ESCALATED]])
def test_cursor_pages_walk_the_offset_pages(engine: Engine, orgs: Orgs, states: list[AlertState] | None) -> None:
    _alerts(engine, orgs.chips, 130)
    _alerts(engine, orgs.other, 20)  # another organisation's alerts interleave by id: never on the page
    with session_scope(engine) as s:
        everything, total = list_alerts(s, organisation_id=orgs.chips, states=states, limit=1000)
        ids = [a.id for a in everything]
        assert ids == sorted(ids, reverse=True) and len(ids) == total > 25
        pages, after = [], None
        while True:
            page, page_total = list_alerts(s, organisation_id=orgs.chips, states=states, limit=11, after_id=after)
            assert page_total == total
            if not page:
                break
            by_offset, _ = list_alerts(s, organisation_id=orgs.chips, states=states, limit=11, offset=len(pages) * 11)
            assert [a.id for a in page] == [a.id for a in by_offset]
            pages.append([a.id for a in page])
            after = page[-1].id
        assert [i for p in pages for i in p] == ids
        for newer, older in zip(pages, pages[1:], strict=False):  # back one page: before the first of the next
            back, _ = list_alerts(s, organisation_id=orgs.chips, states=states, limit=11, before_id=older[0])
            assert [a.id for a in back] == newer


def test_cursor_and_offset_are_not_mixed(engine: Engine, orgs: Orgs) -> None:
    with session_scope(engine) as s:
        with pytest.raises(InputError, match="not both"):
            list_alerts(s, organisation_id=orgs.chips, after_id=5, offset=50)
        with pytest.raises(InputError, match="not both"):
            list_alerts(s, organisation_id=orgs.chips, after_id=5, before_id=9)


def test_the_paging_indexes_exist(engine: Engine) -> None:
    indexes = {ix["name"]: ix["column_names"] for ix in inspect(engine).get_indexes("party_alerts")}
    assert indexes["ix_party_alerts_org_state_id"] == ["organisation_id", "state", "id"]
    assert indexes["ix_party_alerts_org_id"] == ["organisation_id", "id"]
