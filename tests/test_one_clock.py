"""One clock and injected settings (issue 21, defect 5), kept so by a check that runs with the tests (and in CI).

- Nothing in the product reads the machine's local date or time: "today" comes from :mod:`exportctl.clock` (the
  UTC date), so a page, its API answer and the workflow step it starts agree on the day around midnight.
- Domain packages do not read ``get_settings()`` (process-global settings that ``create_app(settings=...)`` cannot
  reach). The modules that still do are listed below; the list may only shrink.
"""

from __future__ import annotations

import re
from pathlib import Path

import exportctl

SRC = Path(exportctl.__file__).parent
INTERFACES = ("cli", "api", "web", "app", "http")  # where settings are read and passed in
LOCAL_CLOCK = re.compile(r"\bdate\.today\(|\bdatetime\.now\(\)|\bdatetime\.today\(|\btime\.localtime\(")
GLOBAL_SETTINGS = re.compile(r"\bget_settings\(\)")

STILL_READING_GLOBAL_SETTINGS: set[str] = set()  # to be injected: issue 21; none left


def _code(path: Path) -> str:
    """The module without its docstrings and comments (they may name what they forbid)."""
    text = re.sub(r'"""(?:.|\n)*?"""', "", path.read_text(encoding="utf-8"))
    return re.sub(r"#.*", "", text)


def _modules() -> dict[str, str]:
    return {path.relative_to(SRC).as_posix(): _code(path) for path in sorted(SRC.rglob("*.py"))}


def test_nothing_reads_the_local_date() -> None:
    offenders = [name for name, code in _modules().items() if LOCAL_CLOCK.search(code)]
    assert offenders == [], f"use exportctl.clock (UTC) instead of the local date in {offenders}"


def test_domain_packages_take_settings_from_their_caller() -> None:
    reading = {
        name
        for name, code in _modules().items()
        if GLOBAL_SETTINGS.search(code) and name != "config.py" and name.split("/")[0] not in INTERFACES
    }
    assert reading - STILL_READING_GLOBAL_SETTINGS == set(), "new domain module reads get_settings(): inject it"
    assert STILL_READING_GLOBAL_SETTINGS - reading == set(), "fixed: remove it from STILL_READING_GLOBAL_SETTINGS"


def test_the_check_finds_what_it_forbids() -> None:
    assert LOCAL_CLOCK.search("day = on or date.today()") and LOCAL_CLOCK.search("datetime.now()")
    assert not LOCAL_CLOCK.search("datetime.now(UTC)")
    assert GLOBAL_SETTINGS.search("get_settings().referral_days")
