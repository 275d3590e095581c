"""The one place where every CSV exportctl writes is made safe to open in a spreadsheet.

A cell whose text starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return would be run as a formula by
Excel, LibreOffice or Google Sheets (CSV/formula injection: a party named ``=HYPERLINK(…)`` becomes a link that
leaks data when clicked). Such a cell is written with a leading apostrophe, which spreadsheets show as text;
plain signed numbers (``-12.50``) are left alone. Reports, batch screening (CLI and web), batch determination and
every future CSV output go through :func:`safe_cell` (or the writers below), never through ``csv.writer`` alone.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from typing import Any, Protocol

__all__ = ["FORMULA_TRIGGERS", "SafeDictWriter", "SafeWriter", "safe_cell"]

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?")


class _Writable(Protocol):
    def write(self, text: str, /) -> Any: ...


def safe_cell(value: object) -> str:
    """``value`` as CSV cell text that no spreadsheet runs as a formula."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_TRIGGERS) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


class SafeWriter:
    """``csv.writer`` whose every cell passes through :func:`safe_cell`."""

    def __init__(self, handle: _Writable, **options: Any) -> None:
        self._writer = csv.writer(handle, **options)

    def writerow(self, row: Iterable[object]) -> None:
        self._writer.writerow([safe_cell(value) for value in row])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for row in rows:
            self.writerow(row)


class SafeDictWriter:
    """``csv.DictWriter`` whose every value passes through :func:`safe_cell`."""

    def __init__(self, handle: _Writable, fieldnames: Iterable[str], **options: Any) -> None:
        self._writer = csv.DictWriter(handle, fieldnames=list(fieldnames), **options)

    def writeheader(self) -> None:
        self._writer.writeheader()

    def writerow(self, row: Mapping[str, object]) -> None:
        self._writer.writerow({key: safe_cell(value) for key, value in row.items()})

    def writerows(self, rows: Iterable[Mapping[str, object]]) -> None:
        for row in rows:
            self.writerow(row)
