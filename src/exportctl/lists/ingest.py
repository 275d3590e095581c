"""Write side of the versioned list store: import one official file as a new snapshot, then make it current.

Build, then swap:

1. hash the file (all files of a folder source such as the four OFAC CSVs); identical to the current snapshot →
   nothing to do, and the result says so;
2. parse and validate the whole file (the parser raises one FileFormatError listing every problem; ingest adds
   its own checks: no entries, duplicate entry ids, entries of another source);
3. commit a ``loading`` snapshot row, then in ONE transaction write every entry and name, mark the snapshot
   ``complete`` and point ``list_current`` at it — unless its effective date is older than the current
   snapshot's: then it is kept as history and the list is not turned back in time.

A failure or a crash at any point leaves the previous snapshot current: readers only see ``complete`` snapshots,
and an uncommitted transaction disappears with the process. The ``loading`` row a killed process leaves behind is
deleted by the next import of that source. Two imports of one source at the same moment never corrupt the store;
the one that loses the race gets a ConflictError and changes nothing.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from exportctl.errors import ConflictError, FileFormatError, Problem
from exportctl.lists.bundled import BUNDLED
from exportctl.lists.codec import stored_forms
from exportctl.lists.model import ListEntry
from exportctl.lists.repository import current_snapshot_ids, entries_of_snapshots
from exportctl.lists.review_policy import apply_csl_policies
from exportctl.lists.snapshot_writes import (
    content_hash,
    current_snapshot,
    discard_snapshot,
    make_current,
    snapshot_with_hash,
    start_snapshot,
    write_entries,
)
from exportctl.lists.sources import get_parser
from exportctl.store.lists_tables import ListSnapshot
from exportctl.store.pause_points import pause_point

_JSON_NUL = re.compile(r"(?<!\\)(?:\\\\)*\\u0000")  # JSON's escape of NUL (not an escaped backslash + "u0000")
POLICY_TARGET, POLICY_SOURCE = "entity-list", "csl"  # the Entity List takes its review policies from the CSL


@dataclass(frozen=True)
class ImportResult:
    """What one import did. ``unchanged``: the file equals an existing snapshot, nothing was written."""

    source: str
    snapshot_id: int
    file_name: str
    content_hash: str
    effective_date: date | None
    entry_count: int
    counts_by_list: dict[str, int]
    unchanged: bool
    is_current: bool
    message: str
    seconds: float


def import_file(engine: Engine, source: str, path: Path, *, effective_date: date | None = None) -> ImportResult:
    """Import ``path`` as a new snapshot of ``source`` and make it current (see the module docstring).

    ``effective_date`` overrides the date the parser reads from the file (None: the file does not say).
    Raises FileFormatError (every problem of the file), InputError (unknown source), ConflictError.
    """
    started = time.perf_counter()
    parser = get_parser(source)
    _check_path(path, parser.path_is_dir)
    digest = _digest(engine, source, path)
    current = current_snapshot(engine, source)
    if current is not None and current.content_hash == digest:
        message = f"{source}: {path.name} is identical to the current snapshot {current.id}"
        return _unchanged(current, started, message, is_current=True)
    entries = list(parser.parse(path))
    entries, policy_note = _with_csl_policies(engine, source, entries)
    forms = [stored_forms(entry) for entry in entries]  # serialised once: checked for NUL here, then written
    _validate(path, source, entries, [text for text, _ in forms])
    effective = effective_date or parser.effective_date(path)
    counts = dict(sorted(Counter(e.list.value for e in entries).items()))
    snapshot_id = start_snapshot(engine, source, path.name, digest, effective, counts)
    try:
        with engine.begin() as connection:
            write_entries(connection, snapshot_id, entries, forms)
            pause_point("lists.entries_written")  # crash tests kill the import here
            kept = make_current(connection, source, snapshot_id, effective)
    except IntegrityError as error:
        discard_snapshot(engine, snapshot_id)
        # Entries were validated unique, so a violated constraint means another import of this source removed
        # or replaced this one's snapshot row while it was writing.
        raise ConflictError(f"{source}: a concurrent import interfered; nothing was changed ({error.orig})") from error
    except BaseException:
        discard_snapshot(engine, snapshot_id)
        raise
    return ImportResult(
        source=source,
        snapshot_id=snapshot_id,
        file_name=path.name,
        content_hash=digest,
        effective_date=effective,
        entry_count=len(entries),
        counts_by_list=counts,
        unchanged=False,
        is_current=kept is None,
        message=f"{source}: imported {len(entries)} entries from {path.name} as snapshot {snapshot_id} "
        + ("(current)" if kept is None else f"(history only: older than the current snapshot {kept})")
        + policy_note,
        seconds=time.perf_counter() - started,
    )


def import_bundled(engine: Engine) -> list[ImportResult]:
    """Import every bundled file in order; a file already imported as any snapshot of its source is skipped.

    (Comparing with every snapshot, not only the current one, keeps a re-run a no-op for sources with several
    bundled files, e.g. the 2022 and 2026 Denied Persons Lists.)
    """
    results = []
    for bundled in BUNDLED:
        started = time.perf_counter()
        path = Path(str(bundled.path))
        existing = snapshot_with_hash(engine, bundled.source, _digest(engine, bundled.source, path))
        if existing is not None:
            message = f"{bundled.source}: {path.name} already imported as snapshot {existing.id}"
            is_current = current_snapshot_ids(engine).get(bundled.source) == existing.id
            results.append(_unchanged(existing, started, message, is_current=is_current))
        else:
            results.append(import_file(engine, bundled.source, path, effective_date=bundled.effective))
    return results


def _digest(engine: Engine, source: str, path: Path) -> str:
    """The snapshot's content hash: the file's; for the Entity List, also the CSL snapshot its policies come from.

    So importing the same Entity List file after a new CSL makes a new snapshot with the new policies.
    """
    digest = content_hash(path)
    if source != POLICY_TARGET:
        return digest
    csl = current_snapshot(engine, POLICY_SOURCE)
    return digest if csl is None else hashlib.sha256(f"{digest}+csl:{csl.content_hash}".encode()).hexdigest()


def _with_csl_policies(engine: Engine, source: str, entries: list[ListEntry]) -> tuple[list[ListEntry], str]:
    """Entity List entries with the review policy of the current CSL snapshot's EL rows (see review_policy)."""
    if source != POLICY_TARGET:
        return entries, ""
    csl = current_snapshot(engine, POLICY_SOURCE)
    if csl is None:
        return entries, "; no CSL imported: review policies not recorded"
    when = csl.effective_date or csl.imported_at.date()
    label = f"CSL snapshot {csl.id} ({csl.file_name}, {when})"
    enriched, match = apply_csl_policies(entries, entries_of_snapshots(engine, [csl.id]), label)
    matched = match.by_name_and_country + match.by_unique_name + match.by_alias
    return enriched, f"; review policy from {label} for {matched} entries ({match.unmatched} not matched)"


def _check_path(path: Path, want_dir: bool) -> None:
    problem = None
    if not path.exists():
        problem = "no such file or folder"
    elif want_dir and not path.is_dir():
        problem = "this source is a folder of files; give the folder"
    elif not want_dir and not path.is_file():
        problem = "not a file"
    if problem:
        raise FileFormatError(str(path), [Problem(str(path), None, None, problem)])


def _validate(path: Path, source: str, entries: Sequence[ListEntry], texts: Sequence[str]) -> None:
    problems = []
    if not entries:
        problems.append(Problem(str(path), None, None, "no entries found; refusing to replace the list with nothing"))
    for entry, text in zip(entries, texts, strict=True):
        if entry.source != source:
            problems.append(Problem(str(path), None, "source", f"entry {entry.entry_id} is not of source {source}"))
        if "\\u0000" in text and _JSON_NUL.search(text):  # no text column may hold NUL (PostgreSQL refuses it)
            problems.append(Problem(str(path), None, None, f"entry {entry.entry_id!r} contains a NUL character"))
    for entry_id, count in Counter(e.entry_id for e in entries).items():
        if count > 1:
            problems.append(Problem(str(path), None, "id", f"entry id {entry_id} occurs {count} times"))
    if problems:
        raise FileFormatError(str(path), problems)


def _unchanged(snap: ListSnapshot, started: float, message: str, *, is_current: bool) -> ImportResult:
    return ImportResult(
        source=snap.source,
        snapshot_id=snap.id,
        file_name=snap.file_name,
        content_hash=snap.content_hash,
        effective_date=snap.effective_date,
        entry_count=snap.entry_count,
        counts_by_list=dict(snap.counts_by_list),
        unchanged=True,
        is_current=is_current,
        message=f"{message}: nothing to do",
        seconds=time.perf_counter() - started,
    )
