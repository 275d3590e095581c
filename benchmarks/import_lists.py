"""Time importing every bundled list into a fresh SQLite database, then loading all current entries back.

Run: ``.venv/bin/python benchmarks/import_lists.py`` (baseline: ``benchmarks/baselines/import_lists.txt``).
Target: the whole import under 30 s on a 2-core machine; loading all current entries well under 1 s.
"""

from __future__ import annotations

import os
import platform
import tempfile
import time
from pathlib import Path

from exportctl.lists.ingest import import_bundled
from exportctl.lists.repository import current_entries
from exportctl.store.db import make_engine, upgrade


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        database = Path(tmp) / "bench.sqlite3"
        engine = make_engine(f"sqlite:///{database}")
        upgrade(engine)
        print(f"python {platform.python_version()}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}")
        started, started_cpu = time.perf_counter(), time.process_time()
        results = import_bundled(engine)
        total, total_cpu = time.perf_counter() - started, time.process_time() - started_cpu
        for result in results:
            print(f"{result.source:<12} {result.file_name:<28} {result.entry_count:>6} entries {result.seconds:7.2f} s")
        count = sum(r.entry_count for r in results)
        print(f"{'total import':<41} {count:>6} entries {total:7.2f} s (CPU {total_cpu:.2f} s)")
        timings, cpu = [], []
        for _ in range(3):
            started, started_cpu = time.perf_counter(), time.process_time()
            entries = current_entries(engine)
            timings.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        print(
            f"load all current entries: {len(entries)} entries, best of 3 {min(timings):.2f} s "
            f"(CPU {min(cpu):.2f} s; the machine is shared, so CPU time is the steadier figure)"
        )
        started = time.perf_counter()
        again = import_bundled(engine)
        print(f"re-import (all unchanged: {all(r.unchanged for r in again)}): {time.perf_counter() - started:.2f} s")
        engine.dispose()
        print(f"database size: {database.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
