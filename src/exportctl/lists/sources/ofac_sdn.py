"""Placeholder: the parser lands in the next commit."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

from exportctl.errors import InputError
from exportctl.lists.model import ListEntry


def parse(path: Path) -> Iterator[ListEntry]:
    raise InputError("this parser is not implemented yet", field="source")
    yield  # pragma: no cover


def effective_date(path: Path) -> date | None:
    return None
