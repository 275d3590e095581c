"""The list files shipped with exportctl, in the order a fresh install imports them.

They live in the package (``exportctl/data/lists``, see PROVENANCE there) so the first run needs no network. The
DPL comes twice, the 2022 legacy export first and then the 2026 CSV, so a fresh install holds two real DPL
snapshots and a history to diff. The 13-row CSL sample is a test fixture and is not imported.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "lists"


@dataclass(frozen=True)
class BundledSource:
    """One shipped file (or folder, for ``ofac-sdn``) and the source parser that reads it."""

    source: str
    path: Path
    note: str


BUNDLED: tuple[BundledSource, ...] = (
    BundledSource(
        "entity-list",
        DATA_DIR / "entity_list.csv",
        "BIS Entity List from the eCFR text, July 2026 (via nsfreg; review policy not recorded)",
    ),
    BundledSource("meu", DATA_DIR / "military_end_user_list.csv", "BIS Military End-User List, eCFR July 2026"),
    BundledSource("fcc-covered", DATA_DIR / "fcc_covered_list.csv", "FCC Covered List, July 2026"),
    BundledSource("dpl", DATA_DIR / "dpl.txt", "BIS Denied Persons List, legacy export of September 2022"),
    BundledSource("dpl", DATA_DIR / "denied_persons_list.csv", "BIS Denied Persons List, export of 2026-04-14"),
    BundledSource("ofac-sdn", DATA_DIR / "ofac_sdn", "OFAC SDN legacy CSVs, mid-2021 (moov-io/watchman test data)"),
    BundledSource("un", DATA_DIR / "UN_consolidated.xml", "UN Security Council Consolidated List of 2026-02-27"),
    BundledSource("csl", DATA_DIR / "csl.csv", "Consolidated Screening List sample, 115 records (2019)"),
)
