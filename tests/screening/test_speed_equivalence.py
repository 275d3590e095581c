"""Speed work must not change a result: a batch screens each name exactly as one-by-one screening does, a pickled
(cached) index exactly as a fresh one, and the index holds every listed name as its own analysis gives it.

The names are generated from the lists (deterministic seed): listed names with a letter changed, a word dropped or
the words reordered, names in Chinese, Cyrillic and Arabic script, combinations of list words that are on no list,
and a few unusable names. Low threshold and a long hit list, so that near misses and their order are compared too.
"""

from __future__ import annotations

import pickle
import random

import pytest

from exportctl.errors import InputError
from exportctl.lists.model import ListEntry
from exportctl.screening import ScreeningIndex, screen_query
from exportctl.screening.alias_markers import named_parts
from exportctl.screening.designations import opening_short_name
from exportctl.screening.engine import screen_queries
from exportctl.screening.features import Query
from exportctl.screening.index import _MAX_ANALYSED_VARIANTS, acronym_parts
from exportctl.screening.normalize import SKELETON, analyze


def _generated(index: ScreeningIndex, count: int) -> list[Query]:
    rng = random.Random(20261204)
    listed = [name for entry in index.entries for name in entry.names]
    native = [name for name in listed if not name.isascii()]
    words = [w for name in listed for w in name.split() if w.isalpha() and len(w) > 3]
    queries: list[Query] = [Query(""), Query("?!"), Query("x"), Query("A" * 400)]
    while len(queries) < count:
        kind = rng.random()
        name = rng.choice(native if kind < 0.15 else listed)
        if kind < 0.3:
            pass
        elif kind < 0.45:
            at = rng.randrange(len(name))
            name = name[:at] + rng.choice("aeiouxkz") + name[at + 1 :]
        elif kind < 0.6:
            parts = name.split()
            if len(parts) > 2:
                parts.pop(rng.randrange(len(parts)))
            rng.shuffle(parts)
            name = " ".join(parts)
        else:
            name = " ".join(rng.sample(words, rng.randint(1, 4))) + rng.choice(["", " Ltd", " GmbH", " OOO"])
        queries.append(Query(name, rng.choice([None, None, "CN", "RU", "IR", "US"])))
    return queries


@pytest.fixture(scope="module")
def queries(index: ScreeningIndex) -> list[Query]:
    return _generated(index, 600)


def _one_by_one(index: ScreeningIndex, queries: list[Query]) -> list[object]:
    results: list[object] = []
    for query in queries:
        try:
            results.append(screen_query(index, query, threshold=0.5, limit=25))
        except InputError as error:
            results.append(str(error))
    return results


def _batch(index: ScreeningIndex, queries: list[Query]) -> list[object]:
    results = screen_queries(index, queries, threshold=0.5, limit=25)
    return [str(r) if isinstance(r, InputError) else r for r in results]


def test_a_batch_screens_each_name_exactly_as_one_by_one(index: ScreeningIndex, queries: list[Query]) -> None:
    alone = _one_by_one(index, queries)
    assert _batch(index, queries) == alone  # hits, order, scores and every feature's contribution
    assert sum(1 for r in alone if not isinstance(r, str) and r.hits) > 200  # the set exercises hits, not misses


def test_a_pickled_index_screens_exactly_as_the_fresh_one(index: ScreeningIndex, queries: list[Query]) -> None:
    loaded = pickle.loads(pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))
    assert _batch(loaded, queries) == _batch(index, queries)


def _parts(name: str) -> list[str]:
    """The names a listed name is also indexed as: with and without its acronym, each name it holds (X A.K.A. Y),
    and with the short name of the state whose long name opens it."""
    short = opening_short_name(name)
    return [*acronym_parts(name), *named_parts(name), *([short] if short else [])]


def test_every_indexed_name_is_its_own_analysis(index: ScreeningIndex, corpus: list[ListEntry]) -> None:
    """Names repeated across lists are analysed once and shared: each copy must still be exactly its analysis."""
    assert index.entries == corpus and not any(entry.raw for entry in index.entries)
    readings: dict[str, list[tuple[str, tuple[str, ...], frozenset[str]]]] = {}
    for name in {name for entry in corpus for name in entry.names}:  # each distinct name analysed on its own
        readings[name] = [
            (variant.kind, variant.tokens, analyzed.forms)
            for analyzed in (analyze(name), *(analyze(part) for part in _parts(name)))
            for variant in analyzed.variants[:_MAX_ANALYSED_VARIANTS]
            if variant.kind != SKELETON
        ]
    expected = [
        (entry_no, name, *reading)
        for entry_no, entry in enumerate(corpus)
        for name in entry.names
        for reading in readings[name]
    ]
    indexed = [
        (entry_no, text, kind, tuple(index.tokens[t] for t in ids), forms)
        for entry_no, text, kind, ids, forms in zip(
            index.name_entry, index.name_text, index.name_kind, index.name_tokens, index.name_forms, strict=True
        )
    ]
    assert indexed == expected
