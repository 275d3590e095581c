"""FCC Covered List (47 CFR 1.50002), in the seven-column nsfreg shape (:mod:`.nsfreg_csv`).

``notes`` holds the covered equipment or service and goes to remarks; ``effective_date`` is the date the entry was
added to the Covered List.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

from exportctl.lists.model import EntryType, ListCode, ListEntry
from exportctl.lists.sources import nsfreg_csv
from exportctl.lists.sources.nsfreg_meta import snapshot_date

SOURCE = "fcc-covered"
SHAPE = nsfreg_csv.Shape(source=SOURCE, list=ListCode.FCC, entry_type=EntryType.ENTITY, id_uses_country=True)


def parse(path: Path) -> Iterator[ListEntry]:
    """Entries of an FCC Covered List CSV (validated whole before the first is yielded)."""
    yield from nsfreg_csv.load(path, SHAPE)


def effective_date(path: Path) -> date | None:
    return snapshot_date(path, SOURCE)
