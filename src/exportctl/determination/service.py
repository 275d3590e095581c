"""Determination with screening: the one place that reads the store, screens the parties, then calls the pure engine.

``determine_with_screening`` screens each party against the list entries in force on the transaction date
(:func:`exportctl.lists.repository.entries_as_of`) and records which snapshots answered. A screener is any callable
``(name, country) -> tuple[PartyMatch, ...]``; the default is :class:`~exportctl.determination.fuzzy.FuzzyScreener`
over the screening engine's index (hits below its certain bar are fuzzy → review); :class:`ExactNameScreener`
matches exact names only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from sqlalchemy.engine import Engine

from exportctl.determination.engine import determine
from exportctl.determination.exact import ExactNameScreener
from exportctl.determination.facts import Transaction, make_transaction
from exportctl.determination.fuzzy import FuzzyScreener
from exportctl.determination.parties import PartyMatch, PartyScreening
from exportctl.determination.result import Determination, ListVersion
from exportctl.lists.model import ListEntry
from exportctl.lists.repository import AsOfEntries, entries_as_of, in_force_on
from exportctl.regulations import Regulations, load_regulations

Screener = Callable[[str, "str | None"], Sequence[PartyMatch]]


def default_screener(entries: list[ListEntry], _on: date) -> Screener:
    """The fuzzy screening engine over ``entries`` (the entries in force on the date)."""
    return FuzzyScreener.build(entries)


def exact_screener(entries: list[ListEntry], _on: date) -> Screener:
    return ExactNameScreener(entries)


def select_matches(matches: Sequence[PartyMatch], on: date) -> tuple[PartyMatch, ...]:
    """The matches whose entry is in force on ``on``; only the certain ones when there is one."""
    current = tuple(m for m in matches if in_force_on(m.entry, on))
    certain = tuple(m for m in current if m.certain)
    return certain or current


def screen_parties(transaction: Transaction, screener: Screener) -> list[PartyScreening]:
    """Screen every party of the transaction (the party's own country, else the destination, as hint)."""
    return [
        PartyScreening(
            p.role,
            p.name,
            select_matches(screener(p.name, p.country or transaction.destination), transaction.date),
            p.country,
        )
        for p in transaction.parties
    ]


def list_versions(as_of: AsOfEntries) -> list[ListVersion]:
    versions = [
        ListVersion(
            source=source,
            snapshot=f"snapshot {info.id} ({info.file_name}, sha {info.content_hash[:12]})",
            as_of=info.in_force_from.isoformat(),
        )
        for source, info in sorted(as_of.snapshots.items())
    ]
    versions.extend(ListVersion(source="note", snapshot="", note=note) for note in as_of.notes)
    if not as_of.snapshots:
        versions.append(ListVersion(source="none", snapshot="", note="no list snapshot imported: parties unscreened"))
    return versions


def determine_with_screening(
    engine: Engine,
    transaction: Transaction,
    *,
    regulations: Regulations | None = None,
    screener_factory: Callable[[list[ListEntry], date], Screener] | None = None,
) -> Determination:
    """Screen the parties as of the transaction date, then determine.

    ``screener_factory(entries, as_of)`` builds the screener over the entries in force; by default, exact names.
    """
    regs = regulations or load_regulations()
    as_of = entries_as_of(engine, transaction.date)
    factory = screener_factory or default_screener
    screenings = screen_parties(transaction, factory(as_of.entries, transaction.date))
    determination = determine(
        transaction, regulations=regs, parties_screened=screenings, list_versions=list_versions(as_of)
    )
    if not as_of.snapshots and transaction.parties:
        return _with_unscreened_note(determination)
    return determination


def determine_from_input(
    engine: Engine,
    *,
    eccn: str,
    destination: str,
    parties: Sequence[str] = (),
    end_use: str | None = None,
    foreign_produced: bool = False,
    on: str | date | None = None,
    regulations: Regulations | None = None,
    screener_factory: Callable[[list[ListEntry], date], Screener] | None = None,
) -> Determination:
    """Check raw input (``ROLE=NAME`` parties, ``YYYY-MM-DD`` date…), screen as of the date, determine."""
    regs = regulations or load_regulations()
    transaction = make_transaction(
        eccn=eccn,
        destination=destination,
        regulations=regs,
        parties=parties,
        end_use=end_use,
        foreign_produced=foreign_produced,
        on=on,
    )
    return determine_with_screening(engine, transaction, regulations=regs, screener_factory=screener_factory)


def _with_unscreened_note(d: Determination) -> Determination:
    """No list data at all: the parties' screening proves nothing, so the result must be reviewed."""
    reason = "no list snapshot is imported: parties could not be screened (run `exportctl lists import`)"
    required = d.license_required if d.license_required else None
    return replace(
        d, needs_review=True, needs_review_reasons=(*d.needs_review_reasons, reason), license_required=required
    )
