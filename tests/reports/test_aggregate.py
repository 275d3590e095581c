"""Report aggregation, suppression and the CSV / JSON / PNG / SVG outputs."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exportctl.errors import InputError
from exportctl.reports.aggregate import build_report
from exportctl.reports.chart import render_chart
from exportctl.reports.model import DecisionRecord, ReportOutcome
from exportctl.reports.render import to_csv, to_json

A, R, D = ReportOutcome.APPROVED, ReportOutcome.RETURNED_WITHOUT_ACTION, ReportOutcome.DENIED
RECORDS = [
    DecisionRecord("1", "Huawei", A, date(2020, 11, 10), "3", Decimal("100.50"), Decimal("40")),
    DecisionRecord("2", "Huawei", A, date(2020, 12, 1), "EAR99", Decimal(200)),
    DecisionRecord("3", "Huawei", A, date(2021, 1, 5), "EAR99", Decimal(300)),
    DecisionRecord("4", "Huawei", R, date(2021, 1, 6), "AT", Decimal(7)),
    DecisionRecord("5", "Huawei", D, date(2021, 4, 21), "AT", Decimal(9)),  # after the period
    DecisionRecord("6", "SMIC", A, date(2021, 1, 1), "2", Decimal(11)),
    DecisionRecord("7", "Seismic Ltd", A, date(2021, 1, 1), "2", Decimal(13)),
]


def test_filters_party_by_whole_word_and_period() -> None:
    report = build_report(RECORDS, party="huawei", date_from=date(2020, 11, 9), date_to=date(2021, 4, 20))
    assert report.applications == 4
    assert [(r.key, r.count, r.value) for r in report.rows] == [
        (("approved", "Category 3"), 1, Decimal("100.50")),
        (("approved", "EAR99"), 2, Decimal(500)),
        (("returned_without_action", "AT"), 1, Decimal(7)),
    ]
    assert build_report(RECORDS, party="SMIC").applications == 1  # "Seismic" is not SMIC


def test_period_and_party_dimensions() -> None:
    report = build_report(RECORDS, by=("party", "period"))
    keys = [r.key for r in report.rows]
    assert ("Huawei", "2021-01") in keys and ("SMIC", "2021-01") in keys
    assert sum(r.count or 0 for r in report.rows) == len(RECORDS)


def test_used_value_is_summed_for_approved_vs_used() -> None:
    report = build_report(RECORDS, party="Huawei", by=("outcome",))
    approved = next(t for t in report.totals if t.outcome == "approved")
    assert (approved.count, approved.value, approved.used_value) == (3, Decimal("600.50"), Decimal(40))


def test_small_cells_are_suppressed_and_said_so() -> None:
    report = build_report(RECORDS, party="Huawei", by=("outcome", "category"), suppress_below=2)
    suppressed = [r for r in report.rows if r.suppressed]
    expected = {("approved", "Category 3"), ("returned_without_action", "AT"), ("denied", "AT")}
    assert {r.key for r in suppressed} == expected
    assert all(r.count is None and r.value is None for r in suppressed)
    assert any("suppressed" in note for note in report.notes)
    lines = list(csv.reader(io.StringIO(to_csv(report))))
    assert ["approved", "Category 3", "", "", "", "yes"] in lines


def test_bad_dimension_and_dates_are_input_errors() -> None:
    with pytest.raises(InputError) as err:
        build_report(RECORDS, by=("colour",))
    assert err.value.field == "by"
    with pytest.raises(InputError):
        build_report(RECORDS, date_from=date(2021, 1, 2), date_to=date(2021, 1, 1))
    with pytest.raises(InputError):
        build_report(RECORDS, suppress_below=0)


def test_csv_and_json_carry_the_same_figures() -> None:
    report = build_report(RECORDS, party="Huawei", date_to=date(2021, 4, 20))
    rows = list(csv.DictReader(io.StringIO(to_csv(report))))
    data = json.loads(to_json(report))
    assert [(r["outcome"], r["category"], int(r["count"])) for r in rows] == [
        (r["outcome"], r["category"], r["count"]) for r in data["rows"]
    ]
    assert data["rows"][0]["value_usd"] == "100.50" and rows[1]["value_usd"] == "500"
    assert data["totals"][0] == {"outcome": "approved", "count": 3, "value_usd": "600.50", "used_value_usd": 40}


def test_chart_png_and_svg() -> None:
    report = build_report(RECORDS, party="Huawei")
    png = render_chart(report, "png")
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 5000
    svg = render_chart(report, "svg")
    assert svg.lstrip().startswith(b"<?xml") and b"<svg" in svg
    # reproducible bytes: a new process with another hash seed draws the same SVG (matplotlib's svg.hashsalt and
    # date metadata are pinned by render_chart; a second render in this process would not show a leak)
    code = (
        "import sys; from tests.reports.test_aggregate import RECORDS; "
        "from exportctl.reports.aggregate import build_report; from exportctl.reports.chart import render_chart; "
        "sys.stdout.buffer.write(render_chart(build_report(RECORDS, party='Huawei'), 'svg'))"
    )
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    other = subprocess.run([sys.executable, "-c", code], cwd=root, env=env, capture_output=True, check=True).stdout
    assert other == svg
    with pytest.raises(InputError):
        render_chart(report, "gif")


outcomes = st.sampled_from(list(ReportOutcome))
categories = st.sampled_from(["0", "3", "5", "AT", "EAR99"])
records = st.lists(
    st.builds(
        DecisionRecord,
        application_id=st.text(min_size=1, max_size=5),
        party_family=st.sampled_from(["Huawei", "SMIC", "Other Co"]),
        outcome=outcomes,
        on=st.dates(min_value=date(2020, 1, 1), max_value=date(2022, 1, 1)),
        category=categories,
        value=st.decimals(min_value=0, max_value=10**9, places=2),
    ),
    max_size=60,
)


@given(records, st.sampled_from([("outcome",), ("category", "outcome"), ("party", "period", "outcome")]))
def test_cells_add_up_to_totals(recs: list[DecisionRecord], by: tuple[str, ...]) -> None:
    report = build_report(recs, by=by)
    assert sum(r.count or 0 for r in report.rows) == sum(t.count for t in report.totals) == len(recs)
    assert sum((r.value or Decimal(0)) for r in report.rows) == sum((t.value for t in report.totals), Decimal(0))
