"""Words that the world's Latin-script languages use in running text: such a word in a name is that word, not a
misspelling of a listed one ("Caron" is no CARBON, "Diallo" no Diablo), and so are two English ones written together
(TECHPRECISION).

The lists know only their own words; these come from wordfreq (CC BY-SA 4.0), every word of its Latin-script
languages used once per million words or more, folded as names are (``data/screening/world_words.txt.gz``, written
by ``benchmarks/build_world_words.py``, with the English ones alone in ``english_words.txt.gz``).
"""

from __future__ import annotations

import functools
import gzip
import io
from importlib import resources

import numpy as np
import numpy.typing as npt
from rapidfuzz.distance import OSA


def _text(name: str) -> str:
    """A packaged word list (``data/screening/<name>``, gzip, one word a line), as text."""
    data = resources.files("exportctl") / "data" / "screening" / name
    return gzip.decompress(data.read_bytes()).decode("ascii")


@functools.cache
def _hashes() -> npt.NDArray[np.int64]:
    """The words' hashes, sorted, loaded once per process: 6 MB where a set of the 725,000 words took 100 MB.
    ``hash`` is this process's own (salted per process), so the table is built where it is used, never stored."""
    text = _text("world_words.txt.gz")
    lines = io.StringIO(text)  # one word a line, read one at a time: a list of them all took 50 MB at its peak
    return np.sort(np.fromiter((hash(line.rstrip("\n")) for line in lines), dtype=np.int64, count=text.count("\n")))


@functools.cache
def _english() -> frozenset[str]:
    """The English words alone (26,000), the parts of a compound."""
    return frozenset(_text("english_words.txt.gz").split())


def is_english_word(word: str) -> bool:
    """Whether a folded word is one of the English words (used once per million words or more)."""
    return word in _english()


def preload() -> None:
    """Load the words now (0.2 s), where a process gets its index, rather than in the first query that asks."""
    _hashes()
    _english()


def is_world_word(word: str) -> bool:
    """Whether a folded word (lower case, no accents) is one of the world's words."""
    table = _hashes()
    key = hash(word)
    at = int(np.searchsorted(table, key))
    return at < len(table) and int(table[at]) == key


COMPOUND_PART = 4  # the least letters of each word of a compound (TECH + PRECISION)


@functools.lru_cache(maxsize=65536)
def compound_cuts(word: str) -> tuple[int, ...]:
    """Where a folded word splits into two English words of 4+ letters each (techprecision: 4). English only: names
    run English words together (TechPrecision, GlobalTrans), and across all 26 languages nearly any misspelling
    splits into two words by chance: 7.7 % of one-typo variants of the lists' long one-word names did (mosott|rest,
    Hungarian and English, for MOSTOTREST), against under 0.7 % with English alone."""
    english = _english()
    return tuple(
        cut
        for cut in range(COMPOUND_PART, len(word) - COMPOUND_PART + 1)
        if word[:cut] in english and word[cut:] in english
    )


def is_another_word(word: str, listed: str) -> bool:
    """Whether a folded query word is a word of its own, not a misspelling of the listed word it resembles: one of
    the world's words, or two English ones written together of which the listed word keeps one whole, so that they
    differ by a whole word (tech|precision is no TESSPRECISION). A misspelling across the cut is still one."""
    return is_world_word(word) or any(
        listed.startswith(word[:cut]) or listed.endswith(word[cut:]) for cut in compound_cuts(word)
    )


MIN_EDITS = 2  # two words of the world's languages this many edits apart or more are two words
STEM_ENDING = 2  # letters at a word's end that its other forms change (technology, technologies; centre, center)
_VOWELS = frozenset("aeiouy")


@functools.lru_cache(maxsize=65536)
def distinct_words(word: str, other: str) -> bool:
    """Whether two different folded words of the world's languages are two words, not spellings of one: at least
    :data:`MIN_EDITS` edits apart (a typo that makes another word makes it in one: Fight for FLIGHT), and sharing
    neither their consonants (Mohammed, Mohamad; Hussein, Husayn) nor all but the last :data:`STEM_ENDING` letters
    of the shorter (technology, technologies; speed, speedy)."""
    if OSA.distance(word, other) < MIN_EDITS:
        return False  # one edit apart: as often a typo that makes a word (Fight for FLIGHT, Cina for CHINA)
    shorter = min(len(word), len(other))
    stem = max(shorter - STEM_ENDING, 1)
    if word[:stem] == other[:stem]:
        return False
    return _consonants(word) != _consonants(other)


def _consonants(word: str) -> str:
    """A word's consonants, a doubled one once (Mohammed: mhmd)."""
    kept = [ch for ch in word if ch not in _VOWELS]
    return "".join(ch for k, ch in enumerate(kept) if not k or kept[k - 1] != ch)
