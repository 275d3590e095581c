"""CCL paragraph lists are read in full: bare letters, ranges ("to", "through"), "and"/"or", relative numbers.

The check over every bundled row is independent of the parser: it finds each paragraph reference and each range in
a row's text with its own patterns and requires the parsed scope to hold it (or the row to be left for a person).
"""

from __future__ import annotations

import re

import pytest

from exportctl.regulations import Applies, ScopeKind, load_regulations, parse_eccn
from exportctl.regulations.paragraph_list import ParagraphListError, expand_range, parse_paragraph_list
from exportctl.regulations.scope import parse_scope


@pytest.mark.parametrize(
    ("base", "text", "expected"),
    [
        ("3B001", "NS applies to 3B001.a.1 to a.3, b, e, f.2 to f.4, g to j", "a.1 a.2 a.3 b e f.2 f.3 f.4 g h i j"),
        (
            "3B001",
            "NS applies to 3B001.a.4, c, d, f.1, f.5, f.6, k to n, p.2, p.4, r",
            "a.4 c d f.1 f.5 f.6 k l m n p.2 p.4 r",
        ),
        ("3B002", "NS applies to 3B002.a and b", "a b"),
        ("9E003", "SI applies to 9E003.a.1 through a.8, .h, .i, and .l", "a.1 a.2 a.3 a.4 a.5 a.6 a.7 a.8 h i l"),
        ("1C351", "CB applies to items controlled by 1C351.d.15 and .16", "d.15 d.16"),
        ("9B604", 'MT applies to 9B604.a and .b and to 9B604.d "specially designed" equipment', "a b d"),
        ("1C351", "CW applies to 1C351.d.15 and .d.16 and a license is required for CW reasons", "d.15 d.16"),
    ],
)
def test_paragraph_list_reads_every_item(base: str, text: str, expected: str) -> None:
    scope = parse_scope(base, text)
    assert scope.kind is ScopeKind.PARAGRAPHS
    assert [".".join(p) for p in scope.paragraphs] == expected.split()


def test_carve_out_inside_a_list_5a001() -> None:
    scope = parse_scope("5A001", "NS applies to 5A001.b (except .b.5), .c, .d, .f (except f.3), .g, and .j")
    assert scope.applies_to(parse_eccn("5A001.b.1")) is Applies.YES
    assert scope.applies_to(parse_eccn("5A001.b.5")) is Applies.NO
    assert scope.applies_to(parse_eccn("5A001.f.3")) is Applies.NO


@pytest.mark.parametrize(
    "text",
    ["NS applies to 3B001.a.3 to c", "NS applies to 3B001.k to f", "NS applies to 3B001.a.1 to b.2"],
)
def test_unreadable_range_fails_loudly(text: str) -> None:
    with pytest.raises(ParagraphListError, match="3B001"):
        parse_scope("3B001", text)


def test_expand_range_letters_and_numbers() -> None:
    assert expand_range(("g",), ("j",)) == (("g",), ("h",), ("i",), ("j",))
    assert expand_range(("a", "1"), ("3",)) == (("a", "1"), ("a", "2"), ("a", "3"))


_REF = r"[a-z](?:\.(?:\d{1,2}|[a-z]))*"


def _references(base: str, text: str) -> set[tuple[str, ...]]:
    """Every paragraph the row's text names, found independently of the parser (explicit, dotted, ranges)."""
    found: set[tuple[str, ...]] = set()
    for match in re.finditer(rf"(?:\b{base}\s?\.|(?<![\w.])\.)({_REF})\b", text):
        found.add(tuple(match.group(1).split(".")))
    for match in re.finditer(rf"\.?({_REF})\s+(?:to|through)\s+\.?({_REF})\b", text):
        found.update(expand_range(tuple(match.group(1).split(".")), tuple(match.group(2).split("."))))
    return found


def test_every_bundled_row_keeps_every_paragraph_it_names() -> None:
    """No row loses a paragraph: each reference is in the parsed scope, or the row goes to a person (UNPARSED)."""
    checked = 0
    for entry in load_regulations().ccl.entries.values():
        for row in entry.rows:
            scope = row.scope
            if scope.kind in (ScopeKind.UNPARSED, ScopeKind.ENTIRE):
                continue
            named = set(scope.paragraphs) | set(scope.carved_out) | set(scope.conditional_paragraphs)
            missing = {p for p in _references(entry.eccn, row.control_text) if p not in named}
            assert not missing, f"{entry.eccn}: {row.control_text!r} lost {sorted(missing)}"
            checked += 1
    assert checked > 150


def test_semiconductor_equipment_rows_3b001_3b002() -> None:
    rows = load_regulations().ccl.entries["3B001"].rows
    ns2 = next(r for r in rows if r.destinations.column == "NS2")
    for para in ("3B001.b", "3B001.h", "3B001.a.2", "3B001.f.3"):
        assert ns2.scope.applies_to(parse_eccn(para)) is Applies.YES, para
    d5 = [r for r in rows if "group:D:5" in r.destinations.included]
    for para in ("3B001.d", "3B001.k", "3B001.m", "3B001.c"):
        assert all(r.scope.applies_to(parse_eccn(para)) is Applies.YES for r in d5), para
    b002 = next(r for r in load_regulations().ccl.entries["3B002"].rows if r.destinations.column == "NS2")
    assert b002.scope.applies_to(parse_eccn("3B002.b")) is Applies.YES


def test_no_list_in_plain_prose() -> None:
    assert parse_paragraph_list("3B001", "3B001", "NS applies to entire entry") is None
