"""Screening a register's parties on a Dask cluster: partitions of parties, one task each, results back here.

Only the screening moves: each task loads the as-of index once per worker process (from the pickled file it is
given, :func:`exportctl.screening.worker.index_at`) and screens its partition with the same pure function a local
run uses (:func:`~exportctl.parties.rescreen.screen_parties`); the pairs it found come back to the one process that
writes the run, in one transaction, as a local run does. A party's pairs depend on that party alone, so the union
of the partitions' pairs is exactly what a local run finds, whatever the partitioning or the order tasks finish in.
The index file must be on a filesystem the workers can read (local disk for a local cluster, a shared one else).
"""

from __future__ import annotations

import os
import pickle
import tempfile
import uuid
from collections.abc import Sequence

from distributed import as_completed

from exportctl.errors import ExportctlError
from exportctl.parties.rescreen import PairHit, PartyToScreen, Progress, screen_parties
from exportctl.screening.distributed import connect
from exportctl.screening.gc_pause import cyclic_gc_paused
from exportctl.screening.index import ScreeningIndex
from exportctl.screening.worker import index_at

PARTITION_PARTIES = 2_000


def _screen_partition(
    index_path: str, parties: Sequence[PartyToScreen], only_entries: set[str] | None, threshold: float
) -> dict[tuple[int, str], PairHit]:
    with cyclic_gc_paused():
        return screen_parties(index_at(index_path), parties, only_entries=only_entries, threshold=threshold)


class DaskScreener:
    """Screens batches of parties on the cluster at ``scheduler`` against ``index`` (shipped once, as a file)."""

    def __init__(self, index: ScreeningIndex, scheduler: str) -> None:
        self.client = connect(scheduler)
        self.folder = tempfile.mkdtemp(prefix="exportctl-register-run-")
        self.index_path = os.path.join(self.folder, "index.pickle")
        with open(self.index_path, "wb") as f:  # noqa: PTH123
            pickle.dump(index, f, protocol=pickle.HIGHEST_PROTOCOL)

    def screen(
        self,
        parties: Sequence[PartyToScreen],
        *,
        only_entries: set[str] | None,
        threshold: float,
        progress: Progress | None,
        stage: str,
    ) -> dict[tuple[int, str], PairHit]:
        """:func:`~exportctl.parties.rescreen.screen_parties`, partition by partition on the cluster."""
        run = uuid.uuid4().hex  # keys unique to this call: a cluster may serve several runs at once
        parts = [parties[start : start + PARTITION_PARTIES] for start in range(0, len(parties), PARTITION_PARTIES)]
        futures = [
            self.client.submit(
                _screen_partition, self.index_path, part, only_entries, threshold, key=f"register-{stage}-{run}-{i}"
            )
            for i, part in enumerate(parts)
        ]
        sizes = {future.key: len(part) for future, part in zip(futures, parts, strict=True)}
        found: dict[tuple[int, str], PairHit] = {}
        done = 0
        try:
            for future in as_completed(futures):  # type: ignore[no-untyped-call]
                try:
                    result = future.result()
                except Exception as error:  # noqa: BLE001 - KilledWorker, or an error raised on the worker
                    raise ExportctlError(
                        f"a partition of the register failed on the Dask cluster: {type(error).__name__}: {error}; "
                        "nothing of this run was written"
                    ) from None
                found.update(result)
                done += sizes[future.key]
                if progress is not None:
                    progress(stage, done, len(parties))
        finally:
            self.client.cancel(futures)  # type: ignore[no-untyped-call]
        return found

    def close(self) -> None:
        self.client.close()  # type: ignore[no-untyped-call]
        try:
            os.remove(self.index_path)
            os.rmdir(self.folder)
        except OSError:
            pass
