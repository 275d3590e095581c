"""Planning and reading partitions without an id column: a row's id is its row number, in CSV and Parquet alike
(the service's batch form may leave the id column blank); a named id column that is missing is still refused."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from exportctl.errors import InputError
from exportctl.screening.partitions import plan, read_partition


def _rows(path: Path, id_column: str | None) -> list[tuple[int, str, str]]:
    work = plan(path, id_column, "name", None, partition_bytes=16)
    return [(r.line, r.id, r.name) for p in work.partitions for r in read_partition(p, work.columns)]


def test_without_an_id_column_the_row_number_is_the_id(tmp_path: Path) -> None:
    csv_file = tmp_path / "in.csv"
    csv_file.write_text("name\nHuawei\n\nZTE Corporation\nAcme\n", encoding="utf-8")
    assert _rows(csv_file, None) == [(2, "1", "Huawei"), (4, "3", "ZTE Corporation"), (5, "4", "Acme")]
    parquet_file = tmp_path / "in.parquet"
    pq.write_table(pa.table({"name": ["Huawei", "ZTE Corporation", "Acme"]}), parquet_file, row_group_size=2)
    assert _rows(parquet_file, None) == [(2, "1", "Huawei"), (3, "2", "ZTE Corporation"), (4, "3", "Acme")]
    with pytest.raises(InputError, match="no column 'id'"):
        plan(csv_file, "id", "name", None)
