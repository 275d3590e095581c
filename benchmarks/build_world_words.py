"""Write the words that the world's Latin-script languages use for screening: ``data/screening/world_words.txt.gz``.

A name word that people write in running text is that word, not a misspelling of a listed one: "Caron" is no
CARBON, "Diallo" no Diablo. The lists alone cannot tell (they know only their own words), so the
words come from wordfreq (Robyn Speer et al., data CC BY-SA 4.0: Wikipedia, subtitles, news, books, web text and
social media), in each of its Latin-script languages: every word used at least once per million words (Zipf
frequency 3 or more), folded as screening folds a name's words (``normalize.fold_latin``: no case, no accents),
kept when it stays one word of at least :data:`MIN_LETTERS` letters (shorter ones never reach a short name's edit
budget). Vietnamese is left out: its syllables are pinyin's.

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

OUT = Path(__file__).resolve().parents[1] / "src" / "exportctl" / "data" / "screening" / "world_words.txt.gz"

LANGUAGES = "ca cs da de en es fi fil fr hu id is it lt lv ms nb nl pl pt ro sh sk sl sv tr".split()
MIN_FREQUENCY = 1e-6  # Zipf 3: once per million words
MIN_LETTERS = 4


def world_words() -> list[str]:
    words: set[str] = set()
    for language in LANGUAGES:
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
    text = "\n".join(world_words()) + "\n"
    if args.check:
        same = gzip.decompress(OUT.read_bytes()).decode("ascii") == text
        print("up to date" if same else f"{OUT.name} differs from what wordfreq gives: re-run without --check")
        sys.exit(0 if same else 1)
    OUT.write_bytes(gzip.compress(text.encode("ascii"), compresslevel=9, mtime=0))
    print(f"wrote {OUT} ({text.count(chr(10))} words)")


if __name__ == "__main__":
    main()
