"""Names cut at a payment message's field length: "JOINT STOCK COMPANY RESEARCH INSTIT" (35 characters).

SWIFT MT and Fedwire name lines hold 35 characters, SEPA names 70, ISO 20022 names 140; a longer name is cut there,
often inside a word. Read as written, the stub is an unknown word that matches nothing, and the listed name's words
after the cut count against it: "AKTSIONERNOE OBSHCHESTVO REGISTRATS" found nothing. A name of exactly such a length
is also read as possibly cut (:attr:`~.normalize.NameVariant.cut`): its last word counts as the start of a listed
word (:data:`.similarity.PREFIX_SIMILARITY`, weighed as the rarity of the names with a word so beginning), and the
listed name's words after that word count a quarter (:data:`.scoring.CUT_REMAINDER_SHARE`). The reading as
written stays, and the result says the name was read so.

A cut legal form ("… CLOSED JOINT STOCK", "… TRADING COMPA") gives one more reading without it: a form ends a name.
"""

from __future__ import annotations

from dataclasses import replace

from exportctl.screening.legal_forms import FORM_SPELLINGS, FORM_WORDS
from exportctl.screening.normalize import PINYIN, SKELETON, TRANSLATION, AnalyzedName, NameVariant

CUT_LENGTHS = frozenset({35, 70, 140})  # SWIFT MT / Fedwire name lines, SEPA names, ISO 20022 names
MIN_WORDS = 2  # a cut reading of one word needs MIN_ONE_WORD letters: a shorter stub alone begins too many names
MIN_ONE_WORD = 4
_WHOLE_WORDS_ONLY = frozenset({SKELETON, PINYIN, TRANSLATION})  # readings of characters, never cut inside a word


def cut_length(name: str) -> int | None:
    """The payment message field's length a name is exactly as long as (its end perhaps cut off there), if any."""
    for length in (len(name), len(name.rstrip())):
        if length in CUT_LENGTHS:
            return length
    return None


def _form_pieces() -> frozenset[tuple[tuple[str, ...], str]]:
    """Every run of words of a legal form's spelling, as (its words but the last, the last word or a start of it)."""
    pieces: set[tuple[tuple[str, ...], str]] = set()
    for form in FORM_SPELLINGS:
        for start in range(len(form)):
            for end in range(start + 1, len(form) + 1):
                last = form[end - 1]
                pieces.update((form[start : end - 1], last[:cut]) for cut in range(1, len(last) + 1))
    return frozenset(pieces)


_FORM_PIECES = _form_pieces()


def _without_form_stub(tokens: tuple[str, ...]) -> tuple[str, ...] | None:
    """The tokens without the longest tail that is part of a legal form, its last word perhaps cut: "closed joint
    stock" of CLOSED JOINT STOCK COMPANY, "compa" of COMPANY, "liability part" of LIMITED LIABILITY PARTNERSHIP
    (whose LIMITED the analysis has split off already); None when no tail is, or nothing would be left."""
    for start in range(1, len(tokens)):
        tail = tokens[start:]
        if len(tail) == 1 and tail[0] in FORM_WORDS:
            continue  # a whole form word left alone is the name's own ("TRADING"), else the analysis had split it
        if (tail[:-1], tail[-1]) in _FORM_PIECES:
            return tokens[:start]
    return None


def with_cut_readings(analyzed: AnalyzedName) -> AnalyzedName:
    """The analysed name with a cut reading beside each reading (of two words, or of one of 4 letters or more), and
    one without the tail that begins a legal form ("… TRADING COMPA": a form ends a name)."""
    added: list[NameVariant] = []
    for variant in analyzed.variants:
        tokens = variant.tokens
        if variant.kind in _WHOLE_WORDS_ONLY or variant.cut or not tokens:
            continue
        readings = []
        if len(tokens) >= MIN_WORDS or len(tokens[0]) >= MIN_ONE_WORD:
            readings.append(replace(variant, cut=True))
        kept = _without_form_stub(tokens)
        if kept:
            readings.append(replace(variant, tokens=kept))
        for reading in readings:
            if reading not in analyzed.variants and reading not in added:
                added.append(reading)
    if not added:
        return analyzed
    return replace(analyzed, variants=(*analyzed.variants, *added))
