"""Kill a process with ``kill -9`` at a point its code names (``exportctl.store.pause_points``).

The child runs with ``EXPORTCTL_PAUSE_AT=<point>``; when it gets there it writes a signal file and waits. This
waits for the file (or the child's end, which is a failure: it never reached the point), then kills it. The kill
therefore lands inside the write transaction on every machine, however fast or loaded.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

REACH_TIMEOUT = 180.0  # seconds: parsing a big list on a loaded 2-core machine


def kill_at(point: str, command: list[str], tmp_path: Path, env: dict[str, str] | None = None) -> None:
    """Run ``command`` until it pauses at ``point``, then SIGKILL it; raises if it never gets there."""
    signal_file = tmp_path / f"paused-{point}"
    signal_file.unlink(missing_ok=True)
    child_env = {
        **os.environ,
        **(env or {}),
        "EXPORTCTL_PAUSE_AT": point,
        "EXPORTCTL_PAUSE_SIGNAL": str(signal_file),
        "EXPORTCTL_PAUSE_SECONDS": str(REACH_TIMEOUT * 2),
    }
    process = subprocess.Popen(command, env=child_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + REACH_TIMEOUT
        while not signal_file.exists():
            if process.poll() is not None:
                out, err = process.communicate()
                raise AssertionError(f"the process ended ({process.returncode}) before {point}:\n{out!r}\n{err!r}")
            if time.monotonic() > deadline:
                raise AssertionError(f"the process did not reach {point} within {REACH_TIMEOUT:g} s")
            time.sleep(0.01)
        assert signal_file.read_text(encoding="utf-8") == point
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
