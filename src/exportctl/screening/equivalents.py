"""Brand equivalents learnt from the lists' own aliases: 浪潮 *Langchao* is *Inspur*, 七星 *Qixing* is *Sevenstar*.

Chinese firms often carry two names for the same brand: a pinyin one (Langchao) and an English one (Inspur). No
romanisation turns one into the other, but the lists themselves say so when one entry has both as aliases that are
otherwise the same ("Inspur (Beijing) Electronic Information Industry" / "Langchao Beijing Electronic Information").
Such a pair, learnt from one entry, lets a query written with either brand reach every entry written with the other
("浪潮集团" → "Langchao Group" → "Inspur Group").

Only pairs that are safe to spread across entries are kept: both words rare in the lists, the non-pinyin one never
used by any other (non-Chinese) entry (a brand, not "automation" or "southeast"), exactly one word of two aligned names
differs (the rest agree on at least one word; pinyin spaced syllable by syllable, "Yun Cong", counts as one word),
the entry is a Chinese organisation (not a person: persons' aliases replace given names, which are not
interchangeable), and exactly one of the two words is pinyin of two or more syllables (so "Shenzhen"/"Suzhou" or
"Foundation"/"Society" are never paired).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import replace
from difflib import SequenceMatcher

from pypinyin import Style
from pypinyin.pinyin_dict import pinyin_dict
from pypinyin.style import convert

from exportctl.screening.normalize import SKELETON, AnalyzedName, NameVariant

MAX_PINYIN_FREQUENCY = 10  # the pinyin word in at most this many names: a brand, not a city ("Chongqing")
MAX_BRAND_FREQUENCY = 30  # the other word in at most this many names (a big brand has many subsidiaries)
MIN_SHARED_TOKENS = 1
MAX_EXPANSIONS = 2  # extra readings of one query (each is scored like any other reading)

CHINESE_JURISDICTIONS = frozenset({"CN", "HK", "MO", "TW"})


@functools.cache
def _pinyin_word() -> re.Pattern[str]:
    """Two to four syllables of pypinyin's own syllable inventory (every reading of every character it knows)."""
    syllables = {
        convert(reading, Style.NORMAL, strict=True)
        for readings in pinyin_dict.values()
        for reading in readings.split(",")
    }
    usable = sorted((s for s in syllables if s.isascii() and s.isalpha() and re.search("[aeiouv]", s)), key=len)
    alternatives = "|".join(reversed(usable))  # longest first, so that "zhuang" is tried before "zhu"
    return re.compile(f"(?:{alternatives}){{2,4}}")


def is_pinyin_word(token: str) -> bool:
    """True when a token reads as two to four pinyin syllables ("langchao", "kaishitong"; not "inspur")."""
    return _pinyin_word().fullmatch(token) is not None


def _differing_pair(a: Sequence[str], b: Sequence[str]) -> tuple[str, str] | None:
    """The one word in which two aligned token lists differ, when they agree on enough of the rest."""
    replaced: tuple[str, str] | None = None
    shared = 0
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            shared += i2 - i1
        elif op == "replace":
            x, y = _one_word(a[i1:i2]), _one_word(b[j1:j2])
            if replaced is not None or x is None or y is None:
                return None
            replaced = (x, y)
    return replaced if shared >= MIN_SHARED_TOKENS else None


def _one_word(tokens: Sequence[str]) -> str | None:
    """A replaced span as one word: a single word, or pinyin spaced syllable by syllable ("Yun Cong" → "yuncong",
    as a Chinese query is also read); None for anything else."""
    if len(tokens) == 1:
        return tokens[0]
    joined = "".join(tokens)
    if len(tokens) <= 4 and all(_pinyin_word_or_syllable(t) for t in tokens) and is_pinyin_word(joined):
        return joined
    return None


def _pinyin_word_or_syllable(token: str) -> bool:
    return _pinyin_syllable().fullmatch(token) is not None


@functools.cache
def _pinyin_syllable() -> re.Pattern[str]:
    return re.compile(_pinyin_word().pattern.replace("{2,4}", ""))


def learn_equivalents(
    names_by_entry: Iterable[Sequence[Sequence[str]]],
    document_frequency: Mapping[str, int],
    used_elsewhere: Container[str],
) -> dict[str, tuple[str, ...]]:
    """Brand equivalents from the token lists of each Chinese organisation's Latin-script names, both directions.

    ``used_elsewhere`` holds the words of every other entry's names: an English word found there ("automation",
    "southeast") is vocabulary, not a brand coined for a Chinese firm ("Inspur", "Sevenstar", "Sugon").
    """
    learnt: dict[str, set[str]] = {}
    for names in names_by_entry:
        for i, a in enumerate(names):
            for b in names[i + 1 :]:
                if abs(len(a) - len(b)) > 2 or len(set(a) & set(b)) < MIN_SHARED_TOKENS:
                    continue  # cannot align: skip the (slower) sequence alignment
                pair = _differing_pair(a, b)
                if pair is None:
                    continue
                x, y = pair
                if not (x.isalpha() and y.isalpha() and len(x) >= 3 and len(y) >= 3):
                    continue
                if is_pinyin_word(x) == is_pinyin_word(y):
                    continue
                pinyin, brand = (x, y) if is_pinyin_word(x) else (y, x)
                if document_frequency.get(pinyin, 0) > MAX_PINYIN_FREQUENCY or brand in used_elsewhere:
                    continue
                if document_frequency.get(brand, 0) > MAX_BRAND_FREQUENCY:
                    continue
                learnt.setdefault(x, set()).add(y)
                learnt.setdefault(y, set()).add(x)
    return {token: tuple(sorted(others)) for token, others in sorted(learnt.items())}


def expansions(
    tokens: Sequence[str], equivalents: Mapping[str, tuple[str, ...]]
) -> list[tuple[tuple[str, ...], tuple[tuple[str, str], ...]]]:
    """Readings of a token list with one brand replaced by its learnt equivalent: (tokens, ((from, to),))."""
    found: list[tuple[tuple[str, ...], tuple[tuple[str, str], ...]]] = []
    for position, token in enumerate(tokens):
        for other in equivalents.get(token, ()):
            replaced = (*tokens[:position], other, *tokens[position + 1 :])
            found.append((replaced, ((token, other),)))
            if len(found) >= MAX_EXPANSIONS:
                return found
    return found


def with_equivalents(analyzed: AnalyzedName, equivalents: Mapping[str, tuple[str, ...]]) -> AnalyzedName:
    """The analysed query with extra readings in which a brand is replaced by its learnt equivalent (if any)."""
    if not equivalents:
        return analyzed
    extra: list[NameVariant] = []
    for variant in analyzed.variants:
        if variant.kind == SKELETON:
            continue
        for tokens, replaced in expansions(variant.tokens, equivalents):
            candidate = NameVariant(tokens, variant.kind, replaced)
            if len(extra) < MAX_EXPANSIONS and all(v.tokens != tokens for v in (*analyzed.variants, *extra)):
                extra.append(candidate)
    return replace(analyzed, variants=(*analyzed.variants, *extra)) if extra else analyzed
