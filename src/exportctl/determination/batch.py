"""Determinations for a CSV of transactions: check every row first, then determine, then write atomically.

Input columns: see :mod:`exportctl.determination.batch_input`. A file with any bad row raises one
:class:`~exportctl.errors.FileFormatError` listing every problem (line and field); nothing is written.
Output: JSON (a list of determinations) when ``as_json`` or the name ends in ``.json``, else one CSV row each.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TextIO

from sqlalchemy.engine import Engine

from exportctl.csv_cells import SafeDictWriter
from exportctl.determination.batch_input import read_rows
from exportctl.determination.engine import determine
from exportctl.determination.facts import Transaction
from exportctl.determination.findings import ExceptionStatus
from exportctl.determination.result import Determination, ListVersion
from exportctl.determination.service import (
    Screener,
    default_screener,
    later_denials,
    screen_parties,
    snapshot_versions,
    uncovered_sources,
)
from exportctl.lists.model import ListEntry
from exportctl.lists.repository import SnapshotInfo, entries_of_snapshots, snapshots
from exportctl.regulations import Regulations, load_regulations

# Result columns, written after the input's own columns (kept as they were, in their order, ids included).
CSV_COLUMNS = (
    "line", "checked_eccn", "checked_destination", "checked_date", "verdict", "action", "license_required",
    "prohibited", "needs_review", "review_policy", "license_exceptions", "citations", "summary",
    "needs_review_reasons",
)  # fmt: skip
_ACTION = {
    "prohibited": "do not export: prohibited",
    "license_required": "apply for a licence (or use a licence exception listed as available)",
    "review_needed": "hold: a person must decide the points listed before any shipment",
    "no_license_required": "ship under NLR",
}


@dataclass(frozen=True)
class BatchSummary:
    """Counts by verdict; each row is counted once (prohibited, licence required, review needed, NLR)."""

    rows: int
    license_required: int  # licence required and not prohibited
    prohibited: int
    review_needed: int  # nothing requires a licence, something is undecided
    no_license_required: int
    output: Path

    @property
    def needs_review(self) -> int:
        """Rows whose verdict is review needed (the licence-required rows with points to review are not in it)."""
        return self.review_needed


def _exceptions(d: Determination) -> str:
    shown = [e for e in d.license_exceptions if e.status is not ExceptionStatus.NOT_AVAILABLE]
    if not d.license_exceptions:
        return ""
    if not shown:
        return "none available"
    return " | ".join(f"{e.code} ({e.citation}): {e.status.value} — {e.reason}" for e in shown)


def _csv_row(line: int, d: Determination) -> dict[str, object]:
    decisive = [f for f in d.reasons if f.license_required or f.needs_review] or list(d.reasons)
    return {
        "line": line,
        "checked_eccn": str(d.transaction.eccn),
        "checked_destination": d.transaction.region or d.transaction.destination,
        "checked_date": d.transaction.date.isoformat(),
        "verdict": d.verdict,
        "action": _ACTION[d.verdict],
        "license_required": {True: "yes", False: "no", None: "undetermined"}[d.license_required],
        "prohibited": "yes" if d.prohibited else "no",
        "needs_review": "yes" if d.needs_review else "no",
        "review_policy": d.review_policy or f"(none: {d.review_policy_reason})",
        "license_exceptions": _exceptions(d),
        "citations": " | ".join(dict.fromkeys(f.citation for f in decisive)),
        "summary": " | ".join(f.summary for f in decisive),
        "needs_review_reasons": " | ".join(d.needs_review_reasons),
    }


def _write_atomically(output: Path, write: Callable[[TextIO], None]) -> None:
    output.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", dir=output.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            write(handle)
        os.replace(tmp, output)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def iter_determinations(
    transactions: list[tuple[int, Transaction]],
    regulations: Regulations,
    engine: Engine | None,
    screener_factory: Callable[[list[ListEntry], date], Screener],
) -> Iterator[tuple[int, Determination]]:
    """Determine each transaction, screening its parties against the snapshots in force on its date.

    One screener is built per distinct set of snapshots (not per date): listing and removal dates are applied
    per transaction by :func:`~exportctl.determination.service.screen_parties`.
    """
    by_source: dict[str, list[SnapshotInfo]] = {}
    for snap in snapshots(engine) if engine is not None else []:
        by_source.setdefault(snap.source, []).append(snap)
    screeners: dict[tuple[int, ...], Screener] = {}
    later = later_denials(engine, by_source) if engine is not None and by_source else None
    per_date: dict[date, tuple[Screener | None, tuple[ListVersion, ...]]] = {}
    for line, tx in transactions:
        if tx.date not in per_date:
            per_date[tx.date] = _screener_for(engine, by_source, tx.date, screeners, screener_factory)
        screener, versions = per_date[tx.date]
        screened = (
            screen_parties(tx, screener, uncovered_sources(versions, tx.date), later) if screener is not None else []
        )
        yield line, determine(tx, regulations=regulations, parties_screened=screened, list_versions=versions)


def _screener_for(
    engine: Engine | None,
    by_source: dict[str, list[SnapshotInfo]],
    on: date,
    screeners: dict[tuple[int, ...], Screener],
    factory: Callable[[list[ListEntry], date], Screener],
) -> tuple[Screener | None, tuple[ListVersion, ...]]:
    if engine is None or not by_source:
        return None, (ListVersion("none", "", note="no list snapshot available: parties unscreened"),)
    ids, versions = snapshot_versions(engine, on, by_source)
    if ids not in screeners:
        screeners[ids] = factory(entries_of_snapshots(engine, ids), on)
    return screeners[ids], versions


def determine_file(
    input_csv: Path,
    output: Path,
    *,
    engine: Engine | None = None,
    as_json: bool | None = None,
    regulations: Regulations | None = None,
    screener_factory: Callable[[list[ListEntry], date], Screener] | None = None,
) -> BatchSummary:
    """Determine every transaction of ``input_csv`` and write the results to ``output`` (CSV or JSON)."""
    regs = regulations or load_regulations()
    columns, rows = read_rows(Path(input_csv), regs)
    factory = screener_factory or default_screener
    transactions = [(row.line, row.transaction) for row in rows]
    results = list(iter_determinations(transactions, regs, engine, factory))
    use_json = as_json if as_json is not None else str(output).lower().endswith(".json")
    own = [c for c in CSV_COLUMNS if c not in columns]

    def write(handle: TextIO) -> None:
        if use_json:
            json.dump(
                [
                    {"line": line, "input": row.values, **d.to_dict()}
                    for (line, d), row in zip(results, rows, strict=True)
                ],
                handle,
                indent=2,
            )
        else:
            writer = SafeDictWriter(handle, fieldnames=[*columns, *own], extrasaction="ignore")
            writer.writeheader()
            for (line, d), row in zip(results, rows, strict=True):
                writer.writerow({**row.values, **{k: v for k, v in _csv_row(line, d).items() if k in own}})

    _write_atomically(Path(output), write)
    verdicts = [d.verdict for _, d in results]
    return BatchSummary(
        rows=len(results),
        license_required=verdicts.count("license_required"),
        prohibited=verdicts.count("prohibited"),
        review_needed=verdicts.count("review_needed"),
        no_license_required=verdicts.count("no_license_required"),
        output=Path(output),
    )
