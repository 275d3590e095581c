"""Screening as of a date answers "listed on D?" with the rule of ``lists listed`` (one rule, decided in bulk).

The concrete entries below were read from the bundled files:
* ABDUL RAHIM HAMDAN DAGALO (``un:6909527``): only in ``UN_consolidated.xml`` of 2026-02-27, listed 2026-02-24;
  absent from the file of 2025-11-20. On 2026-02-25 ``lists listed`` says listed; the as-of index used to miss it.
* AIR FREIGHT LTD (``dpl:air-freight-ltd~35ee97``): the 2022 DPL file ends its order on 2022-11-09; the 2026 file
  has it again from 2025-10-27. On 2025-06-01 nothing we hold says whether it was denied: unknown, never absent.
* GAZPROMBANK JOINT STOCK COMPANY (``ofac-sdn:17016``): in the SDN of 2026-07-31, not in the sdn.csv of
  2024-05-03; neither gives a listing date. On 2025-06-01: unknown (kept, flagged), no longer silently absent.
* ``ofac-sdn:21941``: in the 2024 sdn.csv, gone from the 2026 file: listed on 2025-06-01, not on 2026-08-01.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, select

from exportctl.lists.bundled import DATA_DIR
from exportctl.lists.ingest import import_file
from exportctl.lists.listed import ListedStatus, entry_status_on, was_listed
from exportctl.lists.model import ListCode, ListEntry
from exportctl.lists.repository import entries_as_of
from exportctl.lists.snapshot_writes import make_current, start_snapshot, write_entries
from exportctl.screening.engine import screen
from exportctl.screening.service import load_index
from exportctl.store.db import make_engine, upgrade
from exportctl.store.lists_tables import ListEntryRow
from tests.conftest import PostgresServer

DAGALO = "un:6909527"
AIR_FREIGHT = "dpl:air-freight-ltd~35ee97"
GAZPROMBANK = "ofac-sdn:17016"
DROPPED_FROM_SDN = "ofac-sdn:21941"


def _engine(request: pytest.FixtureRequest, tmp: pytest.TempPathFactory, name: str) -> tuple[Engine, object]:
    if request.param == "sqlite":
        return make_engine(f"sqlite:///{tmp.mktemp(name) / 'exportctl.sqlite3'}"), None
    server: PostgresServer = request.getfixturevalue("postgres_server")
    database = server.create_database()
    return make_engine(server.url(database)), (server, database)


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def history_engine(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """Both bundled UN files and both DPL files, per backend (read-only tests)."""
    engine, pg = _engine(request, tmp_path_factory, "as-of")
    upgrade(engine)
    import_file(engine, "un", DATA_DIR / "UN_consolidated_2025-11-20.xml")
    import_file(engine, "un", DATA_DIR / "UN_consolidated.xml")
    import_file(engine, "dpl", DATA_DIR / "dpl.txt")
    import_file(engine, "dpl", DATA_DIR / "denied_persons_list.csv")
    yield engine
    engine.dispose()
    if isinstance(pg, tuple):
        pg[0].drop_database(pg[1])


def _ids(engine: Engine, on: date, sources: list[str] | None = None) -> set[str]:
    return {e.entry_id for e in entries_as_of(engine, on, sources).entries}


def test_an_entry_listed_only_in_a_later_file_is_in_the_as_of_index(history_engine: Engine) -> None:
    on = date(2026, 2, 25)
    assert was_listed(history_engine, DAGALO, on).status is ListedStatus.LISTED
    answer = entries_as_of(history_engine, on, ["un"])
    assert answer.snapshots["un"].in_force_from == date(2025, 11, 20)  # the file in force lacks it
    assert DAGALO in {e.entry_id for e in answer.entries} and DAGALO not in answer.unknown
    assert any("by the dates of a later file" in note for note in answer.notes)
    assert DAGALO not in _ids(history_engine, date(2026, 2, 23), ["un"])  # listed the next day


def test_a_lapsed_then_renewed_order_is_unknown_not_absent(history_engine: Engine) -> None:
    on = date(2025, 6, 1)
    assert entry_status_on(history_engine, AIR_FREIGHT, on).status is ListedStatus.UNKNOWN
    answer = entries_as_of(history_engine, on, ["dpl"])
    assert AIR_FREIGHT in {e.entry_id for e in answer.entries}
    assert "renewal" in answer.unknown[AIR_FREIGHT]
    assert any("flagged unknown → review" in note for note in answer.notes)


def test_the_as_of_index_and_lists_listed_agree_on_every_entry(history_engine: Engine) -> None:
    for on in (date(2022, 10, 1), date(2025, 6, 1), date(2025, 12, 1), date(2026, 2, 25), date(2026, 9, 1)):
        answer = entries_as_of(history_engine, on)
        everyone = _all_entry_ids(history_engine)
        statuses = {e: entry_status_on(history_engine, e, on).status for e in everyone}
        assert {e.entry_id for e in answer.entries} == {
            e for e, s in statuses.items() if s is not ListedStatus.NOT_LISTED
        }
        assert set(answer.unknown) == {e for e, s in statuses.items() if s is ListedStatus.UNKNOWN}


def _all_entry_ids(engine: Engine) -> set[str]:
    with engine.connect() as connection:
        return set(connection.scalars(select(ListEntryRow.entry_id).distinct()))


def test_a_hit_on_an_unknown_entry_says_so_in_the_result(history_engine: Engine) -> None:
    index = load_index(history_engine, date(2025, 6, 1), use_cache=False)
    assert AIR_FREIGHT in {e.entry_id for e in index.entries}
    result = screen(index, "Air Freight Ltd")
    assert AIR_FREIGHT in {h.entry_id for h in result.hits}
    assert any(n.startswith(f"{AIR_FREIGHT}: listed then? unknown → review") for n in result.notes)


def test_the_as_of_index_is_rebuilt_when_a_later_file_is_imported(sqlite_engine: Engine) -> None:
    """A later file changes the answer for an earlier date: the cached as-of index must not be reused."""
    import_file(sqlite_engine, "un", DATA_DIR / "UN_consolidated_2025-11-20.xml")
    on = date(2026, 2, 25)
    assert DAGALO not in {e.entry_id for e in load_index(sqlite_engine, on).entries}
    import_file(sqlite_engine, "un", DATA_DIR / "UN_consolidated.xml")
    assert DAGALO in {e.entry_id for e in load_index(sqlite_engine, on).entries}


@pytest.fixture(scope="module")
def sdn_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """The bundled SDN of 2024-05-03 and of 2026-07-31 (SQLite: two files of 15,000 and 19,000 entries)."""
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('sdn') / 'exportctl.sqlite3'}")
    upgrade(engine)
    import_file(engine, "ofac-sdn", DATA_DIR / "ofac_sdn_2024-05-03", effective_date=date(2024, 5, 3))
    import_file(engine, "ofac-sdn", DATA_DIR / "csl_2026-07-31", effective_date=date(2026, 7, 31))
    yield engine
    engine.dispose()


def test_sdn_2024_and_2026_as_of_agrees_with_lists_listed(sdn_engine: Engine) -> None:
    on = date(2025, 6, 1)
    answer = entries_as_of(sdn_engine, on)
    kept = {e.entry_id for e in answer.entries}
    assert entry_status_on(sdn_engine, GAZPROMBANK, on).status is ListedStatus.UNKNOWN
    assert GAZPROMBANK in kept and "without a listing date" in answer.unknown[GAZPROMBANK]
    assert entry_status_on(sdn_engine, DROPPED_FROM_SDN, on).status is ListedStatus.LISTED
    assert DROPPED_FROM_SDN in kept and DROPPED_FROM_SDN not in answer.unknown
    later = entries_as_of(sdn_engine, date(2026, 8, 1))
    assert entry_status_on(sdn_engine, DROPPED_FROM_SDN, date(2026, 8, 1)).status is ListedStatus.NOT_LISTED
    assert DROPPED_FROM_SDN not in {e.entry_id for e in later.entries}
    assert GAZPROMBANK in {e.entry_id for e in later.entries} and not later.unknown


# Property: over generated snapshot histories, the as-of entries are exactly the listed and the unknown ones.

DAYS = st.dates(min_value=date(2020, 1, 1), max_value=date(2023, 12, 31))
_SOURCES = itertools.count()


@st.composite
def snapshot_histories(draw: st.DrawFn) -> list[tuple[date, list[ListEntry]]]:
    """1–4 files of one source, each holding some of 4 entries with random listing and end dates."""
    published = sorted(draw(st.lists(DAYS, min_size=1, max_size=4, unique=True)))
    files = []
    for day in published:
        held = []
        for n in draw(st.sets(st.integers(0, 3))):
            start = draw(st.none() | DAYS)
            end = draw(st.none() | st.dates(min_value=start or date(2020, 1, 1), max_value=date(2023, 12, 31)))
            cited = draw(st.sampled_from(((), ("86 FR 1234, 2/1/2021",))))
            held.append((n, start, end, cited))
        files.append((day, held))

    def entry(n: int, start: date | None, end: date | None, cited: tuple[str, ...]) -> ListEntry:
        return ListEntry("?", f"e{n}", ListCode.DPL, f"Party {n}", listed_on=start, removed_on=end,
                         federal_register_citations=cited)  # fmt: skip

    return [(day, [entry(*one) for one in held]) for day, held in files]


@pytest.fixture(scope="module")
def generated_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('generated') / 'exportctl.sqlite3'}")
    upgrade(engine)
    yield engine
    engine.dispose()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(snapshot_histories(), st.lists(DAYS, min_size=1, max_size=4))
def test_as_of_entries_are_the_listed_and_the_unknown_ones(
    generated_engine: Engine, files: list[tuple[date, list[ListEntry]]], days: list[date]
) -> None:
    source = f"gen{next(_SOURCES)}"  # a source of its own per example: the examples share one store
    for day, entries in files:
        held = [ListEntry(source, e.source_id, e.list, e.primary_name, listed_on=e.listed_on, removed_on=e.removed_on,
                          federal_register_citations=e.federal_register_citations) for e in entries]  # fmt: skip
        snapshot_id = start_snapshot(generated_engine, source, f"file-{day}", f"h{day}", day, {"dpl": len(held)})
        with generated_engine.begin() as connection:
            write_entries(connection, snapshot_id, held)
            make_current(connection, source, snapshot_id, day)
    everyone = {f"{source}:{e.source_id}" for _, entries in files for e in entries}
    checked = days + [d for d, _ in files] + [e.listed_on for _, es in files for e in es if e.listed_on]
    for on in checked:
        answer = entries_as_of(generated_engine, on, [source])
        statuses = {e: entry_status_on(generated_engine, e, on) for e in everyone}
        kept = {e for e, s in statuses.items() if s.status is not ListedStatus.NOT_LISTED}
        assert {e.entry_id for e in answer.entries} == kept
        assert answer.unknown == {e: s.reason for e, s in statuses.items() if s.status is ListedStatus.UNKNOWN}
