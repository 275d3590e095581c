"""Running test workers at the same moment, each in its own thread (for races the code must win)."""

from __future__ import annotations

import threading
from collections.abc import Callable


def run_at_once(workers: list[Callable[[], None]], *, timeout: float) -> None:
    """Start every worker in its own thread, release them together (a barrier) and wait up to ``timeout`` seconds
    for each; workers record their own outcomes."""
    barrier = threading.Barrier(len(workers))

    def released(worker: Callable[[], None]) -> None:
        barrier.wait()
        worker()

    threads = [threading.Thread(target=released, args=(worker,)) for worker in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
