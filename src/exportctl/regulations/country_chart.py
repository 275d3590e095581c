"""The Commerce Country Chart (15 CFR part 738, Supplement No. 1): which reasons for control need a licence where.

Each row ticks some of the 16 columns (``NS1``, ``AT2``…). Four destinations — Cuba, Iran, North Korea, Syria — have
no ticks but a note sending the reader to part 746 (the chart's "colspan" rows); :attr:`ChartRow.see_part_746`
marks them so no caller mistakes an empty row for "no licence required".
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from exportctl.regulations._files import read_ear_csv
from exportctl.regulations.provenance import COUNTRY_CHART, DatasetInfo

COLUMNS: tuple[str, ...] = (
    "CB1", "CB2", "CB3", "NP1", "NP2", "NS1", "NS2", "MT1", "RS1", "RS2", "FC1", "CC1", "CC2", "CC3", "AT1", "AT2",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class ChartRow:
    """One destination of the Country Chart."""

    iso2: str
    name: str
    columns: frozenset[str]
    footnotes: tuple[str, ...]
    note: str

    @property
    def see_part_746(self) -> bool:
        """True for the colspan rows whose licence requirements are set out in part 746, not in the chart."""
        return bool(self.note)


@dataclass(frozen=True)
class CountryChart:
    rows: Mapping[str, ChartRow]
    footnotes: Mapping[str, str]
    info: DatasetInfo = COUNTRY_CHART

    def get(self, iso2: str) -> ChartRow | None:
        return self.rows.get(iso2.upper())

    def __iter__(self) -> Iterator[ChartRow]:
        return iter(self.rows.values())

    def __len__(self) -> int:
        return len(self.rows)


def load_country_chart() -> CountryChart:
    """Read the bundled chart and its footnotes."""
    rows: dict[str, ChartRow] = {}
    for record in read_ear_csv("country_chart.csv"):
        rows[record["iso2"]] = ChartRow(
            iso2=record["iso2"],
            name=record["country_name"],
            columns=frozenset(col for col in COLUMNS if record[col].strip() == "X"),
            footnotes=tuple(f for f in record["footnotes"].split(";") if f),
            note=record["chart_note"].strip(),
        )
    footnotes = {r["footnote"]: r["text"] for r in read_ear_csv("country_chart_footnotes.csv")}
    return CountryChart(rows=rows, footnotes=footnotes)
