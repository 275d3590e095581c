"""The bitemporal rule of exportctl.lists.listed.status_on, on hand-built snapshots and on random ones."""

from __future__ import annotations

from datetime import UTC, date, datetime

from hypothesis import given
from hypothesis import strategies as st

from exportctl.lists.listed import ListedStatus, Observation, status_on, statuses_on
from exportctl.lists.model import ListCode, ListEntry
from exportctl.lists.repository import SnapshotInfo


def _snap(sid: int, published: date) -> SnapshotInfo:
    imported = datetime(2026, 12, 1, tzinfo=UTC)
    return SnapshotInfo(sid, "dpl", imported, published, f"h{sid}", f"file{sid}", 1, {}, False)


def _entry(start: date | None, end: date | None, *citations: str) -> ListEntry:
    return ListEntry(
        source="dpl", source_id="x", list=ListCode.DPL, primary_name="X", listed_on=start, removed_on=end,
        federal_register_citations=citations,
    )  # fmt: skip


def test_a_later_file_dates_the_listing_in_force_on_a_day_an_earlier_file_had_ended() -> None:
    obs: list[Observation] = [
        (_snap(1, date(2022, 9, 2)), _entry(date(2022, 5, 13), date(2022, 11, 9))),
        (_snap(2, date(2026, 4, 14)), _entry(date(2025, 10, 27), date(2026, 10, 27))),
    ]
    result = status_on(obs, date(2026, 1, 15))
    assert result.status is ListedStatus.LISTED and result.snapshot_id == 2
    assert result.as_published is ListedStatus.NOT_LISTED  # the 2022 file, taken alone, said it had ended
    assert status_on(obs, date(2024, 1, 15)).status is ListedStatus.UNKNOWN  # between two orders: review


def test_a_file_published_in_the_gap_without_the_entry_settles_it() -> None:
    obs: list[Observation] = [
        (_snap(1, date(2022, 9, 2)), _entry(date(2022, 5, 13), date(2022, 11, 9))),
        (_snap(2, date(2023, 6, 1)), None),
        (_snap(3, date(2026, 4, 14)), _entry(date(2025, 10, 27), date(2026, 10, 27))),
    ]
    result = status_on(obs, date(2024, 1, 15))
    assert result.status is ListedStatus.NOT_LISTED and result.snapshot_id == 2


def test_an_entry_removed_long_ago_still_counts_on_its_dates() -> None:
    """An Entity List entry removed in 2017 still counts on a 2016 date, if any snapshot had it."""
    obs: list[Observation] = [
        (_snap(1, date(2016, 6, 1)), _entry(date(2015, 1, 1), None)),
        (_snap(2, date(2017, 6, 1)), None),
    ]
    assert status_on(obs, date(2016, 1, 1)).status is ListedStatus.LISTED
    assert status_on(obs, date(2017, 7, 1)).status is ListedStatus.NOT_LISTED
    assert status_on(obs, date(2014, 1, 1)).status is ListedStatus.NOT_LISTED  # listed 2015, no earlier citation


def test_no_dates_and_no_file_before_the_day_is_unknown_not_unlisted() -> None:
    obs: list[Observation] = [(_snap(1, date(2021, 7, 7)), _entry(None, None))]
    assert status_on(obs, date(2020, 1, 1)).status is ListedStatus.UNKNOWN
    assert status_on(obs, date(2022, 1, 1)).status is ListedStatus.LISTED


DAYS = st.dates(min_value=date(2010, 1, 1), max_value=date(2030, 12, 31))


@st.composite
def histories(draw: st.DrawFn) -> list[Observation]:
    published = sorted(draw(st.lists(DAYS, min_size=1, max_size=5, unique=True)))
    obs: list[Observation] = []
    for sid, day in enumerate(published, start=1):
        if draw(st.booleans()):
            start = draw(st.none() | DAYS)
            end = draw(st.none() | st.dates(min_value=start or date(2010, 1, 1), max_value=date(2030, 12, 31)))
            obs.append((_snap(sid, day), _entry(start, end)))
        else:
            obs.append((_snap(sid, day), None))
    return obs


@given(histories(), DAYS)
def test_a_version_whose_own_dates_cover_the_day_always_wins(obs: list[Observation], on: date) -> None:
    """A version with both dates around ``on``, from a file published on or after ``on``, is never overruled."""
    covering = [
        s
        for s, e in obs
        if e is not None
        and e.listed_on
        and e.removed_on
        and e.listed_on <= on <= e.removed_on
        and on <= s.in_force_from
    ]
    if covering:
        assert status_on(obs, on).status is ListedStatus.LISTED


@given(histories(), DAYS)
def test_never_not_listed_without_a_file_or_a_date_that_says_so(obs: list[Observation], on: date) -> None:
    """'not listed' needs evidence: a file in force on the day lacking it, or a date of the entry's own."""
    result = status_on(obs, on)
    if result.status is ListedStatus.NOT_LISTED:
        in_force = [o for o in obs if o[0].in_force_from <= on]
        absent_that_day = bool(in_force) and in_force[-1][1] is None
        dated = any(e is not None and (e.listed_on or e.removed_on) for _, e in obs)
        assert absent_that_day or dated
        assert result.snapshot_id is not None


FEW_DAYS = st.sampled_from([date(2015, 1, 1), date(2019, 5, 21), date(2022, 11, 9), date(2025, 10, 27)])
CITED = st.sampled_from([(), ("84 FR 22963, 5/21/19",), ("46 F.R. 46154 9/17/81",)])


@st.composite
def source_histories(draw: st.DrawFn) -> tuple[list[SnapshotInfo], dict[str, dict[int, ListEntry]]]:
    """Files of one source and up to 10 entries over them, from few dates so that entries often look alike."""
    published = sorted(draw(st.lists(DAYS, min_size=1, max_size=4, unique=True)))
    snaps = [_snap(sid, day) for sid, day in enumerate(published, start=1)]
    versions: dict[str, dict[int, ListEntry]] = {}
    for n in range(draw(st.integers(1, 10))):
        held = {}
        for snap in snaps:
            if draw(st.booleans()):
                start, end = draw(st.none() | FEW_DAYS), draw(st.none() | FEW_DAYS)
                if start and end and end < start:
                    start, end = end, start
                held[snap.id] = _entry(start, end, *draw(CITED))
        if held:
            versions[f"dpl:x{n}"] = held
    return snaps, versions


@given(source_histories(), FEW_DAYS | DAYS)
def test_the_bulk_rule_answers_as_the_rule_for_each_entry(
    history: tuple[list[SnapshotInfo], dict[str, dict[int, ListEntry]]], on: date
) -> None:
    """statuses_on (one evaluation per pattern of presence and dates) == status_on entry by entry."""
    snaps, versions = history
    dated = {
        entry_id: {sid: (e.listed_on, e.removed_on, e.federal_register_citations) for sid, e in held.items()}
        for entry_id, held in versions.items()
    }
    bulk = statuses_on(snaps, dated, on)
    for entry_id, held in versions.items():
        one = status_on([(s, held.get(s.id)) for s in snaps], on)
        many = bulk[entry_id]
        assert (many.status, many.snapshot_id, many.as_published) == (one.status, one.snapshot_id, one.as_published)
        if one.status is not ListedStatus.LISTED:
            assert many.reason == one.reason
