"""Write the words that the world's Latin-script languages use for screening: ``data/screening/world_words.txt.gz``,
and the English ones that brands write together: ``data/screening/english_words.txt.gz``.

A name word that people write in running text is that word, not a misspelling of a listed one: "Caron" is no
CARBON, "Diallo" no Diablo. The lists alone cannot tell (they know only their own words), so the
words come from wordfreq (Robyn Speer et al., data CC BY-SA 4.0: Wikipedia, subtitles, news, books, web text and
social media), in each of its Latin-script languages: every word used at least once per million words (Zipf
frequency 3 or more), folded as screening folds a name's words (``normalize.fold_latin``: no case, no accents),
kept when it stays one word of at least :data:`MIN_LETTERS` letters (shorter ones never reach a short name's edit
budget). Vietnamese is left out: its syllables are pinyin's.

The English words alone (the same rules) are the parts of a compound (TECH + PRECISION): names that run two words
together do it in English, and across the 26 languages almost any misspelling splits into two words by chance
(7.7 % of one-typo variants of the lists' long one-word names did: MOSOTTREST, Hungarian "mosott" + "rest").

Usage: ``python benchmarks/build_world_words.py`` (needs wordfreq, a development dependency); the file is committed,
so the product does not need wordfreq at run time. ``--check`` exits 1 when the committed file differs.
"""

from __future__ import annotations

import argparse
import gzip
import sys
from pathlib import Path

from wordfreq import get_frequency_dict

from exportctl.screening.normalize import fold_latin

DATA = Path(__file__).resolve().parents[1] / "src" / "exportctl" / "data" / "screening"
OUT = DATA / "world_words.txt.gz"
ENGLISH_OUT = DATA / "english_words.txt.gz"

LANGUAGES = "ca cs da de en es fi fil fr hu id is it lt lv ms nb nl pl pt ro sh sk sl sv tr".split()
MIN_FREQUENCY = 1e-6  # Zipf 3: once per million words
MIN_LETTERS = 4


def world_words(languages: list[str] | None = None) -> list[str]:
    words: set[str] = set()
    for language in languages or LANGUAGES:
        for word, frequency in get_frequency_dict(language, wordlist="best").items():
            if frequency < MIN_FREQUENCY or not word.isalpha():
                continue
            folded = fold_latin(word)
            if len(folded) == 1 and len(folded[0]) >= MIN_LETTERS and folded[0].isascii() and folded[0].isalpha():
                words.add(folded[0])
    return sorted(words)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when the committed file differs")
    args = parser.parse_args()
    outputs = {OUT: world_words(), ENGLISH_OUT: world_words(["en"])}
    differs = []
    for out, words in outputs.items():
        text = "\n".join(words) + "\n"
        if args.check:
            if not out.exists() or gzip.decompress(out.read_bytes()).decode("ascii") != text:
                differs.append(out.name)
            continue
        out.write_bytes(gzip.compress(text.encode("ascii"), compresslevel=9, mtime=0))
        print(f"wrote {out} ({len(words)} words)")
    if args.check:
        stale = f"{', '.join(differs)} differ from what wordfreq gives: re-run without --check"
        print(stale if differs else "up to date")
        sys.exit(1 if differs else 0)


if __name__ == "__main__":
    main()
