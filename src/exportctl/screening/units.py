"""Words that name a unit of an organisation: a branch or a representative office is part of the company it belongs
to, not another party, so a query naming one is also read without those words.

"PHOENIX ELECTRONICS Representative Office" found nothing: "representative" and "office" are rare in the lists, and
unmatched they weighed more than the listed name's own words. A closed class of company-law terms, hand-written;
"office" alone is not in it (the Office of …).
"""

from __future__ import annotations

from dataclasses import replace

from exportctl.screening.normalize import SKELETON, AnalyzedName, NameVariant

_UNIT_PHRASES: tuple[tuple[str, ...], ...] = (
    ("representative", "office"),
    ("representative", "offices"),
    ("rep", "office"),
    ("liaison", "office"),
    ("branch", "office"),
    ("branch",),
    ("branches",),
)
_FIRST_WORDS = frozenset(phrase[0] for phrase in _UNIT_PHRASES)


def without_unit_words(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """The tokens without the words of a unit (longest phrase first); the tokens as they are when that leaves none."""
    if not _FIRST_WORDS.intersection(tokens):
        return tokens
    kept: list[str] = []
    i = 0
    while i < len(tokens):
        for phrase in _UNIT_PHRASES:
            if tokens[i : i + len(phrase)] == phrase:
                i += len(phrase)
                break
        else:
            kept.append(tokens[i])
            i += 1
    return tuple(kept) if kept else tokens


def with_unit_words_dropped(analyzed: AnalyzedName) -> AnalyzedName:
    """The analysed query with one more reading of each reading that names a unit, without the unit's words (the
    reading as written stays: a listed branch, AL-HARAMAIN : ALBANIA BRANCH, is still found as itself)."""
    added: list[NameVariant] = []
    for variant in analyzed.variants:
        if variant.kind == SKELETON:
            continue
        kept = without_unit_words(variant.tokens)
        if kept != variant.tokens:
            shorter = NameVariant(kept, variant.kind, variant.replaced)
            if shorter not in analyzed.variants and shorter not in added:
                added.append(shorter)
    if not added:
        return analyzed
    return replace(analyzed, variants=(*analyzed.variants, *added))
