"""Chinese organisation names written in pinyin: "Huawei Jishu Youxian Gongsi", "Beijing Hangkong Hangtian Daxue".

Chinese business registers, and customers' own records, often give a company's name in pinyin, the romanisation of
its characters, rather than in English: 有限公司 is written "youxian gongsi", not "Co., Ltd.", and 大学 "daxue", not
"University". The lists write the English. Such a name's organisation words are read back into the characters they
romanise, from the general vocabulary of :data:`.terms.CHINESE_TERMS` under pypinyin's readings of its characters (a
closed table of organisation words, no party's name), and the name is then read as the Chinese one is: "Huawei Jishu
Youxian Gongsi" as ``huawei 技术有限公司``, Huawei Technology Co., Ltd. The words that are no term (Huawei, Beijing)
stay as written, as the lists write them.

A name is read so only when one of its terms names a kind of organisation or a legal form (gongsi, daxue, jituan,
yanjiusuo …) and every other word is pinyin, but for one word in a name of three or more (a place's customary
spelling: Harbin Gongye Daxue): "Li Ming" or "Zhongxin Securities" are left alone.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Container, Mapping
from dataclasses import replace

from pypinyin import lazy_pinyin

from exportctl.screening.cedict import common_words_by_pinyin
from exportctl.screening.features import ORGANISATION_WORDS
from exportctl.screening.normalize import PINYIN, AnalyzedName, analyze, fold_latin
from exportctl.screening.scripts import NUMERAL_CHARACTERS, dictionary_word, is_pinyin
from exportctl.screening.terms import CHINESE_TERMS

MAX_TERM_WORDS = 4  # words of pinyin one term may be written in (you xian gong si)
MIN_WORDS_WITH_OTHER = 3  # a name of this many words may hold one word that is no pinyin (Harbin Gongye Daxue)
MIN_USES = 3  # listed names that must use a dictionary word's English for a pinyin word to be read as it
MIN_TERM_CHARACTERS = 2  # one character's syllable (suo, ju, chang) is too often a syllable of a proper name
_LEGAL_FORM_WORDS = frozenset({"co", "ltd", "corporation", "company"})


@functools.cache
def _terms_by_pinyin() -> dict[str, str]:
    """Each term of two or more characters under its pinyin, written together (youxiangongsi: 有限公司); of two
    terms with one pinyin, the longer (more specific) one."""
    table: dict[str, str] = {}
    for chars in sorted(CHINESE_TERMS, key=len, reverse=True):
        if len(chars) >= MIN_TERM_CHARACTERS and CHINESE_TERMS[chars]:
            table.setdefault("".join(lazy_pinyin(chars)), chars)
    return table


@functools.cache
def _organisation_terms() -> frozenset[str]:
    """The terms whose English says what kind of organisation a name is, or its legal form."""
    kinds = ORGANISATION_WORDS | _LEGAL_FORM_WORDS
    return frozenset(
        chars for chars, english in CHINESE_TERMS.items() if kinds & set(english.replace("|", " ").split())
    )


# the numeral characters (.scripts.NUMERAL_CHARACTERS) by their pinyin, longest first, and 第 (di) that makes an
# ordinal of them: a closed class, a script rule
_NUMERALS: dict[str, str] = {}
for _char in NUMERAL_CHARACTERS:
    _NUMERALS.setdefault(lazy_pinyin(_char)[0], _char)  # 零 before 〇 for ling
_NUMERAL_SYLLABLES = tuple(sorted(_NUMERALS, key=len, reverse=True))
_ORDINAL_MARK = "di"


def _numeral(word: str) -> str | None:
    """A word of numeral syllables as its characters (shisi: 十四, wushiba: 五十八), or None."""
    chars = ""
    while word:
        syllable = next((s for s in _NUMERAL_SYLLABLES if word.startswith(s)), None)
        if syllable is None:
            return None
        chars += _NUMERALS[syllable]
        word = word[len(syllable) :]
    return chars or None


def _ordinal(tokens: tuple[str, ...], start: int) -> tuple[int, str]:
    """An ordinal at ``start`` ("di shisi", "di shi si", "dishisi": 第十四) and where it ends; (start, "") if none."""
    first = tokens[start]
    if first != _ORDINAL_MARK and not (first.startswith(_ORDINAL_MARK) and _numeral(first[len(_ORDINAL_MARK) :])):
        return start, ""
    chars = "" if first == _ORDINAL_MARK else _numeral(first[len(_ORDINAL_MARK) :]) or ""
    end = start + 1
    while end < len(tokens) and (more := _numeral(tokens[end])):
        chars += more
        end += 1
    return (end, "第" + chars) if chars else (start, "")


def _split_terms(token: str, is_word: Callable[[str], bool]) -> list[str]:
    """A word with terms (or dictionary words) run into it split before each, from its end
    (huaweijishuyouxiangongsi: huawei, jishu, youxiangongsi), as long as what stays before them is pinyin; the word
    itself when it ends in none."""
    parts: list[str] = []
    rest = token
    while rest and not is_word(rest):
        cut = next(
            (k for k in range(1, len(rest) - 1) if is_pinyin(rest[:k]) and is_word(rest[k:])),
            None,
        )
        if cut is None:
            break
        parts.append(rest[cut:])
        rest = rest[:cut]
    return [rest, *reversed(parts)] if rest else list(reversed(parts))


@functools.cache
def _organisation_pinyin() -> re.Pattern[str]:
    """Any organisation term's pinyin, written together (gongsi, daxue, jituan …): a name without one is no
    organisation's name in pinyin."""
    table = _terms_by_pinyin()
    spellings = sorted((p for p, chars in table.items() if chars in _organisation_terms()), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, spellings)))


def _unlike_pinyin(tokens: tuple[str, ...]) -> bool:
    """Whether two words or more are no pinyin (nor a number): no Chinese name written in pinyin."""
    return sum(not (is_pinyin(t) or t.isdigit()) for t in tokens) > 1


def _dictionary_word(word: str, known: Mapping[str, int]) -> str | None:
    """The characters of the common word a pinyin word most likely is in an organisation's name: of the dictionary's
    words with that pinyin (youdian: 优点 merit, 有点 a little, 邮电 post and telecommunications), the one whose
    English the lists use most (:func:`.scripts.dictionary_word`'s choice of sense), if its words are used by at
    least :data:`MIN_USES` listed names; None otherwise."""
    best, uses = None, MIN_USES - 1
    for chars in common_words_by_pinyin().get(word, ()):
        found, glosses = dictionary_word(chars, 0, known)
        if found == chars:
            count = min(known.get(w, 0) for w in glosses.split("|")[0].split())
            if count > uses:
                best, uses = chars, count
    return best


def pinyin_characters(tokens: tuple[str, ...], known: Mapping[str, int] | None = None) -> str | None:
    """The name with its pinyin organisation words as their characters ("huawei 技术有限公司"), or None when it is
    not a Chinese organisation's name in pinyin (a word that is no pinyin, or no organisation word). With ``known``
    (how many listed names use each word), the other pinyin words that are common dictionary words are written in
    their characters too (Beijing Youdian Daxue: 北京邮电大学); the names among them stay as written without it."""
    if _unlike_pinyin(tokens) or not _organisation_pinyin().search("".join(tokens)):
        return None  # the usual Latin name: a cached test per word and one search
    table = _terms_by_pinyin()

    def is_word(text: str) -> bool:
        return text in table or (known is not None and _dictionary_word(text, known) is not None)

    tokens = tuple(part for token in tokens for part in _split_terms(token, is_word))
    if len(tokens) < 2:
        return None
    pieces: list[str] = []
    organisation = False
    other = 0  # words neither pinyin nor a term: a place's customary spelling (Harbin, Tsinghua) at most
    start = 0
    while start < len(tokens):
        end, numeral = _ordinal(tokens, start)
        if numeral:
            pieces.append(numeral)
            start = end
            continue
        for end in range(min(len(tokens), start + MAX_TERM_WORDS), start, -1):
            chars = table.get("".join(tokens[start:end]))
            if chars is not None:
                pieces.append(chars)
                organisation = organisation or chars in _organisation_terms()
                start = end
                break
        else:
            word = tokens[start]
            chars = _dictionary_word(word, known) if known is not None else None
            other += chars is None and not (is_pinyin(word) or word.isdigit())
            pieces.append(chars or f" {word} ")
            start += 1
    if not organisation or other > (1 if len(tokens) >= MIN_WORDS_WITH_OTHER else 0):
        return None
    return "".join(pieces).strip()


def with_pinyin_terms(analyzed: AnalyzedName, known: Container[str]) -> AnalyzedName:
    """The analysed Latin-script query with the readings of its Chinese form (:func:`pinyin_characters`) added
    after its own, and that form's legal forms; unchanged for any other name."""
    if analyzed.scripts or not analyzed.variants or _unlike_pinyin(analyzed.variants[0].tokens):
        return analyzed  # the usual Latin name: a cached test per word, before the text is folded again
    if not analyzed.forms and not _organisation_pinyin().search("".join(analyzed.variants[0].tokens)):
        return analyzed  # no organisation word (a legal form, such as youxian gongsi, is split off already)
    tokens = tuple(fold_latin(analyzed.text))  # as written: "youxian gongsi" is a legal form of the Latin analysis
    chars = pinyin_characters(tokens)
    if chars is None:
        return analyzed
    forms = [chars]
    if isinstance(known, Mapping):  # and with its dictionary words too, where that reads otherwise
        worded = pinyin_characters(tokens, known)
        if worded is not None and worded != chars:
            forms.append(worded)
    variants = list(analyzed.variants)
    legal_forms = set(analyzed.forms)
    for form in forms:
        read = analyze(form, known)
        variants.extend(v for v in read.variants if v.kind != PINYIN and v not in variants)
        legal_forms |= read.forms
    return replace(analyzed, variants=tuple(variants), forms=frozenset(legal_forms))
