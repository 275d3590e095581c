"""Russian names as German, French and Dutch writing romanises them: one more reading of a Latin-script query in
which such words are spelt as the lists spell them.

The lists romanise Russian the English way (BGN/PCGN and its kin: Yevgeniy Viktorovich PRIGOZHIN). A European
bank's customer file or a German register writes the same man Jewgeni Wiktorowitsch Prigoschin (Duden), a French
one Evgueni Viktorovitch Prigojine, a Dutch one Jevgeni Viktorovitsj Prigozjin: w for в, sch for ш and ж, tsch for
ч, j for й and the soft vowels, z for ц and s for з (German); ou for у, ch for ш, j for ж, tch for ч, gu for г before e
and i (French); oe for у, sj for ш, zj for ж, tsj for ч, ch for х (Dutch). Word by word, two or three letters in five
differ, which edit similarity does not forgive.

A query word the lists do not know is respelt by each convention's rules (a closed class: script rules, not a table
of names), every ambiguous letter both ways (German sch is ш or ж), and the first respelling that is a listed word is
kept (Wassiljewitsch → vasilyevich, Prigoschin → prigozhin). The reading is added beside the others, never instead
of them.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from exportctl.screening.index import ScreeningIndex
from exportctl.screening.normalize import LATIN, TRANSLITERATION, AnalyzedName, NameVariant, latin_arabic_names
from exportctl.screening.scripts import CYRILLIC

MIN_LETTERS = 4  # a shorter word is respelt into too many listed words
_VOWEL = re.compile("[aeiouy]")
MAX_SPELLINGS = 32  # respellings tried per word and convention

# (pattern, its spellings), in order; upper-case letters hold a sound until the end, so that a later rule does not
# take it for a letter of the original (German tsch → C → ch, which the rule for ch → kh must not see)
_Rule = tuple[str, tuple[str, ...]]
_GERMAN: tuple[_Rule, ...] = (
    ("schtsch", ("Q",)),  # щ
    ("tsch", ("C",)),  # ч
    ("sch", ("S", "J")),  # ш or ж
    ("ch", ("H",)),  # х
    ("(?<!s)s(?!s)", ("Z", "s")),  # з, or с
    ("ss", ("s",)),  # с between vowels
    ("z", ("T",)),  # ц
    ("w", ("v",)),
    ("jo", ("Yo", "e")),  # ё, often written е
    ("(?<=[aeiou])j(?=[aeiou])", ("Y", "")),  # -ijew, -ejew: -iyev or -iev, -eyev or -eev
    ("j", ("Y", "I")),  # й, and я ю е after a vowel or at the start
    ("(?<=[sTZ])ki$", ("ky", "kiy", "ki")),  # -ский, -цкий: -sky, -tsky
)
_FRENCH: tuple[_Rule, ...] = (
    ("chtch", ("Q",)),
    ("tch", ("C",)),
    ("ch", ("S",)),  # ш
    ("kh", ("H",)),
    ("j", ("J",)),  # ж
    ("gu(?=[eiy])", ("g",)),
    ("iou", ("Yu",)),
    ("ou", ("u",)),
    ("ss", ("s",)),
    ("(?<=[aeiouy])s(?=[aeiouy])", ("Z", "s")),
    ("ine$", ("in",)),  # Poutine, Prigojine
    ("(?<=[aeiou])i(?=[aeiou])", ("Y", "i")),  # Andreievitch
    ("^ie", ("Ye", "e")),
    ("ia", ("Ya",)),
    ("(?<=s)ki$", ("ky", "kiy", "ki")),
)
_DUTCH: tuple[_Rule, ...] = (
    ("sjtsj", ("Q",)),  # щ
    ("tsj", ("C",)),  # ч
    ("sj", ("S",)),  # ш
    ("zj", ("J",)),  # ж
    ("ch", ("H",)),  # х
    ("oe", ("u",)),  # у
    ("jo", ("Yo", "e")),
    ("(?<=[aeiou])j(?=[aeiou])", ("Y", "")),
    ("j", ("Y", "I")),
    ("(?<=s)ki$", ("ky", "kiy", "ki")),
)
_SOUNDS = {"Q": "shch", "C": "ch", "S": "sh", "J": "zh", "Z": "z", "H": "kh", "T": "ts", "Y": "y", "I": "i"}
_MARKERS = re.compile(r"sch|tsch|ch|w|j|z|ss|ou|oe|gu|ine$|kh|ie|sj")


def _compiled(rules: tuple[_Rule, ...]) -> tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]:
    return tuple((re.compile(pattern), options) for pattern, options in rules)


_CONVENTIONS = (_compiled(_GERMAN), _compiled(_FRENCH), _compiled(_DUTCH))


def _spellings(word: str, rules: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]) -> list[str]:
    spelt = [word]
    for pattern, options in rules:
        if any(pattern.search(s) for s in spelt):
            spelt = list(dict.fromkeys(pattern.sub(o, s) for s in spelt for o in options))[:MAX_SPELLINGS]
    return ["".join(_SOUNDS.get(ch, ch) for ch in s) for s in spelt]


@functools.lru_cache(maxsize=65536)
def respellings(word: str) -> tuple[str, ...]:
    """A folded Latin word's readings as a German, a French and a Dutch romanisation of Russian, each ambiguous
    letter both ways; () when it has none of their marks, or no vowel: a word without one is an acronym, and no Russian
    name is spelt so (DZSSS respelt "dtsss" was the acronym DTSSS)."""
    if len(word) < MIN_LETTERS or not word.isalpha() or not _MARKERS.search(word) or not _VOWEL.search(word):
        return ()
    spelt = [s for rules in _CONVENTIONS for s in _spellings(word, rules)]
    return tuple(s for s in dict.fromkeys(spelt) if s != word)


def respelt(word: str, index: ScreeningIndex) -> str | None:
    """The first respelling of a word the lists do not know that is a listed word, or None. Only a listed word:
    kept one edit from one, respellings found English words their French cousins ("compass": compas, "twelve":
    tvelve), and the word as written keeps its own fuzzy matches anyway."""
    if word in index.vocab:
        return None
    # a spelling the lists hold, as the analysis reads it (Abdurakhmanov: the listed words abdul rakhmanov)
    return next((spelling for spelling in respellings(word) if _listed(spelling, index)), None)


def _listed(spelling: str, index: ScreeningIndex) -> bool:
    read = latin_arabic_names([spelling])
    return spelling in index.vocab if len(read) == 1 else all(t in index.vocab for t in read)


def with_respelt_words(analyzed: AnalyzedName, index: ScreeningIndex) -> AnalyzedName:
    """The analysed query with one more reading in which words romanised the German or French way are spelt as the
    lists spell them (see the module doc); unchanged when no word of its first Latin-script reading is."""
    first = next((v for v in analyzed.variants if v.kind == LATIN and not v.replaced), None)
    if first is None:
        return analyzed
    respellings_ = [respelt(token, index) for token in first.tokens]
    if not any(respellings_):
        return analyzed
    words = tuple(
        t
        for token, spelling in zip(first.tokens, respellings_, strict=True)
        for t in (latin_arabic_names([spelling]) if spelling else (token,))
    )
    if words == first.tokens or any(v.tokens == words for v in analyzed.variants):
        return analyzed
    return replace(analyzed, variants=(*analyzed.variants, NameVariant(words, TRANSLITERATION)))


# ё as most Russian text writes it, е: Журавлев, Семенов, Федоров, Королев are Zhuravlyov, Semyonov, Fyodorov,
# Korolyov as often as Zhuravlev … in the lists, and "zhuravlev" does not reach ZHURAVLYOV in blocking (two edits from
# a word the lists know). An e after a consonant of a Cyrillic name's romanisation is also read yo where that spells a
# listed word: the lists' own spellings decide, as for the conventions above (Сергеев has no listed "sergeyov")
_E_AFTER_CONSONANT = re.compile("(?<=[bcdfghjklmnpqrstvxz])e")
MAX_YO_READINGS = 2  # new readings per name: its romanisations differ in other letters, which scoring weighs anyway


def _yo_spelt(token: str, index: ScreeningIndex) -> str:
    """The token with the first e after a consonant whose yo spells a listed word so spelt, or the token."""
    for found in _E_AFTER_CONSONANT.finditer(token):
        spelling = token[: found.start()] + "yo" + token[found.end() :]
        if spelling in index.vocab:
            return spelling
    return token


def with_yo_respelt(analyzed: AnalyzedName, index: ScreeningIndex) -> AnalyzedName:
    """The analysed Cyrillic query with its romanisations' e read yo where the lists spell a word so (see above), in at
    most :data:`MAX_YO_READINGS` more readings; unchanged for any other name."""
    if CYRILLIC not in analyzed.scripts:
        return analyzed
    added: list[NameVariant] = []
    for variant in analyzed.variants:
        if variant.kind != TRANSLITERATION or "e" not in "".join(variant.tokens):
            continue
        tokens = tuple(_yo_spelt(t, index) if len(t) >= MIN_LETTERS else t for t in variant.tokens)
        reading = NameVariant(tokens, TRANSLITERATION)
        if tokens != variant.tokens and reading not in added and all(v.tokens != tokens for v in analyzed.variants):
            added.append(reading)
            if len(added) == MAX_YO_READINGS:
                break
    return replace(analyzed, variants=(*analyzed.variants, *added)) if added else analyzed
