"""Non-Latin scripts: Chinese (pinyin + term translation), Cyrillic (romanisations), Arabic (consonant skeletons).

Each function turns a run of one script into *alternative* token lists, because there is no single right
romanisation: "Харьков" is Kharkov, Kharkiv or Charkow; "华为技术" is "huawei technology" for a matcher that knows
技术 is a word, "huawei jishu" for one that does not; "محمد" is written Mohammed, Muhammad, Mohamad …, which agree
only on their consonants (Arabic script omits short vowels), so Arabic is compared on consonant skeletons.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Container

from anyascii import anyascii
from pypinyin import lazy_pinyin

from exportctl.screening.terms import CHINESE_TERMS, RUSSIAN_TERMS

HAN = "han"
CYRILLIC = "cyrillic"
ARABIC = "arabic"
OTHER = "other"

_MAX_TERM = max(len(t) for t in CHINESE_TERMS)
_CN_DIGITS = dict(zip("零〇一二两三四五六七八九", (0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9), strict=True))
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def script_of(ch: str) -> str:
    """The script of one character, for the three non-Latin scripts the lists' users write in."""
    code = ord(ch)
    if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF or code == 0x3007:
        return HAN
    if 0x0400 <= code <= 0x052F:
        return CYRILLIC
    if 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F or 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF:
        return ARABIC
    return OTHER


def script_runs(text: str) -> list[tuple[str, str]]:
    """Split text into maximal runs of one script; spaces and punctuation join the run they sit in."""
    runs: list[tuple[str, str]] = []
    current, buf = OTHER, []
    for ch in text:
        script = script_of(ch)
        if script == OTHER and not ch.isalnum():
            buf.append(ch)  # punctuation/space: neutral, stays with the current run
            continue
        if script != current and buf:
            runs.append((current, "".join(buf)))
            buf = []
        current = script
        buf.append(ch)
    if buf:
        runs.append((current, "".join(buf)))
    return runs


# --- Chinese -------------------------------------------------------------------------------------------------------


def _chinese_number(chars: str) -> int | None:
    total, digit = 0, 0
    for ch in chars:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            total += (digit or 1) * _CN_UNITS[ch]
            digit = 0
        else:
            return None
    return total + digit


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def group_syllables(syllables: list[str], known: Container[str]) -> list[str]:
    """Join pinyin syllables into words: the longest run (≤ 4) that the index knows, else pairs.

    Chinese writes no spaces, and romanised list names join the syllables of a word ("Huawei", "Jinhua"), so
    "hua wei" must become "huawei" — which words exist is exactly what the index vocabulary tells us.
    """
    words: list[str] = []
    i = 0
    while i < len(syllables):
        for size in range(min(4, len(syllables) - i), 0, -1):
            word = "".join(syllables[i : i + size])
            if word in known and (size > 1 or len(word) > 2):
                words.append(word)
                i += size
                break
        else:
            # an unknown word: a short rest (a place or given name, 哈尔滨 → haerbin) is one word, else pairs
            rest = len(syllables) - i
            size = rest if rest <= 3 else 2
            words.append("".join(syllables[i : i + size]))
            i += size
    return words


def han_variants(run: str, known: Container[str], alternatives: int = 3) -> list[list[str]]:
    """Alternative word lists for a run of Chinese characters: terms translated (each alternative), then pure pinyin."""
    pieces: list[tuple[str, str]] = []  # ("term", english alts) or ("name", characters) or ("ord", "14th")
    i, name = 0, ""
    chars = "".join(ch for ch in run if script_of(ch) == HAN)
    while i < len(chars):
        if chars[i] == "第":
            j = i + 1
            while j < len(chars) and (chars[j] in _CN_DIGITS or chars[j] in _CN_UNITS):
                j += 1
            number = _chinese_number(chars[i + 1 : j]) if j > i + 1 else None
            if number is not None:
                if name:
                    pieces.append(("name", name))
                    name = ""
                pieces.append(("ord", _ordinal(number)))
                i = j
                continue
        for size in range(min(_MAX_TERM, len(chars) - i), 0, -1):
            term = CHINESE_TERMS.get(chars[i : i + size])
            if term is not None and (size > 1 or not name or i + 1 == len(chars)):
                if name:
                    pieces.append(("name", name))
                    name = ""
                pieces.append(("term", term))
                i += size
                break
        else:
            name += chars[i]
            i += 1
    if name:
        pieces.append(("name", name))

    def render(pick: Callable[[str], str], translate: bool) -> list[str]:
        words: list[str] = []
        for kind, value in pieces:
            if kind == "term" and translate:
                words.extend(pick(value).split())
            elif kind == "ord":
                words.append(value)
            elif kind == "name":
                words.extend(group_syllables(lazy_pinyin(value), known))
        return words

    variants = [render(functools.partial(_alt, k=k), True) for k in range(alternatives)]
    pinyin_only = group_syllables(lazy_pinyin(chars), known)
    variants.append(pinyin_only)
    return _dedupe(variants)


def _alt(alternatives: str, k: int) -> str:
    options = alternatives.split("|")
    return options[min(k, len(options) - 1)]


# --- Cyrillic ------------------------------------------------------------------------------------------------------

_BGN = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў",
        "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya i yi ye g u".split(),
        strict=True,
    )
)
_ENDINGS = sorted(
    "ого его ому ему ыми ими ому ая яя ое ее ые ие ый ий ой ых их ую юю ам ям ах ях ом ем а я ы и у ю е о ь й".split(),
    key=len,
    reverse=True,
)
_PLACE_ADJECTIVE = re.compile(r"(ск|цк)(ий|ая|ое|ого|ому|ой|ие|их|ую)$")


def transliterate_cyrillic(word: str) -> str:
    """BGN/PCGN-style romanisation (х kh, ж zh, ц ts, й y, ю yu, я ya), the usual one in US list data."""
    return "".join(_BGN.get(ch, ch) for ch in word).replace("_", "")


def _stem(word: str) -> str:
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def _russian_term(word: str) -> str | None:
    return RUSSIAN_TERMS.get(word) if word in RUSSIAN_TERMS else RUSSIAN_TERMS.get(_stem(word))


def cyrillic_variants(run: str) -> list[list[str]]:
    """Alternative word lists for a Cyrillic run: BGN romanisation, translated terms, anyascii's romanisation."""
    words = [w for w in re.split(r"[^\w-]+", run.lower()) if w.strip("-_")]
    plain: list[str] = []
    translated: list[str] = []
    for word in words:
        parts = [word] if _russian_term(word) is not None else [p for p in word.split("-") if p]
        for part in parts:
            roman = transliterate_cyrillic(part)
            plain.append(roman)
            term = _russian_term(part)
            if term is not None:
                translated.extend(_alt(term, 0).split())
            elif _PLACE_ADJECTIVE.search(part):  # Рязанский → Ryazan(sk): the place, as English names give it
                translated.append(transliterate_cyrillic(_PLACE_ADJECTIVE.sub(r"\1", part)))
            else:
                translated.append(roman)
    other = [anyascii(w).lower() for w in words]
    return _dedupe([translated, plain, other])


# --- Arabic --------------------------------------------------------------------------------------------------------

_ARABIC_ARTICLE = re.compile(r"^(ال|أل)(?=\w{2,})")
_SKELETON_DIGRAPHS = (("kh", "k"), ("gh", "g"), ("sh", "s"), ("ch", "s"), ("th", "t"), ("dh", "d"), ("zh", "z"))
_SKELETON_MAP = str.maketrans({"q": "k", "c": "k", "g": "k", "p": "b", "v": "f", "z": "s", "j": "j"})
_VOWELS = re.compile(r"[aeiouyw'`]")


def arabic_words(run: str) -> list[str]:
    """Romanised words of an Arabic/Persian run, the definite article split off ("الأسد" → "al", "sd")."""
    text = run.replace("\u200c", "")  # Persian zero-width non-joiner joins the parts of one word
    words: list[str] = []
    for word in re.split(r"[^\w]+", text):
        if not word:
            continue
        match = _ARABIC_ARTICLE.match(word)
        if match:
            words.append("al")
            word = word[match.end() :]
        roman = re.sub(r"[^a-z0-9]", "", anyascii(word).lower())
        if roman:
            words.append(roman)
    return words


def skeleton(token: str) -> str:
    """Consonant skeleton of a romanised token: what Arabic script writes (محمد mhmd ↔ Mohammed mhmd).

    Digraphs become one consonant, look-alike consonants one class (q/k/c/g, z/s), vowels and the semi-vowels y/w
    (written or omitted in Arabic) are dropped, doubled letters collapse ("Assad" and "أسد" both give "sd").
    """
    text = token.lower()
    for digraph, single in _SKELETON_DIGRAPHS:
        text = text.replace(digraph, single)
    text = _VOWELS.sub("", text.translate(_SKELETON_MAP))
    return re.sub(r"(.)\1+", r"\1", text)


def _dedupe(variants: list[list[str]]) -> list[list[str]]:
    seen: list[list[str]] = []
    for variant in variants:
        if variant and variant not in seen:
            seen.append(variant)
    return seen


def strip_marks(text: str) -> str:
    """Remove combining marks (diacritics) — used on Latin text only, where they never tell names apart."""
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
