"""The middle names of a listed person's name: the words people leave out when they write the name.

A customer file, a passport scan or a letter writes "Ali SEPEHR" or "Maksut Shadayev" for the listed "SEPEHR, Ali
Majd" and "SHADAYEV, Maksut Igorevich": the first given name and the family name, without the second given names,
patronymics and father's names between. Counted in full, those unmatched words held such a name under the threshold
(0.739 for "Ali SEPEHR"), while a missing family name or first given name says the query is someone else. A middle
name therefore counts :data:`MIDDLE_NAME_SHARE` of its weight in how much of the listed name a query holds
(:func:`.scoring.score_units`), whether or not the query has it.

Which words are middle names is read from how the lists write names (a closed set of conventions):

* "FAMILY, Given Middle …" (OFAC, the UK): the words after the first given name;
* "Given Middle FAMILY" with the family name in capitals (the UN, the EU): the given words after the first;
* otherwise (all capitals, or no capitals): the words between the first and the last.

A given name is a word as written ("Il-U" is one), and Korean and Chinese given names, one name in two syllables
("JONG, Kyong Thaek"), have no middle names: known by the entry's country, or by two given words of one syllable
each (a Korean's listed address is often abroad).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from exportctl.screening.honorifics import is_honorific
from exportctl.screening.normalize import ABD_AL, fold_latin, latin_arabic_names

MIDDLE_NAME_SHARE = 0.5  # what a listed person's middle name weighs in completeness (every other word 1)
# countries whose given names are one name written in two syllables ("JONG, Kyong Thaek", "LI Guo Hua")
SYLLABLE_GIVEN_NAMES = frozenset({"CN", "HK", "KP", "KR", "MO", "TW"})
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
MAX_POSITIONS = 64  # the mask is one 64-bit number; a word beyond (no listed name is so long) counts in full


def middle_name_mask(text: str, tokens: Sequence[str], country: str | None = None) -> int:
    """Bit ``i`` set when token ``i`` of a listed person's name (``tokens``: its Latin reading, in the order
    written) is a middle name; 0 when the name has none, or when its words cannot be lined up with ``tokens``.
    ``country``: the entry's, ISO 3166 alpha-2 (a Korean or Chinese given name is one name in two syllables)."""
    if len(tokens) < 3 or country in SYLLABLE_GIVEN_NAMES:
        return 0
    family, given = _family_and_given(text)
    if family is None or given is None:
        return 0
    family_tokens = latin_arabic_names(fold_latin(family))
    # a given name is a word as written: "Il-U" and "Shui-bian" are one name, though read as two tokens
    given_words = [fold_latin(word) for word in given.split()]
    given_words = [word for word in given_words if word]
    if not family_tokens or len(given_words) < 2 or is_honorific(given_words[0][0]):
        return 0  # "BURHAN, Dr. Sahir": the title is no given name
    if len(given_words) == 2 and all(len(word) == 1 and _one_syllable(word[0]) for word in given_words):
        return 0  # "JONG, Yong Nam" (an address in Belarus): a given name in two syllables, as Korean writes it
    # in the words' form as the analysis reads them (Abd al-Latif: abdul latif, one given name of two words)
    given_tokens = latin_arabic_names([token for word in given_words for token in word])
    first_tokens = latin_arabic_names(given_words[0])
    first = 2 if first_tokens == ["abd"] and given_tokens[:1] == [ABD_AL] else len(first_tokens)
    if tuple(family_tokens + given_tokens) == tuple(tokens):
        middle = range(len(family_tokens) + first, len(tokens))
    elif tuple(given_tokens + family_tokens) == tuple(tokens):
        middle = range(first, len(given_tokens))
    else:  # a legal form or a word the analysis read otherwise: the words do not line up
        return 0
    return sum(1 << i for i in middle if i < MAX_POSITIONS)


def _family_and_given(text: str) -> tuple[str | None, str | None]:
    """(family, given names) as written, by the conventions above; (None, None) when the name follows none."""
    if text.count(",") == 1:
        family, given = text.split(",")
        return family, given
    if "," in text:
        return None, None
    words = text.split()
    capitals = [_in_capitals(w) for w in words]
    if any(capitals) and not all(capitals):
        if capitals[-1] and not capitals[0]:  # Given Middle FAMILY
            cut = len(words) - capitals[::-1].index(False)
            return " ".join(words[cut:]), " ".join(words[:cut])
        if capitals[0] and not capitals[-1]:  # FAMILY Given Middle
            cut = capitals.index(False)
            return " ".join(words[:cut]), " ".join(words[cut:])
        return None, None
    # no capitals to tell: the first word and the last are the names kept
    return words[-1], " ".join(words[:-1])


def _one_syllable(word: str) -> bool:
    return len(_VOWEL_GROUPS.findall(word)) == 1


def _in_capitals(word: str) -> bool:
    letters = [ch for ch in word if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)
