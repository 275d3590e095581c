"""Matching: a batch of analysed queries → their best entries, each through its best name (blocking, then scoring).

:mod:`.blocking` picks each reading's candidates and :mod:`.scoring` scores them; both read the index
(:mod:`.index`) and the token-similarity rules (:mod:`.similarity`), and neither imports the other's internals.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from exportctl.screening.blocking import Unit, candidates, split_compounds
from exportctl.screening.index import ScreeningIndex
from exportctl.screening.normalize import NAMES_JOIN, SKELETON, TRANSLITERATION, AnalyzedName
from exportctl.screening.scoring import NameMatch, best_entries, score_units
from exportctl.screening.scripts import ARABIC

__all__ = ["NameMatch", "match_many", "match_names"]

_ARABIC_ONLY = frozenset({ARABIC})
_LATIN_LETTER = re.compile("[A-Za-z]")


def match_many(
    index: ScreeningIndex, queries: Sequence[tuple[AnalyzedName, float]], limit: int = 25
) -> list[list[tuple[int, NameMatch]]]:
    """:func:`match_names` for a batch of (query, min_similarity): each query gets exactly what it would get alone;
    blocking runs once for the whole batch."""
    units = [
        Unit(
            v,
            split_compounds(index, v) if v.kind == SKELETON else v,
            min_similarity,
            query.scripts == _ARABIC_ONLY and v.kind == TRANSLITERATION,
        )
        for query, min_similarity in queries
        for v in query.variants
    ]
    found = candidates(index, units)
    # one Arabic-script word read letter by letter is how the lists' own Arabic-script names are read; it is
    # vowelless, so the only Latin names it spells are acronyms (رصاص read "rss" is no RSS, أنمار no NMR): the Latin
    # spellings of the word are found through the consonant skeleton's vowelled patterns
    native = [unit.letters and len(unit.variant.tokens) == 1 for unit in units]
    if any(native):
        found = _narrowed(found, native, index.arabic_name)
    # names written apart in Arabic script and read as one word (ولی جان as WALIJAN) are a person's name: دعاء عنس
    # read "denise" is no DENISE COMPANY
    joined = [
        v.kind == SKELETON and any(NAMES_JOIN in p for p in v.patterns) for query, _ in queries for v in query.variants
    ]
    if any(joined):
        found = _narrowed(found, joined, index.person_name)
    # an initialism is read letter by letter (KAI, SAMI): a word written in Arabic script whose consonants it has is
    # no spelling of it (القاعي al-Qa'i is not KAI, الشامي al-Shami not SAMI)
    arabic = [unit.letters or unit.searched.kind == SKELETON for unit in units]
    if any(arabic):
        found = _narrowed(found, arabic, ~index.initialism)
    twice = [bool(query.scripts) and _LATIN_LETTER.search(query.text) is not None for query, _ in queries]
    written_twice = [twice[q] for q, (query, _) in enumerate(queries) for _ in query.variants]
    parts = score_units(index, [u.searched for u in units], found, written_twice, [u.letters for u in units])
    scored = iter([(unit.variant, *part) for unit, part in zip(units, parts, strict=True)])
    return [
        best_entries(index, [next(scored) for _ in query.variants], limit, min_similarity)
        for query, min_similarity in queries
    ]


def _narrowed(
    found: list[tuple[npt.NDArray[np.int64], list[float]]], readings: list[bool], kept: npt.NDArray[np.bool_]
) -> list[tuple[npt.NDArray[np.int64], list[float]]]:
    """Each reading's candidates, only the names ``kept`` (a flag per name id) for the readings flagged in
    ``readings``."""
    return [
        (name_ids[kept[name_ids]], weights) if narrow else (name_ids, weights)
        for (name_ids, weights), narrow in zip(found, readings, strict=True)
    ]


def match_names(
    index: ScreeningIndex, query: AnalyzedName, limit: int = 25, min_similarity: float = 0.0
) -> list[tuple[int, NameMatch]]:
    """The best-matching entries (at most ``limit``, similarity ≥ ``min_similarity``), best first, each with its
    best-matching name, over every reading of the query."""
    return match_many(index, [(query, min_similarity)], limit)[0]
