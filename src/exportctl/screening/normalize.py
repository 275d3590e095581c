"""Name normalisation: from a name as typed to comparable token lists.

Steps, in order: Unicode NFKC and casefolding; split into script runs; Latin runs lose diacritics and punctuation
(dotted initials are joined, "S.A." → "sa"; apostrophes vanish, "Xi'an" → "xian"); Chinese, Cyrillic and Arabic runs
are romanised by :mod:`exportctl.screening.scripts` into *alternative* token lists; finally legal forms are taken out
of the tokens into a separate set (:mod:`exportctl.screening.legal_forms`).

The result, :class:`AnalyzedName`, is what both the index (for list names) and the query side use, so list and query
go through exactly the same steps. Names are cut to :data:`MAX_NAME_CHARS` characters first: no real party name is
longer, and a pasted document must not make a query slow.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections.abc import Container
from dataclasses import dataclass

from anyascii import anyascii

from exportctl.screening import scripts
from exportctl.screening.designations import with_short_country_name
from exportctl.screening.legal_forms import (
    FORM_WORDS,
    is_letters_form,
    split_legal_forms,
    with_form_words_respelt,
)
from exportctl.screening.terms import CHINESE_TERMS

MAX_NAME_CHARS = 300
MAX_TOKENS = 24

LATIN = "latin"  # variant kinds, reported by the cross_script feature
TRANSLATION = "translation"
PINYIN = "pinyin"
TRANSLITERATION = "transliteration"
SKELETON = "skeleton"
# English articles, conjunctions and prepositions (a closed class): names say them as a translation pleases; the
# index weighs each as the commonest of them, and a reading translated from another script holds none (_unworded)
FUNCTION_WORDS = frozenset({"of", "the", "and", "in", "for", "at", "on", "to", "by", "with", "from"})

_DOTTED = re.compile(r"(?<![a-z0-9])(?:[a-z]\.){2,}|(?<![a-z0-9])(?:[a-z]\.)+[a-z](?![a-z0-9])")
_HTML_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z]{2,8});")  # &amp; &#39; &#x27;, as web pages write
_APOSTROPHES = re.compile(r"['’‘ʼʻ`´]")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_NEXT_WORD = re.compile(r"[^0-9a-z]*([0-9a-z]+)")
# abbreviations of common organisation words, a closed class of business writing (Intl, Natl, Mfg …), read as the
# word: lists and queries write both ("ABC INTL TRADING", "Abc International Trading"). Only spellings that stand for
# one word: "Tech" (technology, technical), "Ind" (industries, India) and "Eng" are left as written
_CANONICAL_WORDS = {
    "intl": "international",
    "natl": "national",
    "mfg": "manufacturing",
    "mfr": "manufacturer",
    "mfrs": "manufacturers",
    "inds": "industries",
    "indl": "industrial",
    "engg": "engineering",
    "svc": "service",
    "svcs": "services",
    "grp": "group",
    "assn": "association",
    "assoc": "association",
    "bros": "brothers",
    "dept": "department",
    "govt": "government",
    "mgmt": "management",
    "hldg": "holding",
    "hldgs": "holdings",
    "univ": "university",
    "inst": "institute",
    "acad": "academy",
    "trdg": "trading",
    "shpg": "shipping",
    "ctr": "center",
    # ordinals written as words, a closed class of numerals: "Second Academy" is the 2nd (第二研究院) as "3rd" is 3
    **{
        word: str(n)
        for n, word in enumerate(
            "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
            "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(),
            start=1,
        )
    },
}
_ORDINAL_WORDS = {number: word for word, number in _CANONICAL_WORDS.items() if number.isdigit()}
# the abbreviated words of Turkish trade names, a closed class of its business writing ("San. ve Tic. Ltd. Şti.":
# Sanayi ve Ticaret, industry and trade; Dış Tic., İth. İhr., Paz., İnş., Müh., Taah., Nak.), read as the word: the
# lists write both (MULTIMAT IC VE DIS TIC. PAZ. LTD. STI., … DIS TICARET LIMITED SIRKETI). Only with the dot and in
# a name that reads as Turkish (ve, Şti., Şirketi, A.Ş., or two of them: İth. İhr.): "San" is also Saint, "Nak" a name
_TURKISH_WORDS = {
    "san": "sanayi",
    "tic": "ticaret",
    "paz": "pazarlama",
    "ith": "ithalat",
    "ihr": "ihracat",
    "ins": "insaat",
    "muh": "muhendislik",
    "taah": "taahhut",
    "nak": "nakliyat",
}
_TURKISH_ABBREVIATED = re.compile(rf"(?<![a-z0-9])({'|'.join(_TURKISH_WORDS)})\.")
_TURKISH_NAME = re.compile(r"(?<![a-z0-9])(?:ve|sti|sirketi|a\.\s?s)(?![a-z0-9])")
# an ordinal is its number: lists write the same unit "58th Research Institute" and "58 Research Institute", and a
# Chinese 第五十八 is read as an ordinal
_ORDINAL = re.compile(r"(?<=[0-9])(?:st|nd|rd|th)\b")
_EMPTY: frozenset[str] = frozenset()


@dataclass(frozen=True)
class NameVariant:
    """One way of reading a name: its core tokens (legal forms removed) and how they were obtained; ``replaced``
    lists the brands swapped for their learnt equivalents (:mod:`exportctl.screening.equivalents`), as (from, to)."""

    tokens: tuple[str, ...]
    kind: str
    replaced: tuple[tuple[str, str], ...] = ()
    patterns: tuple[str, ...] = ()  # skeleton readings: each token's vowelled spellings (scripts.vowelled_pattern)
    cut: bool = False  # the name may be cut at a field's length: its last token may begin a listed word (.truncation)


@dataclass(frozen=True)
class AnalyzedName:
    """A name ready for matching: alternative readings (best first), its legal forms, and the scripts it used."""

    text: str
    variants: tuple[NameVariant, ...]
    forms: frozenset[str]
    scripts: frozenset[str]

    @property
    def is_empty(self) -> bool:
        return not self.variants


def fold_latin(text: str) -> list[str]:
    """Tokens of a Latin-script (or digit/punctuation) text: no case, diacritics or punctuation."""
    text = unicodedata.normalize("NFKC", text).casefold()
    if not text.isascii():
        text = "".join(ch if ch.isascii() else anyascii(ch).lower() for ch in scripts.strip_marks(text))
    text = text.replace("&", " and ")
    text = _APOSTROPHES.sub("", text)
    acronyms: set[str] = set()
    if "." in text:
        abbreviated = _TURKISH_ABBREVIATED.findall(text)
        if abbreviated and (len(abbreviated) >= 2 or _TURKISH_NAME.search(text)):  # before the dotted letters: A.Ş.
            text = _TURKISH_ABBREVIATED.sub(lambda match: _TURKISH_WORDS[match.group(1)], text)
        # dotted letters are an acronym, never an abbreviated word: C.T.R. is no "Ctr" (center)
        text = _DOTTED.sub(lambda match: _noted(_join_dotted(match), acronyms), text)
    text = _ORDINAL.sub("", text)
    return [t if t in acronyms else canonical_word(t) for t in _NON_ALNUM.split(text) if t]


def _noted(joined: str, acronyms: set[str]) -> str:
    """``joined`` (dotted letters as written by :func:`_join_dotted`), its words noted as acronyms."""
    acronyms.update(joined.split())
    return joined


def _join_dotted(match: re.Match[str]) -> str:
    """Dotted letters as one word ("S.A." → "sa"), but apart when they open a name and spell a legal form: the
    lists' "A.S. Yakovlev EDB" and "S.A. Lavochkin NPO" are initials, and a form that opens a name is written as a
    word (AS Latvijas Gaze, OOO Romashka)."""
    letters = match.group().replace(".", "")
    text = match.string
    if _NON_ALNUM.sub("", text[: match.start()]) or not is_letters_form(letters):
        return letters
    after = _NEXT_WORD.match(text, match.end())
    # a name word follows ("S.A. de C.V." is a form throughout)
    return " ".join(letters) if after and after.group(1) not in FORM_WORDS else letters


def canonical_word(token: str) -> str:
    """A folded word as names are indexed: an abbreviation as its word, an ordinal word as its number."""
    return _CANONICAL_WORDS.get(token, token)


def _unworded(tokens: list[str]) -> list[str]:
    """A translated run's words without the English function words its translation put in (في in, و and, и and, 与
    and; a whole run of them is kept): a translation picks them as it pleases ("Islamic State in Iraq", "of Iraq"),
    so such a reading holds none, and the listed names' are not asked of it (.index.without_function_words). The
    Islamic State's Arabic name read with "in" scored 0.82 against the SDN's ISLAMIC STATE OF IRAQ AND THE LEVANT."""
    kept = [t for t in tokens if t not in FUNCTION_WORDS]
    return kept or tokens


def _with_short_state(read: list[tuple[list[str], str]]) -> list[tuple[list[str], str]]:
    """A run's readings, and its first (translated) one once more with a state's long name at its end read as the
    state's short name, when it ends in one (:func:`.designations.with_short_country_name`)."""
    short = with_short_country_name(read[0][0]) if read else None
    return read + ([(list(short), read[0][1])] if short else [])


def _run_variants(script: str, run: str, known: Container[str]) -> list[tuple[list[str], str]]:
    if script == scripts.HAN:
        readings = scripts.han_variants(run, known)
        kinds = [TRANSLATION] * (len(readings) - 1) + [PINYIN]
        return [(_unworded(fold_latin(" ".join(r))), k) for r, k in zip(readings, kinds, strict=True)]
    if script == scripts.CYRILLIC:
        run = _CYRILLIC_ASSIMILATED.sub("аль-", run) if "-" in run else run
        readings = scripts.cyrillic_variants(run, known)
        # Абдурахманов is a list's ABDURAKHMANOV: read in the Latin names' form of Abd al-X too
        # Russian too puts the state after the body (Федеральная служба безопасности Российской Федерации)
        return _with_short_state(
            [(_unworded(latin_arabic_names(fold_latin(" ".join(r)))), TRANSLITERATION) for r in readings]
        )
    if script == scripts.ARABIC:
        return _with_short_state([(_unworded(scripts.arabic_words(run)), TRANSLITERATION)])
    if scripts.has_hangul(run):
        return [(fold_latin(" ".join(r)), TRANSLITERATION) for r in scripts.hangul_variants(run)]
    text = _ASSIMILATED.sub("al-", _EZAFE.sub("", run)) if "-" in run else run
    tokens = latin_arabic_names(fold_latin(text))
    if known is not _EMPTY and "." in run and (initials := _dotted_initials(text)) is not None:
        return [(tokens, LATIN), (latin_arabic_names(fold_latin(initials)), LATIN)]  # a query's "Putin V.V." too
    return [(tokens, LATIN)]


# two or three letters each with a dot after a word, as Russian registers write a person's initials after the surname
# ("PUTIN V.V.", "Sechin I. I."); read as one word too, the way dotted letters are (an acronym: U.S.A.)
_TRAILING_INITIALS = re.compile(r"(?<=[^\W\d_]\s)(?P<letters>(?:[^\W\d_]\.\s?){2,3})\s*$")


def _dotted_initials(text: str) -> str | None:
    """The text with dotted letters after a word written apart ("Putin V. V."), or None when it ends in none or they
    spell a legal form (B.V., S.A.)."""
    found = _TRAILING_INITIALS.search(text)
    if found is None:
        return None
    letters = re.sub(r"[.\s]", "", found["letters"])
    if is_letters_form(letters.casefold()):
        return None
    return text[: found.start()] + " ".join(letters)


# Arabic name structure as Latin script writes it (a closed class, a script rule): Abd al-X, "servant of X", with the
# article in any of its spellings and sun-letter assimilations (Abdul, Abdel, Abdal, Abdoul; Abdur Rahman, Abdus
# Salam, Abdel Nour: ar, as, an before r, s, n), apart, hyphened or run together (Abdulrahman, Abderrahmane,
# Abdessalam); and ibn, "son of", which most lists write bin
_ARTICLE_VOWELS = ("u", "e", "a", "o", "ou", "i")
_SUN_LETTERS = ("l", "r", "s", "sh", "t", "th", "d", "dh", "z", "n")
_ABD_JOINED = re.compile(r"abd(?P<vowel>ou|u|e|a|o|i)(?P<letter>sh|th|dh|[lrstdzn])(?P<rest>[a-z]{3,})")
_ABD_VOWEL = re.compile(r"abd(?:ou|u|e|a|o|i)(?P<rest>(?:sh|th|dh|[rstdzn])[a-z]{3,})")  # ≥ 4 letters: not Abd-aziz
_ABD_ARTICLE = frozenset(vowel + letter for vowel in ("", *_ARTICLE_VOWELS) for letter in _SUN_LETTERS)
# Abdullah, Abdallah, Abdulla and the Russian names made of it (Abdullaev, Abdullayeva, Abdullin): one name, not
# Abd al-Lah
_ALLAH_REST = re.compile(r"l?la(?:hi?|y?[oe]v(?:a|ich|na)?)?|l?lin(?:a)?")
ABD_AL = "abdul"
_SON_OF = {"ibn": "bin"}
# Abdulov, Abdulova, Abdulovich and as German, French and Dutch write them (Abdulowitsch, Abdoulovitch)
_SLAVIC_ENDING = re.compile(r"[oe][vwf][a-z]*|in[ae]?")


def _abd_article(article: str, rest: str) -> bool:
    """Whether ``article`` is the article of Abd al-X before ``rest``: al (any vowel) before any word, or a sun
    letter's assimilated article before a word that begins with that letter (ar Rahman, us Salam). Not before a
    Russian surname's or patronymic's ending alone (Abdulov, Abdulovich: Abdul's son)."""
    letter = article.lstrip("aeiou")
    if not letter or article not in _ABD_ARTICLE or _ALLAH_REST.fullmatch(rest) or _SLAVIC_ENDING.fullmatch(rest):
        return False
    return letter == "l" or rest.startswith(letter)


# X al-Din, "X of the faith" (Jalal al-Din, Jalal ud-Din, Jalaluddin, Izzeddine, Salahaldin): the article in any
# spelling (ad, ud, ed, al …) before din, deen, dine, or run into X; written as the two words X AL_DIN
AL_DIN = "uddin"
# the article and din as one word after X: a doubled d, or ud (eddine, uddin, uddeen, udin); not Edin, a given name,
# nor "den" (van den Berg), "Eden"
_DIN_WORD = re.compile(r"(?:ou|u|e|a|i)dd(?:i|ee|e)ne?|ud(?:i|ee)n|[aeu]ld(?:i|ee)n")
_DIN_ARTICLE = frozenset({"al", "el", "ul", "ad", "ud", "ed", "id", "od"})
_DIN = ("din", "deen", "dine", "dien")  # din as romanisations end it (and the word alone)
# X run together with it: a doubled d (Jalaluddin, Noureddine), the article's l (Salahaldin), or u and a single d
# (Sabahudin), these two without a final e (Geraldine, Claudine); not another single d (Mujahedin, Mujahideen, the
# plural of mujahid), nor Mujaheddin
_X_DIN = re.compile(r"(?P<x>[a-z]{3,}?)(?:(?:ou|u|e|a|i)dd(?:i|ee|e)ne?|[aeu]ld(?:i|ee)n|ud(?:i|ee)n)")
_NO_X_DIN = re.compile(r"m[ou]d?j[ae]h[aeiy]*d.*")  # mujahid, "fighter", and its plurals


def _al_din(tokens: list[str], i: int) -> tuple[int, str] | None:
    """X al-Din at ``i``: how many tokens it takes and X; None when there is none."""
    token = tokens[i]
    if i + 2 < len(tokens) and tokens[i + 1] in _DIN_ARTICLE and tokens[i + 2] in _DIN and len(token) >= 3:
        return 3, token  # jalal ud din, izz al din
    if i + 1 < len(tokens) and len(token) >= 3 and _DIN_WORD.fullmatch(tokens[i + 1]) and token.isalpha():
        return 2, token  # salah eddine, nur uddin
    joined = _X_DIN.fullmatch(token)
    return (1, joined["x"]) if joined and not _NO_X_DIN.fullmatch(token) else None


def latin_arabic_names(tokens: list[str]) -> list[str]:
    """Folded Latin tokens with every spelling of Abd al-X as the two words ABD_AL X ("abd ar rahman", "abdurrahman",
    "abdel rahman": abdul rahman), of X al-Din as X AL_DIN ("jalal ud din", "jalaluddin": jalal uddin), and ibn as
    bin, so that a name matches however a list or a customer wrote it. Names with no such word come back unchanged
    (the same list)."""
    if not any(t.startswith("abd") or t in _SON_OF or "d" in t[-5:] and t.endswith(_DIN) for t in tokens):
        return tokens
    out: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        after = tokens[i + 1] if i + 1 < len(tokens) else ""
        din = _al_din(tokens, i) if not token.startswith("abd") else None
        if din is not None:
            out.extend((din[1], AL_DIN))
            i += din[0]
            continue
        if token in _SON_OF:
            out.append(_SON_OF[token])
        elif token == "abd" and after and i + 2 < len(tokens) and _abd_article(after, tokens[i + 2]):
            out.extend((ABD_AL, tokens[i + 2]))  # abd al rahman, abd ar rahman
            i += 2
        elif token[:3] == "abd" and token[3:] and after and _abd_article(token[3:], after):
            out.extend((ABD_AL, after))  # abdel kader, abdur rahman
            i += 1
        elif (joined := _ABD_JOINED.fullmatch(token)) and _abd_article(
            joined["vowel"] + joined["letter"], joined["rest"]
        ):
            out.extend((ABD_AL, joined["rest"]))  # abdulrahman, abderrahmane, abdessalam
        elif (vowelled := _ABD_VOWEL.fullmatch(token)) and not _SLAVIC_ENDING.fullmatch(vowelled["rest"]):
            out.extend((ABD_AL, vowelled["rest"]))  # abdurahman, abdirashid: the article's letter written once
        else:
            out.append(token)
        i += 1
    return out


# the Arabic article assimilated to a sun letter, as Latin and Russian write it with a hyphen (az-Zawahiri, ash-Shami,
# as-Sayyid, ан-Наср, аз-Завахири): the lists write al (AL-ZAWAHIRI), and "az" was a word no listed name holds. A
# script rule, before a name of four letters or more: ad-Din is read by the X al-Din rule, Abd ar-Rahman by Abd al-X
# either way, and a Korean given name's syllables (Un-Nam) stay as they are
_ASSIMILATED = re.compile(r"(?<![\w'])[aeu](?P<letter>sh|th|dh|[dnrstz])-(?=(?P=letter)[^\W\d_]{3})", re.IGNORECASE)
_CYRILLIC_ASSIMILATED = re.compile(r"(?<![\w'])[аэу](?P<letter>[шдтнрсз])-(?=(?P=letter)[^\W\d_]{3})", re.IGNORECASE)

# the Persian ezafe ("of"), which romanised Persian names hang on a word with a hyphen: SEPAH-E PASDARAN,
# SHERKAT-E MELLI-YE NAFT; a particle as the English of is, not a word of the name (163 listed names hold one, and
# "Sepah Pasdaran" scored 0.93 against SEPAH-E PASDARAN for its "e"). A script rule
_EZAFE = re.compile(r"(?<=[^\W\d_])-(?:e|ye|yi)(?![\w'-])", re.IGNORECASE)


@functools.cache
def chinese_forms() -> frozenset[str]:
    """The legal forms that Chinese names can carry: those the translations of Chinese terms give (有限公司 Co.,
    Ltd.); derived from the term table, so that a pinyin syllable is never taken for a foreign form."""
    forms: set[str] = set()
    for value in CHINESE_TERMS.values():
        for rendering in value.split("|"):
            forms |= split_legal_forms(fold_latin(rendering))[1]
    return frozenset(forms)


# between the words of a name written apart in Arabic script and as one word in Latin (Hizballah, Nasrallah)
COMPOUND_JOIN = "(?:al|el|ul|ol|a|u|e|-)?"
# between two or three names joined into one word (ولی جان → WALIJAN): the same spellings, told apart by its empty
# group, so that such a reading is known for what it is: a person's name (.match.match_many)
NAMES_JOIN = COMPOUND_JOIN + "(?:)"
_ABD_SKELETON = "bd"  # عبد (see scripts._arabic_words)
JOINED_ARTICLE = "(?:u|e|a|ou|oo|i)?l"  # Abd al- as one word: Abdul, Abdel, Abdal, Abdoul
_ALLAH_PATTERN = scripts.vowelled_pattern(scripts.ALLAH)
_DIN_PATTERN = scripts.vowelled_pattern("دين")
_ABU_PATTERNS = frozenset(scripts.vowelled_pattern(word) for word in scripts.ABU)
_ALI_PATTERNS = frozenset(scripts.vowelled_pattern(word) for word in scripts.ALI)


def joined_words(pattern: str) -> bool:
    """Whether a skeleton reading's word pattern is two Arabic-script words joined into one (a compound)."""
    return COMPOUND_JOIN in pattern or JOINED_ARTICLE in pattern


def _joined(left: str, right: str) -> str:
    return re.sub(r"(.)\1+", r"\1", left + right)  # a doubled consonant across the join is one (jalal-ud-din)


def _spelt(pattern: str) -> bool:
    """Whether a skeleton word's pattern spells a name's word (not the article, a translated word, unknown letters)."""
    return bool(pattern) and not pattern.isalpha() and pattern != scripts.UNKNOWN_SPELLING


def _unassimilated(pattern: str) -> str:
    """A word's pattern without the vowel of an article said as its first letter (:data:`.scripts.ASSIMILATED_ARTICLE`):
    a compound joins the article to the word before it instead (Abdul Rahman, Shamsuddin)."""
    return pattern.removeprefix(scripts.ASSIMILATED_ARTICLE)


def _name_compounds(skeletons: list[str], patterns: list[str]) -> list[NameVariant]:
    """Skeleton readings with the compounds of Arabic names as Latin often writes them (a closed class): Abd al-X
    with the article joined to Abd (Abdul Hakim, Abdel Kader), Abd al-X as one word (Abdulhakim), X Allah
    (Nasrullah, Amanollah) as one word, and X al-Din as X uddin, the form every Latin spelling of it is read in
    (:func:`latin_arabic_names`), and as one word (Jalaluddin, Izzeddine). Each joined word keeps a spelling to
    agree with (the words' patterns joined), so that its consonants alone decide nothing. [] when there is none."""
    article_joined: list[tuple[str, str]] = []
    one_word: list[tuple[str, str]] = []
    words = list(zip(skeletons, patterns, strict=True))
    i = 0
    while i < len(words):
        skeleton, pattern = words[i]
        after = words[i + 1 : i + 3]
        spelt = _spelt(pattern)
        has_article = bool(after) and after[0] == ("l", "")
        if spelt and skeleton == _ABD_SKELETON and has_article and len(after) == 2 and after[1][1]:
            name, name_pattern = after[1][0], _unassimilated(after[1][1])
            article_joined.extend([("bdl", pattern + JOINED_ARTICLE), (name, name_pattern)])
            one_word.append((_joined("bdl", name), pattern + JOINED_ARTICLE + name_pattern))
            i += 3
        elif spelt and after and after[0][1] == _ALLAH_PATTERN:
            joined = (_joined(skeleton, after[0][0]), pattern + COMPOUND_JOIN + _ALLAH_PATTERN)
            article_joined.append(joined)
            one_word.append(joined)
            i += 2
        elif (pattern in _ABU_PATTERNS and after and _spelt(after[0][1])) or (
            spelt and after and after[0][1] in _ALI_PATTERNS
        ):
            # Abu X and X Ali apart as the lists mostly write them, and as one word (Abubakar, Gholamali)
            article_joined.extend(words[i : i + 2])
            one_word.append((_joined(skeleton, after[0][0]), pattern + after[0][1]))
            i += 2
        elif spelt and has_article and len(after) == 2 and _unassimilated(after[1][1]) == _DIN_PATTERN:
            # the Latin names' X al-Din is the two words X uddin (latin_arabic_names); as one word for any other text
            article_joined.extend([(skeleton, pattern), (scripts.skeleton(AL_DIN), COMPOUND_JOIN + _DIN_PATTERN)])
            one_word.append((_joined(skeleton, after[1][0]), pattern + COMPOUND_JOIN + _DIN_PATTERN))
            i += 3
        else:
            article_joined.append(words[i])
            one_word.append(words[i])
            i += 1
    readings: list[NameVariant] = []
    for reading in (article_joined, one_word):
        variant = NameVariant(tuple(s for s, _ in reading), SKELETON, patterns=tuple(p for _, p in reading))
        if variant.tokens != tuple(skeletons) and variant not in readings:  # something was joined
            readings.append(variant)
    return readings


def analyze(name: str, known: Container[str] = _EMPTY) -> AnalyzedName:
    """Analyse one name. ``known`` is the index vocabulary, used to join pinyin syllables into words; given, the name
    is a query, and a misspelt legal-form word it holds is also read as the form (one more reading).

    Never raises on any string; a name with nothing to match on (empty, only punctuation) has no variants.
    """
    text = unicodedata.normalize("NFKC", name or "")[:MAX_NAME_CHARS]
    if "&" in text and _HTML_ENTITY.search(text):  # a name exported from a web page: "AT&amp;T", "Xi&#39;an"
        text = html.unescape(text)
    text = scripts.clean_arabic(scripts.clean_cyrillic(text))
    text = text.casefold()
    runs = scripts.script_runs(text)
    per_run = [_run_variants(script, run, known) for script, run in runs]
    per_run = [alts for alts in per_run if any(tokens for tokens, _ in alts)]
    han = any(script == scripts.HAN for script, _ in runs)
    used_scripts = frozenset(script for script, run in runs if script != scripts.OTHER and run.strip())
    variants: list[NameVariant] = []
    forms: set[str] = set()
    width = max((len(alts) for alts in per_run), default=0)
    for k in range(width):
        tokens: list[str] = []
        kind = LATIN
        for alts in per_run:
            run_tokens, run_kind = alts[min(k, len(alts) - 1)]
            tokens.extend(run_tokens)
            if run_kind != LATIN:
                kind = run_kind
        written = tokens[:MAX_TOKENS]
        readings = [written]
        if kind == LATIN and known is not _EMPTY:  # a query (the lists' names are read as written)
            respelt = list(with_form_words_respelt(written, known))
            if respelt != written:
                readings.append(respelt)  # beside the name as written, never instead of it
        left: tuple[str, ...] = ()  # the name's words as written once its whole forms are split off
        for reading in readings:
            core, found = split_legal_forms(reading, chinese_forms() if han and kind != LATIN else None)
            if len(core) == 1 and core[0] in _ORDINAL_WORDS and kind == LATIN and not any(c.isdigit() for c in text):
                core = (_ORDINAL_WORDS[core[0]],)  # a one-word name is a name: "First" is no unit number 1
            left = left or core
            forms |= found
            variant = NameVariant(core, kind)
            if core and variant not in variants:
                variants.append(variant)
        if kind == LATIN and known is not _EMPTY and not FORM_WORDS.isdisjoint(left):
            # a form written with one of its words left out ("LIMITED LIABILITY BODOR"): one more reading
            core, found = split_legal_forms(written, shortened=True)
            variant = NameVariant(core, kind)
            if core and variant not in variants:
                variants.append(variant)
                forms |= found
    if scripts.ARABIC in used_scripts:
        skeletons: list[str] = []
        persian: list[str] = []  # ض ذ ظ ث as Persian says them, for a name that has them but no Persian letter
        joined_h: list[str] = []  # an h that Latin joins to the consonant before it (see scripts.arabic_skeletons)
        patterns: list[str] = []
        romanised: list[str] = []  # no word translated (see scripts.arabic_skeletons)
        romanised_patterns: list[str] = []
        for script, run in runs:
            if script == scripts.ARABIC:
                written, as_persian, digraphs, as_romanised = scripts.arabic_skeletons(run)
                skeletons.extend(written)
                persian.extend(as_persian)
                joined_h.extend(digraphs)
                romanised.extend(as_romanised)
                translated, spelt = scripts.arabic_pattern_readings(run)
                patterns.extend(translated)
                romanised_patterns.extend(spelt)
            else:  # the Latin words of a mixed name (زهران Inc): its legal forms are forms here too
                latin_words = fold_latin(run)
                core, found = split_legal_forms(latin_words)
                if found and len(core) == len(latin_words):  # forms alone: the Arabic-script words are the name
                    core = ()
                forms |= found
                latin = [s for s in (scripts.skeleton(t) for t in core) if s]
                for reading in (skeletons, persian, joined_h, romanised):
                    reading.extend(latin)
                patterns.extend("" for _ in latin)
                romanised_patterns.extend("" for _ in latin)
        skeletons, patterns = skeletons[:MAX_TOKENS], patterns[:MAX_TOKENS]
        persian, joined_h = persian[:MAX_TOKENS], joined_h[:MAX_TOKENS]
        romanised, romanised_patterns = romanised[:MAX_TOKENS], romanised_patterns[:MAX_TOKENS]
        if skeletons:
            variants.append(NameVariant(tuple(skeletons), SKELETON, patterns=tuple(patterns)))
            variants.extend(_name_compounds(skeletons, patterns))
            if persian != skeletons:  # احمد ذوالقدر: Ahmad Zolghadr
                variants.append(NameVariant(tuple(persian), SKELETON, patterns=tuple(patterns)))
            if joined_h != skeletons:  # اظهر: AZHAR, beside the reading that keeps the h (طاهر TAHER)
                variants.append(NameVariant(tuple(joined_h), SKELETON, patterns=tuple(patterns)))
            if romanised and romanised != skeletons:  # مكتب الخدمات: MAKHTAB AL-KHIDAMAT, beside "services office"
                variants.append(NameVariant(tuple(romanised), SKELETON, patterns=tuple(romanised_patterns)))
        # compounds written as one word in Latin: ولی جان → WALIJAN (proper names only: no translated word). Not
        # across the article (skeleton "l", no spelling pattern), which opens a family name: معن الوعري, Ma'n al-Wa'ri,
        # is two names, not MANAURE (the compounds with an article, Abd al-X and X al-Din, are _name_compounds')
        words = [(s, p) for s, p in zip(skeletons, patterns, strict=True) if s != scripts.ARTICLE_SKELETON or p]
        if (
            2 <= len(words) <= 3
            and len(words) == len(skeletons)
            and all(p and not p.isalpha() and p != scripts.UNKNOWN_SPELLING for _, p in words)
        ):
            joined = NAMES_JOIN.join(p for _, p in words)
            whole = NameVariant(("".join(s for s, _ in words),), SKELETON, patterns=(joined,))
            if whole not in variants:
                variants.append(whole)
    return AnalyzedName(text=name, variants=tuple(variants), forms=frozenset(forms), scripts=used_scripts)
