"""Annex I of Regulation (EU) 2021/821 as bundled: entries, paragraphs, cross-references, GEAs, EU ↔ US numbers."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exportctl.errors import InputError
from exportctl.regulations import load_regulations, parse_eccn
from exportctl.regulations.eu import (
    MEMBER_STATES,
    AnnexI,
    UsOnlyKind,
    codes_in,
    eu_for_eccn,
    load_annex_i,
    parse_eu_code,
    us_for_eu,
)
from exportctl.regulations.eu.gea import parse_destination_names

# Cited in 1C010's notes, but the upstream conversion labels 1C010.e.1 as "1C010.1" and 1C010.e.2 as "1C010.1.2"
# (the lines exist, under the wrong code): explained, not silently accepted.
EXPLAINED = {"1C010.e.1.b", "1C010.e.2"}


@pytest.fixture(scope="module")
def annex() -> AnnexI:
    return load_annex_i()


def test_every_entry_is_parsed_with_its_heading_and_paragraphs(annex: AnnexI) -> None:
    assert len(annex) == 384
    codes = [e.code for e in annex]
    assert codes[0] == "0A001" and codes[-1] == "9E102"
    entry = annex.get("3B001")
    assert entry is not None and entry.heading.startswith("Equipment for the manufacturing of semiconductor")
    assert [".".join(p.path) for p in entry.children(())] == list("abcdefghij")
    f1 = entry.paragraph(("f", "1"))
    assert f1 is not None and f1.text.startswith("Align and expose step and repeat")
    c = entry.paragraph(("c",))
    assert c is not None and c.not_used  # "Not used;" in the 2025-11-15 text
    a1 = entry.paragraph(("a", "1"))
    assert a1 is not None and any("Atomic Layer Epitaxy" in n for n in a1.notes)


def test_every_code_cited_in_the_annex_resolves_to_a_parsed_entry(annex: AnnexI) -> None:
    texts = [e.verbatim_text for e in annex] + list(annex.docs.values())
    texts += [g.verbatim_text for g in annex.geas] + [annex.common_exclusions.text]
    cited = {str(code) for text in texts for code in codes_in(text)}
    assert len(cited) > 1000
    unresolved = []
    for text in sorted(cited):
        code = parse_eu_code(text)
        entry = annex.get(code.base)
        if entry is None or not entry.has_below(code.paragraphs):
            unresolved.append(text)
    assert set(unresolved) == EXPLAINED


def test_geas_have_their_destinations_items_and_conditions(annex: AnnexI) -> None:
    eu001 = annex.gea("EU001")
    assert eu001.destinations == {"AU", "CA", "IS", "JP", "NZ", "NO", "CH", "LI", "GB", "US"}
    assert eu001.covers_all and eu001.excludes_section_i
    eu002 = annex.gea("EU002")
    assert eu002.destinations == {"AR", "ZA", "KR", "TR"} and not eu002.covers_all
    assert {str(c) for c in eu002.covered} >= {"1A001", "3A001.a.3", "3C006", "2B008"}
    eu003 = annex.gea("EU003")
    assert {"CN", "HK", "MO", "RU", "AE"} <= eu003.destinations
    assert eu003.unmapped_destinations == ("French overseas territories",)
    assert eu003.excluded_groups == {"D", "E"} and "9A011" in {str(c) for c in eu003.excluded}
    eu006 = annex.gea("EU006")
    covered = {str(c) for c in eu006.covered}
    assert "1C350.1" in covered and "1C350.4" not in covered and "1C450.a.4" in covered  # 1C350.4 is military
    eu008 = annex.gea("EU008")
    assert eu008.all_destinations and {"CN", "RU", "US", "JP"} <= eu008.destinations  # excluded, EU001's too
    assert {str(c) for c in eu008.covered} == {
        "5A002.a.2", "5A002.a.3", "5A002.b", "5D002.a.1", "5D002.b", "5D002.c.1", "5E002.b"
    }  # fmt: skip
    kinds = {c.kind for c in eu008.conditions}
    assert {"registration", "notification", "customs", "reporting"} <= kinds
    assert "icp" in {c.kind for c in annex.gea("EU007").conditions}
    common = annex.common_exclusions
    assert common.annex_iv and {"1C351", "9A117", "1C450.a.1"} <= {str(c) for c in common.codes}


def test_destination_names_map_or_fail_loudly() -> None:
    codes, kept = parse_destination_names("China (including Hong Kong and Macao), Switzerland, including Liechtenstein")
    assert codes == {"CN", "HK", "MO", "CH", "LI"} and kept == ()
    with pytest.raises(ValueError, match="Atlantis"):
        parse_destination_names("Norway, Atlantis")


def test_eu_and_us_numbers_correspond_where_they_share_wassenaar_numbering(annex: AnnexI) -> None:
    regs = load_regulations()
    assert eu_for_eccn(parse_eccn("3B001.c"), annex).kind is UsOnlyKind.SHARED
    assert eu_for_eccn(parse_eccn("3A090.a"), annex).kind is UsOnlyKind.ADVANCED_COMPUTING
    assert eu_for_eccn(parse_eccn("4A090"), annex).kind is UsOnlyKind.ADVANCED_COMPUTING
    assert eu_for_eccn(parse_eccn("9A515.a"), annex).kind is UsOnlyKind.SERIES_515
    assert eu_for_eccn(parse_eccn("9A610"), annex).kind is UsOnlyKind.SERIES_600
    assert eu_for_eccn(parse_eccn("0A501"), annex).kind is UsOnlyKind.FIREARMS
    assert eu_for_eccn(parse_eccn("5A992.c"), annex).kind is UsOnlyKind.ANTI_TERRORISM
    assert eu_for_eccn(parse_eccn("EAR99"), annex).kind is UsOnlyKind.EAR99
    assert "z paragraph" in eu_for_eccn(parse_eccn("3A001.z"), annex).note
    eu_only = [e.code for e in annex if not us_for_eu(parse_eu_code(e.code), regs.current_ccl, regs.ccl).shared]
    assert "3B501" in eu_only and "3B001" not in eu_only and "0A001" in eu_only
    assert all(re.fullmatch(r"\d[A-E]\d{3}", c) for c in eu_only)
    assert len(eu_only) < 60  # the rest (more than 320 entries) share their number with an ECCN


def test_member_states() -> None:
    assert len(MEMBER_STATES) == 27 and "NL" in MEMBER_STATES and "GB" not in MEMBER_STATES


@given(st.text(max_size=12))
def test_parse_eu_code_accepts_only_annex_shaped_codes(text: str) -> None:
    try:
        code = parse_eu_code(text)
    except InputError as exc:
        assert exc.field == "control"
    else:
        assert re.fullmatch(r"\d[A-E]\d{3}", code.base) and parse_eu_code(str(code)) == code
