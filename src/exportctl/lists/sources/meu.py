"""BIS Military End-User List (Supp. No. 7 to Part 744), in the seven-column nsfreg shape (:mod:`.nsfreg_csv`)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

from exportctl.lists.model import EntryType, ListCode, ListEntry
from exportctl.lists.sources import nsfreg_csv
from exportctl.lists.sources.nsfreg_meta import snapshot_date

SOURCE = "meu"
SHAPE = nsfreg_csv.Shape(source=SOURCE, list=ListCode.MEU, entry_type=EntryType.ENTITY, id_uses_country=True)


def parse(path: Path) -> Iterator[ListEntry]:
    """Entries of an MEU CSV (validated whole before the first is yielded)."""
    yield from nsfreg_csv.load(path, SHAPE)


def effective_date(path: Path) -> date | None:
    return snapshot_date(path, SOURCE)
