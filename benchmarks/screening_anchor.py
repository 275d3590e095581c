"""exportctl screening side by side with OpenSanctions' nomenklatura logic-v2 (the matcher behind yente).

Both engines screen the 630 development queries against the *same* corpus — every bundled list, parsed from the
shipped files — on this machine in the same run; both outputs are scored by the evaluation's own scorer.
nomenklatura runs in its own virtual environment (``--anchor-python``, default /work/anchor-venv) through the
anchor script ``/work/shared/anchors/nomenklatura_screen.py`` (its blocking: token + metaphone index, 50 candidates
per query; its default threshold 0.70). Throughput is queries per second of wall time for blocking + scoring, as
the anchor script reports it, measured the same way for exportctl.
Usage: ``python benchmarks/screening_anchor.py [--anchor-python PATH]``.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from exportctl.lists.model import EntryType
from exportctl.screening import DEFAULT_THRESHOLD, ScreeningIndex, screen_file
from screening_corpus import bundled_entries

EVAL = Path("/work/shared/eval")
ANCHOR = Path("/work/shared/anchors/nomenklatura_screen.py")


def _score(cases: Path, results: Path) -> str:
    scored = subprocess.run(
        [sys.executable, str(EVAL / "score_screening.py"), str(cases), str(results)],
        check=True,
        capture_output=True,
        text=True,
    )
    return scored.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--anchor-python", default="/work/anchor-venv/bin/python")
    parser.add_argument("--algorithm", default="logic-v2")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="screening-anchor-"))
    entries = bundled_entries()
    cases = EVAL / "screening_dev.csv"
    with cases.open(encoding="utf-8") as f:
        queries = list(csv.DictReader(f))

    # the same corpus, in the anchor's list format
    corpus = [
        {
            "id": e.entry_id,
            "name": e.primary_name,
            "aliases": list(e.aliases),
            "country": e.country_name or e.country or "",
            "schema": "Person" if e.entry_type == EntryType.INDIVIDUAL else "LegalEntity",
        }
        for e in entries
    ]
    (work / "list.json").write_text(json.dumps({"entries": corpus}), encoding="utf-8")
    with (work / "queries.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["query_id", "name", "country"])
        writer.writerows((q["case_id"], q["query"], q["country"]) for q in queries)
    run = subprocess.run(
        [args.anchor_python, str(ANCHOR), "--list", str(work / "list.json"), "--queries", str(work / "queries.csv"),
         "--out", str(work / "anchor.csv"), "--algorithm", args.algorithm, "--explain"],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    print(f"== nomenklatura {args.algorithm} (anchor script, threshold 0.70) ==")
    print(run.stdout.strip())
    anchor_qps = float(re.findall(r"throughput ([0-9.]+) queries/s", run.stdout)[-1])
    list_of = {e.entry_id: e.list.value for e in entries}
    with (work / "anchor.csv").open(encoding="utf-8") as f, (work / "anchor_scored.csv").open("w") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "rank", "score", "list", "primary_name", "matched_name"])
        for row in csv.DictReader(f):
            if row["match"] == "1":
                writer.writerow([row["query_id"], row["rank"], row["score"], list_of[row["entry_id"]],
                                 row["entry_name"], row["matched_name"]])  # fmt: skip
    anchor_quality = _score(cases, work / "anchor_scored.csv")
    print(anchor_quality)

    print(f"== exportctl (threshold {DEFAULT_THRESHOLD:.2f}) ==")
    started = time.perf_counter()
    index = ScreeningIndex.build(entries)
    build = time.perf_counter() - started
    started = time.perf_counter()
    report = screen_file(index, cases, work / "ours.csv", id_column="case_id", name_column="query", top=5)
    ours_seconds = time.perf_counter() - started
    ours_qps = report.rows / ours_seconds
    print(f"index build {build:.2f}s; {report.rows} queries in {ours_seconds:.2f}s = {ours_qps:.0f} queries/s "
          f"(wall, including reading and writing the files)")  # fmt: skip
    print(_score(cases, work / "ours.csv"))
    print(f"throughput ratio exportctl / nomenklatura {args.algorithm}: {ours_qps / anchor_qps:.1f}x (target >= 50x)")


if __name__ == "__main__":
    main()
