"""Screening quality on both labelled development files: every category with a 95 % Wilson interval, and false
positives per script.

Runs the library behind ``exportctl screen-file`` on ``../shared/eval/screening_dev.csv`` (generated variants of
list entries, 630 cases) and ``../shared/eval/screening_real_dev.csv`` (4,313 real names: unlisted organisations in
Latin, Chinese, Cyrillic and Arabic script, and real cross-script names of listed ones) against every bundled list
(parsed from the shipped files, as a fresh store would hold them), and scores each output with the evaluation's own
scorer. The shared folder is looked for beside the repository, or under ``EXPORTCTL_SHARED``.
Usage: ``python benchmarks/screening_quality.py [--cases CSV ...] [--threshold T] [--out-dir DIR]``.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

from exportctl.screening import DEFAULT_THRESHOLD, ScreeningIndex, screen_file
from exportctl.screening.scripts import ARABIC, CYRILLIC, HAN, script_of
from screening_corpus import bundled_entries, shared_file

Z95 = 1.959964


def wilson(successes: int, n: int) -> tuple[float, float]:
    """The 95 % Wilson score interval of a proportion."""
    if n == 0:
        return (0.0, 1.0)
    p = successes / n
    centre = (p + Z95**2 / (2 * n)) / (1 + Z95**2 / n)
    half = Z95 * math.sqrt(p * (1 - p) / n + Z95**2 / (4 * n * n)) / (1 + Z95**2 / n)
    return (max(0.0, centre - half), min(1.0, centre + half))


def script_of_name(name: str) -> str:
    """The non-Latin script a name is written in (the first one found), else "latin"."""
    for ch in name:
        script = script_of(ch)
        if script in (HAN, CYRILLIC, ARABIC):
            return script
    return "latin"


def report(cases: Path, results: Path) -> None:
    scored = subprocess.run(
        [sys.executable, str(shared_file("eval/score_screening.py")), str(cases), str(results), "--json"],
        check=True,
        capture_output=True,
        text=True,
    )
    data = json.loads(scored.stdout)
    print(f"{cases.name}: {data['summary']['positives']} positives, {data['summary']['negatives']} negatives")
    print(f"  {'category':<18}{'n':>6}  {'rate':>6}  95 % interval   (recall@1 for positives, false positives)")
    for category, figures in data["categories"].items():
        n = int(figures["n"])
        rate = figures.get("recall@1", figures.get("fp_rate", 0.0))
        low, high = wilson(round(rate * n), n)
        kind = "fp" if "fp_rate" in figures else "recall@1"
        print(f"  {category:<18}{n:>6}  {rate:6.3f}  [{low:.3f}, {high:.3f}]  {kind}")
    with cases.open(encoding="utf-8") as f:
        negatives = {r["case_id"]: r["query"] for r in csv.DictReader(f) if r["expected_list"] == "none"}
    with results.open(encoding="utf-8") as f:
        flagged = {r["id"] for r in csv.DictReader(f) if r["rank"]}
    by_script: dict[str, list[int]] = {}
    for case_id, query in negatives.items():
        counts = by_script.setdefault(script_of_name(query), [0, 0])
        counts[0] += 1
        counts[1] += case_id in flagged
    print("  false positives per script:")
    for script, (n, fp) in sorted(by_script.items()):
        low, high = wilson(fp, n)
        print(f"    {script:<10}{n:>6}  {fp / n:6.3f}  [{low:.3f}, {high:.3f}]")


def _folded(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", unicodedata.normalize("NFKC", text).casefold())


def sweep(cases: Path, results: Path) -> None:
    """Recall@1, false positives and the reliability of rank-1 hits (share right) per threshold, from one run at a
    low threshold: a hit at or above t is what a run at t returns (raising the threshold only removes hits).
    A positive counts here when its rank-1 name equals the expected one (folded): a little stricter than the
    evaluation's scorer, which also accepts a near-equal name."""
    with cases.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    top: dict[str, tuple[float, str, str]] = {}
    with results.open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["rank"] == "1":
                top[r["id"]] = (float(r["score"]), _folded(r["primary_name"]), r["list"])
    print(f"  threshold sweep ({cases.name}): threshold, recall@1 of positives, false positives, rank-1 hits right")
    for threshold in (0.65, 0.68, 0.70, 0.72, 0.74, 0.76, 0.78, 0.80, 0.85, 0.90):
        found = positives = flagged = negatives = right = hits = 0
        for r in rows:
            hit = top.get(r["case_id"])
            above = hit is not None and hit[0] >= threshold
            if r["expected_list"] == "none":
                negatives += 1
                flagged += above
                hits += above
                continue
            positives += 1
            names = {_folded(n) for n in r["expected_name"].split(" || ")}
            ok = above and hit is not None and hit[1] in names
            found += ok
            hits += above
            right += ok
        upper = wilson(flagged, negatives)[1]
        print(
            f"    {threshold:.2f}  recall@1 {found / max(positives, 1):.3f}  fp {flagged}/{negatives} = "
            f"{flagged / max(negatives, 1):.4f} (95 % up to {upper:.4f})  "
            f"right {right}/{hits} = {right / max(hits, 1):.3f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=Path, nargs="*", default=None, help="default: both files of ../shared/eval")
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    parser.add_argument("--out-dir", type=Path, default=None, help="where the result CSVs go (default: a temp dir)")
    parser.add_argument("--sweep", action="store_true", help="also print recall/fp/reliability per threshold")
    args = parser.parse_args()
    cases_files = args.cases or [shared_file("eval/screening_dev.csv"), shared_file("eval/screening_real_dev.csv")]
    entries = bundled_entries()
    started = time.perf_counter()
    index = ScreeningIndex.build(entries)
    build = time.perf_counter() - started
    print(f"corpus: {len(entries)} entries, {index.name_count} names; index built in {build:.2f} s")
    out_dir = args.out_dir or Path(tempfile.mkdtemp())
    out_dir.mkdir(parents=True, exist_ok=True)
    for cases in cases_files:
        out = out_dir / f"{cases.stem}.results.csv"
        run = screen_file(index, cases, out, id_column="case_id", name_column="query", threshold=args.threshold, top=5)
        print(
            f"threshold {args.threshold:.2f}: {run.rows} queries, {run.with_hits} with hits, "
            f"{run.hits_written} hit rows, {len(run.bad_rows)} bad rows, {run.names_per_second:.0f} names/s"
        )
        report(cases, out)
        if args.sweep:
            low = out_dir / f"{cases.stem}.low.csv"
            screen_file(index, cases, low, id_column="case_id", name_column="query", threshold=0.6, top=1)
            sweep(cases, low)


if __name__ == "__main__":
    main()
