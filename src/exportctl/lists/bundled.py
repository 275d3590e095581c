"""The list files shipped with exportctl, in the order a fresh install imports them.

They live in the package (``exportctl/data/lists``, see ``data/PROVENANCE.md``) so the first run needs no network.
Older files come before newer ones of the same source, so a fresh install holds real history to diff: the DPL of
2022 then 2026, the SDN of 2021, 2024 and 2026, the UN list of 2025-11 then 2026-02. The CSL comes before the Entity
List, whose entries take their licence requirement and review policy from the CSL's Entity List rows (see
:mod:`exportctl.lists.review_policy`). ``effective`` is the date the file speaks for where the file itself does not
say (CSL, SDN CSVs); None lets the parser read it from the file. The CSL samples (``csl.csv``: 115 rows of 2019;
the 13-row one) are test fixtures and are not imported: a sample's missing entries are no evidence that a party was
not listed, so it must not stand as a snapshot.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "lists"


@dataclass(frozen=True)
class BundledSource:
    """One shipped file (or folder, for ``ofac-sdn``) and the source parser that reads it."""

    source: str
    path: Path
    note: str
    effective: date | None = None  # the date the file speaks for, when the file does not say


BUNDLED: tuple[BundledSource, ...] = (
    BundledSource(
        "csl",
        DATA_DIR / "csl_2026-07-31" / "consolidated.csv",
        "Consolidated Screening List of 2026-07-31, 25,921 entries (addresses are country codes only, no dates)",
        date(2026, 7, 31),
    ),
    BundledSource(
        "entity-list",
        DATA_DIR / "entity_list.csv",
        "BIS Entity List from the eCFR text, July 2026 (via nsfreg; review policy from the CSL's EL rows)",
    ),
    BundledSource("meu", DATA_DIR / "military_end_user_list.csv", "BIS Military End-User List, eCFR July 2026"),
    BundledSource("fcc-covered", DATA_DIR / "fcc_covered_list.csv", "FCC Covered List, July 2026"),
    BundledSource("dpl", DATA_DIR / "dpl.txt", "BIS Denied Persons List, legacy export of September 2022"),
    BundledSource("dpl", DATA_DIR / "denied_persons_list.csv", "BIS Denied Persons List, export of 2026-04-14"),
    BundledSource(
        "ofac-sdn",
        DATA_DIR / "ofac_sdn",
        "OFAC SDN legacy CSVs, mid-2021 (moov-io/watchman test data, committed 2021-07-07)",
        date(2021, 7, 7),
    ),
    BundledSource(
        "ofac-sdn",
        DATA_DIR / "ofac_sdn_2024-05-03",
        "OFAC SDN sdn.csv of 2024-05-03, 14,965 entries (no add/alt/comments files of that date)",
        date(2024, 5, 3),
    ),
    BundledSource(
        "ofac-sdn",
        DATA_DIR / "csl_2026-07-31",
        "OFAC SDN of 2026-07-31: the CSL's 19,181 SDN rows with OFAC's add.csv/alt.csv of 2026-06-02",
        date(2026, 7, 31),
    ),
    BundledSource(
        "ofac-consolidated",
        DATA_DIR / "ofac_consolidated_nonsdn_2025-03-28.xml",
        "OFAC Consolidated (non-SDN) list XML of 2025-03-28, 443 entries",
    ),
    BundledSource(
        "un", DATA_DIR / "UN_consolidated_2025-11-20.xml", "UN Security Council Consolidated List of 2025-11-20"
    ),
    BundledSource("un", DATA_DIR / "UN_consolidated.xml", "UN Security Council Consolidated List of 2026-02-27"),
    BundledSource(
        "uk-ofsi",
        DATA_DIR / "uk_ofsi_ConList_2025-04-14.xlsx",
        "UK OFSI Consolidated List of 2025-04-14, 4,688 designations (Open Government Licence v3.0)",
    ),
)
