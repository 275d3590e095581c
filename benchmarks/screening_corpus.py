"""The screening benchmark corpus: every bundled list, parsed straight from the shipped files.

The store holds one current snapshot per source; this mirrors it without a database: each source's last bundled
file (the DPL ships twice — the 2026 CSV is the current one).
"""

from __future__ import annotations

from exportctl.lists.bundled import BUNDLED
from exportctl.lists.model import ListEntry
from exportctl.lists.sources import get_parser


def bundled_entries() -> list[ListEntry]:
    """Entries of the current bundled file of every source."""
    latest = {bundled.source: bundled for bundled in BUNDLED}
    entries: list[ListEntry] = []
    for bundled in latest.values():
        entries.extend(get_parser(bundled.source).parse(bundled.path))
    return entries
