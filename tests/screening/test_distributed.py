"""Dask scale-out: a LocalCluster with two worker processes writes exactly the bytes a local run writes, a killed
worker's partitions are recomputed, and a run the cluster cannot finish leaves no file under the output name."""

from __future__ import annotations

import csv
import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from exportctl.errors import ExportctlError
from exportctl.screening import ScreeningIndex, screen_file

pytestmark = pytest.mark.slow
PART = 600  # bytes per partition: a dozen partitions for the input below


@pytest.fixture(scope="module")
def input_csv(index: ScreeningIndex, tmp_path_factory: pytest.TempPathFactory) -> Path:
    # listed names as written, and with their words in reverse order (every 60th entry: all lists, all scripts)
    names = [entry.primary_name for entry in index.entries[::60]][:120]
    rows = [(f"n{i}", name, "") for i, name in enumerate(names)]
    rows += [(f"r{i}", " ".join(reversed(name.split())), "") for i, name in enumerate(names)]
    rows.append(("bad", "", ""))
    path = tmp_path_factory.mktemp("dask") / "in.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(("id", "name", "country"))
        writer.writerows(rows)
    return path


@pytest.fixture(scope="module")
def local(index: ScreeningIndex, input_csv: Path) -> bytes:
    out = input_csv.parent / "local.csv"
    screen_file(index, input_csv, out)  # one partition, in this process
    return out.read_bytes()


@pytest.fixture
def cluster_address() -> Iterator[str]:
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def _kill_workers(address: str, count: int) -> None:
    from distributed import Client

    with Client(address) as client:
        pids = client.run(os.getpid)
    for pid in list(pids.values())[:count]:
        os.kill(pid, signal.SIGKILL)


def test_local_cluster_output_is_byte_identical(
    index: ScreeningIndex, input_csv: Path, local: bytes, cluster_address: str, tmp_path: Path
) -> None:
    remote = screen_file(index, input_csv, tmp_path / "dask.csv", scheduler=cluster_address, partition_bytes=PART)
    assert remote.partitions > 8
    assert (tmp_path / "dask.csv").read_bytes() == local
    assert remote.rows == 241 and len(remote.bad_rows) == 1 and remote.bad_rows[0].line == 242
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dask.csv"]  # parts and index copy deleted


def test_a_killed_worker_is_replaced_and_its_partitions_recomputed(
    index: ScreeningIndex, input_csv: Path, local: bytes, cluster_address: str, tmp_path: Path
) -> None:
    killed: list[int] = []

    def kill_once(done: int, total: int) -> None:
        if not killed:
            killed.append(done)
            _kill_workers(cluster_address, 1)

    screen_file(
        index, input_csv, tmp_path / "dask.csv", scheduler=cluster_address, partition_bytes=PART, progress=kill_once
    )
    assert killed and (tmp_path / "dask.csv").read_bytes() == local


def test_a_run_the_cluster_cannot_finish_leaves_no_output(
    index: ScreeningIndex, input_csv: Path, tmp_path: Path
) -> None:
    import dask
    from distributed import LocalCluster

    killed: list[int] = []

    def kill_all_once(done: int, total: int) -> None:
        if not killed:
            killed.append(done)
            _kill_workers(cluster.scheduler_address, 2)  # both were running a partition: each dies at once

    with (
        dask.config.set({"distributed.scheduler.allowed-failures": 0}),
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
    ):
        out = tmp_path / "out" / "dask.csv"
        with pytest.raises(ExportctlError, match=r"partition \d+ \(bytes .*failed on the Dask cluster"):
            screen_file(
                index,
                input_csv,
                out,
                scheduler=cluster.scheduler_address,
                partition_bytes=PART // 4,
                progress=kill_all_once,
            )
    assert list(out.parent.iterdir()) == []  # no output, no temporary file, no parts


def test_an_unreachable_scheduler_is_a_clear_error(index: ScreeningIndex, input_csv: Path, tmp_path: Path) -> None:
    with pytest.raises(ExportctlError, match="cannot use the Dask scheduler at tcp://127.0.0.1:9"):
        screen_file(index, input_csv, tmp_path / "out.csv", scheduler="tcp://127.0.0.1:9")
    assert list(tmp_path.iterdir()) == []
