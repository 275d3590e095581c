"""Cross-script recall measured on the lists themselves: every name the lists give in Arabic, Cyrillic or Chinese
script, screened against an index from which all non-Latin names were removed.

The UN list gives original-script names (NAME_ORIGINAL_SCRIPT) and the UK list names in Cyrillic, Arabic and
Chinese beside the Latin ones. With those removed, a native-script name must be found through its readings
(transliteration, consonant skeleton with vowelled spellings, name compounds, translated words): thousands of cases
that nobody picked, so no rule can be tuned to one of them. A case is right when the best hit (default threshold) is
its own entry or an entry with one of its Latin names (one party on several lists: the UN entry, its UK copy, the
SDN entry), compared as sorted words with a token-sort ratio of at least 90 (BUTINA, Maria Valeryevna is Maria
Valerievna Butina).

The Cyrillic names are also screened romanised as others write Russian in Latin letters: iuliia's Wikipedia scheme
(Moskovsky aviatsionny institut, the usual spelling in English text) and ICAO Doc 9303's (passports: Moskovskii
aviatsionnyi institut). The lists' own romanisations are still in the index, so this measures a register's names
written the way the register's clerks write them, not the engine's own transliteration. The Chinese names are
screened in pinyin too, a word (jieba's) at a time, as Chinese registers write a company's name in Latin letters
(华为技术有限公司: Huawei Jishu Youxian Gongsi). Usage:
``python benchmarks/screening_native_script.py``.
"""

from __future__ import annotations

import dataclasses
import re
import time
from collections import defaultdict

import iuliia
import jieba
from pypinyin import lazy_pinyin
from rapidfuzz import fuzz

from exportctl.lists.model import ListEntry
from exportctl.screening import ScreeningIndex, screen
from exportctl.screening.scripts import ARABIC, CYRILLIC, HAN, OTHER, script_of
from screening_corpus import bundled_entries
from screening_quality import wilson

_WORD = re.compile(r"[^\W_]+")


def _scripts(name: str) -> set[str]:
    return {script_of(ch) for ch in name if ch.isalpha()} - {OTHER}


def _latin_keys(entry: ListEntry) -> set[str]:
    return {" ".join(sorted(_WORD.findall(n.casefold()))) for n in entry.names if not _scripts(n)}


def _same_party(one: ListEntry, other: ListEntry) -> bool:
    if one.entry_id == other.entry_id:
        return True
    keys = _latin_keys(other)
    return any(fuzz.ratio(a, b) >= SAME_NAME for a in _latin_keys(one) for b in keys)


SAME_NAME = 90  # rapidfuzz ratio of the sorted words


def main() -> None:
    entries = bundled_entries()
    cases: dict[str, list[tuple[str, str]]] = defaultdict(list)  # script -> (native name, entry id)
    seen: set[str] = set()
    latin_only: list[ListEntry] = []
    for entry in entries:
        latin = [n for n in entry.names if not _scripts(n)]
        for name in entry.names:
            scripts = _scripts(name)
            if len(scripts) == 1 and latin and name not in seen:
                seen.add(name)
                cases[next(iter(scripts))].append((name, entry.entry_id))
        if len(latin) < len(entry.names):
            entry = dataclasses.replace(entry, aliases=tuple(a for a in entry.aliases if not _scripts(a)))
        latin_only.append(entry)
    started = time.perf_counter()
    index = ScreeningIndex.build(latin_only, snapshot_key="latin-only")
    print(f"index without native-script names: {len(latin_only)} entries, {time.perf_counter() - started:.1f} s")
    by_id = {e.entry_id: e for e in entries}
    for script in (ARABIC, CYRILLIC, HAN):
        found = 0
        for name, entry_id in cases[script]:
            hits = screen(index, name).hits
            if hits and _same_party(by_id[hits[0].entry_id], by_id[entry_id]):
                found += 1
        _report(script, found, len(cases[script]))
    for label, scheme in (("wikipedia", iuliia.WIKIPEDIA), ("icao", iuliia.ICAO_DOC_9303)):
        found = 0
        for name, entry_id in cases[CYRILLIC]:
            hits = screen(index, scheme.translate(name)).hits
            if hits and _same_party(by_id[hits[0].entry_id], by_id[entry_id]):
                found += 1
        _report(f"cyrillic in Latin ({label})", found, len(cases[CYRILLIC]))
    found = 0
    for name, entry_id in cases[HAN]:
        hits = screen(index, _in_pinyin(name)).hits
        if hits and _same_party(by_id[hits[0].entry_id], by_id[entry_id]):
            found += 1
    _report("han in pinyin", found, len(cases[HAN]))


def _in_pinyin(name: str) -> str:
    """A Chinese name in pinyin, a word at a time: 华为技术有限公司 Huawei Jishu Youxian Gongsi."""
    words = ("".join(lazy_pinyin(word)) for word in jieba.lcut(name))
    return " ".join(word.capitalize() for word in words if word.strip())


def _report(label: str, found: int, n: int) -> None:
    low, high = wilson(found, n)
    print(f"{label:<9} {n:>5} names  recall@1 {found / max(n, 1):.3f}  (95 % CI {low:.3f}-{high:.3f})")


if __name__ == "__main__":
    main()
