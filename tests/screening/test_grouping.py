"""One party, several sources (issue 23, item 3): hits that name the same party — the same OFAC entity number, or
the same list, normalised name and country — come back as one group listing every source, over the bundled lists
(parties found in the corpus, never invented)."""

from __future__ import annotations

from collections import Counter

import pytest

from exportctl.lists.model import ListEntry
from exportctl.screening import ScreeningIndex, screen
from exportctl.screening.explain import Hit
from exportctl.screening.grouping import group_hits, ofac_number, party_keys, snapshots_of_key
from exportctl.screening.party import exact_key


def _by_number(corpus: list[ListEntry]) -> dict[str, list[ListEntry]]:
    found: dict[str, list[ListEntry]] = {}
    for entry in corpus:
        number = ofac_number(_hit(entry))
        if number is not None:
            found.setdefault(number, []).append(entry)
    return found


def _hit(entry: ListEntry, score: float = 1.0) -> Hit:
    """A hit on ``entry`` as the engine reports it (only what grouping reads matters)."""
    return Hit(
        entry.entry_id, entry.list.value, entry.primary_name, entry.primary_name, score, entry.country, None, None,
        (), entry.source,
    )  # fmt: skip


@pytest.fixture(scope="module")
def sdn_in_two_files(corpus: list[ListEntry]) -> list[ListEntry]:
    """A party OFAC lists that two bundled files carry under its entity number (e.g. the SDN file and the CSL)."""
    for entries in _by_number(corpus).values():
        if len({e.source for e in entries}) >= 2 and exact_key(entries[0].primary_name):
            return entries
    pytest.fail("no OFAC entity number in two bundled files")


def test_the_same_entity_number_is_one_party(index: ScreeningIndex, sdn_in_two_files: list[ListEntry]) -> None:
    name = sdn_in_two_files[0].primary_name
    result = screen(index, name, threshold=0.5, limit=50)
    ids = {e.entry_id for e in sdn_in_two_files}
    assert ids <= {h.entry_id for h in result.hits}, "every file's entry is a hit"
    groups = group_hits(result.hits)
    holding = [g for g in groups if ids & {h.entry_id for h in g.hits}]
    assert len(holding) == 1, "one party, not near-duplicate hits"
    assert {e.source for e in sdn_in_two_files} <= set(holding[0].sources)
    assert len(groups) < len(result.hits)


def test_the_same_list_name_and_country_is_one_party(corpus: list[ListEntry], index: ScreeningIndex) -> None:
    """An Entity List party carried both by the eCFR-derived file and by the CSL's Entity List rows."""
    by_key: dict[tuple[str, str | None], set[str]] = {}
    for entry in corpus:
        key = exact_key(entry.primary_name)
        if entry.list.value == "entity_list" and key is not None:
            by_key.setdefault((key, entry.country), set()).add(entry.source)
    both = next(k for k, sources in by_key.items() if len(sources) >= 2)
    entries = [e for e in corpus if e.list.value == "entity_list" and (exact_key(e.primary_name), e.country) == both]
    groups = group_hits([_hit(e) for e in entries])
    assert len(groups) == 1 and len(set(groups[0].sources)) >= 2


def test_grouping_keeps_every_hit_once_and_orders_by_score(index: ScreeningIndex, corpus: list[ListEntry]) -> None:
    names = [e.primary_name for e in corpus[:: max(1, len(corpus) // 40)]]
    for name in names:
        try:
            hits = screen(index, name, threshold=0.6, limit=30).hits
        except Exception:  # noqa: BLE001 (a name the engine refuses: nothing to group)
            continue
        groups = group_hits(hits)
        assert Counter(h.entry_id for g in groups for h in g.hits) == Counter(h.entry_id for h in hits)
        assert [g.best.score for g in groups] == sorted((g.best.score for g in groups), reverse=True)
        for g in groups:
            assert g.best is g.hits[0] and [h.score for h in g.hits] == sorted((h.score for h in g.hits), reverse=True)
        keys = [set(k for h in g.hits for k in party_keys(h)) for g in groups]
        for i, a in enumerate(keys):  # no key is split between two groups
            assert all(not (a & b) for b in keys[i + 1 :])


def test_different_parties_stay_apart(corpus: list[ListEntry]) -> None:
    sdn = [e for e in corpus if e.source == "ofac-sdn" and exact_key(e.primary_name)]
    first, other = sdn[0], next(e for e in sdn[1:] if exact_key(e.primary_name) != exact_key(sdn[0].primary_name))
    assert len(group_hits([_hit(first), _hit(other, 0.9)])) == 2


def test_a_name_with_nothing_to_normalise_never_groups_by_name(corpus: list[ListEntry]) -> None:
    entry = next(e for e in corpus if e.source == "dpl")
    blank = Hit(entry.entry_id, "dpl", "***", "***", 0.9, None, None, None, (), "dpl")
    blank_too = Hit(entry.entry_id + "x", "dpl", "---", "---", 0.8, None, None, None, (), "dpl")
    assert party_keys(blank) == () and len(group_hits([blank, blank_too])) == 2


def test_snapshots_are_read_from_the_index_key() -> None:
    assert snapshots_of_key("v9|sqlite:///x|current|csl=3,ofac-sdn=12") == {"csl": 3, "ofac-sdn": 12}
    assert snapshots_of_key("bundled") == {}
