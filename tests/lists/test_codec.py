"""Whatever entry goes into the store's JSON comes back unchanged."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from exportctl.lists.codec import entry_from_json, entry_to_json, meaning_hash
from exportctl.lists.model import Address, EntryType, Identifier, ListCode, ListEntry

text = st.text(max_size=20)
optional = st.none() | text
addresses = st.builds(Address, full=text, street=optional, city=optional, country=optional, country_name=optional)
identifiers = st.builds(Identifier, type=text, value=text, country=optional, note=optional)
entries = st.builds(
    ListEntry,
    source=st.sampled_from(["dpl", "entity-list", "ofac-sdn"]),
    source_id=text,
    list=st.sampled_from(ListCode),
    primary_name=text,
    entry_type=st.sampled_from(EntryType),
    aliases=st.lists(text, max_size=3).map(tuple),
    addresses=st.lists(addresses, max_size=2).map(tuple),
    country=optional,
    country_name=optional,
    identifiers=st.lists(identifiers, max_size=2).map(tuple),
    programs=st.lists(text, max_size=2).map(tuple),
    license_requirement=optional,
    license_review_policy=optional,
    federal_register_citations=st.lists(text, max_size=2).map(tuple),
    listed_on=st.none() | st.dates(),
    removed_on=st.none() | st.dates(),
    remarks=optional,
    raw=st.dictionaries(text, text, max_size=3),
)


@given(entries)
def test_json_round_trip(entry: ListEntry) -> None:
    back = entry_from_json(entry_to_json(entry))
    assert back == entry
    assert back.raw == entry.raw  # raw is excluded from ==, so compare it too


@given(entries, st.dictionaries(text, text, max_size=3))
def test_meaning_hash_ignores_the_raw_record(entry: ListEntry, other_raw: dict[str, str]) -> None:
    from dataclasses import replace

    assert meaning_hash(replace(entry, raw=other_raw)) == meaning_hash(entry)
    assert meaning_hash(replace(entry, primary_name=entry.primary_name + "x")) != meaning_hash(entry)
