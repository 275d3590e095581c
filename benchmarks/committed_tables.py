"""Writing a table the product ships (``src/exportctl/data/screening/…``) from the data a build script reads, or
checking that the committed one is still what that data gives (``--check``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def write_or_check(out: Path, text: str, source: str, summary: str, description: str) -> None:
    """Write ``text`` to ``out`` and print ``summary``; with ``--check`` on the command line, exit 1 when the
    committed file differs from ``text`` instead (``source`` names the data it is built from)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--check", action="store_true", help="exit 1 when the committed file differs")
    args = parser.parse_args()
    if args.check:
        same = out.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{out.name} differs from what {source} gives: re-run without --check")
        sys.exit(0 if same else 1)
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out} ({summary})")
