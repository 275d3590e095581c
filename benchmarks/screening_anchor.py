"""exportctl screening side by side with OpenSanctions' nomenklatura logic-v2 (the matcher behind yente).

Both engines screen both development files (``screening_dev.csv``, 630 generated cases; ``screening_real_dev.csv``,
4,313 real names) against the *same* corpus — every bundled list, parsed from the
shipped files — on this machine in the same run; both outputs are scored by the evaluation's own scorer.
nomenklatura runs in its own virtual environment (``--anchor-python``, default ``../anchor-venv`` beside the
repository) through the anchor script ``../shared/anchors/nomenklatura_screen.py`` (its blocking: token + metaphone
index, 50 candidates per query; its default threshold 0.70). Throughput is queries per second of wall time for
blocking + scoring, as the anchor script reports it, measured the same way for exportctl. Besides the default
threshold, exportctl is also scored at the lowest threshold whose false-positive rate is no higher than the
anchor's (a comparison at equal false positives), chosen on the first file and reported on the others.
Usage: ``python benchmarks/screening_anchor.py [--anchor-python PATH] [--cases CSV ...]``.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from exportctl.lists.model import EntryType
from exportctl.screening import DEFAULT_THRESHOLD, ScreeningIndex, screen_file
from screening_corpus import REPOSITORY, bundled_entries, shared_file


def _score(cases: Path, results: Path, *options: str) -> str:
    scored = subprocess.run(
        [sys.executable, str(shared_file("eval/score_screening.py")), str(cases), str(results), *options],
        check=True,
        capture_output=True,
        text=True,
    )
    return scored.stdout


def _summary(cases: Path, results: Path) -> dict[str, float]:
    summary: dict[str, float] = json.loads(_score(cases, results, "--json"))["summary"]
    return summary


def _at_equal_false_positives(index: ScreeningIndex, cases: Path, work: Path, anchor_fp: float) -> str:
    """exportctl at the lowest threshold (0.01 steps up from the default) whose false-positive rate is at most the
    anchor's, each threshold a run of its own (as a user would set it)."""
    threshold = round(DEFAULT_THRESHOLD + 0.01, 2)
    while threshold <= 1.0:
        out = work / f"ours-{threshold:.2f}.csv"
        screen_file(index, cases, out, id_column="case_id", name_column="query", threshold=threshold, top=5)
        summary = _summary(cases, out)
        if summary["fp"] <= anchor_fp + 1e-9:
            return (
                f"at equal or lower false positives (threshold {threshold:.2f}): recall@1={summary['recall@1']:.2f} "
                f"fp={summary['fp']:.3f} cross_zh={summary['cross_zh']:.2f} cross_ru={summary['cross_ru']:.2f} "
                f"cross_ar={summary['cross_ar']:.2f}"
            )
        threshold = round(threshold + 0.01, 2)
    return "no threshold reaches the anchor's false-positive rate"


def _anchor(args: argparse.Namespace, work: Path, cases: Path, entries_file: Path) -> float:
    """Run nomenklatura on one case file; print its figures; return its queries/s."""
    with cases.open(encoding="utf-8") as f:
        queries = list(csv.DictReader(f))
    with (work / "queries.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["query_id", "name", "country"])
        writer.writerows((q["case_id"], q["query"], q["country"]) for q in queries)
    run = subprocess.run(
        [
            args.anchor_python,
            str(shared_file("anchors/nomenklatura_screen.py")),
            "--list", str(entries_file), "--queries", str(work / "queries.csv"),
            "--out", str(work / "anchor.csv"), "--algorithm", args.algorithm, "--explain",
        ],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    print(f"== nomenklatura {args.algorithm} on {cases.name} (anchor script, threshold 0.70) ==")
    print(run.stdout.strip())
    return float(re.findall(r"throughput ([0-9.]+) queries/s", run.stdout)[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--anchor-python", default=str(REPOSITORY.parent / "anchor-venv" / "bin" / "python"))
    parser.add_argument("--algorithm", default="logic-v2")
    parser.add_argument("--cases", type=Path, nargs="*", default=None, help="default: both files of ../shared/eval")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="screening-anchor-"))
    entries = bundled_entries()
    files = args.cases or [shared_file("eval/screening_dev.csv"), shared_file("eval/screening_real_dev.csv")]

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
    list_of = {e.entry_id: e.list.value for e in entries}
    started = time.perf_counter()
    index = ScreeningIndex.build(entries)
    build = time.perf_counter() - started
    equal_fp_threshold: float | None = None
    for cases in files:
        anchor_qps = _anchor(args, work, cases, work / "list.json")
        with (work / "anchor.csv").open(encoding="utf-8") as f, (work / "anchor_scored.csv").open("w") as out:
            writer = csv.writer(out)
            writer.writerow(["id", "rank", "score", "list", "primary_name", "matched_name"])
            for row in csv.DictReader(f):
                if row["match"] == "1":
                    writer.writerow([row["query_id"], row["rank"], row["score"], list_of[row["entry_id"]],
                                     row["entry_name"], row["matched_name"]])  # fmt: skip
        print(_score(cases, work / "anchor_scored.csv"))
        anchor_fp = _summary(cases, work / "anchor_scored.csv")["fp"]

        print(f"== exportctl on {cases.name} (threshold {DEFAULT_THRESHOLD:.2f}) ==")
        seconds: list[float] = []
        for _ in range(3):  # the median of three runs, each from a cold token cache
            index.token_cache.clear()
            started = time.perf_counter()
            report = screen_file(index, cases, work / "ours.csv", id_column="case_id", name_column="query", top=5)
            seconds.append(time.perf_counter() - started)
        ours_seconds = statistics.median(seconds)
        ours_qps = report.rows / ours_seconds
        print(f"index build {build:.2f}s; {report.rows} queries in {ours_seconds:.2f}s (median of 3 cold runs: "
              f"{', '.join(f'{s:.2f}' for s in seconds)}) = {ours_qps:.0f} queries/s "
              f"(wall, including reading and writing the files)")  # fmt: skip
        print(_score(cases, work / "ours.csv"))
        if equal_fp_threshold is None:  # chosen on the first file, reported on the others
            line = _at_equal_false_positives(index, cases, work, anchor_fp)
            print(line)
            found = re.search(r"threshold ([0-9.]+)\)", line)
            equal_fp_threshold = float(found.group(1)) if found else DEFAULT_THRESHOLD
        else:
            out = work / "ours-equal.csv"
            screen_file(index, cases, out, id_column="case_id", name_column="query", threshold=equal_fp_threshold)
            summary = _summary(cases, out)
            print(
                f"at the threshold chosen on the first file ({equal_fp_threshold:.2f}): "
                f"recall@1={summary['recall@1']:.2f} fp={summary['fp']:.3f} (anchor fp {anchor_fp:.3f})"
            )
        print(
            f"throughput ratio exportctl / nomenklatura {args.algorithm}: {ours_qps / anchor_qps:.1f}x (target >= 50x)"
        )


if __name__ == "__main__":
    main()
