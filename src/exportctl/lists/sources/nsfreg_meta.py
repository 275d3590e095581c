"""Snapshot dates of the nsfreg-derived files, from the ``nsfreg_lists.json`` metadata shipped beside them.

The Entity List, MEU, FCC Covered List and 2026 DPL files were converted from github phagehunter/nsfreg, whose
``lists.json`` records for each list how it was obtained ("BIS export of April 14, 2026", "eCFR text as downloaded
July 2026") and when it was generated (2026-07-09). The files themselves carry no date, so this is the only
statement of what date their data is as of. Only a file lying next to that metadata gets a date; any other file
gets ``None`` (unknown), never a guess.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path

METADATA_FILE = "nsfreg_lists.json"

# Our source name → the list id used in nsfreg's lists.json.
LIST_IDS = {"entity-list": "bis-entity-list", "meu": "bis-meu", "dpl": "bis-dpl", "fcc-covered": "fcc-covered"}

_FULL_DATE = re.compile(r"([A-Z][a-z]+)\s+(\d{1,2}),\s*(\d{4})")
_MONTH_YEAR = re.compile(r"downloaded\s+([A-Z][a-z]+)\s+(\d{4})")


def snapshot_date(path: Path, source: str) -> date | None:
    """The date ``path``'s data is as of, per the metadata file in the same folder; ``None`` if not stated."""
    metadata = path.parent / METADATA_FILE
    list_id = LIST_IDS.get(source)
    if list_id is None or not metadata.is_file():
        return None
    try:
        document = json.loads(metadata.read_text(encoding="utf-8"))
        entry = next(item for item in document["lists"] if item.get("id") == list_id)
        generated = date.fromisoformat(str(document["generated"]))
        return _date_of(str(entry.get("snapshot", "")), generated)
    except (OSError, ValueError, KeyError, TypeError, StopIteration):
        return None


def _date_of(snapshot: str, generated: date) -> date | None:
    """A full date in the text; else "downloaded <Month> <Year>" matching the generation month → generation date."""
    if match := _FULL_DATE.search(snapshot):
        try:
            return datetime.strptime(" ".join(match.groups()), "%B %d %Y").date()
        except ValueError:
            return None
    if match := _MONTH_YEAR.search(snapshot):
        try:
            month = datetime.strptime(" ".join(match.groups()), "%B %Y").date()
        except ValueError:
            return None
        if (month.year, month.month) == (generated.year, generated.month):
            return generated
    return None
