"""A name written twice, in two scripts, is read as each script's part on its own too; one word of another script
inside a name is part of that name."""

from __future__ import annotations

import pytest

from exportctl.screening import ScreeningIndex, screen
from exportctl.screening.script_parts import script_parts
from tests.screening.made_up import made_up

_ENTRIES = (
    # made up: an English name no Chinese reading gives, and an acronym
    made_up(1, "Qelmora Semiconductor Manufacturing Corporation", aliases=("QSMC",)),
    made_up(2, "Brennor Optics Laboratory"),
    made_up(3, "Plovdiv Brennor Holding"),
    made_up(4, "Zorvex Trading Company"),
)


@pytest.fixture(scope="module")
def small() -> ScreeningIndex:
    return ScreeningIndex.build(_ENTRIES, snapshot_key="script-parts")


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        ("振兰集成电路制造有限公司 Qelmora Semiconductor Manufacturing Corporation",
         ["振兰集成电路制造有限公司", "Qelmora Semiconductor Manufacturing Corporation"]),
        ("振兰国际 (QSMC)", ["振兰国际", "QSMC"]),  # an acronym in brackets is a name on its own
        ("Qelmora Semiconductor Manufacturing Corporation (振兰国际)",
         ["Qelmora Semiconductor Manufacturing Corporation", "振兰国际"]),
        ("Лаборатория Бреннора (Brennor Optics Laboratory)", ["Лаборатория Бреннора", "Brennor Optics Laboratory"]),
    ],
)  # fmt: skip
def test_a_name_in_two_scripts_is_read_as_each_part(name: str, parts: list[str]) -> None:
    assert script_parts(name) == parts


@pytest.mark.parametrize(
    "name",
    [
        "振兰 Technologies",  # one word of the Chinese name: a mixed name, not two
        "阶跃AI",
        "ALT Университет имени Абая",
        "振兰国际 QSMC",  # an acronym outside brackets is a word of the name
        "ВШБ - Tехнический университет",  # a Latin look-alike inside a Cyrillic word: three parts
        "Qelmora Semiconductor Manufacturing Corporation",  # one script
        "振兰集成电路制造有限公司",
        "الزرقاني and Sons",  # "and Sons" is no name, nor one Arabic word read "al zrqny"
        "АО «Промышленный Банк «Al Zorvex»",  # "Al Zorvex" is one word and its article; "Industrial Bank" any bank
    ],
)
def test_other_names_have_no_script_parts(name: str) -> None:
    assert script_parts(name) == []


def test_each_part_finds_the_listed_name_the_whole_did_not(small: ScreeningIndex) -> None:
    both = screen(small, "振兰集成电路制造有限公司 Qelmora Semiconductor Manufacturing Corporation")
    assert both.hits and both.hits[0].entry_id == "test:1" and both.hits[0].score >= 0.99
    assert any("two scripts" in note for note in both.notes)
    acronym = screen(small, "振兰国际 (QSMC)")
    assert acronym.hits and acronym.hits[0].entry_id == "test:1"
    # a part that is no listed name adds nothing
    assert not screen(small, "振兰国际 (Brennor Kitchen Supplies)").hits
