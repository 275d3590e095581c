"""Real list entries (the bundled files, parsed by exportctl.lists.sources) and a helper that determines a case."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

import pytest

from exportctl.determination import (
    Determination,
    ExactNameScreener,
    PartyMatch,
    PartyScreening,
    determine,
    make_transaction,
    screen_parties,
)
from exportctl.lists.bundled import DATA_DIR
from exportctl.lists.model import ListEntry
from exportctl.lists.sources import get_parser
from exportctl.regulations import Regulations, load_regulations
from exportctl.screening import ScreeningIndex
from exportctl.screening.party import PartyScreener

Decide = Callable[..., Determination]


@pytest.fixture(scope="session")
def regs() -> Regulations:
    return load_regulations()


@pytest.fixture(scope="session")
def entries() -> list[ListEntry]:
    found: list[ListEntry] = []
    for source, name in (
        ("entity-list", "entity_list.csv"),
        ("dpl", "denied_persons_list.csv"),
        ("meu", "military_end_user_list.csv"),
        ("csl", "csl.csv"),
    ):
        found.extend(get_parser(source).parse(DATA_DIR / name))
    return found


@pytest.fixture(scope="session")
def screener(entries: list[ListEntry]) -> ExactNameScreener:
    return ExactNameScreener(entries)


@pytest.fixture(scope="session")
def fuzzy_screener(entries: list[ListEntry]) -> PartyScreener:
    """The screening engine over the bundled Entity List entries."""
    return PartyScreener(ScreeningIndex.build(e for e in entries if e.list.value == "entity_list"))


@pytest.fixture(scope="session")
def entry_named(entries: list[ListEntry]) -> Callable[[str, str], ListEntry]:
    def find(name: str, list_code: str) -> ListEntry:
        return next(e for e in entries if e.primary_name == name and e.list.value == list_code)

    return find


@pytest.fixture(scope="session")
def decide(regs: Regulations, screener: ExactNameScreener) -> Decide:
    """Determine one case; parties are screened by exact name unless ``screenings`` are given."""

    def run(
        eccn: str,
        destination: str,
        *parties: str,
        on: str | date = "2026-09-01",
        end_use: str | None = None,
        foreign_produced: bool = False,
        screenings: Sequence[PartyScreening] | None = None,
    ) -> Determination:
        tx = make_transaction(
            eccn=eccn,
            destination=destination,
            regulations=regs,
            parties=parties,
            end_use=end_use,
            foreign_produced=foreign_produced,
            on=on,
        )
        screened = screen_parties(tx, screener) if screenings is None else screenings
        return determine(tx, regulations=regs, parties_screened=screened)

    return run


def fuzzy(entry: ListEntry, role: str, name: str, score: float) -> PartyScreening:
    from exportctl.determination import PartyRole

    return PartyScreening(PartyRole(role), name, (PartyMatch(entry, score, entry.primary_name, certain=False),))
