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
from collections.abc import Container, Mapping

from anyascii import anyascii
from pypinyin import Style, lazy_pinyin, pinyin

from exportctl.screening.cedict import cedict
from exportctl.screening.chinese_places import held_positions, longest_place, place_at, place_names
from exportctl.screening.legal_forms import CO_LTD_WORDS, split_legal_forms
from exportctl.screening.palladius import chinese_words
from exportctl.screening.russian_countries import country_word
from exportctl.screening.terms import ARABIC_TERMS, CHINESE_TERMS, KOREAN_TERMS, RUSSIAN_TERMS

HAN = "han"
CYRILLIC = "cyrillic"
ARABIC = "arabic"
OTHER = "other"

_MAX_TERM = max(len(t) for t in CHINESE_TERMS)
_CN_DIGITS = dict(zip("零〇一二两三四五六七八九", (0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9), strict=True))
_CN_DIGITS.update({str(d): d for d in range(10)})  # 第14研究所 as 第十四研究所: names write both
_PLACE_SUFFIXES = "省市区县"  # after a place name: 深圳市 Shenzhen (dropped in English names)
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
NUMERAL_CHARACTERS = "".join(c for c in (*_CN_DIGITS, *_CN_UNITS) if not c.isdigit())  # 零〇一二两 … 十百千


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


# the scripts read here by their own rules (Latin, and the four above with Hangul); a letter of any other script is
# only transliterated letter by letter (anyascii), which no listed spelling of a name follows, so a name written in
# one may be missed: the result says so rather than "no hit" alone (a script rule: Unicode names each letter's script)
_READ_SCRIPTS = frozenset({"LATIN", "CJK", "CYRILLIC", "ARABIC", "HANGUL"})
_LETTERS = frozenset({"Lu", "Ll", "Lt", "Lo"})
# the blocks of those scripts (and Latin's, punctuation, spaces, full-width forms): a name of such characters only
# needs no letter-by-letter look (a letter outside them is then looked up by name, as any other)
_READ_ONLY = re.compile(
    "[\x00-\u024f\u0300-\u036f\u1e00-\u1eff\u2000-\u206f\u0400-\u052f\u0600-\u06ff\u0750-\u077f"
    "\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\uac00-\ud7af\u1100-\u11ff\u3130-\u318f\uff00-\uff60\uffe0-\uffef]*"
)


def unread_scripts(text: str) -> tuple[str, ...]:
    """The scripts of the letters of ``text`` that are read only letter by letter ("Katakana", "Greek", "Hebrew"),
    in order of first use; () for a name in Latin, Chinese, Cyrillic, Arabic or Korean script."""
    if text.isascii():
        return ()
    text = unicodedata.normalize("NFKC", text)  # as analysed: µ is Greek μ, ｶ is カ
    if _READ_ONLY.fullmatch(text):
        return ()
    found: dict[str, None] = {}
    for ch in text:
        if not ch.isascii() and unicodedata.category(ch) in _LETTERS:  # not modifier letters (ʿ, ー), marks or digits
            script = unicodedata.name(ch, "UNKNOWN").split(" ", 1)[0].split("-", 1)[0]
            if script not in _READ_SCRIPTS:
                found[script.capitalize()] = None
    return tuple(found)


_ARABIC_LETTER = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


def has_arabic(text: str) -> bool:
    return _ARABIC_LETTER.search(text) is not None


_NON_LATIN = re.compile(
    "[\u0400-\u052f\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3007]"
)


def script_runs(text: str) -> list[tuple[str, str]]:
    """Split text into maximal runs of one script; spaces and punctuation join the run they sit in."""
    if not _NON_LATIN.search(text):
        return [(OTHER, text)] if text else []  # the common case, decided in one regex scan
    runs: list[tuple[str, str]] = []
    current, buf = OTHER, []
    for ch in text:
        script = script_of(ch)
        if script == OTHER and not ch.isalnum():
            buf.append(ch)  # punctuation/space: neutral, stays with the current run
            continue
        if current == HAN and "0" <= ch <= "9":
            buf.append(ch)  # a number inside a Chinese name is read with it (第14研究所: the 14th institute)
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
    """The value of Chinese numerals: 五十八 58 (with units), 七一五 715 (digit by digit, as institute numbers are)."""
    if chars and not any(ch in _CN_UNITS for ch in chars):
        digits = [_CN_DIGITS.get(ch) for ch in chars]
        return int("".join(str(d) for d in digits)) if all(d is not None for d in digits) else None
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


@functools.cache
def pinyin_syllables() -> frozenset[str]:
    """Every toneless pinyin syllable (about 420), from pypinyin's character table: a closed class, a script rule."""
    from pypinyin.contrib.tone_convert import to_normal
    from pypinyin.pinyin_dict import pinyin_dict

    readings: set[str] = set()
    for value in set(pinyin_dict.values()):
        readings.update(value.split(","))
    return frozenset(to_normal(r) for r in readings)


@functools.lru_cache(maxsize=65536)
def is_pinyin(token: str) -> bool:
    """Whether a word is a run of pinyin syllables ("huawei", "jincheng"; also "china"): a romanised Chinese word,
    whose spelling is fixed by the characters, so that one letter apart means another character, not a typo."""
    syllables = pinyin_syllables()
    reachable = [True] + [False] * len(token)
    for end in range(1, len(token) + 1):
        starts = range(max(0, end - 6), end)
        reachable[end] = any(reachable[start] and token[start:end] in syllables for start in starts)
    return len(token) >= 2 and reachable[-1]


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def group_syllables(syllables: list[str], known: Container[str]) -> list[str]:
    """Join pinyin syllables into words, preferring words the index knows ("hua wei" → "huawei").

    Chinese writes no spaces, while romanised list names join the syllables of a word ("Huawei", "Jinhua"); which
    words exist is what the index vocabulary tells us. A small dynamic programme picks the split with the best
    score: a known word of k ≥ 2 syllables scores 2k, an unknown pair 1 (most Chinese words have two syllables),
    a whole unknown run of three 1.5 (哈尔滨 haerbin), a known single syllable 0.4; fewer words
    break ties. The words of a company form (youxian gongsi) count as known: the listed names' words do not hold
    them (forms are split off), and 发动机有限责任公司 was read "fadong jiyou xianze rengong si".
    """
    n = len(syllables)
    unreached: tuple[float, int, list[str]] = (-1.0, 0, [])
    best: list[tuple[float, int, list[str]]] = [(0.0, 0, []), *[unreached] * n]
    for end in range(1, n + 1):
        for size in range(1, min(4, end) + 1):
            start = end - size
            word = "".join(syllables[start:end])
            if size >= 2 and not word.isalpha():
                continue  # a number stays a word of its own (第14研究所: di 14, not di14)
            if size >= 2 and (word in known or word in CO_LTD_WORDS):
                gain = 2.0 * size
            elif size == 1:
                gain = 0.4 if word in known else 0.0
            elif size == 2:
                gain = 1.0
            elif size == 3 and n == 3:
                gain = 1.5
            else:
                continue
            score, count, words = best[start]
            candidate = (score + gain, count + 1, [*words, word])
            if candidate[0] > best[end][0] or (candidate[0] == best[end][0] and candidate[1] < best[end][1]):
                best[end] = candidate
    return best[n][2]


@functools.lru_cache(maxsize=4096)
def _pinyin_cached(chars: str) -> tuple[str, ...]:
    return tuple(lazy_pinyin(chars))


def _pinyin(chars: str) -> list[str]:
    """Pinyin syllables of Chinese characters (pypinyin is slow; the same pieces recur across readings)."""
    return list(_pinyin_cached(chars))


def _segment(
    chars: str, prefer_long: bool, known: Container[str] = (), organisations: bool = False
) -> list[tuple[str, str]]:
    """Split Chinese characters into ("term", English alternatives), ("ord", "14th") and ("name", characters).

    With ``prefer_long`` the longest known term wins (科技大学 → "university of science and technology"); without,
    the shortest term of two or more characters (科技 + 大学 → "technology university"): both readings exist.
    With ``known`` (the index vocabulary) the dictionary's words are translated too (:func:`_anchored`); with
    ``organisations`` the organisations CC-CEDICT names in English are read by those names first
    (:func:`organisation_at`).
    """
    pieces, covered = _pieces(chars, prefer_long, known, organisations)
    return _anchored(pieces, covered) if known else pieces


def _pieces(
    chars: str, prefer_long: bool, known: Container[str], organisations: bool
) -> tuple[list[tuple[str, str]], list[str]]:
    """:func:`_segment`'s pieces before the dictionary's words are anchored, with the characters of each."""
    pieces: list[tuple[str, str]] = []
    covered: list[str] = []  # the characters of each piece
    i, name = 0, ""
    held = held_positions(chars)
    places = place_names()
    longest = max(_MAX_TERM, longest_place())

    def add(kind: str, value: str, source: str) -> None:
        """A piece, after the name characters gathered before it (they are a piece of their own)."""
        nonlocal name
        if name and kind != "name":
            pieces.append(("name", name))
            covered.append(name)
            name = ""
        pieces.append((kind, value))
        covered.append(source)

    while i < len(chars):
        if organisations:
            named, english = organisation_at(chars, i, known)
            if named:
                add("term", english, named)
                i += len(named)
                continue
        if chars[i] == "第":
            j = i + 1
            while j < len(chars) and (chars[j] in _CN_DIGITS or chars[j] in _CN_UNITS):
                j += 1
            number = _chinese_number(chars[i + 1 : j]) if j > i + 1 else None
            if number is not None:
                add("ord", _ordinal(number), chars[i:j])
                i = j
                continue
        if "0" <= chars[i] <= "9":  # a number written in digits: as written (2012实验室: 2012 laboratory)
            j = i
            while j < len(chars) and "0" <= chars[j] <= "9":
                j += 1
            add("ord", chars[i:j], chars[i:j])
            i = j
            continue
        j = i
        while j < len(chars) and (chars[j] in _CN_DIGITS or chars[j] in _CN_UNITS):
            j += 1
        if j - i >= 2 and not name and any(chars[j:].startswith(t) for t in _NUMBERED):
            number = _chinese_number(chars[i:j])  # 七一五研究所: the 715th institute, 第 left out
            if number is not None:
                add("ord", _ordinal(number), chars[i:j])
                i = j
                continue
        sizes = range(min(longest, len(chars) - i), 0, -1)
        if not prefer_long:
            sizes = range(2, min(longest, len(chars) - i) + 1) if len(chars) - i >= 2 else range(1, 2)
        for size in sizes:
            term = CHINESE_TERMS.get(chars[i : i + size])
            if term is None and chars[i : i + size] in places:  # a foreign place (日本 Japan), by its English name
                term = place_at(chars, i, size, held)
            single_ok = not name or i + 1 == len(chars) or (chars[i] in _PLACE_SUFFIXES and len(name) >= 2)
            if term is not None and (size > 1 or single_ok):
                add("term", term, chars[i : i + size])
                i += size
                break
        else:
            word, gloss = dictionary_word(chars, i, known)
            if word:
                add("dictionary", gloss, word)
                i += len(word)
                continue
            if not prefer_long and CHINESE_TERMS.get(chars[i]) is not None and not name:
                add("term", CHINESE_TERMS[chars[i]], chars[i])
            else:
                name += chars[i]
            i += 1
    if name:
        add("name", name, name)
    return pieces, covered


def _anchored(pieces: list[tuple[str, str]], covered: list[str], brand: bool = False) -> list[tuple[str, str]]:
    """Dictionary words kept only beside an organisation word (a term that is no proper name, a number, or another
    dictionary word): 邮电 in 南京邮电大学 is what the university does, but 良友 alone after 上海 is the company's
    own name, and translated ("companion") it matched a listed alias COMPANION. A place between them is looked past
    (a Hong Kong firm's 船务(香港)有限公司). A word left alone is read as pinyin, joined to the name characters beside
    it.

    With ``brand`` the first dictionary word with only places (or nothing) before it is read as pinyin too: that is
    where a Chinese firm puts its own name, and a firm may name itself with a word (曙光信息产业 is Shuguang, or
    Sugon, Information Industry, not "dawn"; 产业 after it is still "industry")."""
    proper = _proper_characters()
    if brand:
        first = next((at for at, (kind, _) in enumerate(pieces) if kind != "term" or covered[at] not in proper), None)
        if first is not None and pieces[first][0] == "dictionary":
            pieces = [*pieces[:first], ("name", covered[first]), *pieces[first + 1 :]]

    def organisation(at: int, step: int) -> bool:
        while 0 <= at < len(pieces):
            kind = pieces[at][0]
            if kind in ("ord", "dictionary") or (kind == "term" and covered[at] not in proper):
                return True
            if kind != "term":
                return False
            at += step  # a place between (船务(香港)有限公司): the word beyond it
        return False

    result: list[tuple[str, str]] = []
    for at, (kind, value) in enumerate(pieces):
        if kind == "dictionary" and not (organisation(at - 1, -1) or organisation(at + 1, 1)):
            kind, value = "name", covered[at]
        if kind == "name" and result and result[-1][0] == "name":
            result[-1] = ("name", result[-1][1] + value)
        else:
            result.append((kind, value))
    return [("term", value) if kind == "dictionary" else (kind, value) for kind, value in result]


@functools.cache
def _proper_characters() -> frozenset[str]:
    """CC-CEDICT's proper names of 2–4 characters (places, people, brands) as simplified characters, except those
    that are also common words (大学 is also the Confucian classic "the Great Learning"), and the foreign places
    (:mod:`.chinese_places`, some of them longer)."""
    common = cedict().words
    return frozenset(simple for simple, _, _ in cedict().proper if simple not in common) | frozenset(place_names())


def han_variants(run: str, known: Container[str], alternatives: int = 2) -> list[list[str]]:
    """Alternative word lists for a run of Chinese characters: terms translated (long and short segmentation, each
    alternative rendering), then pure pinyin."""
    chars = to_simplified("".join(ch for ch in run if script_of(ch) == HAN or "0" <= ch <= "9"))

    def render(pieces: list[tuple[str, str]], k: int, join: bool = True) -> list[str]:
        words: list[str] = []
        for kind, value in pieces:
            if kind == "term":
                words.extend(_alt(value, k).split())
            elif kind == "ord":
                words.append(value)
            elif join:
                words.extend(group_syllables(_pinyin(value), known))
            else:
                words.extend(_pinyin(value))
        return words

    long_pieces = _segment(chars, prefer_long=True)
    variants = [render(long_pieces, k) for k in range(alternatives)]
    short_pieces = _segment(chars, prefer_long=False)
    if short_pieces != long_pieces:
        variants.append(render(short_pieces, 0))
    # one more reading with the dictionary's words translated too (邮电 post and telecommunications): beside the
    # others, not instead of them, because a word of the dictionary may be a brand (浪潮 "wave" is Inspur)
    raw = _pieces(chars, True, known, False) if known else None
    with_dictionary = _anchored(*raw) if raw else long_pieces
    if with_dictionary != long_pieces:
        variants.append(render(with_dictionary, 0))
    if raw and sum(kind == "dictionary" for kind, _ in raw[0]) >= 2:  # two or more words from the dictionary
        branded = _anchored(*raw, brand=True)
        if branded not in (long_pieces, with_dictionary):
            variants.append(render(branded, 0))
    variants.extend(render(pieces, 0) for pieces in _other_heads(with_dictionary))
    # and one with the organisations the dictionary names in English (大疆 DJI), each of their names in turn
    named = _segment(chars, prefer_long=True, known=known, organisations=True) if _names_an_organisation(chars) else []
    if named and named != with_dictionary:
        names = max(len(value.split("|")) for kind, value in named if kind == "term")
        variants.extend(render(named, k) for k in range(min(max(names, 1), MAX_ORGANISATION_NAMES)))
    subordinate = _subordinate(chars)
    if subordinate:  # 中国科学院高能物理研究所: listed as "Institute of High Energy Physics", without its parent
        unit_pieces = _segment(subordinate, prefer_long=True, known=known)
        variants.extend(render(unit_pieces, k) for k in range(alternatives))
    # some list names space every syllable: "Yun Cong"; beside translated words too: "SHEN ZHONG INTERNATIONAL
    # SHIPPING" (沈忠國際海運, 海运 from the dictionary)
    variants.append(render(long_pieces, 0, join=False))
    if with_dictionary != long_pieces:
        variants.append(render(with_dictionary, 0, join=False))
    if all(kind == "name" for kind, _ in long_pieces) and 2 <= len(chars) <= MAX_PERSON_CHARACTERS:
        variants.extend(_other_readings(chars, known))
    variants.append(group_syllables(_pinyin(chars), known))
    return _dedupe(variants)


MAX_PERSON_CHARACTERS = 4  # a Chinese person's name: two or three characters, four with a two-character surname
MAX_OTHER_READINGS = 4


@functools.lru_cache(maxsize=8192)
def character_readings(char: str) -> tuple[str, ...]:
    """A character's readings: pypinyin's, without those CC-CEDICT does not give it when it knows the character.
    pypinyin also lists rare and literary readings (王 yu, 方 pang, wang and feng, 覃 yan), and a name read so found
    listed words no one reads it as: 王慧 "yuhui" matched Yuhui Industrial, 方芳 "fengfang" FENGFAN CO. CEDICT
    gives the readings names take (曾 zeng, 单 shan, 解 xie, 朴 piao)."""
    found = tuple(dict.fromkeys(pinyin(char, style=Style.NORMAL, heteronym=True)[0]))
    known = cedict().readings.get(char)
    if not known:
        return found
    return tuple(r for r in found if r in known) or found[:1]


def _other_readings(chars: str, known: Container[str]) -> list[list[str]]:
    """A name (no organisation word) once more for each other reading of a character that has several, the surname
    first: pypinyin reads a character as in words, and names read some otherwise (曾 ceng, as a surname Zeng; 单 dan,
    Shan; 解 jie, Xie; 朴 pu, Piao; 勒 lei, le in Dong LECHENG). At most :data:`MAX_OTHER_READINGS`."""
    base = _pinyin(chars)
    readings: list[list[str]] = []
    for at, char in enumerate(chars):
        for other in character_readings(char):
            if other != base[at] and len(readings) < MAX_OTHER_READINGS:
                readings.append(group_syllables([*base[:at], other, *base[at + 1 :]], known))
    return readings


def _other_heads(pieces: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """The segmentation once for each other rendering of its last word when that word is a term (研究院 research
    institute, or academy), every other word in its first rendering: the alternatives are otherwise taken all first or
    all second, and 中国运载火箭技术研究院 needs "china" with "academy" (China Academy of Launch Vehicle Technology),
    where the all-second reading says "chinese … academy". Likewise once for a word inside the name whose second
    rendering has another number of words (科技 technology, or science and technology): 中国航天科技集团 is China
    Aerospace Science and Technology Corporation, "aerospace" first and "science and technology" second. (A second
    rendering of as many words is a spelling or a near synonym, china/chinese, center/centre: the all-second reading
    has it.)"""
    if not pieces:
        return []
    switched: list[list[tuple[str, str]]] = []
    for at, (kind, value) in enumerate(pieces[:-1]):
        options = value.split("|") if kind == "term" else []
        if len(options) >= 2 and len(options[1].split()) != len(options[0].split()):
            switched.append([*pieces[:at], ("term", options[1]), *pieces[at + 1 :]])
    if pieces[-1][0] == "term":
        options = pieces[-1][1].split("|")
        switched.extend([*pieces[:-1], ("term", option)] for option in options[1:])
    return switched


# Organisations that put their name before their research and teaching units' (中国科学院 X 研究所, 中国人民解放军
# X 大学), which English names often leave out ("Institute of High Energy Physics"); companies are not among the
# units: a group's company (集团控股有限公司) is named for what it does ("holding"), not for itself
_PARENTS = ("科学院", "工程院", "解放军", "集团公司", "集团", "研究院", "总公司")
# what a unit ends with; the unit must also have a name of its own (two characters or more), not a bare number
_UNITS = ("研究所", "研究院", "研究中心", "实验室", "大学", "学院")


def _subordinate(chars: str) -> str:
    """The unit of a name that starts with its parent (中国科学院高能物理研究所 → 高能物理研究所), or ""."""
    for parent in _PARENTS:
        at = chars.find(parent)
        if at < 0:
            continue
        unit = chars[at + len(parent) :]
        for ending in _UNITS:
            own = unit.removesuffix(ending)
            if unit.endswith(ending) and len(own) >= 2 and not own.startswith("第") and _chinese_number(own) is None:
                return unit
    return ""


MAX_ORGANISATION_NAMES = 3  # readings per organisation the dictionary names (联通: three names)
_NUMBERED = ("研究所", "研究院", "研究中心", "所", "厂", "院", "部队")  # what a bare number names: 七一五研究所
_GLOSS_NOISE = re.compile(r"\([^)]*\)|^\s*to\b|\babbr\b.*|\bcl:.*|\bsb\b|\bsth\b")  # "to" only as the verb's mark
# endings that make a gloss's word into the one organisation names use (measure → measurement, aerodynamic →
# aerodynamics), a closed class of English inflection and nominalisation, tried in this order
_NAME_ENDINGS = ("ment", "s", "es")


@functools.lru_cache(maxsize=65536)
def _glosses(word: str) -> tuple[str, ...]:
    """The first two usable English glosses of a dictionary word: 1–4 plain words each, notes removed. (Its later
    glosses are rarer senses: taken too, they translated many more words, each a commoner word than its pinyin, and
    raised the scores of unlisted names.)"""
    cleaned = []
    for gloss in cedict().words.get(word, "").strip("/").split("/"):
        words_of = _GLOSS_NOISE.sub(" ", gloss.casefold()).split()
        if 1 <= len(words_of) <= 4 and all(w.isascii() and w.isalpha() for w in words_of):
            cleaned.append(" ".join(words_of))
    return tuple(dict.fromkeys(cleaned))[:2]


def to_simplified(chars: str) -> str:
    """Traditional characters as simplified ones (勞動部 → 劳动部), so that one set of terms serves both."""
    return chars.translate(_simplifying_table())


@functools.cache
def _simplifying_table() -> dict[int, str]:
    """CC-CEDICT's traditional → simplified characters as a :meth:`str.translate` table (one C loop per name, not a
    lookup per character: the lookups were 3 % of screening a file with many Chinese names)."""
    return str.maketrans(cedict().simplified)


def dictionary_word(chars: str, start: int, known: Container[str]) -> tuple[str, str]:
    """The longest dictionary word (2–4 characters) at ``start`` whose English gloss is made of words the lists use
    (``known``: the index vocabulary), with its glosses as term alternatives; ("", "") when there is none. When
    ``known`` also says how many listed names use each word (a mapping), the glosses come in that order: of
    a word's senses, the one organisation names use (测量 measurement; "survey" first in the dictionary).

    This is how organisation words the term table does not hold are translated (邮电 post and telecommunications,
    核工业 nuclear industry, 石墨烯 graphene); proper names are left to pinyin (the dictionary's capitalised
    entries are not used), and a gloss in words no listed name uses would only add noise."""
    if not known:
        return "", ""
    words = cedict().words
    for size in range(min(4, len(chars) - start), 1, -1):
        word = chars[start : start + size]
        if word not in words:
            continue
        glosses = list(dict.fromkeys(listed for g in _glosses(word) if (listed := _as_listed(g, known))))
        if glosses:
            if isinstance(known, Mapping):  # the sense the lists use most first (测量 measurement, not survey)
                glosses.sort(key=lambda g: -min(known.get(w, 0) for w in g.split()))
            return word, "|".join(glosses)
    return "", ""


def _as_listed(gloss: str, known: Container[str]) -> str:
    """A gloss in the words the lists use: each word as it is, or with one of :data:`_NAME_ENDINGS` when only that
    form is known (测量 "measure": Beijing Institute of Radio *Measurement*); "" when a word has no known form."""
    words: list[str] = []
    for word in gloss.split():
        listed = word if word in known else next((word + e for e in _NAME_ENDINGS if word + e in known), "")
        if not listed:
            return ""
        words.append(listed)
    return " ".join(words)


@functools.cache
def _longest_organisation() -> int:
    return max((len(key) for key in cedict().organisations), default=0)


@functools.cache
def _organisation_starts() -> frozenset[str]:
    """The first two characters of every organisation CC-CEDICT names: most names hold none, and are not segmented
    once more for nothing."""
    return frozenset(key[:2] for key in cedict().organisations)


def _names_an_organisation(chars: str) -> bool:
    starts = _organisation_starts()
    return any(chars[i : i + 2] in starts for i in range(len(chars) - 1))


def _listed_words(name: str, known: Container[str]) -> bool:
    """Whether every word of an English name but its legal form is a word the lists use (``known``)."""
    words = re.findall(r"[a-z0-9]+", anyascii(name).casefold().replace("'", "").replace("&", " and "))
    core, _ = split_legal_forms(words)
    return bool(core) and all(word in known for word in core)


def organisation_at(chars: str, start: int, known: Container[str]) -> tuple[str, str]:
    """The longest organisation at ``start`` that CC-CEDICT names in English (大疆 DJI, 商汤科技 SenseTime, 真主党
    Hezbollah: :mod:`.cedict`), with those of its names whose words the lists use as term alternatives; ("", "")
    when there is none. A brand is otherwise read as pinyin (dajiang), which no list writes."""
    if not known:
        return "", ""
    table = cedict().organisations
    for size in range(min(_longest_organisation(), len(chars) - start), 1, -1):
        names = [name for name in table.get(chars[start : start + size], ()) if _listed_words(name, known)]
        if names:
            return chars[start : start + size], "|".join(name.casefold() for name in names)
    return "", ""


def _alt(alternatives: str, k: int) -> str:
    """The k-th rendering of a term (the last one when it has fewer)."""
    options = alternatives.split("|")
    return options[min(k, len(options) - 1)]


# --- Korean (Hangul) -----------------------------------------------------------------------------------------------

# Hangul syllables spelt as the lists write Korean names (McCune–Reischauer without its marks, as North Korea and the
# UN and OFAC lists do: KIM YONG BOK, RI CHANG HO, NO KWANG CHOL), a script rule: each syllable block is an initial
# consonant, a vowel and an optional final consonant (Unicode's arithmetic layout of U+AC00–U+D7A3)
_HANGUL = re.compile("[\uac00-\ud7a3]")
_HANGUL_OR_OTHER = re.compile("[\uac00-\ud7a3]+|[^\uac00-\ud7a3\\s]+|\\s+")
_INITIALS = ("k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "ch", "tch", "ch", "kh", "th", "ph", "h")
_VOICED = {"k": "g", "t": "d", "p": "b"}  # inside a name the lists often write ㄱ ㄷ ㅂ voiced (KIM YONG BOK)
_VOWELS_KO = (
    "a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "u", "ui",
    "i",
)  # fmt: skip
_FINALS = (
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t",
    "t", "k", "t", "p", "t",
)  # fmt: skip


def _hangul_syllable(ch: str, voiced: bool, j: bool) -> str:
    index = ord(ch) - 0xAC00
    initial = _INITIALS[index // 588]
    if j and index // 588 == 12:  # ㅈ: ch in McCune–Reischauer, j in North Korea's own spelling (KIM JONG UN)
        initial = "j"
    elif voiced:
        initial = _VOICED.get(initial, initial)
    return initial + _VOWELS_KO[(index % 588) // 28] + _FINALS[index % 28]


def has_hangul(text: str) -> bool:
    return _HANGUL.search(text) is not None


# Korea's two-syllable surnames, a closed class: a four-syllable name that starts with one is still a person's
_DOUBLE_SURNAMES = frozenset({"남궁", "황보", "제갈", "사공", "선우", "서문", "독고", "동방"})


# Korean legal forms (a closed class), written out or abbreviated in parentheses, as their English forms:
# 주식회사 "Co., Ltd." (삼성전자 주식회사, Samsung Electronics Co., Ltd.), 유한회사 "Ltd.", 유한책임회사 "LLC".
# A name with one is an organisation's, so its syllables are never read as a person's names ((주) 제나 is no CHU, Na).
_KOREAN_FORMS = {"주식회사": "co ltd", "주": "co ltd", "유한회사": "ltd", "유": "ltd", "유한책임회사": "llc"}
_KOREAN_FORM = re.compile(r"\(\s*(주|유)\s*\)|(유한책임회사|주식회사|유한회사)")


def _korean_forms(run: str) -> tuple[str, list[str]]:
    """The run without its Korean legal forms, and their English forms."""
    forms: list[str] = []

    def english(match: re.Match[str]) -> str:
        forms.append(_KOREAN_FORMS[match.group(1) or match.group(2)])
        return " "

    return _KOREAN_FORM.sub(english, run), forms


def _personal(hangul: str) -> bool:
    """Whether Korean text is shaped like a person's name: a surname and a given name, three syllables in all (two to
    four with a two-syllable surname). Longer text is an organisation's words (삼성전자, 한국과학기술원)."""
    return len(hangul) <= 3 or (len(hangul) == 4 and hangul[:2] in _DOUBLE_SURNAMES)


def hangul_variants(run: str) -> list[list[str]]:
    """Readings of text with Korean words.

    A person's name has each syllable a word, as the lists write Korean names: in McCune–Reischauer (kim yong pok,
    cho son), in North Korea's spelling with ㅈ as j and the syllables after a word's first voiced (kim yong bok, kim
    jong un, ri song jin), and with those joined as one given name (kim yongbok). Other text has each word read as
    one word in both spellings: its syllables are not names, and read apart they matched listed people's names
    (삼성전자, Samsung Electronics, as "sam song chon cha": CHA, Sung Jun)."""
    run, forms = _korean_forms(run)
    voiceless: list[str] = []
    voiced: list[str] = []
    joined: list[str] = []
    personal = not forms and _personal("".join(_HANGUL.findall(run)))
    # a word mixing scripts (LG전자, 삼성SDS) is its Korean and its other parts, each a word: none is dropped
    for word in (part for part in _HANGUL_OR_OTHER.findall(run) if not part.isspace()):
        if not _HANGUL.match(word):
            for reading in (voiceless, voiced, joined):
                reading.append(word)
            continue
        syllables = list(word)
        plain = [_hangul_syllable(ch, voiced=False, j=False) for ch in syllables]
        soft = [_hangul_syllable(ch, voiced=i > 0, j=True) for i, ch in enumerate(syllables)]
        if not personal:
            plain, soft = ["".join(plain)], ["".join(soft)]
        elif len(word) > 2 and word[:2] in _DOUBLE_SURNAMES:  # one surname, one word: NAMGUNG
            plain, soft = [plain[0] + plain[1], *plain[2:]], [soft[0] + soft[1], *soft[2:]]
        voiceless.extend(plain)
        voiced.extend(soft)
        joined.extend(soft[:1] + (["".join(soft[1:])] if len(soft) > 1 else []))
    translated = [] if personal else _korean_translated(run)
    for reading in (voiceless, voiced, joined, *translated):
        reading.extend(forms)
    return _dedupe([voiceless, voiced, joined, *translated])


_LONGEST_KOREAN_TERM = max(len(term) for term in KOREAN_TERMS)


def _korean_translated(run: str) -> list[list[str]]:
    """An organisation's Korean words with its organisation words translated (:data:`.terms.KOREAN_TERMS`: their
    first renderings, then each one's second in turn) and the syllables between them read as one word each, in both
    spellings (조선광선은행: "korea kwangson bank", "choson kwangson bank", "korea kwangson banking"); none when the
    text holds no such word. Korean writes an organisation's name without spaces, and read as one word
    (chosonkwangsonunhaeng) it matched no listed name (KOREA KWANGSON BANKING CORP)."""
    words: list[list[tuple[str, str]]] = []  # per word: (kind, text), "term" with its English or "name" syllables
    for word in (part for part in _HANGUL_OR_OTHER.findall(run) if not part.isspace()):
        words.append(_korean_pieces(word) if _HANGUL.match(word) else [("other", word)])
    if not any(kind == "term" for pieces in words for kind, _ in pieces):
        return []
    pieces = [piece for pieces in words for piece in pieces]
    switched = [None, *(at for at, (kind, text) in enumerate(pieces) if kind == "term" and "|" in text)]
    readings: list[list[str]] = []
    for second in switched:  # the terms' first renderings, then each term's second one in turn
        for j in (False, True):  # McCune–Reischauer, then North Korea's ㅈ as j
            reading: list[str] = []
            for at, (kind, text) in enumerate(pieces):
                if kind == "term":
                    reading.extend(_alt(text, 1 if at == second else 0).split())
                elif kind == "name":
                    reading.append("".join(_hangul_syllable(ch, voiced=i > 0, j=j) for i, ch in enumerate(text)))
                else:
                    reading.append(text)
            readings.append(reading)
    return _dedupe(readings)


def _korean_pieces(word: str) -> list[tuple[str, str]]:
    """A Korean word split into its organisation words (longest first) and the syllables between them."""
    pieces: list[tuple[str, str]] = []
    at = 0
    while at < len(word):
        for size in range(min(_LONGEST_KOREAN_TERM, len(word) - at), 1, -1):
            english = KOREAN_TERMS.get(word[at : at + size])
            if english is not None:
                pieces.append(("term", english))
                at += size
                break
        else:
            if pieces and pieces[-1][0] == "name":
                pieces[-1] = ("name", pieces[-1][1] + word[at])
            else:
                pieces.append(("name", word[at]))
            at += 1
    return pieces


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
_NAMED_AFTER = ("им", "имени")
_CYRILLIC_VOWELS = "аеёиоуыэюяйьъ"


def _nominative(surname: str) -> str:
    """A surname after имени ("named after") as the nominative English names give it: the genitive's ending off
    (Келдыша Keldysh, Харкевича Kharkevich, Жуковского Zhukovskiy, Королёва Korolyov)."""
    if surname.endswith(("ского", "цкого")):
        return surname[:-3] + "ий"
    if len(surname) > 3 and surname[-1] == "а" and surname[-2] not in _CYRILLIC_VOWELS:
        return surname[:-1]
    return surname


# ICAO 9303 (Russian passports since 2013): й i, ы y, ю iu, я ia, ъ ie, е/ё e, ц ts, х kh; and the usual English
# spelling of a few sounds in given names and patronymics ("Alexei", "-yevich"): ks -> x, ey -> ei at a word's end
_ICAO = {**_BGN, "й": "i", "ю": "iu", "я": "ia", "ъ": "ie", "ы": "y"}


def transliterate_icao(word: str) -> str:
    """ICAO 9303 romanisation, as Russian passports (and so many list entries for persons) write names."""
    return "".join(_ICAO.get(ch, ch) for ch in word).replace("_", "")


def transliterate_cyrillic(word: str) -> str:
    """BGN/PCGN-style romanisation (х kh, ж zh, ц ts, й y, ю yu, я ya), the usual one in US list data."""
    return "".join(_BGN.get(ch, ch) for ch in word).replace("_", "")


# Russian patronymics in Latin letters (Borisovich, Yuryevich, Ivanovna, Ilyinichna): a script rule, not a name list
_PATRONYMIC = re.compile(r"[a-z]{3,}(ovich|evich|ovna|evna|ichna)")


def is_patronymic(token: str) -> bool:
    """A romanised Russian patronymic: the father's given name, which queries often leave out."""
    return _PATRONYMIC.fullmatch(token) is not None


# spellings of one sound that romanisations of Russian given names differ by (Pyotr/Petr, Yevgeny/Evgeny,
# Aleksandr/Alexandr, Mikhaylovich/Mikhailovich, Iosif/Josif, and English ph: Josephovich), a script rule
_NAME_SPELLINGS = (("yo", "e"), ("ye", "e"), ("ks", "x"), ("ph", "f"), ("io", "jo"), ("y", "i"))


def patronymic_father(token: str) -> str:
    """The father's given name a romanised patronymic is made of, its spelling evened out: Petrovich petr, Pyotrovich
    petr, Yuryevich and Yurievich iur, Aleksandrovna alexandr. Two patronymics are one father's when these agree; the
    whole words share their ending, and Petrovich and Pavlovich were 0.67 alike."""
    found = _PATRONYMIC.fullmatch(token)
    father = token[: found.start(1)] if found else token
    for spelling, even in _NAME_SPELLINGS:
        father = father.replace(spelling, even)
    return father.rstrip("i") or father


_CUSTOMARY_END = re.compile(r"(iy|ey|yy)$")
_CUSTOMARY = {"iy": "i", "ey": "ei", "yy": "y"}
_YE = re.compile("(?:(?<=^)|(?<=[аеёиоуыэюяьъ]))[её]")


def transliterate_bgn(word: str) -> str:
    """BGN/PCGN with its context rule: е and ё are "ye" at the start of a word and after a vowel, ь or ъ
    (Евгений Yevgeniy, Юрьевич Yuryevich, Алексеевич Alekseyevich), as many list entries for persons write them."""
    return transliterate_cyrillic(_YE.sub("йе", word))


def _customary(roman: str) -> str:
    """A BGN/PCGN romanisation in the customary English spelling (see :func:`cyrillic_variants`)."""
    return _CUSTOMARY_END.sub(lambda m: _CUSTOMARY[m[0]], roman.replace("ks", "x").replace("dzh", "j"))


def _russian_term(word: str) -> str | None:
    """The English of a Russian organisation word, found under the word or under its stem with any ending taken off,
    the longest first: управление is управлени + е (taking "ие" off left управлен, and no nominative -ние noun was
    ever found)."""
    if word in RUSSIAN_TERMS:
        return RUSSIAN_TERMS[word]
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            term = RUSSIAN_TERMS.get(word[: -len(ending)])
            if term is not None:
                return term
    return None


_CYRILLIC_WORD_AND_DOT = re.compile(r"[\w-]+\.?")  # a run's words, each with the dot after it if any


def cyrillic_variants(run: str, known: Container[str] = ()) -> list[list[str]]:
    """Alternative word lists for a Cyrillic run: translated terms, Chinese names in Palladius spelling read as
    pinyin where the lists hold them (Хуавэй: huawei; only for a query, whose ``known`` is the index vocabulary), BGN
    romanisation, anyascii's, the passport's (ICAO), BGN with ks as x, BGN with its ye rule, and the customary English
    spelling (Yuri, Andrei, Zarechny)."""
    written = [m.group() for m in _CYRILLIC_WORD_AND_DOT.finditer(run.lower()) if m.group().strip("-_.")]
    words = [w.rstrip(".") for w in written]
    plain: list[str] = []
    translated: list[str] = []
    named_after = False  # the words after имени are a person's initials and name, in the genitive
    split: list[str] = []  # the run's parts (words, or a hyphened word's halves) and their terms, in step with plain
    terms: list[str | None] = []
    for word, as_written in zip(words, written, strict=True):
        initial = len(word) == 1 and as_written.endswith(".")  # В.П. Макеева: an initial, not the preposition в
        whole = None if initial else _russian_term(word)
        parts = [word] if whole is not None else [p for p in word.split("-") if p]
        for part in parts:
            roman = transliterate_cyrillic(part)
            plain.append(roman)
            term = whole if whole is not None or initial else _russian_term(part) or country_word(part)
            split.append(part)
            terms.append(term)
            if term is not None:  # an organisation word ends the person's name
                named_after = part in _NAMED_AFTER
                translated.extend(_alt(term, 0).split())
            elif named_after and len(part) > 1:  # a title and the surname (имени академика Макеева)
                translated.append(transliterate_cyrillic(_nominative(part)))
            elif named_after:
                continue  # the person's initials: English names mostly leave them out (Bauman Moscow State …)
            elif _PLACE_ADJECTIVE.search(part):  # Рязанский → Ryazan(sk): the place, as English names give it
                translated.append(transliterate_cyrillic(_PLACE_ADJECTIVE.sub(r"\1", part)))
            else:
                translated.append(roman)
    other = [anyascii(w).lower() for w in words]
    passport = [p for p in map(transliterate_icao, split) if p]
    english = [re.sub(r"ks", "x", p) for p in plain]  # Aleksei -> Alexei, Aleksandr -> Alexandr
    contextual = [p for p in map(transliterate_bgn, split) if p]
    # the customary English spelling of names, as the SDN file often writes them: BGN with its ye rule, ks as x, дж as
    # j (Central Asian and Caucasian names: Джахонгир Jahongir, Джамаладин Jamaladin), and a final й as i after и or е
    # (Юрий Yuri, Андрей Andrei, Алексей Alexei) and dropped after ы (Заречный Zarechny)
    customary = [_customary(p) for p in contextual]
    chinese = _palladius_reading(split, plain, terms, known) if known else None
    readings = [translated, *([chinese] if chinese else []), plain, other, passport, english, contextual, customary]
    if "ё" in run.lower():
        # ё as English writes it, yo (Журавлёв ZHURAVLYOV, Соловьёв SOLOVYOV), where BGN/PCGN's ë and the passport's
        # e read e; the customary spelling otherwise
        readings.append([_customary(transliterate_bgn(p.replace("ё", "йо"))) for p in split if p])
    return _dedupe(readings)


def _palladius_reading(
    parts: list[str], plain: list[str], terms: list[str | None], known: Container[str]
) -> list[str] | None:
    """The run read with its Chinese names' Palladius syllables as pinyin (:mod:`.palladius`), its organisation words
    translated; None when it holds no Chinese name the lists know. ``parts`` are the run's words as
    :func:`cyrillic_variants` splits them, ``plain`` and ``terms`` their romanisations and terms."""
    romans = [roman if t is None else _alt(t, 0) for roman, t in zip(plain, terms, strict=True)]
    names = ["" if t is not None else p for p, t in zip(parts, terms, strict=True)]  # a translated word is no name
    return chinese_words(names, romans, known)


# --- Arabic --------------------------------------------------------------------------------------------------------

_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ARABIC_ARTICLE = re.compile(r"^(ال|أل)(?=\w{2,})")
# Arabic/Persian letter -> consonant class (see skeleton()); long vowels, semi-vowels and hamza carry no consonant
_ARABIC_SKELETON = str.maketrans(
    {
        **dict.fromkeys("اآأإءئؤىوية\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652ی", ""),
        "ب": "b", "پ": "b", "ت": "t", "ث": "t", "ط": "t", "ج": "j", "چ": "s", "ح": "h", "ه": "h", "خ": "k",
        "د": "d", "ذ": "d", "ض": "d", "ر": "r", "ز": "s", "ژ": "s", "س": "s", "ش": "s", "ص": "s", "ظ": "s",
        "ع": "", "غ": "k", "ف": "f", "ق": "k", "ك": "k", "ک": "k", "گ": "k", "ل": "l", "م": "m", "ن": "n",
    }
)  # fmt: skip
# Persian (and Urdu, Pashto) say ض ذ ظ as z and ث as s: Reza, Ramazan, Zia (Arabic Rida, Ramadan, Dhiya)
_PERSIAN_SKELETON = {**_ARABIC_SKELETON, ord("ض"): "s", ord("ذ"): "s", ord("ظ"): "s", ord("ث"): "s"}
_PERSIAN_LETTERS = re.compile("[پچژگکی]")
_SKELETON_DIGRAPHS = (
    ("dj", "j"),  # French usage for ج: Djamel, Abdeldjalil
    ("kh", "k"),
    ("gh", "k"),
    ("sh", "s"),
    ("ch", "s"),
    ("th", "t"),
    ("dh", "d"),
    ("zh", "s"),
)
_SKELETON_MAP = str.maketrans({"q": "k", "c": "k", "g": "k", "p": "b", "z": "s", "x": "ks"})
_VOWELS = re.compile(r"[aeiouywv'`]")
_SOFT_C = re.compile(r"c(?=[eiy])")


# letter forms that Arabic and Persian write differently (Arabic yeh and kaf, Persian yeh and keheh, ta marbuta and
# heh, the hamza and madda forms of alef), made one for looking words up: شرکت is شركة, ایران is إيران
_ARABIC_LETTER_FOLD = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"})


def fold_arabic_letters(word: str) -> str:
    return word.translate(_ARABIC_LETTER_FOLD)


@functools.cache
def _arabic_terms() -> dict[str, str]:
    folded: dict[str, str] = {}
    for word, english in ARABIC_TERMS.items():
        folded.setdefault(fold_arabic_letters(word), english)
    return folded


def _arabic_term(word: str) -> str | None:
    """English rendering of a common organisation word (also with the conjunction و "and" in front), else None; in
    either language's letter forms (ایران, إيران)."""
    terms = _arabic_terms()
    folded = fold_arabic_letters(word)
    if folded in terms:
        return _alt(terms[folded], 0)
    if folded.endswith("ه") and len(folded) >= 4 and folded[:-1] in terms:  # feminine: مسلحة armed, ليبية libyan
        return _alt(terms[folded[:-1]], 0)
    if word.startswith("و") and len(word) > 3:
        rest = fold_arabic_letters(_ARABIC_ARTICLE.sub("", word[1:]))
        if rest in terms:
            return "and " + _alt(terms[rest], 0)
    return None


ALLAH = "الله"  # one word, not the article + لـه: in compounds it is -allah/-ullah (Nasrallah, Abdullah, Hizballah)


# Persian surname endings written apart but romanised as one word: زارع پور Zarepour, آخوند زاده Akhundzada
_PERSIAN_SUFFIXES = frozenset({"پور", "زاده", "زادہ", "نژاد"})
_ABD = "عبد"  # "servant of": Abd al-Hakim is written عبد الحكيم or عبدالحكيم and romanised Abdul Hakim, Abdelhakim …


# what Persian writes after a zero-width non-joiner within one word (plural ها, ezafe ی/ای, comparative تر …) and
# before one (the verb prefixes می/نمی, بی "without"): a closed class of its orthography
_JOINED_SUFFIXES = frozenset(
    {"ها", "های", "هایی", "ی", "ای", "ایی", "ام", "ات", "اش", "ان", "یم", "ید", "اند", "تر", "ترین"}
)
_JOINED_PREFIXES = frozenset({"می", "نمی", "بی"})


def _joined_at_non_joiners(run: str) -> str:
    """The run with each zero-width non-joiner resolved: the parts of one word joined (خامنه‌ای Khamenei, its ه
    the vowel e), two words apart. Persian also puts the joiner between the words of a compound name (سپاه‌پاسداران
    "Guards Corps", حزب‌الله): read as one word, سپاه‌پاسداران انقلاب اسلامی found nothing."""
    parts = run.split("\u200c")
    text = parts[0]
    for part in parts[1:]:
        after = re.match(r"\w*", part)
        before = re.search(r"\w*$", text)
        if (after and after.group() in _JOINED_SUFFIXES) or (before and before.group() in _JOINED_PREFIXES):
            text = (text[:-1] if text.endswith("ه") else text) + part  # Persian ه before a joiner is the vowel e
        else:
            text = f"{text} {part}"
    return text


# أبو "father of" (a kunya) written on to the name after it, as Arabic often writes it (أبوغيث, أبوبكر): the lists write
# it apart (ABO GHAITH, Abu Bakr) or as one word (Abubakar), which normalize._name_compounds reads it as too. Not
# before the article (ابوالفضل is Abolfazl, one name), nor before fewer than three letters (أبوجا, Abuja), nor in a
# word with a letter only Persian uses: Persian surnames begin so (ابوطالبی Aboutalebi, ابوترابی Abutorabi)
ABU = ("أبو", "ابو")
_ABU_REST = 3
# علی "Ali" written on to the given name before it, as Persian writes its compound given names (محمدعلی, غلامعلی,
# حسینعلی): the lists write them apart (Mohammad Ali JAFARI) or as one word (Gholamali), which
# normalize._name_compounds reads them as too. After three letters or more: مُعلی (Mu'alla) and فعلی (current) are
# words of their own
ALI = ("علی", "علي")
_ALI_AFTER = 3
_JOINED_DIN = ("الدين", "الدین")  # al-Din written on to the name before it (Arabic and Persian yeh)


def _arabic_words(run: str) -> list[tuple[bool, str]]:
    """Words of an Arabic/Persian run as (is_article, word), the definite article split off ("الأسد" → al, أسد),
    "عبدال…" split like "عبد ال…", "…الدين" like "… ال دين", and a Persian surname ending joined to the word before
    it."""
    run = _ARABIC_MARKS.sub("", run)  # short-vowel marks and the tatweel (letter stretching) carry no letter
    text = _joined_at_non_joiners(run) if "\u200c" in run else run
    words: list[tuple[bool, str]] = []
    for word in re.split(r"[^\w]+", text):
        if not word:
            continue
        if fold_arabic_letters(word) == _FAMILY_ARTICLE:  # آل "family of" (آل سعود Al Saud), never the name Ali
            words.append((True, "al"))
            continue
        if word in _PERSIAN_SUFFIXES and words and not words[-1][0]:
            words[-1] = (False, words[-1][1] + word)
            continue
        if word.startswith(_ABD + "ال") and len(word) > len(_ABD) + 3 and not word.endswith(ALLAH):
            words.append((False, _ABD))
            word = word[len(_ABD) :]
        abu = next((a for a in ABU if word.startswith(a) and len(word) >= len(a) + _ABU_REST), None)
        if abu is not None and not word.startswith("ال", len(abu)) and not _PERSIAN_LETTERS.search(word):
            words.append((False, abu))
            word = word[len(abu) :]
        ali = next((a for a in ALI if word.endswith(a) and len(word) >= len(a) + _ALI_AFTER), None)
        if ali is not None:
            words.append((False, word[: -len(ali)]))
            word = ali
        din = next((d for d in _JOINED_DIN if word.endswith(d) and len(word) > len(d) + 1), None)
        if din is not None:  # نورالدین like نور الدین: X al-Din, as compounds read it
            words.extend([(False, word[: -len(din)]), (True, "al")])
            word = din[len("ال") :]
        match = None if word == ALLAH else _ARABIC_ARTICLE.match(word)
        if match:
            words.append((True, "al"))
            word = word[match.end() :]
        words.append((False, word))
    return words


_FAMILY_ARTICLE = "ال"  # آل folded (fold_arabic_letters): a word of its own


# words that make an Arabic-script name an organisation's but are not translated: حزب (party), translated, broke the
# reading of حزب الله as the one word Hizballah (a closed class of script rules, with the term table's own words)
_UNTRANSLATED_ORGANISATION_WORDS = frozenset({"حزب"})


def arabic_organisation_word(text: str) -> bool:
    """Whether Arabic-script text holds a word that only an organisation's name has (حزب, party)."""
    return any(
        not is_article and fold_arabic_letters(word) in _UNTRANSLATED_ORGANISATION_WORDS
        for script, run in script_runs(text)
        if script == ARABIC
        for is_article, word in _arabic_words(run)
    )


def arabic_words(run: str) -> list[str]:
    """Romanised words of an Arabic/Persian run (anyascii), the article split off ("الأسد" → "al", "sd"), organisation
    words translated without their article."""
    words: list[str] = []
    pieces = _arabic_words(run)
    terms = [None if is_article else _arabic_term(word) for is_article, word in pieces]
    for at, ((is_article, word), term) in enumerate(zip(pieces, terms, strict=True)):
        if term is not None:
            words.extend(term.split())
            continue
        if is_article and at + 1 < len(pieces) and terms[at + 1] is not None:
            continue  # a translated word's article: English names drop it (الدولة الإسلامية: Islamic State)
        roman = "al" if is_article else re.sub(r"[^a-z0-9]", "", anyascii(word).lower())
        if roman:
            words.append(roman)
    return words


# Arabic/Persian letter -> the Latin spellings romanisations give it (ALA-LC, BGN/PCGN, French and English usage)
_LATIN_SPELLINGS: dict[str, str] = {
    "ب": "b", "پ": "p|b", "ت": "t", "ث": "th|s|t", "ج": "j|g|dj|dzh|zh", "چ": "ch|tch|tsch|c", "ح": "h|kh",
    "خ": "kh|x|h|ch|k", "د": "d", "ذ": "dh|z|d|th", "ر": "r", "ز": "z", "ژ": "zh|j|z", "س": "s|c", "ش": "sh|ch|sch|s",
    "ص": "s", "ض": "d|dh|z", "ط": "t", "ظ": "z|dh|th", "غ": "gh|g|kh|r", "ف": "f|ph|v", "ق": "q|k|g|gh|c|ck",
    "ك": "k|c|ck|q", "ک": "k|c|ck|q", "گ": "g", "ل": "l", "م": "m", "ن": "n", "ه": "h|",
}  # fmt: skip
_LONG_VOWELS: dict[str, str] = {
    "ا": "a|aa|e|o", "آ": "a|aa", "و": "u|o|w|v|ou|oo|ow|aw|au", "ي": "i|y|e|ee|ey|ai|ay|ie|ei|iy",
    "ی": "i|y|e|ee|ey|ai|ay|ie|ei|iy", "ى": "a|i|y|e", "ة": "a|ah|at|eh|e|et", "ع": "a|e|i|o|u|'|", "ء": "'|",
    "أ": "a|e|i|o|u|'|", "إ": "i|e|", "ئ": "i|e|y|'|", "ؤ": "u|o|w|'|",
}  # fmt: skip
_SHORT_VOWEL = "[aeiou]?"


@functools.lru_cache(maxsize=4096)
def vowelled_pattern(word: str) -> str:
    """A regular expression for the Latin spellings of an Arabic/Persian word: its consonants as romanisations write
    them (each may be doubled: shadda), its long vowels as written (ا a/e, و u/o/w, ي i/y/e …), and any short vowel,
    which Arabic script omits, at most one between two letters ("جامعة" ~ jami'a, jamiah, jameah; not "jimmy";
    "حماس" ~ hamas, not hamms).

    A consonant skeleton alone finds candidates (جامعة and جماعة share "jm"); this pattern is what tells a Latin name
    that *can* be a spelling of the word from one that only shares its consonants. Empty for a word with other
    letters (no pattern: no judgement)."""
    parts = []  # no vowel before the first letter: a word that starts with one writes it (alif, ayn, hamza)
    for position, letter in enumerate(word):
        if letter in _LATIN_SPELLINGS:
            options = "|".join(re.escape(o) for o in _LATIN_SPELLINGS[letter].split("|") if o)
            # ه is left unwritten only at a word's end (Fatemeh, Fatima; Zadeh, Zada): inside one it is an h (زهران
            # Zahran, never Souran; شهرام Shahram)
            silent = _LATIN_SPELLINGS[letter].endswith("|") and (letter != "ه" or position == len(word) - 1)
            optional = "?" if silent else ""
            parts.append(f"(?:(?:{options})(?:{options})?){optional}")
        elif letter in _LONG_VOWELS:
            spellings = _LONG_VOWELS[letter]
            if letter == "ا" and position == 0:
                spellings = "a|e|i|o|u"  # alif at the start carries the first vowel, whichever it is
            elif letter == "ا" and word[position + 1 : position + 2] == "ل":
                spellings = "a|aa|e|o|u|i|"  # the article inside a compound: Abdullah, Nasrallah, Nasrullah
            options = "|".join(re.escape(o) for o in spellings.split("|") if o)
            parts.append(f"(?:{options}){'?' if spellings.endswith('|') else ''}")
        else:
            return ""
        parts.append(_SHORT_VOWEL)
    return "".join(parts)


ARTICLE_SKELETON = "l"  # the article ال in a consonant-skeleton reading (Latin names keep it: AL-ASSAD)


def arabic_skeletons(run: str) -> tuple[list[str], list[str], list[str], list[str]]:
    """Consonant skeletons of the words of an Arabic/Persian run, straight from the letters, in four readings, the
    first three of one length, from one walk over the words:

    * as written, with the Persian sounds of ض ذ ظ ث when the run has a letter only Persian uses;
    * with the Persian sounds always (احمد ذوالقدر Ahmad Zolghadr, a name without a Persian letter);
    * as written, with a ه or ح right after a letter that Latin spelling joins with h into one consonant left out
      (اظهر Azhar, إسحاق Ishaq: the Latin skeleton reads zh and sh as one letter); after a long vowel it stays
      (طاهر Taher).
    * romanised, in an Arabic (not Persian) run: as written, with no word translated but the legal forms (شركة,
      company, is still no part of the name) and the kinds of institution the lists name in English
      (:data:`_TRANSLATED_ONLY`: جامعة, university), and the ة of such a word read t before an article word
      (:func:`_construct_state`); a Persian run's is its first reading. Groups and the
      bodies named after them are mostly listed by their Arabic names romanised: مكتب الخدمات is MAKHTAB
      AL-KHIDAMAT, not "services office", الاتحاد الاسلامي AL-ITIHAAD AL-ISLAMIYA, جبهة النصرة JABHAT AL-NUSRA.

    The article stays as "l" (Latin names keep it: AL-ASSAD); organisation words are translated first and then
    reduced like Latin text (جبهة → front → frnt), so that AL-NUSRAH FRONT is found from جبهة النصرة.
    """
    written: list[str] = []
    persian: list[str] = []
    joined_h: list[str] = []
    romanised: list[str] = []
    table = _PERSIAN_SKELETON if _PERSIAN_LETTERS.search(run) else _ARABIC_SKELETON
    words = _arabic_words(run)
    for at, (is_article, word) in enumerate(words):
        term = None if is_article else _arabic_term(word)
        if is_article:
            same = [ARTICLE_SKELETON]
            romanised.append(ARTICLE_SKELETON)
        elif term is not None:
            core, forms = split_legal_forms(term.split())
            # شركة "company" is a legal form: not part of the name
            same = [] if forms else [s for s in (skeleton(t) for t in core) if s]
            if _translated_only(term):  # a legal form (left out) or an institution's kind (translated)
                romanised.extend(same)
            else:
                romanised.append(_construct_state(_word_skeleton(word, table) or "_", words, at))
        else:
            consonants = _word_skeleton(word, table)
            if consonants:
                written.append(consonants)
                persian.append(_word_skeleton(word, _PERSIAN_SKELETON))
                joined_h.append(_word_skeleton(_JOINED_H.sub(r"\1", word), table) or consonants)
                romanised.append(consonants)
            elif _names_vowels_only(word):
                for reading in (written, persian, joined_h, romanised):
                    reading.append(VOWELS_ONLY)
            continue
        for reading in (written, persian, joined_h):
            reading.extend(same)
    if _PERSIAN_LETTERS.search(run):  # Persian: no romanised reading (see _TRANSLATED_ONLY)
        romanised = list(written)
    return written, persian, joined_h, romanised


# Institutions the lists name in English, never romanised: their organisation word stays translated in the romanised
# reading too. جامعة (university) spelt jami'a fits the pattern of JAMA'AT (group) too, and read so جامعة الأنصار, a
# university, hit a listed JAMIAT UL-ANSAR at 0.82. A closed class of kinds of institution. A Persian name (a letter
# only Persian writes) gets no romanised reading: its adjectives romanised (ملی, Melli) took دانشگاه ملی مهارت, the
# National Skills University, to the listed MELLI UNIVERSITY at 0.79, a real name's false hit
_TRANSLATED_ONLY = frozenset(
    {"university", "college", "colleges", "institute", "academy", "school", "hospital", "ministry", "bank"}
)


def _translated_only(term: str) -> bool:
    """Whether a term stays translated in the romanised reading: a legal form, or an institution's kind."""
    core, forms = split_legal_forms(term.split())
    return bool(forms) or (len(core) == 1 and core[0] in _TRANSLATED_ONLY)


def _construct_state(consonants: str, words: list[tuple[bool, str]], at: int) -> str:
    """An organisation word's skeleton with its final ة read t before an article word: the construct state (idafa),
    said and romanised -at (جبهة النصرة Jabhat al-Nusra, حركة الشباب Harakat al-Shabaab; before a word without the
    article too, which the lists write both ways, so only before the article). Not a name's: Hamza al-Khatib,
    Osama al-X and Fatima al-Zahra keep their ة unwritten, and the unknown skeleton "hmzt" weighed more than the
    name's own "hmz" (كندة الحسيني scored a listed EL CANDE 0.79)."""
    word = words[at][1]
    if word.endswith("ة") and at + 1 < len(words) and words[at + 1][0]:
        return consonants + "t"
    return consonants


# A word of vowel letters only (آوا Ava, آیین Ayin) has no consonant skeleton. Dropped, it left the rest of the name
# to match alone (آوا پارسا, Ava Parsa: PARSA COMPANY at 0.97); it stays as a word that the skeleton reading cannot
# match (the Latin reading still reads it), so its weight is missing from the match. Not the function words spelt with
# vowel letters only, a closed class: أو/او "or", يا/یا "O" or Persian "or", ای/اي "O".
VOWELS_ONLY = "_"
_VOWEL_FUNCTION_WORDS = frozenset({"أو", "او", "يا", "یا", "ای", "اي"})


def _names_vowels_only(word: str) -> bool:
    """Whether a word without consonants is a name's word (not a function word, nor marks alone)."""
    return any(letter in _LONG_VOWEL_LETTERS for letter in word) and word not in _VOWEL_FUNCTION_WORDS


_JOINED_H = re.compile("([سصشزظذضثتطدكکخغ])[هح]")  # s, z, t, d, k, kh, gh + h: one Latin digraph (zh, sh, th …)


_LONG_VOWEL_LETTERS = frozenset("اآأإوؤيیىئ")


def _word_skeleton(word: str, table: dict[int, str]) -> str:
    consonants = re.sub(r"(.)\1+", r"\1", word.translate(table))
    if (
        len(consonants) > 1
        and word[-1] in "هح"
        and (len(consonants) > 2 or word[-2] in _LONG_VOWEL_LETTERS or word == ALLAH)
    ):
        # a final h, which Latin drops after a vowel (هنية Haniyeh, صالح Saleh); not an h before a final vowel
        # letter (صالحی Salehi), nor the h of a two-consonant word right after its first consonant, which Latin
        # writes before a vowel (طه Taha, وجه Wajh: "t" alone had matched no Taha); Allah ends in its h
        consonants = consonants.removesuffix("h")
    return re.sub(r"[^a-z0-9]", "", consonants)


UNKNOWN_SPELLING = "(?!)"  # a word with letters no rule spells (Kurdish ۆ): it matches no Latin word by its spelling


def arabic_patterns(run: str) -> list[str]:
    """:func:`vowelled_pattern` for each word :func:`arabic_skeletons` gives (in each of its readings), in the same
    order: "" for the article (no judgement), the English word itself for a translated word (جامعة → "university"
    must be the word university, not any word with its consonants: "north"), :data:`UNKNOWN_SPELLING` for a word
    with a letter no rule spells."""
    return arabic_pattern_readings(run)[0]


def arabic_pattern_readings(run: str) -> tuple[list[str], list[str]]:
    """:func:`arabic_patterns`, and the patterns of :func:`arabic_skeletons`' romanised reading (a translated word's
    own, but a legal form's or an institution's: :func:`_translated_only`), from one walk over the words."""
    patterns: list[str] = []
    romanised: list[str] = []
    after_article = False
    persian = _PERSIAN_LETTERS.search(run) is not None
    for is_article, word in _arabic_words(run):
        term = None if is_article else _arabic_term(word)
        own: list[str] = []  # the word's own pattern, as the romanised reading spells it
        if is_article:
            own = [""]
        elif _word_skeleton(word, _ARABIC_SKELETON):  # either table: the same letters have consonants
            pattern = vowelled_pattern(word)
            if pattern and after_article and word[:1] in _SUN_LETTERS:
                pattern = ASSIMILATED_ARTICLE + pattern
            own = [pattern or UNKNOWN_SPELLING]
        elif term is not None or _names_vowels_only(word):
            own = [UNKNOWN_SPELLING]  # the romanised reading's "_" for a term without consonants
        if term is not None:
            core, forms = split_legal_forms(term.split())
            translation = [] if forms else [re.escape(t) for t in core if skeleton(t)]
            patterns.extend(translation)
            romanised.extend(translation if persian or _translated_only(term) else own)
        else:
            patterns.extend(own)
            romanised.extend(own)
        after_article = is_article
    return patterns, romanised


# The article before a "sun letter" is said as that letter (al-Sabbar: as-Sabbar), and French and Maghrebi spellings
# write it so, run into the word: ESSABAR, Ettayeb, Ennour, Eddine. The word's consonants are the same (the skeleton
# drops the vowel and reads the doubled letter once), so only its vowelled pattern has to allow the vowel before it. A
# closed class of script rules: the fourteen sun letters.
_SUN_LETTERS = frozenset("تثدذرزسشصضطظلن")
ASSIMILATED_ARTICLE = "(?:[aeiou])?"  # compounds (normalize._name_compounds) join the bare pattern


def skeleton(token: str) -> str:
    """Consonant skeleton of a romanised token: what Arabic script writes (محمد mhmd ↔ Mohammed mhmd).

    Digraphs become one consonant, look-alike consonants one class (q/k/c/g, z/s, p/b; c before e, i or y is s, as
    French spellings write س: Lounici, Kacem), vowels and the semi-vowels
    y/w/v (written or omitted in Arabic) are dropped, doubled letters collapse ("Assad" and "أسد" both give "sd"),
    and a final h after a vowel goes ("Haniyeh" and "هنية" both give "hn").
    """
    text = token.lower()
    for digraph, single in _SKELETON_DIGRAPHS:
        text = text.replace(digraph, single)
    text = _SOFT_C.sub("s", text).translate(_SKELETON_MAP)
    if len(text) > 3 and text.endswith("h") and text[-2] in "aeiouy":
        text = text[:-1]
    return re.sub(r"(.)\1+", r"\1", _VOWELS.sub("", text))


def _dedupe(variants: list[list[str]]) -> list[list[str]]:
    seen: list[list[str]] = []
    for variant in variants:
        if variant and variant not in seen:
            seen.append(variant)
    return seen


# Latin letters that look like Cyrillic ones (a closed class): typed or pasted into a Cyrillic word ("AО" with a Latin
# A, "Фëдoрoвич" with a Latin ë and o), they would cut the word into single letters
_LOOKALIKES = str.maketrans(
    "AaBCcEeëHKkĸMOoPpTXxYyIi",
    "АаВСсЕеёНКккМОоРрТХхУуІі",
)
CYRILLIC_LETTER = re.compile("[\u0400-\u04ff]")
_MIXED_WORD = re.compile(r"[^\W\d_]*(?:[a-zA-Zëĸ][^\W\d_]*[\u0400-\u04ff]|[\u0400-\u04ff][^\W\d_]*[a-zA-Zëĸ])[^\W\d_]*")
_STRESS_MARKS = re.compile("[\u0300\u0301]")  # stress marks over Cyrillic vowels (Андре́й): no letter of their own


# Urdu and Pashto letters for sounds Arabic and Persian write with the letters the tables know (a script rule):
# Urdu ھ ہ ۃ for ه and ة (الطاھر is al-Taher, اللہ Allah), its retroflex ٹ ڈ ڑ, Pashto ټ ډ ړ ګ ڼ ښ ږ and their yehs
_ARABIC_VARIANTS = str.maketrans(
    {
        "\u06be": "ه", "\u06c1": "ه", "\u06c2": "ه", "\u06d5": "ه", "\u06c0": "ه", "\u06c3": "ة",
        "\u0679": "ت", "\u0688": "د", "\u0691": "ر", "\u06ba": "ن",
        "\u067c": "ت", "\u0689": "د", "\u0693": "ر", "\u06ab": "گ", "\u06bc": "ن", "\u069a": "ش", "\u0696": "ژ",
        "\u06d2": "ی", "\u06d3": "ی", "\u06cd": "ی", "\u06d0": "ی",
    }
)  # fmt: skip


def clean_arabic(text: str) -> str:
    """Arabic-script text in the letters of Arabic and Persian: Urdu and Pashto letter forms made the letters the
    transliteration and skeleton tables know (ھ, ہ → ه). Before it, الطاھر had no skeleton that any spelling fits."""
    return text.translate(_ARABIC_VARIANTS)


def clean_cyrillic(text: str) -> str:
    """Cyrillic text as one script: stress marks removed, and in a word mixing Latin and Cyrillic letters the Latin
    look-alikes made Cyrillic. Text without Cyrillic letters is returned as it is."""
    if not CYRILLIC_LETTER.search(text):
        return text
    text = _STRESS_MARKS.sub("", text)
    return _MIXED_WORD.sub(lambda m: m[0].translate(_LOOKALIKES), text)


def strip_marks(text: str) -> str:
    """Remove combining marks (diacritics) — used on Latin text only, where they never tell names apart."""
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
