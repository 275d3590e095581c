"""Where each bundled regulation dataset comes from and which date its text speaks for.

The dates are those recorded in ``exportctl/data/PROVENANCE.md``. A dataset has a content window
(``content_from`` .. ``content_to``): the text is known to be the one in force somewhere in that window. We hold
no older versions, so a determination for an earlier date is made on this text and says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class DatasetInfo:
    """Provenance of one bundled regulation dataset."""

    name: str
    citation: str
    file: str
    source: str
    content_from: date
    content_to: date
    notes: str = ""

    def to_dict(self) -> dict[str, str]:
        return {
            "name": self.name,
            "citation": self.citation,
            "file": self.file,
            "source": self.source,
            "content_from": self.content_from.isoformat(),
            "content_to": self.content_to.isoformat(),
            "notes": self.notes,
        }


_CADDY = "github draygada/Caddy commit 898f6167e4305a4f86f3ebe4a473278ffbd56530"

COUNTRY_CHART = DatasetInfo(
    name="country_chart",
    citation="15 CFR part 738, Supplement No. 1 (Commerce Country Chart)",
    file="ear/country_chart.csv",
    source=f"eCFR versioner XML title-15-part-738-2026-09-01, transcribed by hand ({_CADDY})",
    content_from=date(2026, 9, 1),
    content_to=date(2026, 9, 1),
    notes="eCFR content date 2026-09-01; the chart cites 90 FR 47189, Sept. 30, 2025.",
)

COUNTRY_GROUPS = DatasetInfo(
    name="country_groups",
    citation="15 CFR part 740, Supplement No. 1 (Country Groups)",
    file="ear/country_groups.csv",
    source=f"eCFR versioner XML title-15-part-740-2026-09-01, transcribed by hand ({_CADDY})",
    content_from=date(2026, 9, 1),
    content_to=date(2026, 9, 1),
    notes="Liechtenstein is in no Country Group in this text.",
)

CCL = DatasetInfo(
    name="ccl",
    citation="15 CFR part 774, Supplement No. 1 (Commerce Control List): License Requirements",
    file="ear/ccl_eccns.csv",
    source="eCFR text parsed into JSON in github waynehacking8/eccn-agent (commit 0bd163a8, 2025-07-11)",
    content_from=date(2025, 1, 16),
    content_to=date(2025, 7, 11),
    notes="596 of 605 ECCN entries; licence-exception paragraphs are not included; not checked against later rules.",
)

CCL_2026 = DatasetInfo(
    name="ccl",
    citation="15 CFR part 774, Supplement No. 1 (Commerce Control List): License Requirements",
    file="ear/ccl_index_2026-07-23.json",
    source=(
        "unofficial index built from the eCFR versioner XML of 2026-07-23 (github seelpeed-debug/"
        "export-controls-agent-mcp src/data/ccl.json, commit 1c2896ba2f92339be6a48866304fa9f7d1eb5d22, MIT)"
    ),
    content_from=date(2026, 7, 23),
    content_to=date(2026, 7, 23),
    notes=(
        "633 ECCNs with licence-exception flags; prose-only licence requirements (0x521, SS, x999, 5A980…) are not "
        "in it: those rows come from the 2025 file and are marked so."
    ),
)

ALL_DATASETS: tuple[DatasetInfo, ...] = (COUNTRY_CHART, COUNTRY_GROUPS, CCL, CCL_2026)
