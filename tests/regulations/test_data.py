"""The bundled EAR tables load completely, with provenance, and parse into the structures the rules use."""

from __future__ import annotations

from datetime import date

from exportctl.regulations import COLUMNS, DestinationKind, ScopeKind, load_regulations, parse_eccn
from exportctl.regulations.tristate import Applies


def test_country_chart_supp1_part738_has_200_rows_16_columns_and_4_part_746_rows() -> None:
    chart = load_regulations().chart
    assert len(chart) == 200 and len(COLUMNS) == 16
    assert sorted(row.iso2 for row in chart if row.see_part_746) == ["CU", "IR", "KP", "SY"]
    assert "746.9" in chart.rows["SY"].note
    assert chart.rows["CA"].columns == frozenset({"CB1", "FC1"})
    assert {"NS1", "NS2", "RS1", "MT1"} <= chart.rows["CN"].columns
    assert chart.rows["RU"].footnotes == ("6",) and "746.8" in chart.footnotes["6"]


def test_country_groups_supp1_part740_counts_match_provenance() -> None:
    groups = load_regulations().groups
    counts = {g: len(groups.members(g)) for g in ("A:1", "A:5", "A:6", "B", "D:1", "D:5", "E:1", "E:2")}
    assert counts == {"A:1": 40, "A:5": 38, "A:6": 8, "B": 173, "D:1": 24, "D:5": 22, "E:1": 3, "E:2": 1}
    assert groups.groups_of("CN") == frozenset({"D:1", "D:3", "D:4", "D:5"})
    assert groups.groups_of("LI") == frozenset()  # Liechtenstein: in no group in this text


def test_ccl_supp1_part774_has_596_entries_with_parsed_rows() -> None:
    ccl = load_regulations().ccl
    assert len(ccl) == 596
    ns2 = [r for r in ccl.entries["4A001"].rows if r.reason == "NS"]
    assert ns2[0].destinations.column == "NS2" and ns2[0].scope.kind is ScopeKind.ENTIRE


def test_3a090_rows_742_6_a_6_worldwide_and_group_rows() -> None:
    rows = load_regulations().ccl.entries["3A090"].rows
    worldwide = [r for r in rows if r.destinations.kind is DestinationKind.WORLDWIDE]
    assert worldwide and worldwide[0].scope.paragraphs == (("a",),)
    grouped = [r for r in rows if r.destinations.kind is DestinationKind.LISTED]
    assert any("group:D:5" in r.destinations.included and "group:A:5" in r.destinations.excluded for r in grouped)


def test_paragraph_scope_5a992_c_outside_z_rows() -> None:
    rows = load_regulations().ccl.entries["5A992"].rows
    rs = [r for r in rows if r.reason == "RS"]
    assert all(r.scope.applies_to(parse_eccn("5A992.c")) is Applies.NO for r in rs)
    assert all(r.scope.applies_to(parse_eccn("5A992")) is Applies.MAYBE for r in rs)


def test_relative_paragraph_is_read_1c351() -> None:
    """'1C351.d.15 and .16' names d.15 and d.16 (CB Column 1), not d.15 only."""
    rows = load_regulations().ccl.entries["1C351"].rows
    cb1 = next(r for r in rows if r.destinations.column == "CB1")
    assert cb1.scope.applies_to(parse_eccn("1C351.d.16")) is Applies.YES
    assert cb1.scope.applies_to(parse_eccn("1C351.d.14")) is Applies.NO


def test_every_dataset_carries_provenance_dates() -> None:
    regs = load_regulations()
    dates = {info.name: (info.content_from, info.content_to) for info in regs.datasets_on(date(2025, 3, 1))}
    assert dates == {
        "country_chart": (date(2026, 9, 1), date(2026, 9, 1)),
        "country_groups": (date(2026, 9, 1), date(2026, 9, 1)),
        "ccl": (date(2025, 1, 16), date(2025, 7, 11)),
    }
    assert {i.name: i.content_from for i in regs.datasets_on(date(2026, 9, 1))}["ccl"] == date(2026, 7, 23)


def test_coverage_after_newest_data_needs_review_before_text_is_flagged() -> None:
    regs = load_regulations()
    assert regs.coverage(date(2027, 1, 1)).needs_review
    early = regs.coverage(date(2019, 1, 1))
    assert early.before_text and any("no older version" in n for n in early.before_notes)


def test_ccl_2026_index_speaks_from_its_date_and_keeps_prose_rows() -> None:
    regs = load_regulations()
    assert regs.ccl_2026 is not None and len(regs.ccl_2026) == 633
    assert regs.ccl_on(date(2026, 7, 23)) is regs.ccl_2026 and regs.ccl_on(date(2026, 7, 22)) is regs.ccl
    prose = regs.ccl_2026.entries["0A521"]
    assert prose.rows and "2025 text" in prose.source  # prose-only requirement kept from the 2025 file
    assert regs.ccl_2026.entries["3B001"].exception_flags["GBS"].startswith("Yes, except")
