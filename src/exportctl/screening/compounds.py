"""Words written together or apart: one more reading of a Latin-script query in which its words are cut or joined as the
lists' vocabulary has them.

"GLORYHARVEST" is the listed GLORY HARVEST, "Sber Bank" the listed SBERBANK: token by token, neither pair is alike. A
query word the lists do not know is cut in two words that stand side by side in a listed name (each of at least
:data:`MIN_PART` letters: "linkbancorp" is not cut, as no listed name says "link bancorp"), and two neighbouring query
words are joined when the lists know them as one word. A legal form written onto a name is cut off too ("GiovanLtd."),
and the words of a written-out legal form are cut apart or joined as the form has them ("LIMITED LIABILITYPARTNERSHIP",
"PARTN ERSHIP"). A shorter part is cut off only where the lists say so: a listed hyphened word written together
(alqaida: AL-QAIDA), a word run into "and", "of", "for" or "the" or into a number (OILAND, UNIT6000), into an acronym or
a short word of two or three letters (GPBINTERNATIONAL, MRBBANK, LANATV) or, in a mixed-case query, at the case's mark
(ATBElectronica), each when a listed name has the two side by side. A longer word is cut in three or more the same
way, each two neighbouring parts side by side in a listed name and one of them of :data:`MIN_PART` letters at least
("aerostarassetmanagement", "ibsitservices", a web address's label). The reading is added beside the others, never
instead of them: the word as written keeps its fuzzy matches.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from itertools import pairwise

from exportctl.screening.index import ScreeningIndex
from exportctl.screening.legal_forms import FORM_WORDS, split_legal_forms
from exportctl.screening.normalize import (
    LATIN,
    PINYIN,
    TRANSLATION,
    AnalyzedName,
    NameVariant,
    canonical_word,
    fold_latin,
)
from exportctl.screening.scripts import pinyin_syllables

MIN_PART = 4  # letters of each word a cut makes: shorter "words" of the lists are mostly acronyms (MMI, TAO, DIT)
MIN_SHORT_PART = 2  # letters of an acronym or short word a cut may free, where a listed name has it beside the rest
MIN_FORM = 3  # letters of a legal form a cut may free (ltd, llc, company)
MIN_CUT = 2 * MIN_PART
MIN_CHAIN = 3 * MIN_PART  # letters of a word cut in three or more
MIN_JOINED = 3  # letters of each word a join uses
_FUNCTION_WORDS = ("and", "for", "the", "of")  # words a name runs into its neighbour (closed class)


def _cut(token: str, index: ScreeningIndex) -> tuple[str, ...] | None:
    """An unknown word as two known ones, the most even cut first (companysberbank: company + sberbank), or as the
    parts of a word the lists write with hyphens (alqaida: al + qaida, :func:`.index.hyphened_words`)."""
    hyphened = index.hyphened.get(token)
    if hyphened is not None:
        return hyphened
    if token in index.vocab:
        return None
    if not token.isalpha():
        return _number_cut(token, index)
    if len(token) < MIN_CUT:
        return _function_word_cut(token, index) or _short_part_cut(token, index)
    middle = len(token) / 2
    for at in sorted(range(MIN_FORM, len(token) - MIN_FORM + 1), key=lambda at: abs(at - middle)):
        first, second = token[:at], token[at:]
        if min(len(first), len(second)) >= MIN_PART:  # the words as indexed: "firstharvest" is 1 + harvest
            indexed = canonical_word(first), canonical_word(second)
            if index.side_by_side(*indexed):
                return indexed
        # a legal form joined to a name ("giovanltd", "companysberbank"): the forms are not in the listed names'
        # words, so no pair of them stands side by side; the name part must be a listed word
        if (_name_word(second, index) and _form_part(first)) or (_name_word(first, index) and _form_part(second)):
            return first, second
        if first in FORM_WORDS and second in FORM_WORDS and min(len(first), len(second)) >= MIN_FORM:
            return first, second  # two words of one written-out form: "liabilitypartnership"
    if len(token) >= MIN_CHAIN:
        chain = _chain_cut(token, index)
        if chain:
            return chain
    return _function_word_cut(token, index) or _short_part_cut(token, index)


def _chain_cut(token: str, index: ScreeningIndex) -> tuple[str, ...] | None:
    """A whole name run together ("aerostarassetmanagement", a web address's label): cut in listed words of
    :data:`MIN_SHORT_PART` letters or more, each two neighbours side by side in a listed name and one word of
    :data:`MIN_PART` letters at least, the longest first word first. A chain of the lists' own pairs, as the cut in
    two is one pair."""
    tried: dict[tuple[int, str], tuple[str, ...] | None] = {}

    def rest(start: int, previous: str) -> tuple[str, ...] | None:
        if start == len(token):
            return ()
        key = (start, previous)
        if key in tried:
            return tried[key]
        found: tuple[str, ...] | None = None
        for end in range(len(token), start + MIN_SHORT_PART - 1, -1):
            if 0 < len(token) - end < MIN_SHORT_PART:
                continue
            word = canonical_word(token[start:end])
            if word not in index.vocab or (previous and not index.side_by_side(previous, word)):
                continue
            tail = rest(end, word)
            if tail is not None:
                found = (word, *tail)
                break
        tried[key] = found
        return found

    chain = rest(0, "")
    if not chain or len(chain) < 2 or max(map(len, chain)) < MIN_PART:
        return None  # not a chain of short words alone
    return chain


def _function_word_cut(token: str, index: ScreeningIndex) -> tuple[str, str] | None:
    """A word run into "and", "of", "for" or "the" ("FORSPACE", "OILAND"), when a listed name has the two side by
    side: the function word is shorter than any other part a cut may make."""
    for word in _FUNCTION_WORDS:
        if len(token) - len(word) < MIN_JOINED:
            continue
        if token.startswith(word) and index.side_by_side(word, token[len(word) :]):
            return word, token[len(word) :]
        if token.endswith(word) and index.side_by_side(token[: -len(word)], word):
            return token[: -len(word)], word
    return None


def _short_part_cut(token: str, index: ScreeningIndex) -> tuple[str, str] | None:
    """A word run into an acronym or a short word ("GPBINTERNATIONAL", "MRBBANK", "LANATV", "MICHAELCOX"), when a
    listed name has the two side by side: the other part has :data:`MIN_PART` letters or more, the short one
    :data:`MIN_SHORT_PART` or more (the longer short part first)."""
    if len(token) < MIN_PART + MIN_SHORT_PART:
        return None
    for size in range(MIN_PART - 1, MIN_SHORT_PART - 1, -1):
        for first, second in ((token[:size], token[size:]), (token[:-size], token[-size:])):
            if index.side_by_side(first, second):
                return first, second
    return None


_LETTERS_DIGITS = re.compile(r"([a-z]+)([0-9]+)|([0-9]+)([a-z]+)")


def _number_cut(token: str, index: ScreeningIndex) -> tuple[str, str] | None:
    """A word run into a number ("UNIT6000", "OMSKIY119", "SONG7"), when a listed name has the two side by side."""
    match = _LETTERS_DIGITS.fullmatch(token)
    if match is None:
        return None
    first, second = (match[1], match[2]) if match[1] else (match[3], match[4])
    return (first, second) if index.side_by_side(first, second) else None


def _camel_cuts(text: str) -> dict[str, tuple[str, str]]:
    """The words of a query written in mixed case whose case marks two words run together ("ATBElectronica",
    "HaoLi"), as their folded join -> the two words."""
    found: dict[str, tuple[str, str]] = {}
    for word in _WORD.findall(text):
        parts = _CAMEL_PARTS.findall(word)
        if len(parts) == 2 and word != word.upper() and word != word.lower():
            first, second = (fold_latin(part) for part in parts)
            if len(first) == 1 and len(second) == 1:
                found[first[0] + second[0]] = (first[0], second[0])
    return found


_WORD = re.compile(r"[^\W\d_]+")
# a capitalised word, an acronym before one ("ATB" of ATBElectronica), or a lower-case start ("hao" of haoLi)
_CAMEL_PARTS = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z][a-z]+|[a-z]+|[A-Z]+")


def _name_word(word: str, index: ScreeningIndex) -> bool:
    return len(word) >= MIN_PART and word in index.vocab


def _form_part(word: str) -> bool:
    """A legal form, or a word of a written-out one ("FEDERAL STATE AUTONOMOUS INSTITUTIONMILITARY …": the listed
    name's words hold no form words, so the pair is never side by side)."""
    return len(word) >= MIN_FORM and (word in FORM_WORDS or _is_form(word))


@functools.lru_cache(maxsize=4096)
def _is_form(word: str) -> bool:
    return bool(split_legal_forms((word,))[1])


def _rejoined(tokens: tuple[str, ...], index: ScreeningIndex, camel: dict[str, tuple[str, str]]) -> list[str]:
    words: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        after = tokens[i + 1] if i + 1 < len(tokens) else ""
        joined = token + after
        # a form's word is in no listed name's words ("corpo ration"); two words of forms stay two ("joint stock")
        known = joined in index.vocab or (joined in FORM_WORDS and not {token, after} <= FORM_WORDS)
        if len(token) >= MIN_JOINED and len(after) >= MIN_JOINED and joined.isalpha() and known:
            words.append(joined)
            i += 2
            continue
        cut = _cut(token, index)
        if cut is None and token in camel and token not in index.vocab and index.side_by_side(*camel[token]):
            cut = camel[token]
        words.extend(cut or (token,))
        i += 1
    return words


def with_rejoined_words(analyzed: AnalyzedName, index: ScreeningIndex) -> AnalyzedName:
    """The analysed query with one more reading whose words are cut or joined as the lists write them (see the
    module doc), for its first Latin-script reading and for its first translated one (香港 is read "hong kong", and
    a listed name may say HONGKONG); unchanged when neither has anything to cut or join."""
    added: list[NameVariant] = []
    forms = analyzed.forms
    camel: dict[str, tuple[str, str]] | None = None  # worked out once, and only for a word the lists do not know
    for kind in (LATIN, TRANSLATION):
        first = next((v for v in analyzed.variants if v.kind == kind and not v.replaced), None)
        if first is None:
            continue
        if camel is None and any(t not in index.vocab for t in first.tokens):
            text = analyzed.text
            camel = _camel_cuts(text) if not text.isupper() and not text.islower() else {}
        words = _rejoined(first.tokens, index, camel or {})
        if tuple(words) == first.tokens:
            continue
        core, freed = split_legal_forms(words)  # a cut may free a legal form: "internationallimited"
        if not core or any(v.tokens == core for v in (*analyzed.variants, *added)):
            continue
        added.append(NameVariant(core, kind))
        forms |= freed
    if not added:
        return analyzed
    return replace(analyzed, variants=(*analyzed.variants, *added), forms=forms)


SPACED_SHARE = 0.5  # share of a reading's neighbouring syllables that listed names must write side by side


def without_unlisted_syllables(analyzed: AnalyzedName, index: ScreeningIndex) -> AnalyzedName:
    """The analysed query without its readings of a Chinese name syllable by syllable ("ji hua laboratory" beside
    "jihua laboratory") whose syllables no listed name writes apart: fewer than :data:`SPACED_SHARE` of its
    neighbouring syllables stand side by side in a listed name (Ji Hua Laboratory has them). Such a reading finds
    only the names its joined twin finds, and its short, common syllables cost a fifth of a Chinese name's
    screening time."""
    fewest: dict[str, int] = {}  # letters of a reading -> the fewest words any reading writes them in
    for variant in analyzed.variants:
        if variant.kind in (TRANSLATION, PINYIN):
            letters = "".join(variant.tokens)
            fewest[letters] = min(fewest.get(letters, len(variant.tokens)), len(variant.tokens))
    if not fewest:  # no Chinese reading: most names
        return analyzed
    syllables = pinyin_syllables()

    def unlisted_split(variant: NameVariant) -> bool:
        if variant.kind not in (TRANSLATION, PINYIN) or fewest["".join(variant.tokens)] == len(variant.tokens):
            return False  # no joined twin
        pairs = [(a, b) for a, b in pairwise(variant.tokens) if a in syllables and b in syllables]
        return bool(pairs) and sum(index.side_by_side(a, b) for a, b in pairs) < SPACED_SHARE * len(pairs)

    kept = tuple(v for v in analyzed.variants if not unlisted_split(v))
    return replace(analyzed, variants=kept) if len(kept) < len(analyzed.variants) else analyzed
