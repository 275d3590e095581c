"""The screening benchmark corpus: every bundled list, parsed straight from the shipped files.

The store holds one current snapshot per source; this mirrors it without a database: each source's last bundled
file (the DPL ships twice — the 2026 CSV is the current one).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

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


REPOSITORY = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    """The shared folder beside the repository (``../shared``), or the one named by ``EXPORTCTL_SHARED``."""
    return Path(os.environ.get("EXPORTCTL_SHARED") or REPOSITORY.parent / "shared")


def shared_file(relative: str) -> Path:
    """A file of the shared folder (evaluation cases, anchors); exits with a clear message when it is absent."""
    path = shared_dir() / relative
    if not path.exists():
        sys.exit(f"{path} not found: put the shared folder beside the repository or set EXPORTCTL_SHARED")
    return path
