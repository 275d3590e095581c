"""Dask scale-out: a LocalCluster with two worker processes writes exactly the bytes a local run writes."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from exportctl.screening import ScreeningIndex, screen_file


@pytest.mark.slow
def test_local_cluster_output_is_byte_identical(index: ScreeningIndex, tmp_path: Path) -> None:
    from distributed import LocalCluster

    # listed names as written, and with their words in reverse order (every 60th entry: all lists, all scripts)
    names = [entry.primary_name for entry in index.entries[::60]][:120]
    rows = [(f"n{i}", name, "") for i, name in enumerate(names)]
    rows += [(f"r{i}", " ".join(reversed(name.split())), "") for i, name in enumerate(names)]
    rows.append(("bad", "", ""))
    input_csv = tmp_path / "in.csv"
    with input_csv.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(("id", "name", "country"))
        writer.writerows(rows)
    local = screen_file(index, input_csv, tmp_path / "local.csv")
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        remote = screen_file(index, input_csv, tmp_path / "dask.csv", scheduler=cluster.scheduler_address)
    assert (tmp_path / "dask.csv").read_bytes() == (tmp_path / "local.csv").read_bytes()
    assert remote.hits_written == local.hits_written > 100
    assert remote.bad_rows == local.bad_rows and len(local.bad_rows) == 1
