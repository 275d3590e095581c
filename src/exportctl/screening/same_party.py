"""One party on several lists: the names any list gives it are the names of each copy.

The lists copy each other (the UK list the UN's designations, the CSL the Entity List and OFAC's lists) and list one
party independently (the Entity List and the SDN list both list the Moscow Institute of Physics and Technology). Each
copy carries the names its list gives: only the UK list writes that institute's Russian name, so a query in Russian
found the UK copy at 1.0 and the Entity List's, the one with a licence requirement, at 0.90 through its English
name. Screening matches a party, not a list's wording: a copy scores at least what another copy of the same party
scores, through that copy's name, and the hit says whose name it is.

Entries of two lists or more are one party when their primary names read the same (as written, or without an acronym
in brackets: ISLAMIC REVOLUTIONARY GUARD CORPS (IRGC) and ISLAMIC REVOLUTIONARY GUARD CORPS) and their countries agree
(an entry without a country joins the only country its name has on the lists), and:

* an organisation's name has two words or more besides its legal forms, which the lists write as they please (the
  Entity List's "Kalashnikov Concern" is the UK's "JSC KALASHNIKOV CONCERN", the FCC's "Huawei Technologies
  Company" the Entity List's "Huawei Technologies Co., Ltd."); vessels and aircraft are left out (their names are
  not unique: many ships are called ARMAN);
* a person's name has three words or more, in any order ("SURKOV, Vladislav Yurievich" and "Vladislav Yurievich
  SURKOV"): two words ("Xiaoming Zhang") name many people. A person's alias links too when it reads as another
  entry's primary name (the SDN's "MILLER, Alexei Borisovich", an alias of "MILLER, Alexey Borisovich", is the UK's
  Alexei Borisovich MILLER), not as another's alias only (a kunya many people bear).

An organisation's alias does not link: it is often a former name another party now bears (POUYA AIR, formerly YAS
AIR). A group in which one source lists the name twice under two entries (two SDN persons named KIM, Yong Chol) is
two parties at least, and links nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from exportctl.lists.model import EntryType, ListEntry
from exportctl.screening.disjoint_sets import DisjointSets

ORGANISATION_WORDS = 2  # the least words of an organisation's name that links copies
PERSON_WORDS = 3  # the least words of a person's name that links copies

_LINKED_KINDS = frozenset({EntryType.ENTITY, EntryType.UNKNOWN, EntryType.INDIVIDUAL})

NO_PARTY = -1

#: a source that copies other lists' entries: two of its entries with one name may be two lists' copies of one party
_COPYING_SOURCES = frozenset({"csl"})


Reading = tuple[tuple[int, ...], bool]  # token ids (legal forms left out), of the primary name


def learn_parties(
    entries: Sequence[ListEntry], kinds: Sequence[EntryType], readings: Sequence[Sequence[Reading]]
) -> tuple[npt.NDArray[np.int32], tuple[tuple[int, ...], ...]]:
    """Each entry's party number (:data:`NO_PARTY` for an entry no other list's entry joins) and each party's
    entries. ``readings``: each entry's Latin-script readings as the index reads them (token ids without legal forms,
    and whether of the primary name): the name as written and, where it holds one, without its acronym in brackets
    ("ISLAMIC REVOLUTIONARY GUARD CORPS (IRGC)"); an organisation's primary name only, a person's every name."""
    by_key: dict[tuple[object, ...], list[tuple[int, bool]]] = defaultdict(list)
    for entry_no, (kind, own) in enumerate(zip(kinds, readings, strict=True)):
        if kind not in _LINKED_KINDS:
            continue
        for tokens, primary in own:
            if kind == EntryType.INDIVIDUAL:
                if len(tokens) >= PERSON_WORDS:
                    by_key[("person", tuple(sorted(tokens)))].append((entry_no, primary))
            elif primary and len(tokens) >= ORGANISATION_WORDS:
                by_key[("organisation", tokens)].append((entry_no, primary))
    sets = DisjointSets(len(entries))
    for holders in by_key.values():
        if not any(primary for _, primary in holders):  # two aliases alike are no link (a kunya many people bear)
            continue
        members = list(dict.fromkeys(entry_no for entry_no, _ in holders))
        countries = {country for m in members if (country := entries[m].country)}
        if len(countries) > 1:  # a name of several countries: each country's entries apart, no country joins none
            groups = [[m for m in members if entries[m].country == c] for c in countries]
        else:
            groups = [members]
        for group in groups:
            for m in group[1:]:
                sets.join(m, group[0])
    parties = tuple(
        tuple(group)
        for group in sets.groups()
        if len(group) > 1
        and len({str(entries[m].list) for m in group}) > 1
        and len({entries[m].country for m in group} - {None}) <= 1
        and not _listed_twice(entries, group)
    )
    party_of = np.full(len(entries), NO_PARTY, dtype=np.int32)
    for number, party in enumerate(parties):
        party_of[list(party)] = number
    return party_of, parties


def _listed_twice(entries: Sequence[ListEntry], group: Sequence[int]) -> bool:
    """Whether one source lists the name under two entries of its own: two parties of one name, or one party the
    source lists twice; either way not a link to make."""
    seen: set[str] = set()
    for m in group:
        source = entries[m].source
        if source in _COPYING_SOURCES:
            continue
        if source in seen:
            return True
        seen.add(source)
    return False
