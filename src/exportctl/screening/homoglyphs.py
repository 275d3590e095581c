"""Words that mix Latin letters with Cyrillic or Greek letters of the same shape: "Rоsоbоrоnеxpоrt" with Cyrillic
о and е, "HUАWEI" with a Cyrillic А. On screen they read as the listed name; to the engine they were two scripts and
nothing matched. Mixing look-alikes is how a name is slipped past a screening system, and how a keyboard left on the
wrong layout writes one.

A word that mixes the scripts is written in one of them: in Latin when every other letter of it has a Latin twin,
else in Cyrillic when every Latin letter of it has a Cyrillic twin ("РOCОБOРOНЭКСПOРТ" with Latin O); a word that
mixes letters with no twin stays as written. Words of one script are never changed: Ромашка stays Cyrillic. The twins
are a closed class, the letters Unicode's confusables list gives as identical in shape (a script rule, hand-typed).
"""

from __future__ import annotations

import re

_CYRILLIC_LATIN = "АВЕЅІЈКМНОРСТХУаеѕіјорсхуԁԛԝ"
_LATIN_OF_CYRILLIC = "ABESIJKMHOPCTXYaesijopcxydqw"
_GREEK_LATIN = "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧοικνρ"
_LATIN_OF_GREEK = "ABEZHIKMNOPTYXoikvp"
_TO_LATIN = str.maketrans(_CYRILLIC_LATIN + _GREEK_LATIN, _LATIN_OF_CYRILLIC + _LATIN_OF_GREEK)
# Latin letters with a Cyrillic twin (the other way): the twins of the Cyrillic letters above
_LATIN_CYRILLIC = "ABEKMHOPCTXYaeopcxy"
_CYRILLIC_OF_LATIN = "АВЕКМНОРСТХУаеорсху"
_TO_CYRILLIC = str.maketrans(_LATIN_CYRILLIC, _CYRILLIC_OF_LATIN)
_WORD = re.compile(r"[^\W\d_]+")
_LATIN_LETTER = re.compile(r"[A-Za-z]")
_TWIN_SCRIPTS = re.compile(r"[\u0370-\u03ff\u0400-\u052f]")  # Greek, Cyrillic


def _script(ch: str) -> str:
    code = ord(ch)
    if code < 0x0250 or 0x1E00 <= code <= 0x1EFF:
        return "latin"
    if 0x0400 <= code <= 0x052F:
        return "cyrillic"
    if 0x0370 <= code <= 0x03FF:
        return "greek"
    return "other"


def _one_script(word: str) -> str:
    scripts = {_script(ch) for ch in word}
    if "latin" not in scripts or len(scripts) < 2 or "other" in scripts:
        return word
    latin = word.translate(_TO_LATIN)
    if all(_script(ch) == "latin" for ch in latin):
        return latin
    cyrillic = word.translate(_TO_CYRILLIC)
    if all(_script(ch) == "cyrillic" for ch in cyrillic):
        return cyrillic
    return word


def unmixed(text: str) -> str | None:
    """The text with each word that mixes scripts written in one (see above); None when no word changes."""
    if text.isascii() or not (_LATIN_LETTER.search(text) and _TWIN_SCRIPTS.search(text)):
        return None
    written = _WORD.sub(lambda found: _one_script(found.group()), text)
    return written if written != text else None


# digits written for the letters they look like, inside a word of letters ("R0SNEFT", "HUAWE1"): the same closed
# class of confusables (Unicode gives 0/O and 1/l as confusable; 3, 4, 5 and 8 are how such spellings go on)
_DIGIT_TWINS = str.maketrans("013458", "oieasb")
_LETTERS_AND_DIGITS = re.compile(r"[^\W_]*(?:[a-z][0-9]|[0-9][a-z])[^\W_]*", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_MIN_LETTERS = 3  # "A320", "F16", "SU35" are model codes, not words
_MOST_DIGITS = 2  # or a third of the letters ("TECHN0L0G1ES"); "BOEING737" is a code


def _digits_read(word: str) -> str:
    letters = sum(ch.isalpha() for ch in word)
    digits = [ch for ch in word if ch.isdigit()]
    if letters < _MIN_LETTERS or len(digits) > max(_MOST_DIGITS, letters // 3) or not set(digits) <= set("013458"):
        return word
    read = word.translate(_DIGIT_TWINS)
    return read.upper() if word.upper() == word else read


def digits_as_letters(text: str) -> str | None:
    """The text with the look-alike digits of a word of letters written as letters (see above); None when none."""
    if not _DIGIT.search(text):
        return None
    written = _LETTERS_AND_DIGITS.sub(lambda found: _digits_read(found.group()), text)
    return written if written != text else None
