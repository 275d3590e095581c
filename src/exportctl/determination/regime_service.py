"""Determination in one or several regimes, from raw input: the one entry point for the CLI, API and web page.

``us-ear`` is :func:`~exportctl.determination.service.determine_from_input` unchanged. ``eu-dual-use`` checks the
input against Annex I, screens the parties as of the date (the same snapshots and index as the EAR answer) and
runs the pure EU engine. ``all`` answers both and combines them (:mod:`.regimes`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy.engine import Engine

from exportctl.determination.eu import EuDetermination, determine_eu, make_eu_transaction
from exportctl.determination.facts import Transaction
from exportctl.determination.list_index import PROCESS_INDEXES, ListIndexes
from exportctl.determination.regimes import Regime, RegimeAnswer, SideBySide, combine, parse_regime
from exportctl.determination.result import Determination
from exportctl.determination.service import (
    determine_from_input,
    later_denials,
    screen_parties,
    snapshot_versions,
    uncovered_sources,
)
from exportctl.errors import InputError
from exportctl.regulations import Regulations, load_regulations, parse_eccn
from exportctl.regulations.eu import AnnexI, load_annex_i
from exportctl.screening.party import ExactNameScreener

Answer = Determination | EuDetermination | SideBySide


def determine_eu_from_input(
    engine: Engine,
    *,
    control: str,
    origin: str | None,
    destination: str,
    parties: Sequence[str | tuple[str, str] | tuple[str, str, str | None]] = (),
    end_use: str | None = None,
    on: str | date | None = None,
    regulations: Regulations | None = None,
    annex: AnnexI | None = None,
    indexes: ListIndexes | None = None,
) -> EuDetermination:
    regs = regulations or load_regulations()
    annex = annex or load_annex_i()
    tx = make_eu_transaction(
        control=control,
        origin=origin,
        destination=destination,
        regulations=regs,
        annex=annex,
        parties=parties,
        end_use=end_use,
        on=on,
    )
    shell = Transaction(parse_eccn("EAR99"), tx.destination, tx.parties, None, date=tx.date)  # for screening only
    ids, versions = snapshot_versions(engine, tx.date)
    if not ids or not tx.parties:
        screened = screen_parties(shell, ExactNameScreener(()))
    else:
        screener = (indexes or PROCESS_INDEXES).for_ids(engine, ids).fuzzy
        screened = screen_parties(shell, screener, uncovered_sources(versions, tx.date), later_denials(engine))
    return determine_eu(tx, annex=annex, parties_screened=screened, list_versions=versions)


def determine_regimes(
    engine: Engine,
    *,
    regime: str | Regime | None,
    control: str,
    destination: str,
    origin: str | None = None,
    parties: Sequence[str | tuple[str, str] | tuple[str, str, str | None]] = (),
    end_use: str | None = None,
    foreign_produced: bool = False,
    on: str | date | None = None,
    regulations: Regulations | None = None,
    indexes: ListIndexes | None = None,
) -> Answer:
    """The answer of one regime, or (``all``) both side by side. Bad input raises InputError naming the field."""
    chosen = parse_regime(regime)
    regs = regulations or load_regulations()

    def us() -> Determination:
        return determine_from_input(
            engine,
            eccn=control,
            destination=destination,
            parties=parties,
            end_use=end_use,
            foreign_produced=foreign_produced,
            on=on,
            regulations=regs,
            indexes=indexes,
        )

    def eu() -> EuDetermination:
        return determine_eu_from_input(
            engine,
            control=control,
            origin=origin,
            destination=destination,
            parties=parties,
            end_use=end_use,
            on=on,
            regulations=regs,
            indexes=indexes,
        )

    if chosen is Regime.US_EAR:
        return us()
    if chosen is Regime.EU_DUAL_USE:
        return eu()
    answers: list[RegimeAnswer] = []
    for name, run in ((Regime.EU_DUAL_USE, eu), (Regime.US_EAR, us)):
        try:
            answers.append(RegimeAnswer(name, run()))
        except InputError as exc:
            # wrong for every regime (the EU refuses a control code only when the CCL lacks it too): no answer
            if exc.field in ("date", "party", "regime", "control", "eccn"):
                raise
            answers.append(RegimeAnswer(name, None, str(exc), exc.field))
    return combine(tuple(answers), origin.strip().upper() if origin else None)
