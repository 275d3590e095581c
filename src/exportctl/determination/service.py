"""Determination with screening: the one place that reads the store, screens the parties, then calls the pure engine.

``determine_with_screening`` screens each party against every entry of the snapshots that speak for the
transaction date and keeps the hits in force on it (or listed within the publication lag after it), and records
which snapshots answered. A screener is any callable ``(name, country) -> tuple[PartyMatch, ...]``; the default is
:class:`~exportctl.screening.party.PartyScreener` over the screening index of that snapshot set, held by a
:class:`~exportctl.determination.list_index.ListIndexes` (the caller's, e.g. the service's, else the process's; on
disk between processes), so no request loads entries or builds an index. :class:`ExactNameScreener` matches exact
names only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, timedelta

from sqlalchemy.engine import Engine

from exportctl.determination.engine import determine
from exportctl.determination.facts import Transaction, make_transaction
from exportctl.determination.list_index import PROCESS_INDEXES, ListIndexes
from exportctl.determination.parties import PartyMatch, PartyScreening
from exportctl.determination.result import Determination, ListVersion
from exportctl.determination.rules._listing import PUBLICATION_LAG_DAYS, DenialStatus, denial_on, effective_listing
from exportctl.lists.model import ListCode, ListEntry
from exportctl.lists.repository import SnapshotInfo, entries_of_snapshots, in_force_on, snapshot_for_date, snapshots
from exportctl.regulations import Regulations, load_regulations
from exportctl.screening import ScreeningIndex
from exportctl.screening.party import ExactNameScreener, PartyScreener

Screener = Callable[[str, "str | None"], Sequence[PartyMatch]]


def default_screener(entries: list[ListEntry], _on: date) -> Screener:
    """The fuzzy screening engine over ``entries``."""
    return PartyScreener(ScreeningIndex.build(entries))


def exact_screener(entries: list[ListEntry], _on: date) -> Screener:
    return ExactNameScreener(entries)


def _may_bear_on(entry: ListEntry, on: date, soon: date) -> bool:
    """In force on ``on`` or listed within the publication lag after it; for a Denied Persons entry, anything but
    "not yet denied" (an expired or renewed order is for the rule to judge); Entity List dates are effective dates."""
    if entry.list is ListCode.DPL:
        return denial_on(entry, on).status is not DenialStatus.NOT_LISTED
    if entry.list is ListCode.ENTITY_LIST:
        listed = effective_listing(entry)[0]
        entry = replace(entry, listed_on=listed) if listed != entry.listed_on else entry
    return in_force_on(entry, on) or in_force_on(entry, soon)


def select_matches(matches: Sequence[PartyMatch], on: date) -> tuple[PartyMatch, ...]:
    """The matches whose entry may bear on ``on`` (:func:`_may_bear_on`). When one is certain, the party has been
    identified: the fuzzy matches scored below the best certain one (near-namesakes) are dropped, but a fuzzy match
    scored higher than every certain one is kept, so a lower-scored certain hit never displaces a better one."""
    soon = on + timedelta(days=PUBLICATION_LAG_DAYS)
    current = tuple(m for m in matches if _may_bear_on(m.entry, on, soon))
    best_certain = max((m.score for m in current if m.certain), default=None)
    if best_certain is None:
        return current
    return tuple(m for m in current if m.certain or m.score > best_certain)


def uncovered_sources(versions: Sequence[ListVersion], on: date) -> tuple[str, ...]:
    """The list sources whose snapshot for ``on`` speaks only for a later date (no older data imported)."""
    return tuple(v.source for v in versions if v.as_of and date.fromisoformat(v.as_of) > on)


LaterEntries = Callable[[ListEntry], Sequence[ListEntry]]


class LaterDenials:
    """The Denied Persons entries of the newest DPL snapshot, by name: what later files say of a denied party.

    A file of 2022 shows an order that expired in 2022; the file of 2026 shows the same party's renewal notices
    since. Screening for a 2023 date uses the 2022 file, so the rule also gets the newer entries of the same name.
    """

    def __init__(self, entries: Sequence[ListEntry]) -> None:
        self._by_name: dict[str, list[ListEntry]] = {}
        for entry in entries:
            if entry.list is ListCode.DPL:
                self._by_name.setdefault(entry.primary_name.casefold(), []).append(entry)

    def __call__(self, entry: ListEntry) -> Sequence[ListEntry]:
        if entry.list is not ListCode.DPL:
            return ()
        return [e for e in self._by_name.get(entry.primary_name.casefold(), ()) if e != entry]


_LATER: dict[tuple[str, int], LaterDenials] = {}


def later_denials(engine: Engine, by_source: dict[str, list[SnapshotInfo]] | None = None) -> LaterDenials | None:
    """:class:`LaterDenials` of the newest Denied Persons snapshot (kept per process by snapshot id)."""
    if by_source is None:
        by_source = {}
        for snap in snapshots(engine):
            by_source.setdefault(snap.source, []).append(snap)
    dpl = by_source.get("dpl")
    if not dpl:
        return None
    newest = max(dpl, key=lambda s: (s.in_force_from, s.id))
    key = (engine.url.render_as_string(hide_password=True), newest.id)
    if key not in _LATER:
        _LATER[key] = LaterDenials(entries_of_snapshots(engine, [newest.id]))
    return _LATER[key]


def screen_parties(
    transaction: Transaction,
    screener: Screener,
    uncovered: Sequence[str] = (),
    later: LaterEntries | None = None,
) -> list[PartyScreening]:
    """Screen every party of the transaction (the party's own country, else the destination, as hint).

    ``uncovered`` names the sources whose data begins after the date: a party with no certain match on one of them
    is marked ``unsettled`` for it (an entry removed before that data would not be there to match). ``later`` gives,
    for a matched entry, the entries newer files hold for the same party (renewed denial orders).
    """
    screened = []
    for p in transaction.parties:
        raw = list(screener(p.name, p.country or transaction.destination))
        if later is not None:
            raw += [
                PartyMatch(e, m.score, m.matched_name, m.certain, m.features)
                for m in list(raw)
                if m.certain
                for e in later(m.entry)
            ]
        known = {m.entry.source for m in raw if m.certain}
        unsettled = tuple(source for source in uncovered if source not in known)
        screened.append(PartyScreening(p.role, p.name, select_matches(raw, transaction.date), p.country, unsettled))
    return screened


def snapshot_versions(
    engine: Engine, on: date, by_source: dict[str, list[SnapshotInfo]] | None = None
) -> tuple[tuple[int, ...], tuple[ListVersion, ...]]:
    """The snapshot of each source that speaks for ``on`` (ids, and how to report them), without loading entries."""
    if by_source is None:
        by_source = {}
        for snap in snapshots(engine):
            by_source.setdefault(snap.source, []).append(snap)
    ids: list[int] = []
    versions: list[ListVersion] = []
    for source, snaps in sorted(by_source.items()):
        chosen, note = snapshot_for_date(snaps, on)
        ids.append(chosen.id)
        snapshot = f"snapshot {chosen.id} ({chosen.file_name}, sha {chosen.content_hash[:12]})"
        versions.append(ListVersion(source, snapshot, chosen.in_force_from.isoformat(), note))
    if not ids:
        versions.append(ListVersion("none", "", note="no list snapshot imported: parties unscreened"))
    return tuple(ids), tuple(versions)


def determine_with_screening(
    engine: Engine,
    transaction: Transaction,
    *,
    regulations: Regulations | None = None,
    screener_factory: Callable[[list[ListEntry], date], Screener] | None = None,
    indexes: ListIndexes | None = None,
) -> Determination:
    """Screen the parties against the snapshots in force on the transaction date, then determine.

    The screener is built over every entry of those snapshots — by default the screening engine's index for that
    snapshot set from ``indexes`` (the caller's, e.g. the service's, else this process's; the current snapshots'
    index comes from the disk cache) — and :func:`screen_parties` then keeps the hits on entries in force on the
    date (and those listed just after it, which the Entity List rule flags). ``screener_factory(entries, on)``
    replaces the default.
    """
    regs = regulations or load_regulations()
    ids, versions = snapshot_versions(engine, transaction.date)
    if not ids:
        screened = screen_parties(transaction, ExactNameScreener(()))
        d = determine(transaction, regulations=regs, parties_screened=screened, list_versions=versions)
        return _with_unscreened_note(d) if transaction.parties else d
    if not transaction.parties:
        screener: Screener = ExactNameScreener(())
    elif screener_factory is None:
        screener = (indexes or PROCESS_INDEXES).for_ids(engine, ids).fuzzy
    else:
        screener = screener_factory(entries_of_snapshots(engine, ids), transaction.date)
    screened = screen_parties(
        transaction, screener, uncovered_sources(versions, transaction.date), later_denials(engine)
    )
    return determine(transaction, regulations=regs, parties_screened=screened, list_versions=versions)


def determine_from_input(
    engine: Engine,
    *,
    eccn: str,
    destination: str,
    parties: Sequence[str | tuple[str, str] | tuple[str, str, str | None]] = (),
    end_use: str | None = None,
    foreign_produced: bool = False,
    on: str | date | None = None,
    regulations: Regulations | None = None,
    screener_factory: Callable[[list[ListEntry], date], Screener] | None = None,
    indexes: ListIndexes | None = None,
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
    return determine_with_screening(
        engine, transaction, regulations=regs, screener_factory=screener_factory, indexes=indexes
    )


def _with_unscreened_note(d: Determination) -> Determination:
    """No list data at all: the parties' screening proves nothing, so the result must be reviewed."""
    reason = "no list snapshot is imported: parties could not be screened (run `exportctl lists import`)"
    required = d.license_required if d.license_required else None
    return replace(
        d, needs_review=True, needs_review_reasons=(*d.needs_review_reasons, reason), license_required=required
    )
