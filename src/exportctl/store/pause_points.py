"""Named points inside a write transaction where a crash test can stop the process and kill it.

A crash test must kill a process while it is writing, not "about 0.4 s after it started": a fixed delay kills at
a different point on every machine (or after the commit, and the test passes vacuously). The writing code calls
:func:`pause_point` with a name at the moment worth testing; normally that is one environment lookup and nothing
else. When ``EXPORTCTL_PAUSE_AT`` names that point, the process writes the name to the file named by
``EXPORTCTL_PAUSE_SIGNAL`` (so the test knows it is there) and waits to be killed; if nobody kills it within
``EXPORTCTL_PAUSE_SECONDS`` (default 300) it raises, so a forgotten variable cannot hang a process for ever.

Points: ``lists.entries_written`` (every entry written, the snapshot not yet current), ``licensing.decision_written``
(the decision and its audit events written, the licence not yet issued), ``licensing.shipment_written`` (the
licence drawn down and the shipment written, its audit event not yet).
"""

from __future__ import annotations

import os
import time
from pathlib import Path


class PausePointTimeout(RuntimeError):
    """A process paused at a crash-test point was not killed in time."""


def pause_point(name: str) -> None:
    """Pause here when a crash test asked for ``name`` (see the module docstring); otherwise do nothing."""
    if os.environ.get("EXPORTCTL_PAUSE_AT") != name:
        return
    signal_file = os.environ.get("EXPORTCTL_PAUSE_SIGNAL")
    if signal_file:  # written whole, then renamed: the waiting test never reads a half-written file
        partial = Path(f"{signal_file}.partial")
        partial.write_text(name, encoding="utf-8")
        os.replace(partial, signal_file)
    limit = float(os.environ.get("EXPORTCTL_PAUSE_SECONDS", "300"))
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        time.sleep(0.05)
    raise PausePointTimeout(f"paused at {name} for a crash test and not killed within {limit:g} s")
