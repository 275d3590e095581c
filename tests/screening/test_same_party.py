"""One party on several lists (:mod:`exportctl.screening.same_party`): each copy scores through the names any copy
gives, and says whose name it is."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from exportctl.lists.model import EntryType, ListCode, ListEntry
from exportctl.screening import ScreeningIndex, screen
from exportctl.screening.grouping import group_hits
from exportctl.screening.same_party import NO_PARTY, learn_parties
from tests.screening.made_up import made_up


def _on(entry: ListEntry, source: str, code: ListCode) -> ListEntry:
    return replace(entry, source=source, list=code)


# a made-up institute: the Entity List writes it in English only, a second list gives its Russian name too
_INSTITUTE = "Velmorsk Institute of Hydraulic Machines"
_RUSSIAN = "Вельморский институт гидравлических машин"
_ENTRIES = [
    _on(made_up(1, _INSTITUTE, EntryType.UNKNOWN, "RU"), "entity-list", ListCode.ENTITY_LIST),
    _on(made_up(2, _INSTITUTE.upper(), country="RU", aliases=(_RUSSIAN,)), "uk-ofsi", ListCode.UK_OFSI),
    # the same name in another country is another party
    _on(made_up(3, _INSTITUTE, country="BY"), "dpl", ListCode.DPL),
    made_up(4, "Tarvenian Shipping Company", country="RU"),
]


def test_a_copy_scores_through_the_name_another_list_gives_the_party() -> None:
    index = ScreeningIndex.build(_ENTRIES, snapshot_key="same-party")
    result = screen(index, _RUSSIAN)
    by_id = {hit.entry_id: hit for hit in result.hits}
    listed, copy = by_id["entity-list:1"], by_id["uk-ofsi:2"]
    assert listed.score == copy.score  # without the link the Entity List's copy scored lower, through English only
    assert result.hits[0].entry_id == "entity-list:1"  # at equal scores the designating list before the UK's copy
    assert listed.matched_name == _RUSSIAN and listed.name_of == "uk-ofsi:2"
    assert copy.name_of is None  # its own name
    assert any(note.startswith("entity-list:1: matched through") and "uk-ofsi:2" in note for note in result.notes)
    assert "dpl:3" not in by_id or by_id["dpl:3"].name_of is None  # another country: no copy of this party
    # shown as one party: the hit that borrowed the name groups with the entry that gives it
    (group,) = [g for g in group_hits(result.hits) if "entity-list:1" in {h.entry_id for h in g.hits}]
    assert {h.entry_id for h in group.hits} >= {"entity-list:1", "uk-ofsi:2"}


def test_a_copy_that_scores_less_after_the_features_takes_the_best_copys_score() -> None:
    # one person on two lists, with the same name: the UK's copy gives his country, the SDN's none; screened with
    # the country, the UK's copy gains the country's part of the score and the SDN's did not
    sdn = made_up(1, "VELMOROV, Arkady Stepanovich", EntryType.INDIVIDUAL)
    uk = _on(made_up(2, "Arkady Stepanovich VELMOROV", EntryType.INDIVIDUAL, "RU"), "uk-ofsi", ListCode.UK_OFSI)
    index = ScreeningIndex.build([sdn, uk], snapshot_key="same-party")
    hits = screen(index, "Arkady Velmorov", country="RU").hits
    assert [h.entry_id for h in hits] == ["test:1", "uk-ofsi:2"]  # at one score, the designating list first
    assert hits[0].score == hits[1].score
    assert hits[0].name_of == "uk-ofsi:2" and hits[0].features == hits[1].features
    own = screen(index, "Arkady Velmorov").hits  # without the country both score alike on their own
    assert own[0].score == own[1].score < hits[0].score and own[0].name_of is None and own[1].name_of is None


def test_a_copy_that_matches_as_well_through_its_own_name_keeps_it() -> None:
    index = ScreeningIndex.build(_ENTRIES, snapshot_key="same-party")
    hits = {hit.entry_id: hit for hit in screen(index, _INSTITUTE).hits}
    assert hits["entity-list:1"].name_of is None and hits["uk-ofsi:2"].name_of is None


def _parties(entries: list[ListEntry]) -> list[set[str]]:
    index = ScreeningIndex.build(entries, snapshot_key="same-party")
    return [{index.entries[m].entry_id for m in party} for party in index.parties]


def test_which_entries_are_one_party() -> None:
    el = _on(made_up(1, "Korsan Optical Works LLC", EntryType.UNKNOWN, "RU"), "entity-list", ListCode.ENTITY_LIST)
    uk = _on(made_up(2, "KORSAN OPTICAL WORKS LLC", country="RU"), "uk-ofsi", ListCode.UK_OFSI)
    no_country = made_up(3, "Korsan Optical Works, LLC")
    assert _parties([el, uk, no_country]) == [{"entity-list:1", "uk-ofsi:2", "test:3"}]
    # the lists write a party's legal form as they please: another legal form, or none, is the same name
    other_form = replace(uk, primary_name="JSC KORSAN OPTICAL WORKS")
    assert _parties([el, other_form]) == [{"entity-list:1", "uk-ofsi:2"}]
    assert _parties([el, replace(uk, primary_name="KORSAN OPTICAL WORKS")]) == [{"entity-list:1", "uk-ofsi:2"}]
    # but one list listing the name under two legal forms lists two companies; one list alone is no link
    second = _on(made_up(7, "Korsan Optical Works JSC", EntryType.UNKNOWN, "RU"), "entity-list", ListCode.ENTITY_LIST)
    assert _parties([el, second, uk]) == []
    assert _parties([el, _on(el, "csl", ListCode.ENTITY_LIST)]) == []
    # a name that is a legal form and one word links nothing: too little to tell one company from another
    assert _parties([replace(el, primary_name="Korsan LLC"), replace(uk, primary_name="KORSAN JSC")]) == []
    # an entry without a country joins none where the name is listed in two countries
    by = _on(made_up(5, "Korsan Optical Works LLC", country="BY"), "dpl", ListCode.DPL)
    assert sorted(map(sorted, _parties([el, uk, by, no_country]))) == [["entity-list:1", "uk-ofsi:2"]]
    # a name with its acronym in brackets is also read without it
    acronym = _on(made_up(6, "KORSAN OPTICAL WORKS (KOW) LLC", country="RU"), "uk-ofsi", ListCode.UK_OFSI)
    assert _parties([el, acronym]) == [{"entity-list:1", "uk-ofsi:6"}]


def test_persons_link_on_three_words_in_any_order_and_not_on_two() -> None:
    sdn = made_up(1, "VELMOROV, Arkady Stepanovich", EntryType.INDIVIDUAL)
    uk = _on(made_up(2, "Arkady Stepanovich VELMOROV", EntryType.INDIVIDUAL, "RU"), "uk-ofsi", ListCode.UK_OFSI)
    assert _parties([sdn, uk]) == [{"test:1", "uk-ofsi:2"}]
    two = replace(sdn, primary_name="VELMOROV, Arkady")
    assert _parties([two, replace(uk, primary_name="Arkady VELMOROV")]) == []
    # a person's alias links where it reads as the other entry's primary name: one romanisation each list prefers
    spelt = replace(uk, primary_name="Arkadi Stepanovich VELMOROV")
    assert _parties([sdn, spelt]) == []
    assert _parties([replace(sdn, aliases=("VELMOROV, Arkadi Stepanovich",)), spelt]) == [{"test:1", "uk-ofsi:2"}]
    # two aliases alike link nothing: a name by which several people go (a kunya)
    kunya = "ABU TARVEN AL-KORSANI"
    first = made_up(3, "KORSANI, Tarven Ahmad", EntryType.INDIVIDUAL, aliases=(kunya,))
    second = _on(made_up(4, "Velmor Ahmad KORSANI", EntryType.INDIVIDUAL, aliases=(kunya,)), "un", ListCode.UN)
    assert _parties([first, second]) == []


def test_one_source_listing_the_name_twice_links_nothing() -> None:
    # two SDN persons of one name (KIM, Yong Chol) are two people: the UN's entry may be either
    first = made_up(1, "KORVAN, Tae Sok Il", EntryType.INDIVIDUAL, "KP")
    second = made_up(2, "KORVAN, Tae Sok Il", EntryType.INDIVIDUAL, "KP")
    un = _on(made_up(3, "KORVAN TAE SOK IL", EntryType.INDIVIDUAL, "KP"), "un", ListCode.UN)
    assert _parties([first, second, un]) == []
    assert _parties([first, un]) == [{"test:1", "un:3"}]


def test_vessels_do_not_link() -> None:
    ship = made_up(1, "ARMAN STAR", EntryType.VESSEL, "IR")
    other = _on(made_up(2, "ARMAN STAR", EntryType.VESSEL, "IR"), "uk-ofsi", ListCode.UK_OFSI)
    assert _parties([ship, other]) == []


_SOURCES = [("test", ListCode.SDN), ("uk-ofsi", ListCode.UK_OFSI), ("un", ListCode.UN), ("csl", ListCode.SDN)]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 3),  # source
            st.sampled_from([(1, 2), (2, 1), (1, 2, 3), (3, 2, 1), (4, 5)]),  # primary name's tokens
            st.sampled_from([None, "RU", "BY"]),
            st.sampled_from([EntryType.ENTITY, EntryType.INDIVIDUAL, EntryType.VESSEL]),
        ),
        max_size=12,
    )
)
def test_parties_are_consistent(rows: list[tuple[int, tuple[int, ...], str | None, EntryType]]) -> None:
    entries = [
        _on(made_up(n, "x", kind, country), *_SOURCES[source]) for n, (source, _, country, kind) in enumerate(rows)
    ]
    kinds = [kind for *_, kind in rows]
    party_of, parties = learn_parties(entries, kinds, [[(tokens, True)] for _, tokens, _, _ in rows])
    for number, members in enumerate(parties):
        assert len(members) >= 2 and all(party_of[m] == number for m in members)
        assert len({entries[m].list for m in members}) >= 2  # several lists
        assert len({entries[m].country for m in members} - {None}) <= 1  # one country
        assert EntryType.VESSEL not in {kinds[m] for m in members}
        own = [entries[m].source for m in members if entries[m].source != "csl"]
        assert len(own) == len(set(own))  # no source lists the party twice
        tokens = {rows[m][1] for m in members}
        assert len(tokens) == 1 or {kinds[m] for m in members} == {EntryType.INDIVIDUAL}
    assert sum(1 for p in party_of if p != NO_PARTY) == sum(len(p) for p in parties)
