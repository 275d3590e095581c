"""What blocking and scoring share: when two tokens count as similar, and how much of a name's similarity is the
query's coverage.

Blocking (:mod:`.blocking`, and the per-word votes of :mod:`.index`) must never drop a name that scoring
(:mod:`.scoring`) would rank above the threshold, so both read the floors and the sound-alike credit from here.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import NamedTuple, TypeVar

import numpy as np
import numpy.typing as npt
from rapidfuzz.distance import Indel

from exportctl.screening.normalize import PINYIN, SKELETON, TRANSLATION, NameVariant
from exportctl.screening.scripts import ARTICLE_SKELETON, is_pinyin
from exportctl.screening.synonyms import synonym_class

COVERAGE_WEIGHT = 0.5  # exponent of coverage in the name similarity; completeness has the rest


TOKEN_FLOOR = 0.65  # edit similarity below which two tokens are "different" (similarity 0)


SHORT_TOKEN_FLOOR = 0.75  # … for tokens of 4 letters or fewer, where one edit is a different word


PHONETIC_SIMILARITY = 0.85  # tokens that sound the same (and are not far apart in spelling) count this much


PHONETIC_MIN = 0.5


INITIAL_SIMILARITY = 0.7  # an initial and a word it begins (M. / Menduh): less than a word's own similarity

PREFIX_SIMILARITY = 0.8  # the last word of a name cut at a field's length and a listed word it begins (.truncation)


def is_initial(token: str) -> bool:
    """A one-letter word of a name's reading: an initial, which stands for any word it begins (M. for Menduh).
    Callers leave out consonant-skeleton readings, whose one-letter tokens are consonants."""
    return len(token) == 1 and token.isalpha()


_Int = TypeVar("_Int", np.int32, np.int64)
_F = TypeVar("_F", float, npt.NDArray[np.float64])


# the floors as float32 numbers: similarities come from rapidfuzz as float32, and a similarity of exactly 0.65 is at
# the floor (as when numpy compares a float32 with the floor)
FLOOR_32 = float(np.float32(TOKEN_FLOOR))


SHORT_FLOOR_32 = float(np.float32(SHORT_TOKEN_FLOOR))


def unique_inverse(values: npt.NDArray[_Int]) -> tuple[npt.NDArray[_Int], npt.NDArray[np.intp]]:
    """``np.unique(values, return_inverse=True)`` without its generality (a third of the time on small arrays).

    The values are runs already in order (each token's postings, reading after reading), which the stable sort
    (timsort) merges rather than sorts afresh; the inverse comes from the sorting permutation, not from a binary
    search per value: a third of the time of sort + search on a batch's keys."""
    order = np.argsort(values, kind="stable")
    ordered = values[order]
    first = np.empty(len(ordered), dtype=bool)
    first[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
    inverse = np.empty(len(values), dtype=np.intp)
    inverse[order] = np.cumsum(first) - 1
    return ordered[first], inverse


def combine(coverage: _F, completeness: _F) -> _F:
    """Name similarity from both sides: the weighted *geometric* mean of coverage (how much of the query the listed
    name holds) and completeness (how much of the listed name the query holds). A listed name of eight words found
    on three of them, or a query whose distinctive word the listed name lacks, scores low even when the other side
    is complete; an arithmetic mean would let one full side carry the match."""
    return coverage**COVERAGE_WEIGHT * completeness ** (1 - COVERAGE_WEIGHT)  # type: ignore[no-any-return]


def similarity_bound(coverage: _F) -> _F:
    """The most :func:`combine` can give for a coverage (with the listed name complete): what blocking prunes on."""
    return coverage**COVERAGE_WEIGHT  # type: ignore[no-any-return]


SHORT_NAME_ONE_EDIT = 8  # a short name's (and a romanised Chinese) word of up to this many letters: one edit away

PINYIN_EXACT = 4  # a romanised Chinese word of up to this many letters (one syllable) must be exact

ARTICLE_SPELLINGS = re.compile(r"[aeiou]?l")  # how Latin names write the article (al, el, ul)


def pinyin_budget(length: npt.NDArray[np.int32] | npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """Edits a romanised Chinese word may differ by from a listed word with the same first letter, by the longer
    word's length: none up to 4 letters (one syllable: "kuai" is not "kai"), one up to 8 (customary spellings drop a
    letter: haerbin Harbin, akesu Aksu), two beyond."""
    return np.where(length <= PINYIN_EXACT, 0, np.where(length <= SHORT_NAME_ONE_EDIT, 1, 2))


@functools.cache
def _pinyin_edits(length: int) -> int:
    return int(pinyin_budget(np.asarray(length)))


def pinyin_letters_kept(query: str, listed: str) -> bool:
    """Whether a romanised Chinese word and a listed word within its :func:`pinyin_budget` differ only by letters
    left out or added (haerbin Harbin, akesu Aksu), none put for another: a letter changed inside a syllable is
    another character ("lifeng" is not LUFENG, "tanlei" not TanWei); ü written v or u is the same letter."""
    query, listed = query.replace("v", "u"), listed.replace("v", "u")
    return Indel.distance(query, listed) <= _pinyin_edits(max(len(query), len(listed), 1))


def spelling_fixed(variant: NameVariant, token: str) -> bool:
    """Whether a query word is the pinyin of Chinese characters (a reading of a Chinese name, never typed by hand):
    a letter's difference is then another character, not a typo, unless it is a customary spelling's
    (:func:`pinyin_budget`)."""
    return variant.kind in (PINYIN, TRANSLATION) and is_pinyin(token)


SKELETON_ONLY = 0.6  # share of a skeleton-equal token pair's similarity when the vowels say it is another word


@functools.lru_cache(maxsize=4096)
def compiled(pattern: str) -> re.Pattern[str]:
    """A vowelled spelling pattern (:func:`~exportctl.screening.scripts.vowelled_pattern`), compiled once, that
    matches whole lines: ``fullmatch`` tells one word, ``finditer`` the words of many joined by newlines, which no
    word and no pattern (letters, vowel classes, optional groups) holds (:func:`credits`). One compiled form serves
    both and blocking: an Arabic-script word's patterns outnumber ``re``'s own cache (512), and compiling each twice
    was 3 % of a batch's time."""
    return re.compile(f"^(?:{pattern})$", re.MULTILINE)


class WordRule(NamedTuple):
    """How much one query word may count against a listed word beyond their edit similarity: ``kind`` "" (fully),
    "pinyin" (only its own spelling, :func:`pinyin_budget`), "article" (a skeleton reading's article: only an
    article), "word" (a skeleton reading's translated word: only ``word`` itself), "spelling" (a skeleton reading's
    word: fully where the listed word fits the vowelled pattern ``word``, :data:`SKELETON_ONLY` where they share
    only consonants) or "prefix" (the last word of a name cut at a field's length: also the start of a listed word,
    :mod:`.truncation`; blocking votes with the words it begins). Scoring applies it to every pair and blocking to
    its votes: a vote for a word scoring will not count only crowded the candidates (the article ل voted for every
    name with LEE or ELA, "dong" for every name with TONG or DANG, زكي for SAK and SEK as much as for ZAKI)."""

    kind: str = ""
    word: str = ""


ANY_WORD = WordRule()


def word_rule(variant: NameVariant, position: int) -> WordRule:
    """The rule for the query word at ``position`` of a reading."""
    token = variant.tokens[position]
    if variant.cut and position == len(variant.tokens) - 1:
        return WordRule("prefix")
    if variant.kind == SKELETON:
        pattern = variant.patterns[position] if variant.patterns else ""
        if not pattern:
            return WordRule("article") if token == ARTICLE_SKELETON else ANY_WORD
        return WordRule("word", pattern) if pattern.isalpha() else WordRule("spelling", pattern)
    return WordRule("pinyin") if spelling_fixed(variant, token) else ANY_WORD


def credit(rule: WordRule, query: str, listed: str, similarity: float) -> float:
    """The share of their similarity that ``rule`` lets the query word count against the listed word ``listed``
    (their edit ``similarity``), as scoring gives it: 0 for a word it may not match."""
    if rule.kind == "spelling":
        return 1.0 if compiled(rule.word).fullmatch(listed) else SKELETON_ONLY
    if rule.kind == "article":
        return 1.0 if ARTICLE_SPELLINGS.fullmatch(listed) else 0.0
    if rule.kind == "word":  # a translated word: itself, or a word of its class (airline: AIR, .synonyms)
        return 1.0 if listed == rule.word or synonym_class(listed) == synonym_class(rule.word) >= 0 else 0.0
    if rule.kind == "pinyin":
        longer = max(len(query), len(listed), 1)
        edits = _pinyin_edits(longer)
        spelt = listed[:1] == query[:1] and similarity >= 1.0 - edits / longer - 1e-6
        return 1.0 if spelt and (similarity >= 1.0 or pinyin_letters_kept(query, listed)) else 0.0
    return 1.0


def credits(rule: WordRule, query: str, listed: Sequence[str], similarities: Sequence[float]) -> list[float]:
    """:func:`credit` of one query word against many listed words (with their edit similarities), equal to it word
    by word. A spelling pattern is run once over all the words, a line each, rather than once per word: an Arabic
    word's skeleton reaches hundreds of spellings, and a regex call apiece was a third of blocking's time for an
    unknown word."""
    if rule.kind == "spelling":
        fitting = {m.group(0) for m in compiled(rule.word).finditer("\n".join(listed))}
        return [1.0 if text in fitting else SKELETON_ONLY for text in listed]
    return [credit(rule, query, text, s) for text, s in zip(listed, similarities, strict=True)]
