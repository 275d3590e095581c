"""ECCN parsing (15 CFR 738.2: category, product group, number; paragraphs below the entry)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exportctl.errors import InputError
from exportctl.regulations import parse_eccn


@pytest.mark.parametrize(
    ("text", "base", "paragraphs"),
    [
        ("EAR99", "EAR99", ()),
        ("ear99", "EAR99", ()),
        ("5A992.c", "5A992", ("c",)),
        ("3A090.a", "3A090", ("a",)),
        ("3a001.B.4.b", "3A001", ("b", "4", "b")),
        ("0A501.y.7", "0A501", ("y", "7")),
        ("9A610", "9A610", ()),
        (" 4A994 ", "4A994", ()),
    ],
)
def test_parse_eccn_738_2(text: str, base: str, paragraphs: tuple[str, ...]) -> None:
    eccn = parse_eccn(text)
    assert (eccn.base, eccn.paragraphs) == (base, paragraphs)


def test_ear99_is_basket_734_3c() -> None:
    assert parse_eccn("EAR99").is_ear99 and parse_eccn("EAR99").category is None


def test_families_0y521_and_9x515_are_not_entries() -> None:
    assert parse_eccn("0Y521").is_family and parse_eccn("0Y521").is_x521
    assert parse_eccn("9x515").is_family and parse_eccn("9x515").is_x515
    assert not parse_eccn("9A515").is_family


def test_600_series_772_1() -> None:
    assert parse_eccn("9A610.y").is_600_series and parse_eccn("0A606").is_600_series
    assert not parse_eccn("9A515").is_600_series


def test_paragraph_containment() -> None:
    assert parse_eccn("5A992.c.1").within("5A992", ("c",))
    assert not parse_eccn("5A992.c").within("5A992", ("z",))
    assert not parse_eccn("5A992").within("5A992", ("c",))


@pytest.mark.parametrize("bad", ["", "5A99", "5F001", "ABCDE", "5A992..c", "5A992.", "EAR-99", "55A992", "5A9921"])
def test_malformed_eccn_raises_input_error_on_field_eccn(bad: str) -> None:
    with pytest.raises(InputError) as info:
        parse_eccn(bad)
    assert info.value.field == "eccn"


@given(
    cat=st.integers(0, 9),
    group=st.sampled_from("ABCDE"),
    num=st.integers(0, 999),
    paras=st.lists(st.sampled_from(["a", "b", "z", "1", "12", "y"]), max_size=4),
)
def test_round_trip_any_wellformed_eccn(cat: int, group: str, num: int, paras: list[str]) -> None:
    text = ".".join([f"{cat}{group}{num:03d}", *paras])
    eccn = parse_eccn(text)
    assert str(eccn) == text and parse_eccn(str(eccn)) == eccn


@given(st.text(max_size=12))
def test_anything_else_is_an_input_error_or_a_valid_eccn(text: str) -> None:
    try:
        eccn = parse_eccn(text)
    except InputError as error:
        assert error.field == "eccn"
    else:
        assert parse_eccn(str(eccn)) == eccn
