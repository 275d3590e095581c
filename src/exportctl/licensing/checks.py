"""Adapters from the screening and determination engines to what submission needs.

Submission screens every party and asks, per item, whether a licence is needed at all. Both engines are
optional collaborators: callers building many submissions pass a screener/determiner made once (loading a
screening index is costly); when an engine is not installed the result says so instead of pretending.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from sqlalchemy import Engine

from exportctl.clock import UTC_CLOCK
from exportctl.determination import make_transaction
from exportctl.determination.list_index import PROCESS_INDEXES, ListIndexes
from exportctl.determination.parties import PartyRole
from exportctl.determination.service import determine_with_screening
from exportctl.errors import InputError
from exportctl.licensing.inputs import ApplicationInput
from exportctl.licensing.linter import ItemDetermination
from exportctl.regulations import load_regulations
from exportctl.screening.index import ScreeningIndex
from exportctl.screening.party import PartyScreener, ScreeningRecord

SubmissionScreener = Callable[[str, str], ScreeningRecord]
"""(party name, ISO country) -> the typed screening record stored with the party."""

ItemDeterminer = Callable[[ApplicationInput, int], ItemDetermination | None]
"""(application, item index) -> the item's determination, or None when none could be made."""

RECORD_LIMIT = 10  # hits counted per party at submission (the record keeps the best five)


def unavailable_screener(reason: str) -> SubmissionScreener:
    def screen(name: str, country: str) -> ScreeningRecord:
        return ScreeningRecord.not_screened(reason)

    return screen


def make_screener(
    engine: Engine, as_of: date | None = None, *, indexes: ListIndexes | None = None
) -> SubmissionScreener:
    """A screener over the list entries listed on ``as_of``, the submission date (default today, UTC: the day
    :func:`~exportctl.licensing.applicant.submit` records), by the rule of ``lists listed``: every snapshot's dates,
    entries the files cannot settle kept as hits to review (:func:`exportctl.lists.repository.entries_as_of`).
    From ``indexes`` (the service's, else the process's; disk-cached by date and snapshot ids, so only the first
    caller of a day builds it)."""
    day = as_of or UTC_CLOCK.today()
    found = (indexes or PROCESS_INDEXES).in_force(engine, day)
    if found is None:
        return unavailable_screener("no list snapshot is imported (run `exportctl lists import`)")
    return screener_over(found.index, day, found.snapshot_ids)


def screener_over(index: ScreeningIndex, day: date, snapshot_ids: Sequence[int] = ()) -> SubmissionScreener:
    """Screen parties with :class:`~exportctl.screening.party.PartyScreener` over ``index``, the index over the
    entries in force on ``day`` built from ``snapshot_ids``.

    It must be that as-of index, not one over every entry of the snapshots with hits filtered afterwards: the
    screening scores use each token's rarity among the indexed names, and out-of-force entries take candidate
    places, so a filtered index changes scores and hit counts (Huawei Technologies Co., Ltd. on 2019-06-01:
    10 hits from the as-of index, 8 from the filtered one).
    """
    screener = PartyScreener(index, snapshot_ids, limit=RECORD_LIMIT)

    def screen_party(name: str, country: str) -> ScreeningRecord:
        return screener.record(name, country, day)

    return screen_party


def make_determiner(engine: Engine, on: date | None = None, *, indexes: ListIndexes | None = None) -> ItemDeterminer:
    """Per item, the determination engine's answer for the application's destination and parties on ``on``: the
    same screening and determination as :func:`~exportctl.determination.service.determine_with_screening` (the
    parties screened by the one party screener over the lists that speak for the date; no list imported: the
    answer says the parties are unscreened). Items the engine cannot read give None.

    A long-running caller passes its ``indexes`` (the service's :class:`ListIndexes`); otherwise the process's.
    """
    day = on or UTC_CLOCK.today()
    regulations = load_regulations()

    def determine_item(app: ApplicationInput, index: int) -> ItemDetermination | None:
        consignee = next((p for p in app.parties if p.role is PartyRole.ULTIMATE_CONSIGNEE), None)
        if consignee is None:
            return None
        try:
            tx = make_transaction(
                eccn=app.items[index].eccn,
                destination=consignee.country,
                regulations=regulations,
                parties=[(p.role.value, p.name, p.country) for p in app.parties],
                end_use=app.end_use,
                on=day,
            )
        except InputError:
            return None
        result = determine_with_screening(engine, tx, regulations=regulations, indexes=indexes)
        return ItemDetermination(
            licence_required=result.license_required is not False,
            reasons=tuple(f"{f.summary} ({f.citation})" for f in result.reasons),
        )

    return determine_item


def no_determination(app: ApplicationInput, index: int) -> ItemDetermination | None:
    """Used when the determination engine is absent: no finding is made about licence necessity."""
    return None
