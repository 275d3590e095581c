"""The Dask runner of :mod:`.batch`: one task per partition, run where a worker is free, results as they finish.

Each task reads its partition itself, loads the index from the pickled file it is given (once per worker process:
a replacement worker loads it again) and writes its part file; only a small summary travels back. A worker that
dies is replaced by its nanny and the scheduler runs its tasks again (up to ``distributed.scheduler.allowed-failures``
times); past that the run fails with a message naming the partition, and :mod:`.batch` deletes the parts.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

from distributed import Client, as_completed

from exportctl.errors import ExportctlError
from exportctl.screening.partitions import Plan
from exportctl.screening.worker import PartitionResult, Settings, screen_partition

CONNECT_TIMEOUT = "10s"


def connect(scheduler: str) -> Client:
    """A client of the cluster at ``scheduler``, or an error naming it when it cannot be reached."""
    try:
        return Client(scheduler, timeout=CONNECT_TIMEOUT)  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError) as error:
        raise ExportctlError(f"cannot use the Dask scheduler at {scheduler}: {error}") from None


def run_on_dask(work: Plan, index_path: str, settings: Settings, scheduler: str) -> Iterator[PartitionResult]:
    """Screen every partition of ``work`` on the cluster at ``scheduler``; results in the order they finish."""
    client = connect(scheduler)
    run = uuid.uuid4().hex  # keys unique to this run: a cluster may serve several runs at once
    try:
        futures = [
            client.submit(screen_partition, partition, work.columns, index_path, settings, key=f"screen-part-{run}-{i}")
            for i, partition in enumerate(work.partitions)
        ]
        where = {future.key: partition for future, partition in zip(futures, work.partitions, strict=True)}
        try:
            for future in as_completed(futures):  # type: ignore[no-untyped-call]
                try:
                    result = future.result()
                except Exception as error:  # noqa: BLE001 - KilledWorker, or an error raised on the worker
                    partition = where[future.key]
                    raise ExportctlError(
                        f"partition {partition.number} ({partition.where()} of {partition.path}) failed on the Dask "
                        f"cluster: {type(error).__name__}: {error}; no output was written"
                    ) from None
                assert isinstance(result, PartitionResult)
                yield result
        finally:
            client.cancel(futures)  # type: ignore[no-untyped-call]
    finally:
        client.close()  # type: ignore[no-untyped-call]
