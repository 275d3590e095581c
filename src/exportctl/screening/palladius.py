"""Chinese names written in Russian letters (the Palladius system): Хуавэй is Huawei, Шэньчжэнь Shenzhen, Чжан Сяомин
ZHANG Xiaoming.

Russian writes Chinese names syllable by syllable in its own system, not in any romanisation of Russian: read
letter by letter (BGN), Хуавэй is "khuavey", which no listed name spells, so a Russian register's Chinese suppliers
were not found. The syllable table is pypinyin's own Palladius converter run over every syllable of its dictionary
(a script rule, not a name list): a Russian word that splits wholly into such syllables is also read as the pinyin
word they spell, and that reading is kept only where the lists hold the word (:func:`chinese_words`).

Russian spells Palladius' э as е as often as not (Хуавей, Шеньчжень): both fold to е, and so does ё.
"""

from __future__ import annotations

import functools
from collections.abc import Container

from pypinyin.contrib.tone_convert import to_normal
from pypinyin.pinyin_dict import pinyin_dict
from pypinyin.style.cyrillic import converter

_FOLD = str.maketrans({"э": "е", "ё": "е"})
_MAX_READINGS = 16  # pinyin strings kept per prefix of a word: spellings that fold together are few
MIN_CHARACTERS = 8  # a syllable read for fewer characters is no name's (see _syllables)
MIN_SYLLABLES = 2  # a word of one syllable (Хан, Ван) is Palladius only in a name read as Chinese as a whole


def _fold(text: str) -> str:
    return text.lower().translate(_FOLD)


@functools.cache
def _syllables() -> dict[str, tuple[tuple[str, int], ...]]:
    """Each Mandarin syllable's Palladius spelling (folded) → the pinyin syllables written so (ü as u, as names write
    it: Lü is LU), each with how many characters pypinyin reads so, the commonest first. A syllable of fewer than
    :data:`MIN_CHARACTERS` characters is an interjection or a dialect's (lo, yo, ei), and one without a vowel (n, ng,
    hm) is one too: ло is luo, and Хуэйнин huining, not hui-ni-n."""
    plain = functools.lru_cache(maxsize=None)(to_normal)  # 1,600 toned readings among 40,000 characters' lists
    characters: dict[str, int] = {}
    for readings in pinyin_dict.values():
        for syllable in {plain(reading) for reading in readings.split(",")}:
            if syllable.isascii() and syllable.isalpha() and any(vowel in syllable for vowel in "aeiouv"):
                characters[syllable] = characters.get(syllable, 0) + 1
    table: dict[str, dict[str, int]] = {}
    for syllable, count in characters.items():
        if count >= MIN_CHARACTERS:
            spelling = table.setdefault(_fold(converter.to_cyrillic(syllable)), {})
            pinyin = syllable.replace("v", "u")
            spelling[pinyin] = spelling.get(pinyin, 0) + count
    return {key: tuple(sorted(found.items(), key=lambda item: -item[1])) for key, found in table.items()}


def preload() -> None:
    """Build the syllable table now (0.1 s), where a process gets its index, not in its first Russian-script query."""
    _syllables()


@functools.lru_cache(maxsize=8192)
def pinyin_spellings(word: str) -> tuple[tuple[str, int], ...]:
    """The pinyin words a Russian-script word spells syllable by syllable, each with its number of syllables, the
    likeliest first (fewest syllables, then the commonest); () when the word does not split wholly into Palladius
    syllables (most Russian words: Москва, Ростех)."""
    folded = _fold(word)
    table = _syllables()
    longest = max(map(len, table))
    # per prefix of the word: pinyin spelt so far -> (syllables, how rare: minus the least common syllable's count)
    ends: list[dict[str, tuple[int, int]]] = [{} for _ in range(len(folded) + 1)]
    ends[0][""] = (0, -1_000_000)
    for start in range(len(folded)):
        if not ends[start]:
            continue
        for stop in range(start + 1, min(len(folded), start + longest) + 1):
            for syllable, characters in table.get(folded[start:stop], ()):
                reached = ends[stop]
                for prefix, (count, rarity) in ends[start].items():
                    key = prefix + syllable
                    rank = (count + 1, max(rarity, -characters))
                    if (key in reached or len(reached) < _MAX_READINGS) and rank < reached.get(key, (99, 0)):
                        reached[key] = rank
    return tuple((pinyin, rank[0]) for pinyin, rank in sorted(ends[-1].items(), key=lambda item: item[1]))


def chinese_words(words: list[str], romanised: list[str], known: Container[str]) -> list[str] | None:
    """The words of a Russian-script name read as Palladius pinyin where the lists hold that word (``known``), the
    others (and an empty word: an organisation word already translated) as ``romanised`` (their reading otherwise, one
    per word); None when the name is not read as Chinese. It is when all of its words, two or more, are such words
    (a person's name: Сунь Вэй, Sun Wei; Ян Цзянь, Yang Jian), or when one of :data:`MIN_SYLLABLES` syllables or more
    is and differs from its romanisation (Хуавэй is huawei, not khuavey; Тула is tula either way); then only such
    words are read as pinyin. A Russian name so read is read in a spelling the lists give it (Тимофей: TIMOFEI)."""
    spelt: list[tuple[str, int] | None] = []
    for word in words:
        found = [(pinyin, count) for pinyin, count in pinyin_spellings(word) if pinyin in known] if word else []
        spelt.append(found[0] if found else None)
    pairs = list(zip(spelt, romanised, strict=True))
    if len(spelt) >= 2 and all(s is not None for s in spelt) and any(s[0] != roman for s, roman in pairs if s):
        return [s[0] if s else roman for s, roman in pairs]  # a person's name: every word is Palladius
    if not any(s is not None and s[1] >= MIN_SYLLABLES and s[0] != roman for s, roman in pairs):
        return None
    # an organisation's name: its Chinese words of two syllables or more (Ко in "Ко., Лтд." is Co., not Kuo)
    return [s[0] if s is not None and s[1] >= MIN_SYLLABLES else roman for s, roman in pairs]
