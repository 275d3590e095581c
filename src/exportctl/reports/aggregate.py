"""Aggregation of decision records into a :class:`Report` (pure: records in, report out).

Small-cell suppression hides the count and values of every cell with fewer than ``suppress_below`` applications.
Totals per outcome are always shown in full, so a single suppressed cell in an outcome can be recovered by
subtraction; the report says so in its notes rather than pretending otherwise.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal

from exportctl.errors import InputError
from exportctl.licensing.policies.engine import party_match
from exportctl.licensing.policies.items import CATEGORY_LABELS, category_label
from exportctl.licensing.policies.model import PartyFacts, PartyScope
from exportctl.reports.model import DIMENSIONS, DecisionRecord, Report, ReportOutcome, ReportRow, ReportTotal

_OUTCOME_ORDER = {outcome.value: n for n, outcome in enumerate(ReportOutcome)}
_CATEGORY_ORDER = {label: n for n, label in enumerate(CATEGORY_LABELS)}


def check_dimensions(by: Sequence[str]) -> tuple[str, ...]:
    """Validate the breakdown dimensions (InputError naming the field ``by``)."""
    dims = tuple(d.strip() for d in by if d.strip())
    unknown = [d for d in dims if d not in DIMENSIONS]
    if unknown or len(set(dims)) != len(dims):
        raise InputError(f"--by takes distinct values among {', '.join(DIMENSIONS)}; got {', '.join(by)}", field="by")
    return dims


def cell_value(record: DecisionRecord, dimension: str) -> str:
    if dimension == "party":
        return record.party_family
    if dimension == "period":
        return f"{record.on.year:04d}-{record.on.month:02d}"
    if dimension == "outcome":
        return str.__str__(record.outcome)  # the StrEnum's text, without the slow Enum.value descriptor
    return category_label(record.category)


def _sort_key(key: tuple[str, ...], dims: tuple[str, ...]) -> tuple[tuple[int, str], ...]:
    parts: list[tuple[int, str]] = []
    for dim, value in zip(dims, key, strict=True):
        if dim == "outcome":
            parts.append((_OUTCOME_ORDER.get(value, 99), value))
        elif dim == "category":
            raw = value.removeprefix("Category ")
            parts.append((_CATEGORY_ORDER.get(raw, 99), value))
        else:
            parts.append((0, value))
    return tuple(parts)


def select(
    records: Iterable[DecisionRecord], *, party: str | None, date_from: date | None, date_to: date | None
) -> list[DecisionRecord]:
    """Records of ``party`` (whole-word match on the family name) dated within [date_from, date_to]."""
    scope = PartyScope(family=party, name_contains=(party,)) if party else None
    chosen = []
    for record in records:
        if scope is not None and party_match(scope, (PartyFacts(record.party_family),)) is None:
            continue
        if (date_from and record.on < date_from) or (date_to and record.on > date_to):
            continue
        chosen.append(record)
    return chosen


def build_report(
    records: Iterable[DecisionRecord],
    *,
    party: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    by: Sequence[str] = ("outcome", "category"),
    suppress_below: int | None = None,
    notes: Sequence[str] = (),
) -> Report:
    """Aggregate ``records`` into counts and values by ``by``."""
    dims = check_dimensions(by)
    if suppress_below is not None and suppress_below < 1:
        raise InputError("suppression threshold must be at least 1", field="suppress_below")
    if date_from and date_to and date_from > date_to:
        raise InputError(f"--from {date_from} is after --to {date_to}", field="date_from")
    chosen = select(records, party=party, date_from=date_from, date_to=date_to)
    cells: dict[tuple[str, ...], list[Decimal]] = {}
    totals: dict[tuple[str, ...], list[Decimal]] = {}
    for record in chosen:
        key = tuple(cell_value(record, d) for d in dims)
        for bucket, bkey in ((cells, key), (totals, (record.outcome.value,))):
            acc = bucket.setdefault(bkey, [Decimal(0), Decimal(0), Decimal(0)])
            acc[0] += 1
            acc[1] += record.value
            acc[2] += record.used_value
    rows = tuple(
        _row(key, acc, suppress_below) for key, acc in sorted(cells.items(), key=lambda kv: _sort_key(kv[0], dims))
    )
    total_rows = tuple(
        ReportTotal(outcome[0], int(acc[0]), acc[1], acc[2])
        for outcome, acc in sorted(totals.items(), key=lambda kv: _OUTCOME_ORDER.get(kv[0][0], 99))
    )
    all_notes = list(notes)
    if suppress_below is not None and any(r.suppressed for r in rows):
        all_notes.append(
            f"cells with fewer than {suppress_below} applications are suppressed; totals per outcome are shown in "
            "full, so a lone suppressed cell within an outcome can be derived by subtraction"
        )
    return Report(party, date_from, date_to, dims, suppress_below, rows, total_rows, len(chosen), tuple(all_notes))


def _row(key: tuple[str, ...], acc: list[Decimal], suppress_below: int | None) -> ReportRow:
    count = int(acc[0])
    if suppress_below is not None and count < suppress_below:
        return ReportRow(key, None, None, None, suppressed=True)
    return ReportRow(key, count, acc[1], acc[2])
