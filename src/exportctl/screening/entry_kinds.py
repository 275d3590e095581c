"""Types for the entries whose list gives none, so that screening's person qualifiers apply to them.

10,229 entries have no type (the CSL's copies of the ISN, DPL and DTC lists, the Entity List). Each takes a type
from the lists themselves, in two steps:

1. **Another list's entry with its name** (:func:`_by_shared_names`): the ISN's "Parviz Khaki" is the SDN's
   individual KHAKI, Parviz, so "Martin GmbH & Co. KG" is no match for his alias MARTIN.
2. **A person's name shape** (:func:`_by_name_shape`): most of the rest are people listed under one name only
   ("Victor Brown", "MICHAEL COX" of the DPL and DTC), and "Brown LLC" is not Victor Brown. Which words are given
   names is learnt from the typed individuals that the lists write "FAMILY, Given …" (the words after the comma):
   a word is one when they give it :data:`GIVEN_NAME_MIN` times or more, and :data:`GIVEN_NAME_RATIO` times as
   often as organisations' names hold it (Victor, Reza, Irina; not Royal or Golden). An entry is a person's when its
   primary name opens with a given name ("Victor Brown", or "BROWN, Victor"), has 2 to 4 words and no legal form,
   and each of its words is held by individuals' names at least :data:`PERSON_WORD_RATIO` times as often as by
   organisations' (a word neither holds, a rare surname, passes): "VICTOR SHIPPING" is no person, for shipping is
   an organisation's word.

Screening's qualifiers read these types; the entries keep their own (the list said nothing, and the output says so).
The given names learnt in step 2 are screening's too: a listed person found through a one-word name that is a given
name (MARTIN, an alias of KHAKI, Parviz) is found through a given name alone (features.given_name_alone).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from exportctl.lists.model import EntryType, ListEntry
from exportctl.screening.normalize import fold_latin

GIVEN_NAME_MIN = 3
GIVEN_NAME_RATIO = 5
PERSON_WORD_RATIO = 2
PERSON_WORDS = range(2, 5)  # words in a person's name inferred from its shape

_ORGANISATIONS = frozenset({EntryType.ENTITY, EntryType.VESSEL, EntryType.AIRCRAFT})


@dataclass(frozen=True)
class ListedNames:
    """The index's names by name id, as the inference reads them."""

    entry: Sequence[int]  # -> entry index
    tokens: Sequence[tuple[int, ...]]  # -> token ids (legal forms split off)
    text: Sequence[str]  # -> the name as written
    forms: Sequence[frozenset[str]]  # -> its legal forms
    vocabulary: Mapping[str, int]  # token -> token id (the index's own)


@dataclass(frozen=True)
class KnownKinds:
    """Each entry's type (its list's, or one inferred from the lists) and the words the lists use as given names."""

    types: list[EntryType]
    given_names: frozenset[int]  # token ids


def known_kinds(entries: Sequence[ListEntry], names: ListedNames) -> KnownKinds:
    """Each entry's type: its list's, or for an entry of no type one inferred from the lists (see the module)."""
    return _by_name_shape(_by_shared_names(entries, names), names)


def _by_shared_names(entries: Sequence[ListEntry], names: ListedNames) -> list[EntryType]:
    """The type of the typed entries that hold one of an untyped entry's names of two or more words, the same words
    in any order, when they all agree."""
    by_words: dict[tuple[int, ...], set[EntryType]] = {}
    for name_id, ids in enumerate(names.tokens):
        kind = entries[names.entry[name_id]].entry_type
        if kind != EntryType.UNKNOWN and len(ids) >= 2:
            by_words.setdefault(tuple(sorted(ids)), set()).add(kind)
    found: dict[int, set[EntryType]] = {}
    for name_id, ids in enumerate(names.tokens):
        entry_no = names.entry[name_id]
        if entries[entry_no].entry_type == EntryType.UNKNOWN and len(ids) >= 2:
            found.setdefault(entry_no, set()).update(by_words.get(tuple(sorted(ids)), ()))
    kinds = [entry.entry_type for entry in entries]
    for entry_no, types in found.items():
        if len(types) == 1:
            kinds[entry_no] = next(iter(types))
    return kinds


def _given_part(text: str) -> list[str]:
    """The words after the comma of a name written "FAMILY, Given …" ([] for a name written otherwise)."""
    family, comma, given = text.partition(",")
    return fold_latin(given) if comma and family.strip() else []


def _by_name_shape(kinds: list[EntryType], names: ListedNames) -> KnownKinds:
    given: Counter[int] = Counter()
    personal: Counter[int] = Counter()
    organisational: Counter[int] = Counter()
    vocabulary = names.vocabulary
    for name_id, ids in enumerate(names.tokens):
        kind = kinds[names.entry[name_id]]
        if kind == EntryType.INDIVIDUAL:
            personal.update(set(ids))
            given.update({vocabulary[t] for t in _given_part(names.text[name_id]) if t in vocabulary})
        elif kind in _ORGANISATIONS:
            organisational.update(set(ids))

    def given_name(token_id: int) -> bool:
        return given[token_id] >= GIVEN_NAME_MIN and given[token_id] >= GIVEN_NAME_RATIO * organisational[token_id]

    first_name: dict[int, int] = {}  # entry -> its first (primary) name
    forms: set[int] = set()  # entries with a legal form in any name
    for name_id, entry_no in enumerate(names.entry):
        if kinds[entry_no] == EntryType.UNKNOWN:
            first_name.setdefault(entry_no, name_id)
            if names.forms[name_id]:
                forms.add(entry_no)
    inferred = list(kinds)
    for entry_no, name_id in first_name.items():
        ids = names.tokens[name_id]
        if entry_no in forms or len(ids) not in PERSON_WORDS:
            continue
        if not all(personal[t] >= PERSON_WORD_RATIO * organisational[t] for t in ids):
            continue
        after_comma = [vocabulary.get(t, -1) for t in _given_part(names.text[name_id])]
        opening = after_comma[0] if after_comma else ids[0]
        if given_name(opening):
            inferred[entry_no] = EntryType.INDIVIDUAL
    return KnownKinds(inferred, frozenset(t for t in given if given_name(t)))
