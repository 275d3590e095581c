"""Places and references written after a company's legal form with no separator: "HUAWEI TECHNOLOGIES CO LTD
SHENZHEN GUANGDONG CHINA", "HUAWEI TECHNOLOGIES CO LTD INV 20231234", as customer files and payment messages run a
name into its address or a payment's reference.

A legal form ends a company's name (Co., Ltd., GmbH, LLC); place words after it are where the company is, not who it
is, and unmatched by the listed name they counted against it: the name above found nothing. Such a name is also read
without those words, beside the name as written. Only places are dropped (:func:`.trailing_country.country_forms`, every
name of a country, and :func:`.places.place_words`, China's provinces and cities), at most :data:`MAX_PLACE_WORDS`
words, and only after a form that does
not open the name ("OOO Moskva" is a company named Moskva). With a separator, :mod:`.trailing_country` reads the
country.
"""

from __future__ import annotations

import functools
from dataclasses import replace

from exportctl.screening.legal_forms import FORM_SPELLINGS
from exportctl.screening.normalize import LATIN, AnalyzedName, NameVariant, fold_latin
from exportctl.screening.places import place_words
from exportctl.screening.trailing_country import country_forms, written_code

_FORM_ENDS = frozenset(spelling[-1] for spelling in FORM_SPELLINGS)  # the words a legal form ends with (Ltd, LLC)
MAX_PLACE_WORDS = 4  # words of places dropped: a city, a province and a country (United Arab Emirates: three)
# a payment's or an order's reference written after the name (HUAWEI TECHNOLOGIES CO LTD INV 20231234): words with
# digits, and before them up to two of these words that say what the number is (a closed class of business writing)
_REFERENCE_WORDS = frozenset(
    {"inv", "invoice", "ref", "reference", "po", "order", "no", "nr", "number", "acct", "account", "contract", "ac"}
)
MAX_REFERENCE_NUMBERS = 2  # words with digits dropped after a form: an invoice's number and its date
MAX_REFERENCE_WORDS = 2  # the words before them that say what they are (INVOICE NO)


@functools.cache
def _countries() -> frozenset[str]:
    """Every name of every country, folded; a name two countries share (Virgin Islands, Korea) too: it is a place
    either way."""
    return frozenset(" ".join(fold_latin(name)) for names in country_forms().values() for name in names)


@functools.cache
def _last_words() -> frozenset[str]:
    """The words a place's name ends with (islands, emirates, shenzhen)."""
    return frozenset(name.split()[-1] for name in _countries() if name) | place_words()


def _place_at_end(tokens: list[str], end: int) -> int:
    """How many words before ``end`` name one place: a country's name of up to :data:`MAX_PLACE_WORDS` words
    (United Arab Emirates, Russia) or a place word (Shenzhen, Guangdong); 0 when they name none."""
    for size in range(min(MAX_PLACE_WORDS, end), 0, -1):
        if " ".join(tokens[end - size : end]) in _countries():
            return size
    return 1 if end and tokens[end - 1] in place_words() else 0


def trailing_places(text: str) -> int:
    """How many words after a legal form's word end the text and name places or a reference (0 when none do); the
    last place may be a country's ISO code in capitals ("KVANTEK LIMITED CN"), not one that is a legal form's word
    (AG, SA); a reference is up to :data:`MAX_REFERENCE_NUMBERS` words with digits, after up to
    :data:`MAX_REFERENCE_WORDS` words that say what they are, or none ("QELMORA CO LTD INVOICE NO 20231234")."""
    tokens = fold_latin(text)
    references = _reference_at_end(tokens)
    if references:
        tokens, count = tokens[:-references], 0  # places before a reference are read as words only
    else:
        words = text.split()
        count = 1 if words and len(words[-1].strip(" .")) <= 3 and written_code(words[-1]) else 0
    while count < MAX_PLACE_WORDS and (size := _place_at_end(tokens, len(tokens) - count)):
        count += size
    before = len(tokens) - count
    if count + references == 0 or before < 2 or tokens[before - 1] not in _FORM_ENDS:
        return 0
    return count + references


def _reference_at_end(tokens: list[str]) -> int:
    """How many of the last words are a reference: words with digits (at most :data:`MAX_REFERENCE_NUMBERS`) and the
    words before them that say what they are (INV, REF, PO, INVOICE NO …; at most :data:`MAX_REFERENCE_WORDS`)."""
    numbers = 0
    while numbers < min(MAX_REFERENCE_NUMBERS, len(tokens)) and any(ch.isdigit() for ch in tokens[-1 - numbers]):
        numbers += 1
    words = 0
    while numbers and words < MAX_REFERENCE_WORDS and numbers + words < len(tokens):
        if tokens[-1 - numbers - words] not in _REFERENCE_WORDS:
            break
        words += 1
    return numbers + words


def with_trailing_places_dropped(analyzed: AnalyzedName) -> AnalyzedName:
    """The analysed Latin-script query with one more reading of each reading that ends in the places written after
    its legal form, without them; unchanged for any other name."""
    if analyzed.scripts or not analyzed.forms or not analyzed.variants:
        return analyzed
    last = analyzed.variants[0].tokens[-1:]
    if not last or (
        last[0] not in _last_words()
        and not (len(last[0]) <= 3 and written_code(analyzed.text.split()[-1]))
        and not any(ch.isdigit() for ch in last[0])
    ):
        return analyzed  # the usual name: a set lookup, and for a short last word a code's or a number's
    count = trailing_places(analyzed.text)
    if not count:
        return analyzed
    added: list[NameVariant] = []
    for variant in analyzed.variants:
        if variant.kind == LATIN and len(variant.tokens) > count:
            shorter = replace(variant, tokens=variant.tokens[:-count])
            if shorter not in analyzed.variants and shorter not in added:
                added.append(shorter)
    return replace(analyzed, variants=(*analyzed.variants, *added)) if added else analyzed
