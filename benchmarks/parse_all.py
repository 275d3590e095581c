"""Time each bundled list parser on its shipped file: seconds, entries, entries per second.

Run: ``.venv/bin/python benchmarks/parse_all.py`` — compare with benchmarks/baselines/parse_all.txt.
Each parser is run ``--repeat`` times (default 3) and the best time is reported, to damp noise from other work.
"""

from __future__ import annotations

import argparse
import os
import platform
import time

from exportctl.lists.bundled import BUNDLED
from exportctl.lists.sources import get_parser


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--repeat", type=int, default=3)
    repeat = options.parse_args().repeat
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    machine = f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cpus"
    print(f"{machine}, load {load}; best of {repeat}")
    print(f"{'source':<12} {'file':<28} {'entries':>8} {'seconds':>8} {'entries/s':>10}")
    total_seconds = 0.0
    total_entries = 0
    for bundled in BUNDLED:
        parser = get_parser(bundled.source)
        best = float("inf")
        count = 0
        for _ in range(repeat):
            start = time.perf_counter()
            count = sum(1 for _ in parser.parse(bundled.path))
            best = min(best, time.perf_counter() - start)
        total_seconds += best
        total_entries += count
        print(f"{bundled.source:<12} {bundled.path.name:<28} {count:>8} {best:>8.3f} {count / best:>10.0f}")
    print(f"{'total':<12} {'':<28} {total_entries:>8} {total_seconds:>8.3f} {total_entries / total_seconds:>10.0f}")


if __name__ == "__main__":
    main()
