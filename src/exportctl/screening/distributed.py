"""Batch screening on a Dask cluster: the index is shipped once per worker, partitions of the input are screened there.

Each partition goes through the same pure function as a local run (:func:`exportctl.screening.rows.screen_rows`),
and the outcomes are gathered back in input order, so the output file is byte-for-byte the one a local run writes.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from distributed import Client, as_completed

from exportctl.screening.index import ScreeningIndex
from exportctl.screening.rows import InputRow, RowOutcome, screen_rows

PARTITION_ROWS = 2_000
CONNECT_TIMEOUT = "10s"


def screen_rows_on_dask(
    index: ScreeningIndex,
    rows: Sequence[InputRow],
    scheduler: str,
    *,
    threshold: float,
    top: int,
    progress: Callable[[int, int], None] | None = None,
) -> list[RowOutcome]:
    """Screen ``rows`` on the Dask scheduler at ``scheduler``; outcomes in input order.

    Partitions hold at most :data:`PARTITION_ROWS` rows and there are at least four per worker thread, so every
    worker stays busy and progress moves in small steps.
    """
    client = Client(scheduler, timeout=CONNECT_TIMEOUT)  # type: ignore[no-untyped-call]
    try:
        threads = max(1, sum(client.nthreads().values()))  # type: ignore[no-untyped-call]
        size = max(1, min(PARTITION_ROWS, math.ceil(len(rows) / (4 * threads))))
        partitions = [list(rows[i : i + size]) for i in range(0, len(rows), size)]
        shipped = client.scatter(index, broadcast=True)  # type: ignore[no-untyped-call]  # once per worker
        futures = [
            client.submit(screen_rows, shipped, partition, threshold, top, pure=False) for partition in partitions
        ]
        position = {future.key: i for i, future in enumerate(futures)}
        results: list[list[RowOutcome] | None] = [None] * len(futures)
        done = 0
        for future in as_completed(futures):  # type: ignore[no-untyped-call]
            outcome = future.result()
            results[position[future.key]] = outcome
            done += len(outcome)
            if progress is not None:
                progress(done, len(rows))
        return [outcome for part in results if part is not None for outcome in part]
    finally:
        client.close()  # type: ignore[no-untyped-call]
