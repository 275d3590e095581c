"""Screening quality on the labelled development set: recall@1 per category and false positives on negatives.

Runs the library behind ``exportctl screen-file`` on ``/work/shared/eval/screening_dev.csv`` against every bundled
list (parsed from the shipped files, as a fresh store would hold them) and scores the output with the evaluation's
own scorer. Usage: ``python benchmarks/screening_quality.py [--cases CSV] [--threshold T] [--out RESULTS.csv]``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from exportctl.screening import DEFAULT_THRESHOLD, ScreeningIndex, screen_file
from screening_corpus import bundled_entries

EVAL = Path("/work/shared/eval")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=Path, default=EVAL / "screening_dev.csv")
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    entries = bundled_entries()
    started = time.perf_counter()
    index = ScreeningIndex.build(entries)
    build = time.perf_counter() - started
    out = args.out or Path(tempfile.mkdtemp()) / "screening_results.csv"
    report = screen_file(
        index, args.cases, out, id_column="case_id", name_column="query", threshold=args.threshold, top=5
    )
    print(f"corpus: {len(entries)} entries, {index.name_count} names; index built in {build:.2f} s")
    print(
        f"threshold {args.threshold:.2f}: {report.rows} queries, {report.with_hits} with hits, "
        f"{report.hits_written} hit rows, {len(report.bad_rows)} bad rows, {report.names_per_second:.0f} names/s"
    )
    scored = subprocess.run(
        [sys.executable, str(EVAL / "score_screening.py"), str(args.cases), str(out)],
        check=True,
        capture_output=True,
        text=True,
    )
    print(scored.stdout, end="")


if __name__ == "__main__":
    main()
