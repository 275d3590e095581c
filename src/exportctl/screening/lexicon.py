"""A Russian → English word lexicon learnt from the lists' own pairs of names of one entry.

Russian organisations are listed under a transliterated name and an English one ("KAZANSKIY VERTOLETNYY ZAVOD" /
"KAZAN HELICOPTER PLANT"), and the UK list also gives names in Cyrillic ("Московский авиационный институт" beside
"Moscow Aviation Institute"). Two names of one entry (legal forms and the function words of, the, and, named, after
left out), one of them Russian (Cyrillic, or Latin with Russian adjective endings) and the other not, are read word
by word: a Russian word spelt like an English word of the other name is that word (a cognate: LABORATORIYA
KASPERSKOGO / KASPERSKY LABORATORY), and the words left over pair in order (the n-th Russian word is the n-th English
one). Names of different lengths teach their cognates, and the words between two cognates where both names have as
many (MINISTERSTVA OBORONY ROSSIISKOI FEDERATSII / MINISTRY OF DEFENSE OF THE RUSSIAN FEDERATION: oborony = defense).
A pair is kept when distinct pairs of names from at least :data:`MIN_ENTRIES` distinct Russian names give it (the
consolidated lists' copies of one entry count once, and one Russian name's several English aliases are one witness)
and no other English word is given as often for the same Russian word, so a single odd alias teaches nothing; a
word that any non-Russian name uses ("research", "plant") is no Russian word. Keys are stems of the lists'
romanisations (:func:`stem`: an inflection ending taken off, so that REMONTNYI, REMONTNYY and
REMONTNOGO teach and find one word, and their evidence adds up); a Cyrillic query word is looked up by the stem of
its BGN romanisation, and found words give one more reading of the query (:func:`with_lexicon`).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Container, Iterable, Mapping
from dataclasses import replace

from rapidfuzz.distance import JaroWinkler

from exportctl.screening.legal_forms import split_legal_forms
from exportctl.screening.normalize import TRANSLITERATION, AnalyzedName, NameVariant, fold_latin
from exportctl.screening.scripts import (
    CYRILLIC,
    CYRILLIC_LETTER,
    cyrillic_variants,
    script_runs,
    transliterate_cyrillic,
    transliterate_icao,
)
from exportctl.screening.terms import RUSSIAN_TERMS

MIN_ENTRIES = 2  # a word pair must be given by at least this many entries
MAX_GAP = 2  # names of different lengths: at most this many words between two cognates pair in order
COGNATE_SIMILARITY = 0.82  # Jaro-Winkler of the cognate keys: moskovskiy/moscow 0.87, nauchno/national 0.61
_FUNCTION_WORDS = frozenset({"of", "the", "and", "named", "after", "im", "imeni", "for"})
_RUSSIAN_ENDING = re.compile(r"(?:iy|yy|iy|ii|yi|aya|oye|oe|ogo|ovo|skiy|nyy|nyi|skaya|noye|ykh|ikh)$")
_RUSSIAN_WORD = re.compile(r"(?:iy|yy|ii|yi|aya|oye|oe|ogo|ovo|nyi|ykh|ikh)\b")  # a quick look before analysing


# Russian inflection endings as the lists romanise them (BGN/PCGN yy, ICAO ii, and the lists' own iy, yi, aia …), a
# script rule: adjectives in every case, number and gender, and noun endings. Surname endings (ov, ev, in) are left
# out: a stem must never turn a person's name into a word
_ROMAN_ENDINGS = sorted(
    set(
        "yy iy yi ii y i aya aia yaya iaia oye oe eye ee yye ye iye ie ije ogo ego ovo evo omu emu ym im om em ykh ikh "
        "ymi imi uyu yuyu iuiu oy oi ey ei yu iu a ya ia u o e iya iyu iye ii am yam iam akh yakh iakh ami yami iami "
        "iyakh iyam iyami".split()
    ),
    key=len,
    reverse=True,
)
MIN_STEM = 4  # letters a stem keeps: shorter ones (nov, gos) stand for too many words


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A romanised Russian word without its inflection ending, the longest first (remontnyy, remontnyi, remontnogo:
    remontn); the word itself when no ending leaves :data:`MIN_STEM` letters."""
    for ending in _ROMAN_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return word


def translate(lexicon: Mapping[str, str], word: str) -> str | None:
    """The English word the lexicon gives a romanised Russian word (in any of its inflections), or None."""
    return lexicon.get(stem(word))


_ADJECTIVE = "(?:yy|yi|iy|ii|aya|oye|oe|ogo|ykh|ikh|ym|oy|oi|yye|omu|ye|yj|ie|iye|ymi)"  # an adjective's endings
# Russian words that English borrowed from the same Latin, by their endings (a closed class of word formation):
# информации informatsii is information, университета universiteta university, технологии tekhnologii technology
_COGNATE_ENDINGS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (re.compile(r"(.{3,})atsionn(?:yy|yi|iy|ii|aya|oye|oe|ogo|ykh|ym|oy|yye|omu|ye|yj)$"), ("ational", "ation")),
    (re.compile(r"(.{3,})atsi(?:ya|i|yu|ey|ye|y|yakh|yam|yami)$"), ("ation",)),
    (re.compile(r"(.{3,})itet(?:a|u|om|e|y|ov)?$"), ("ity",)),
    (re.compile(r"(.{2,})ologichesk(?:iy|ii|yy|aya|oye|oe|ogo|ikh|ym|oy|iye|ie)$"), ("ological",)),
    (re.compile(r"(.{2,})ologi(?:ya|i|yu|ey|ye|yakh)$"), ("ology",)),
)
# endings of Russian derivations whose English cognate is looked for only after the lexicon, the endings above and a
# compound of a word the lists use (электромеханики: elektro + mechanics, as the lists write it, not electromechanics)
_DERIVED_ENDINGS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    # -ический -ical or -ic (metallurgicheskiy metallurgical, tekhnicheskiy technical, elektricheskiy electric)
    (re.compile(rf"(.{{3,}})ichesk{_ADJECTIVE}$"), ("ical", "ic")),
    # -альный -al (tsentralnyy central, federalnyy federal, regionalnyy regional)
    (re.compile(rf"(.{{3,}}al)n{_ADJECTIVE}$"), ("",)),
    # -ный of a noun English makes -ic of (atomnyy atomic, elektronnyy electronic)
    (re.compile(rf"(.{{4,}}?n?)n{_ADJECTIVE}$"), ("ic",)),
    # -ика -ics (elektronika electronics, mekhaniki mechanics), -тор -tor(s) (reaktorov reactors)
    (re.compile(r"(.{4,})ik(?:a|i|e|u|oy|oi)$"), ("ics",)),
    (re.compile(r"(.{3,}tor)(?:a|u|y|e|om|ov|ami|akh)?$"), ("s", "")),
)
# how English spells the letters BGN writes otherwise in those words (tekh- tech-, fiz- phys-, kommun- commun-,
# avto- auto-), each all or nothing
_COGNATE_LETTERS = (("kh", "ch"), ("kh", "h"), ("f", "ph"), ("ts", "c"), ("ks", "x"), ("k", "c"), ("avt", "aut"))


def cognate(
    word: str,
    known: Container[str],
    table: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = _COGNATE_ENDINGS,
) -> str | None:
    """The English word a romanised Russian word is by its ending (``table``: :data:`_COGNATE_ENDINGS` or
    :data:`_DERIVED_ENDINGS`), when the lists use that word (``known``); None otherwise. For words the learnt lexicon
    has too few witnesses for."""
    for pattern, endings in table:
        found = pattern.fullmatch(word)
        if found is None:
            continue
        stems = {found.group(1)}
        for russian, english in _COGNATE_LETTERS:
            stems |= {s.replace(russian, english) for s in stems if russian in s}
        for candidate in (s + ending for ending in endings for s in sorted(stems)):
            if candidate in known:
                return candidate
    return None


# letters of the first part of a compound word (radio-, avia-, gidro-): shorter ones are too often a stem
MIN_PREFIX = 4


def _english(lexicon: Mapping[str, str], word: str, known: Container[str]) -> str | None:
    """A romanised Russian word in English: the lexicon's word, a cognate, or a compound of a word the lists use and
    one of those (радиоэлектронные radioelektronnye: radio electronic, as Concern Radio-Electronic Technologies)."""
    found = translate(lexicon, word) or cognate(word, known)
    if found or not known:
        return found
    for cut in range(MIN_PREFIX, len(word) - MIN_PREFIX + 1):
        head, rest = word[:cut], word[cut:]
        if head in known and (
            tail := translate(lexicon, rest) or cognate(rest, known) or cognate(rest, known, _DERIVED_ENDINGS)
        ):
            return f"{head} {tail}"
    return cognate(word, known, _DERIVED_ENDINGS)


def _words(name: str) -> tuple[str, ...]:
    """A name's words for alignment: Cyrillic romanised (BGN/PCGN), folded, legal forms and function words out."""
    if CYRILLIC_LETTER.search(name):
        name = " ".join(transliterate_cyrillic(w) for w in re.split(r"[^\w]+", name.casefold()) if w)
    core, _ = split_legal_forms(fold_latin(name))
    return tuple(t for t in core if t not in _FUNCTION_WORDS)


@functools.lru_cache(maxsize=65536)
def _says_a_form(word: str) -> bool:
    """Whether a romanised Russian word is a legal form's word in English (kompaniya, kompanii: company)."""
    term = roman_term(word)
    return bool(term) and split_legal_forms(["name", *fold_latin(term or "")])[0] == ("name",)  # a form after a name


def _is_russian(name: str, words: tuple[str, ...]) -> bool:
    return bool(CYRILLIC_LETTER.search(name)) or any(_RUSSIAN_ENDING.search(w) for w in words)


def is_russian_word(word: str) -> bool:
    """A romanised word with a Russian adjective or genitive ending (moskovskiy, nauchnogo)."""
    return bool(_RUSSIAN_ENDING.search(word))


def _cognate_key(word: str) -> str:
    """A romanised Russian or an English word spelt for comparison: the letters romanisation writes for sounds
    English spells otherwise (kh for h, k for c, ts for t) made alike: kompaniya/company, tsentr/center."""
    return word.replace("kh", "h").replace("k", "c").replace("ts", "t")


def _cognates(russian: tuple[str, ...], english: tuple[str, ...]) -> dict[int, int]:
    """Each Russian word's position -> the position of the English word it is spelt most like, one to one."""
    similar = sorted(
        (
            (JaroWinkler.similarity(_cognate_key(a), _cognate_key(b)), i, j)
            for i, a in enumerate(russian)
            for j, b in enumerate(english)
        ),
        reverse=True,
    )
    pairs: dict[int, int] = {}
    for score, i, j in similar:
        if score < COGNATE_SIMILARITY:
            break
        if i not in pairs and j not in pairs.values():
            pairs[i] = j
    return pairs


def _aligned(russian: tuple[str, ...], english: tuple[str, ...]) -> list[tuple[str, str]]:
    """The word pairs of two names of the same length: cognates first, each with the word it is spelt most like
    (LABORATORIYA KASPERSKOGO / KASPERSKY LABORATORY: a Russian genitive follows its noun, English puts the name
    first), then the remaining words in order (KAZANSKIY VERTOLETNYY ZAVOD / KAZAN HELICOPTER PLANT). Without the
    cognates, position alone taught laboratoriya = kaspersky.

    Names of different lengths are paired only between cognates that keep their order: the words between two such
    cognates pair in order when there are as many on both sides (MINISTERSTVA OBORONY ROSSIISKOI FEDERATSII /
    MINISTRY OF DEFENSE OF THE RUSSIAN FEDERATION: oborony = defense), and not at all when their numbers differ."""
    pairs = _cognates(russian, english)
    if len(russian) != len(english):
        return [(russian[i], english[j]) for i, j in _between_cognates(pairs)]
    rest_ru = [i for i in range(len(russian)) if i not in pairs]
    rest_en = [j for j in range(len(english)) if j not in pairs.values()]
    pairs.update(zip(rest_ru, rest_en, strict=True))
    return [(russian[i], english[j]) for i, j in sorted(pairs.items())]


def _between_cognates(cognates: dict[int, int]) -> list[tuple[int, int]]:
    """The cognates that keep their order in both names (the longest such chain), and the words between two of them
    paired in order where both names have as many, one or two. A name's edges are left out, and so are longer runs:
    what one name adds at its start or end (a number, a parent organisation) has no counterpart in the other, and
    pairs read off long runs were mostly wrong (gosudarstvennaya = state came with dvizheniye = legion)."""
    anchors = sorted(cognates.items())
    chains: list[list[tuple[int, int]]] = []
    for k, (i, j) in enumerate(anchors):
        before = [chains[m] for m in range(k) if anchors[m][1] < j]
        chains.append([*max(before, key=len, default=[]), (i, j)])
    chain = max(chains, key=len, default=[])
    pairs = list(chain)
    for (i0, j0), (i1, j1) in itertools.pairwise(chain):
        if 1 <= i1 - i0 - 1 == j1 - j0 - 1 <= MAX_GAP:
            pairs.extend(zip(range(i0 + 1, i1), range(j0 + 1, j1), strict=True))
    return sorted(pairs)


def learn_lexicon(
    entries_names: Iterable[tuple[str, ...]], other_words: Container[str] | None = None
) -> dict[str, str]:
    """Russian word (the stem of its romanisation: :func:`translate` looks a word up) → English word, from each
    entry's names (see the module doc).

    ``other_words``: the words of every non-Russian name of the lists (the index has them already); by default
    they are taken from the names given, which are then all analysed."""
    seen: dict[tuple[str, str], set[tuple[tuple[str, ...], tuple[str, ...]]]] = defaultdict(set)
    english_words: set[str] = set()
    for names in entries_names:
        quick = other_words is not None
        if quick and (
            len(names) < 2 or not any(CYRILLIC_LETTER.search(n) or _RUSSIAN_WORD.search(n.casefold()) for n in names)
        ):
            continue  # no Russian name to learn from (most entries): not worth analysing
        analysed = [(name, _words(name)) for name in names]
        russian = [(n, w) for n, w in analysed if len(w) >= 2 and _is_russian(n, w)]
        english = [(n, w) for n, w in analysed if len(w) >= 2 and not _is_russian(n, w)]
        english_words.update(t for _, w in english for t in w)
        for _, ru in russian:
            for _, en in english:
                if ru == en:
                    continue
                for a, b in _aligned(ru, en):
                    if a != b and a.isalpha() and b.isalpha():
                        seen[(a, b)].add((ru, en))  # distinct pairs of names: a consolidated list's copy is no news
    known = english_words if other_words is None else other_words
    by_stem: dict[str, Counter[str]] = defaultdict(Counter)
    russian_names: dict[tuple[str, str], set[tuple[str, ...]]] = defaultdict(set)
    for (a, b), evidence in seen.items():
        # a Russian word that says a legal form's word is the term table's (KOMPANII: company); the English names'
        # forms are cut off, so in order it had been paired with the word after them (TECHNOLOGIES)
        if a not in known and not _says_a_form(a):
            key = stem(a)
            by_stem[key][b] += len(evidence)
            russian_names[(key, b)].update(ru for ru, _ in evidence)
    lexicon: dict[str, str] = {}
    for key, counts in by_stem.items():
        (best, n), *rest = counts.most_common(2) + [("", 0)]
        # one Russian name with several English aliases is one witness: TEKHNOLOGIYA RAZVITIYA OTKRYTYKH SISTEM, with
        # two aliases in other word orders, taught otkrytykh = development twice
        if n > rest[0][1] and len(russian_names[(key, best)]) >= MIN_ENTRIES:
            lexicon[key] = best
    return lexicon


@functools.lru_cache(maxsize=65536)
def _first_reading(word: str) -> str:
    """A Cyrillic word's first reading (its term translated, else romanised): the same words recur in name after
    name (институт, научно, завод), and working out every reading of each took a quarter of a Russian name's time."""
    return " ".join(cyrillic_variants(word)[0])


def with_lexicon(
    analyzed: AnalyzedName, lexicon: Mapping[str, str], known: Container[str] = frozenset()
) -> AnalyzedName:
    """The analysed query with one more reading in which each Cyrillic word the lexicon knows is its English word
    ("Московский авиационный институт" → "moscow aviation institute"), and each that is a cognate of a word the
    lists use (``known``: the index vocabulary) that word (:func:`cognate`: информации information); unchanged when
    none is known."""
    if not (lexicon or known):
        return analyzed
    if CYRILLIC not in analyzed.scripts:
        return _with_latin_lexicon(analyzed, lexicon, known) if not analyzed.scripts else analyzed
    romanised: list[str] = []
    readings: dict[str, str] = {}  # a word's romanisation -> its reading without the lexicon (terms translated)
    for script, run in script_runs(analyzed.text.casefold()):
        if script != CYRILLIC:
            romanised.extend(fold_latin(run))
            continue
        for word in (w for w in re.split(r"[^\w-]+", run) if w.strip("-")):
            for part in (p for p in word.split("-") if p):
                roman = transliterate_cyrillic(part)
                romanised.append(roman)
                readings[roman] = _first_reading(part)
    core, _ = split_legal_forms([t for w in romanised for t in fold_latin(w)])  # legal forms first: never translated
    english = [_english(lexicon, word, known) for word in core]
    if not any(english):
        return analyzed
    words = tuple(
        t for word, found in zip(core, english, strict=True) for t in fold_latin(found or readings.get(word, word))
    )
    added = [NameVariant(words, TRANSLITERATION)]
    # and the first reading (terms translated, "named after" and initials dropped) with its words found so too
    first = analyzed.variants[0]
    if first.kind == TRANSLITERATION:
        found = [_english(lexicon, t, known) for t in first.tokens]
        if any(f and f != t for f, t in zip(found, first.tokens, strict=True)):
            tokens = tuple(w for t, f in zip(first.tokens, found, strict=True) for w in fold_latin(f or t))
            added.append(NameVariant(tokens, TRANSLITERATION))
    new = [v for i, v in enumerate(added) if all(v.tokens != o.tokens for o in (*analyzed.variants, *added[:i]))]
    if not new:
        return analyzed
    return replace(analyzed, variants=(analyzed.variants[0], *new, *analyzed.variants[1:]))


def _with_latin_lexicon(analyzed: AnalyzedName, lexicon: Mapping[str, str], known: Container[str]) -> AnalyzedName:
    """A Latin-script name romanised from Russian (a word with a Russian adjective or genitive ending: Moskovskiy
    aviatsionnyy institut) read through the lexicon as a Cyrillic one is: the lexicon's keys are the lists' own
    romanisations, so the words are looked up as written."""
    if not analyzed.variants:
        return analyzed  # nothing to read (punctuation only): refused later, with its reason
    first = analyzed.variants[0]
    if not any(_russian_looking(t) or stem(t) in lexicon for t in first.tokens):
        return analyzed  # the usual Latin name: two cached calls and a lookup per word
    core, _ = split_legal_forms(list(first.tokens))
    english = [_english(lexicon, word, known) or roman_term(word) for word in core]
    if not any(e is not None and e != w for e, w in zip(english, core, strict=True)):
        return analyzed
    words = tuple(
        t for word, found in zip(core, english, strict=True) for t in fold_latin(word if found is None else found)
    )
    if any(words == v.tokens for v in analyzed.variants):
        return analyzed
    return replace(analyzed, variants=(*analyzed.variants, NameVariant(words, TRANSLITERATION)))


@functools.lru_cache(maxsize=65536)
def _russian_looking(word: str) -> bool:
    """A romanised word with a Russian ending, or a romanised Russian organisation word (cached: asked of every word
    of every Latin-script query)."""
    return is_russian_word(word) or roman_term(word) is not None


MIN_ROMAN_TERM = 4  # letters of a romanised term's stem: shorter ones (i "and", npf) are initials and acronyms in Latin


@functools.cache
def _roman_terms() -> dict[str, str]:
    """The Russian organisation terms (:data:`.terms.RUSSIAN_TERMS`, Cyrillic stems) under their BGN and ICAO
    romanisations, each with its first English rendering: завод zavod plant, компани kompani company."""
    table: dict[str, str] = {}
    for key, english in RUSSIAN_TERMS.items():
        if CYRILLIC_LETTER.search(key):
            for roman in (transliterate_cyrillic(key), transliterate_icao(key)):
                if len(roman) >= MIN_ROMAN_TERM and roman.isalpha():
                    table.setdefault(roman, english.split("|")[0])
    return table


_LONGEST_ENDING = max(len(e) for e in _ROMAN_ENDINGS)
_ENDING_SET = frozenset(_ROMAN_ENDINGS)


@functools.lru_cache(maxsize=65536)
def roman_term(word: str) -> str | None:
    """The English of a romanised Russian organisation word, in any inflection (kompaniya, kompaniia, zavoda:
    company, company, plant; "" for a word English names leave out), or None. Looked up by the word less each of its
    possible endings, not by trying every ending."""
    table = _roman_terms()
    for cut in range(min(_LONGEST_ENDING, len(word) - MIN_ROMAN_TERM), -1, -1):
        if (cut == 0 or word[-cut:] in _ENDING_SET) and (found := table.get(word[: len(word) - cut])) is not None:
            return found
    return None
