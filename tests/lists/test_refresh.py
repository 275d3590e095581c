"""EXPORTCTL_LISTS_REFRESH: the interval setting, and the scheduled run against a mirror directory."""

from __future__ import annotations

import time
from datetime import timedelta
from pathlib import Path

import pytest

from exportctl.errors import ConfigError
from exportctl.lists.bundled import DATA_DIR
from exportctl.lists.refresh import Refresher, parse_interval
from exportctl.lists.repository import current_snapshot_ids
from exportctl.lists.update import update
from exportctl.store.db import make_engine, upgrade

INTERVALS = [("12h", timedelta(hours=12)), ("30m", timedelta(minutes=30)), (" 1D ", timedelta(days=1))]


@pytest.mark.parametrize(("text", "expected"), [*INTERVALS, ("90s", timedelta(seconds=90))])
def test_intervals(text: str, expected: timedelta) -> None:
    assert parse_interval(text) == expected


@pytest.mark.parametrize("text", ["", "12", "h", "0h", "1w", "1.5h", "-1h"])
def test_bad_intervals_name_the_setting(text: str) -> None:
    with pytest.raises(ConfigError, match="EXPORTCTL_LISTS_REFRESH"):
        parse_interval(text)


def test_the_refresher_updates_on_schedule_until_stopped(tmp_path: Path) -> None:
    mirror = tmp_path / "mirror"
    (mirror / "dpl").mkdir(parents=True)
    (mirror / "dpl" / "dpl.txt").write_bytes((DATA_DIR / "dpl.txt").read_bytes())
    engine = make_engine(f"sqlite:///{tmp_path / 'exportctl.sqlite3'}")
    upgrade(engine)
    refresher = Refresher(timedelta(seconds=0.2), lambda: update(engine, ["dpl"], mirror=str(mirror)))
    refresher.start()
    deadline = time.monotonic() + 60
    while len(refresher.runs) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    refresher.stop()
    refresher.join(timeout=30)
    assert not refresher.is_alive()
    first, second = refresher.runs[0][0], refresher.runs[1][0]
    assert (first.result, second.result) == ("changed", "unchanged")
    assert current_snapshot_ids(engine) == {"dpl": first.snapshot_id}
    engine.dispose()
