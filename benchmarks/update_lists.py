"""Time ``lists update`` of every updatable source from a mirror served over HTTP on the loopback interface.

The mirror holds the bundled files under the official names, one folder per source (see
``exportctl.lists.downloads``); a ``http.server`` thread serves it; a fresh SQLite database receives the update.
A second update must find everything unchanged. Target (issue 23): all sources ≤ 60 s.
Run: ``python benchmarks/update_lists.py`` (baseline: ``benchmarks/baselines/update_lists.txt``).
"""

from __future__ import annotations

import functools
import os
import shutil
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from exportctl.lists.bundled import DATA_DIR
from exportctl.lists.update import update
from exportctl.store.db import make_engine, upgrade

MIRROR = {
    "csl/consolidated.csv": DATA_DIR / "csl_2026-07-31" / "consolidated.csv",
    "ofac-sdn/sdn.csv": DATA_DIR / "ofac_sdn" / "sdn.csv",
    "ofac-sdn/alt.csv": DATA_DIR / "ofac_sdn" / "alt.csv",
    "ofac-sdn/add.csv": DATA_DIR / "ofac_sdn" / "add.csv",
    "ofac-sdn/sdn_comments.csv": DATA_DIR / "ofac_sdn" / "sdn_comments.csv",
    "ofac-consolidated/consolidated.xml": DATA_DIR / "ofac_consolidated_nonsdn_2025-03-28.xml",
    "un/consolidated.xml": DATA_DIR / "UN_consolidated.xml",
    "uk-ofsi/ConList.xlsx": DATA_DIR / "uk_ofsi_ConList_2025-04-14.xlsx",
    "dpl/dpl.txt": DATA_DIR / "dpl.txt",
}


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "mirror"
        for name, path in MIRROR.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, root / name)
        httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{httpd.server_address[1]}"
        engine = make_engine(f"sqlite:///{Path(tmp) / 'bench.sqlite3'}")
        upgrade(engine)
        print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}; mirror {url}")
        started, started_cpu = time.perf_counter(), time.process_time()
        results = update(engine, mirror=url)
        total, cpu = time.perf_counter() - started, time.process_time() - started_cpu
        for result in results:
            print(f"{result.source:<18} {result.result:<12} {result.message[:90]}")
        print(f"update of {len(results)} sources: {total:.2f} s (CPU {cpu:.2f} s, server thread included)")
        started = time.perf_counter()
        again = update(engine, mirror=url)
        print(f"second update: {[r.result for r in again]} in {time.perf_counter() - started:.2f} s")
        httpd.shutdown()
        engine.dispose()


if __name__ == "__main__":
    main()
