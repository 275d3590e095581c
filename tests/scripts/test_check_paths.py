"""scripts/check-paths flags absolute paths of one machine and nothing else."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "check-paths"
# Built from parts so that this file does not itself name the paths it tests.
WORK, HOME, TMP = "/" + "work/shared/eval/x.csv", "/" + "home/alice/data", "/" + "tmp/run-3x9/out.csv"


def run(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), "--root", str(root)], capture_output=True, text=True)


def tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("line", "what"),
    [
        (f'EVAL = Path("{WORK}")', "work folder"),
        (f"data = '{HOME}'", "home directory"),
        (f"out = {TMP}", "/tmp"),
        ("venv = r'C:" + "\\Users\\bob\\venv'", "Windows home"),
    ],
)
def test_machine_paths_are_flagged_with_file_and_line(tmp_path: Path, line: str, what: str) -> None:
    tree(tmp_path, {"src/pkg/mod.py": "import os\n" + line + "\n", "tests/test_ok.py": "x = 1\n"})
    done = run(tmp_path)
    assert done.returncode == 1, done.stdout
    assert done.stdout.startswith("src/pkg/mod.py:2: ") and what in done.stdout
    assert "tests/test_ok.py" not in done.stdout


def test_portable_paths_pass(tmp_path: Path) -> None:
    portable = (
        'BIN = "/usr/lib/postgresql/16/bin/initdb"\n'
        'CHROMIUM = "/usr/bin/chromium"\n'
        'stat = "/proc/self/stat"\n'
        'URL = "https://example.org/home/index.html"\n'
        'relative = "data/work/x.csv"\n'
        f'allowed = "{WORK}"  # path-check: allow (documents the old layout)\n'
    )
    tree(tmp_path, {"src/a.py": portable, "benchmarks/baselines/run.txt": f"results -> {TMP}\n", "other/x.py": WORK})
    done = run(tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
