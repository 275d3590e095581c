"""Reading the bundled EAR tables (``exportctl/data/ear``): the product never reads ``../shared``."""

from __future__ import annotations

import csv
from pathlib import Path

EAR_DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "ear"


def read_ear_csv(name: str) -> list[dict[str, str]]:
    """All rows of one bundled EAR CSV file, as dicts keyed by header."""
    with (EAR_DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
