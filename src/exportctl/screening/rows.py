"""Screening rows of an input file: the pure step that a local run and a Dask worker both run, a chunk at a time.

:mod:`.batch` reads the file and writes the output; it hands the rows to a runner (local, or
:mod:`.distributed`), and each runner calls :func:`screen_rows` here, so the output is the same either way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from exportctl.errors import InputError
from exportctl.screening.engine import normalize_country, screen_queries
from exportctl.screening.features import Query
from exportctl.screening.gc_pause import cyclic_gc_paused
from exportctl.screening.index import ScreeningIndex


@dataclass(frozen=True)
class InputRow:
    """One data row of the input file; ``line`` is its line number in the file (header = line 1)."""

    line: int
    id: str
    name: str
    country: str


@dataclass(frozen=True)
class RowOutcome:
    """The output rows for one input row, or the problem that kept it from being screened."""

    line: int
    rows: tuple[tuple[str, ...], ...] = ()
    id: str = ""
    name: str = ""
    country: str = ""  # the query's country as screened (normalised), or as given for a row not screened
    problem: str | None = None
    field: str | None = None
    notes: tuple[str, ...] = ()  # what the result says about this name (a script read letter by letter …)


_CHUNK = 256  # rows whose blocking runs in one numpy pass (bounds the arrays of a pass to a few MB)


def screen_rows(index: ScreeningIndex, rows: Sequence[InputRow], threshold: float, top: int) -> list[RowOutcome]:
    """Screen rows in order (pure: the same on one core or on a Dask worker), a chunk of rows at a time."""
    outcomes: list[RowOutcome] = []
    # one pause over the whole run (see gc_pause): paused and resumed per chunk, the collector ran at each resume, and
    # one run in two paid a full collection walking the index (0.4 s, 16 % of the batch benchmark); screening makes
    # no reference cycles (a test pins it), so nothing waits for the collector meanwhile
    with cyclic_gc_paused():
        for start in range(0, len(rows), _CHUNK):
            outcomes.extend(_screen_chunk(index, rows[start : start + _CHUNK], threshold, top))
    return outcomes


def _screen_chunk(index: ScreeningIndex, rows: Sequence[InputRow], threshold: float, top: int) -> list[RowOutcome]:
    queries: list[Query | InputError] = []
    for row in rows:
        try:
            queries.append(Query(row.name, normalize_country(row.country)))
        except InputError as error:  # without its traceback: that would hold this frame, and the frame the error
            queries.append(error.with_traceback(None))
    usable = [q for q in queries if isinstance(q, Query)]
    results = iter(screen_queries(index, usable, threshold=threshold, limit=top))
    outcomes: list[RowOutcome] = []
    for row, query in zip(rows, queries, strict=True):
        result = query if isinstance(query, InputError) else next(results)
        if isinstance(result, InputError):
            outcomes.append(
                RowOutcome(
                    row.line, problem=str(result), field=result.field, id=row.id, name=row.name, country=row.country
                )
            )
            continue
        # the index's own notes (an as-of date's substitutions) are the run's, said once by the caller; the rest are
        # this name's, and a note on one hit ("<entry id>: listed then? unknown") goes on that hit's row only
        own = [note for note in result.notes if note not in index.notes]
        general = tuple(note for note in own if not any(note.startswith(f"{h.entry_id}: ") for h in result.hits))
        out = tuple(
            (
                row.id,
                row.name,
                result.country or "",
                str(rank),
                f"{hit.score:.4f}",
                hit.list,
                hit.entry_id,
                hit.primary_name,
                hit.matched_name,
                hit.country or "",
                "; ".join((*general, *(note for note in own if note.startswith(f"{hit.entry_id}: ")))),
            )
            for rank, hit in enumerate(result.hits, start=1)
        )
        outcomes.append(
            RowOutcome(row.line, rows=out, id=row.id, name=row.name, country=result.country or "", notes=general)
        )
    return outcomes
