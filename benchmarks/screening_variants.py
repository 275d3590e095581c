"""Recall on ways of writing a listed name that the dev files do not hold, drawn from the lists themselves.

For a random sample of listed names (a fixed seed; no evaluation file is read), each kind rewrites the name the way
people and registers write names, and the rewritten name is screened against the full index at the default
threshold:

* ``initials`` — a person's given names as initials ("M. THACI" for THACI, Menduh);
* ``title`` — a courtesy title in front ("Dr. Ali Mohamed RAGE");
* ``title_two_words`` — a title in front of a name of two words, where it weighs most ("Sheikh Hassan NASRALLAH",
  "Mr. Viktor BOUT");
* ``joined`` — two neighbouring words of an organisation's name run together ("GLORYHARVEST");
* ``split`` — a long word of an organisation's name cut in two ("GLORY HAR VEST" is not made: the cut is at the
  middle of a word of at least 8 letters);
* ``abbreviated`` — one common organisation word abbreviated the way business writing does ("Intl", "Mfg", "Univ");
* ``hyphen`` — two neighbouring words joined by a hyphen.

A case is right when the best hit is its own entry or an entry with one of its Latin names (one party on several
lists), as in ``screening_native_script.py``. Usage: ``python benchmarks/screening_variants.py``.
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable

from exportctl.lists.model import EntryType, ListEntry
from exportctl.screening import ScreeningIndex, screen
from screening_corpus import bundled_entries
from screening_native_script import _same_party
from screening_quality import wilson

SEED = 11
PER_KIND = 300

_ABBREVIATED = {
    "international": "Intl",
    "national": "Natl",
    "manufacturing": "Mfg",
    "industries": "Inds",
    "trading": "Trdg",
    "group": "Grp",
    "university": "Univ",
    "institute": "Inst",
    "academy": "Acad",
    "holdings": "Hldgs",
    "management": "Mgmt",
    "services": "Svcs",
}
_TITLES = ("Dr.", "Mr.", "Mrs.", "Prof.")
_MORE_TITLES = ("Dr.", "Mr.", "Prof.", "Sheikh", "Haji", "Mullah", "Ayatollah", "Colonel")


def _person_parts(name: str) -> tuple[list[str], list[str]]:
    """(family names, given names) of a listed person's name ("FAMILY, Given" or "Given FAMILY")."""
    if "," in name:
        family, given = name.split(",", 1)
        return family.split(), given.split()
    words = name.split()
    return words[-1:], words[:-1]


def _initials(name: str, rng: random.Random) -> str | None:
    family, given = _person_parts(name)
    if not given or not all(g[:1].isalpha() for g in given):
        return None
    return " ".join([f"{g[0]}." for g in given] + family)


def _title(name: str, rng: random.Random) -> str | None:
    family, given = _person_parts(name)
    return f"{rng.choice(_TITLES)} {' '.join(given + family)}"


def _title_two_words(name: str, rng: random.Random) -> str | None:
    family, given = _person_parts(name)
    if len(family) + len(given) != 2:
        return None
    return f"{rng.choice(_MORE_TITLES)} {' '.join(given + family)}"


def _joined(name: str, rng: random.Random) -> str | None:
    words = name.split()
    pairs = [i for i in range(len(words) - 1) if words[i].isalpha() and words[i + 1].isalpha()]
    pairs = [i for i in pairs if len(words[i]) >= 4 and len(words[i + 1]) >= 4]
    if not pairs:
        return None
    i = rng.choice(pairs)
    return " ".join([*words[:i], words[i] + words[i + 1], *words[i + 2 :]])


def _split(name: str, rng: random.Random) -> str | None:
    words = name.split()
    long = [i for i, w in enumerate(words) if w.isalpha() and len(w) >= 8]
    if not long:
        return None
    i = rng.choice(long)
    middle = len(words[i]) // 2
    return " ".join([*words[:i], words[i][:middle], words[i][middle:], *words[i + 1 :]])


def _abbreviated(name: str, rng: random.Random) -> str | None:
    words = name.split()
    found = [i for i, w in enumerate(words) if re.sub(r"\W", "", w).casefold() in _ABBREVIATED]
    if not found:
        return None
    i = rng.choice(found)
    return " ".join([*words[:i], _ABBREVIATED[re.sub(r"\W", "", words[i]).casefold()], *words[i + 1 :]])


def _hyphen(name: str, rng: random.Random) -> str | None:
    words = name.split()
    if len(words) < 2:
        return None
    i = rng.randrange(len(words) - 1)
    return " ".join([*words[:i], f"{words[i]}-{words[i + 1]}", *words[i + 2 :]])


def main() -> None:
    entries = [e for e in bundled_entries() if e.primary_name.isascii()]
    started = time.perf_counter()
    index = ScreeningIndex.build(bundled_entries())
    print(f"index: {len(index.entries)} entries, built in {time.perf_counter() - started:.1f} s")
    persons = [e for e in entries if e.entry_type == EntryType.INDIVIDUAL and len(e.primary_name.split()) >= 2]
    organisations = [e for e in entries if e.entry_type != EntryType.INDIVIDUAL and len(e.primary_name.split()) >= 2]
    kinds: dict[str, tuple[list[ListEntry], Callable[[str, random.Random], str | None]]] = {
        "initials": (persons, _initials),
        "title": (persons, _title),
        "title_two_words": (persons, _title_two_words),
        "joined": (organisations, _joined),
        "split": (organisations, _split),
        "abbreviated": (organisations, _abbreviated),
        "hyphen": (organisations, _hyphen),
    }
    by_id = {e.entry_id: e for e in index.entries}
    for kind, (pool, rewrite) in kinds.items():
        rng = random.Random(SEED)
        cases: list[tuple[str, ListEntry]] = []
        for entry in rng.sample(pool, len(pool)):
            query = rewrite(entry.primary_name, rng)
            if query and query != entry.primary_name:
                cases.append((query, entry))
            if len(cases) >= PER_KIND:
                break
        found = 0
        for query, entry in cases:
            hits = screen(index, query).hits
            if hits and _same_party(by_id[hits[0].entry_id], entry):
                found += 1
        low, high = wilson(found, len(cases))
        rate = found / max(len(cases), 1)
        print(f"{kind:<12} {len(cases):>4} names  recall@1 {rate:.3f}  (95 % CI {low:.3f}-{high:.3f})")


if __name__ == "__main__":
    main()
