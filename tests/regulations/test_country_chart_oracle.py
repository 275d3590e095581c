"""An oracle written from the bundled CSVs alone: for an item controlled only by Country Chart reasons over its
entire entry, and a destination the chart gives no footnote or Part 746 note, a licence is required exactly when
the chart has an X in one of the item's columns for that destination (15 CFR 738.4(a)). This file reads the CSVs
with the csv module and applies that rule itself; it shares no code with exportctl.regulations or the engine.

The property runs over every such (ECCN, destination) pair hypothesis picks; the chart itself is also checked
cell by cell against the loaded ``CountryChart``.
"""

from __future__ import annotations

import csv
import json
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exportctl.determination import determine, make_transaction
from exportctl.regulations import load_regulations

EAR = Path(__file__).resolve().parents[2] / "src/exportctl/data/ear"
CHART_REASONS = ("CB", "NP", "NS", "MT", "RS", "FC", "CC", "AT")
ENTIRE = re.compile(r"^(?P<reason>[A-Z]{2}) applies to entire entry: (?P=reason) Column (?P<n>\d)$")
ON = date(2026, 9, 1)


def _chart() -> tuple[list[str], dict[str, dict[str, str]]]:
    with (EAR / "country_chart.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        columns = [c for c in reader.fieldnames or [] if re.fullmatch(r"[A-Z]{2}\d", c)]
        return columns, {row["iso2"]: row for row in reader}


COLUMNS, CHART = _chart()
#: destinations the chart alone decides: no footnote, no note sending the reader to Part 746
PLAIN = sorted(iso for iso, row in CHART.items() if not row["footnotes"].strip() and not row["chart_note"].strip())


def _chart_only_eccns() -> dict[str, tuple[str, ...]]:
    """ECCN -> its chart columns, for entries whose every licence-requirement row is "X applies to entire entry:
    X Column n" with X a chart reason, without licence-requirement notes and outside the 600 and 9x515 series."""
    found: dict[str, tuple[str, ...]] = {}
    with (EAR / "ccl_eccns.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            eccn = row["eccn"]
            if row["license_requirement_notes"].strip() or eccn[2] in "56" or row["lr_format"] != "table":
                continue
            parts = [p.strip() for p in row["license_requirements"].split("|") if p.strip()]
            matches = [ENTIRE.match(p) for p in parts]
            if not parts or not all(matches):
                continue
            columns = tuple(f"{m['reason']}{m['n']}" for m in matches if m is not None)
            if all(c[:2] in CHART_REASONS and c in COLUMNS for c in columns):
                found[eccn] = columns
    # On ON the CCL speaks through the 2026-07-23 index: keep the entries it states with the very same rows (an
    # entry it dropped or changed is another case: the engine sends it to review, which the engine's tests pin).
    with (EAR / "ccl_index_2026-07-23.json").open(encoding="utf-8") as handle:
        newer = {
            e["eccn"]: tuple(
                f"{m['reason']}{m['n']}"
                for row in e["countryChart"]
                if (m := ENTIRE.match(f"{row['control']}: {row['countryChart']}")) is not None
            )
            for e in json.load(handle)["entries"]
            if e["countryChart"]
        }
    return {eccn: columns for eccn, columns in found.items() if newer.get(eccn) == columns}


ECCNS = _chart_only_eccns()


def oracle(eccn: str, destination: str) -> bool:
    return any(CHART[destination][column].strip() == "X" for column in ECCNS[eccn])


def test_the_oracle_has_enough_cases_to_mean_something() -> None:
    assert len(ECCNS) >= 50 and len(PLAIN) >= 100, (len(ECCNS), len(PLAIN))
    # both answers occur: the property below is not trivially one-sided
    answers = {oracle(e, d) for e in list(ECCNS)[:20] for d in PLAIN}
    assert answers == {True, False}


def test_every_chart_cell_loads_as_written() -> None:
    chart = load_regulations().chart
    for iso, row in CHART.items():
        loaded = chart.rows[iso]
        assert loaded.columns == frozenset(c for c in COLUMNS if row[c].strip() == "X"), iso


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(eccn=st.sampled_from(sorted(ECCNS)), destination=st.sampled_from(PLAIN))
def test_licence_required_exactly_when_the_chart_has_an_x(eccn: str, destination: str) -> None:
    regulations = load_regulations()
    tx = make_transaction(eccn=eccn, destination=destination, regulations=regulations, parties=(), on=ON)
    determination = determine(tx, regulations=regulations, parties_screened=())
    assert determination.license_required is oracle(eccn, destination), (
        eccn,
        destination,
        ECCNS[eccn],
        [(f.citation, f.effect) for f in determination.reasons],
    )
