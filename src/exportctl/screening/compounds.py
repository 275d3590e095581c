"""Words written together or apart: one more reading of a Latin-script query in which its words are cut or joined
as the lists' vocabulary has them.

"GLORYHARVEST" is the listed GLORY HARVEST, "Sber Bank" the listed SBERBANK: token by token, neither pair is alike.
A query word the lists do not know is cut in two words that stand side by side in a listed name (each of at least
:data:`MIN_PART` letters: "linkbancorp" is not cut, as no listed name says "link bancorp"), and two neighbouring
query words are joined when the lists know them as one word. A legal form written onto a name is cut off too
("GiovanLtd."), and the words of a written-out legal form are cut apart or joined as the form has them
("LIMITED LIABILITYPARTNERSHIP", "PARTN ERSHIP"). The reading is added beside the others, never instead
of them: the word as written keeps its fuzzy matches.
"""

from __future__ import annotations

import functools
from dataclasses import replace

from exportctl.screening.index import ScreeningIndex
from exportctl.screening.legal_forms import FORM_WORDS, split_legal_forms
from exportctl.screening.normalize import LATIN, TRANSLATION, AnalyzedName, NameVariant, canonical_word

MIN_PART = 4  # letters of each word a cut makes: shorter "words" of the lists are mostly acronyms (MMI, TAO, DIT)
MIN_FORM = 3  # letters of a legal form a cut may free (ltd, llc, company)
MIN_CUT = 2 * MIN_PART
MIN_JOINED = 3  # letters of each word a join uses


def _cut(token: str, index: ScreeningIndex) -> tuple[str, str] | None:
    """An unknown word as two known ones, the most even cut first (companysberbank: company + sberbank)."""
    if len(token) < MIN_CUT or not token.isalpha() or token in index.vocab:
        return None
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
    return None


def _name_word(word: str, index: ScreeningIndex) -> bool:
    return len(word) >= MIN_PART and word in index.vocab


def _form_part(word: str) -> bool:
    """A legal form, or a word of a written-out one ("FEDERAL STATE AUTONOMOUS INSTITUTIONMILITARY …": the listed
    name's words hold no form words, so the pair is never side by side)."""
    return len(word) >= MIN_FORM and (word in FORM_WORDS or _is_form(word))


@functools.lru_cache(maxsize=4096)
def _is_form(word: str) -> bool:
    return bool(split_legal_forms((word,))[1])


def _rejoined(tokens: tuple[str, ...], index: ScreeningIndex) -> list[str]:
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
        words.extend(cut or (token,))
        i += 1
    return words


def with_rejoined_words(analyzed: AnalyzedName, index: ScreeningIndex) -> AnalyzedName:
    """The analysed query with one more reading whose words are cut or joined as the lists write them (see the
    module doc), for its first Latin-script reading and for its first translated one (香港 is read "hong kong", and
    a listed name may say HONGKONG); unchanged when neither has anything to cut or join."""
    added: list[NameVariant] = []
    forms = analyzed.forms
    for kind in (LATIN, TRANSLATION):
        first = next((v for v in analyzed.variants if v.kind == kind and not v.replaced), None)
        if first is None:
            continue
        words = _rejoined(first.tokens, index)
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
