"""Reading a CSV of transactions for :mod:`exportctl.determination.batch`: every row checked before any is used.

Columns (header names, case-insensitive): ``eccn``, ``destination`` (required); ``date``, ``end_use``,
``foreign_produced`` (true/false/yes/no/1/0); parties either in one ``parties`` column (``ROLE=NAME`` separated by
``;``) or in role columns ``purchaser``, ``intermediate_consignee``, ``ultimate_consignee``, ``end_user``.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from exportctl.determination.facts import Transaction, make_transaction
from exportctl.determination.parties import PartyRole
from exportctl.errors import FileFormatError, InputError, Problem
from exportctl.regulations import Regulations

_TRUE = {"true", "yes", "y", "1", "x"}
_FALSE = {"", "false", "no", "n", "0"}


def _parties(row: dict[str, str]) -> list[str]:
    found = [p.strip() for p in (row.get("parties") or "").split(";") if p.strip()]
    for role in PartyRole:
        for name in (row.get(role.value) or "").split(";"):
            if name.strip():
                found.append(f"{role.value}={name.strip()}")
    return found


@dataclass(frozen=True)
class InputRow:
    """One checked row: its line, the transaction, and the row as written (every input column, in order)."""

    line: int
    transaction: Transaction
    values: dict[str, str]


def read_transactions(path: Path, regulations: Regulations) -> list[tuple[int, Transaction]]:
    """Every row as a checked transaction, or FileFormatError with every problem of the file."""
    return [(row.line, row.transaction) for row in read_rows(path, regulations)[1]]


def read_rows(path: Path, regulations: Regulations) -> tuple[list[str], list[InputRow]]:
    """The input header (as written) and every row checked, or FileFormatError with every problem of the file."""
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror}", field="input") from None
    problems: list[Problem] = []
    result: list[InputRow] = []
    with handle:
        reader = csv.DictReader(handle)
        columns = [h for h in reader.fieldnames or [] if h is not None]
        header = [h.strip().lower() for h in columns]
        missing = [c for c in ("eccn", "destination") if c not in header]
        if missing:
            raise FileFormatError(str(path), [Problem(str(path), 1, c, "missing column") for c in missing])
        for raw in reader:
            line = reader.line_num
            row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items() if isinstance(v, str)}
            flag = row.get("foreign_produced", "").lower()
            if flag not in _TRUE | _FALSE:
                problems.append(Problem(str(path), line, "foreign_produced", f"expected true/false, got {flag!r}"))
                continue
            try:
                tx = make_transaction(
                    eccn=row.get("eccn", ""),
                    destination=row.get("destination", ""),
                    regulations=regulations,
                    parties=_parties(row),
                    end_use=row.get("end_use"),
                    foreign_produced=flag in _TRUE,
                    on=row.get("date") or None,
                )
            except InputError as error:
                problems.append(Problem(str(path), line, error.field, str(error)))
                continue
            values = {k: v for k, v in raw.items() if isinstance(k, str) and isinstance(v, str)}
            result.append(InputRow(line, tx, values))
    if problems:
        raise FileFormatError(str(path), problems)
    return columns, result
