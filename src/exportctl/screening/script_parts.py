"""A name written twice, in two scripts: 中芯国际集成电路制造有限公司 Semiconductor Manufacturing International
Corporation, 中芯国际 (SMIC), Лаборатория Касперского Kaspersky Lab.

Registers of foreign suppliers hold a company's own name beside its English one. Read as one name, each half is
words the listed name lacks: the Chinese name's reading and the English name together scored 0.72 against SMIC's
English name, which either half alone matches. So each script's part is read on its own too, beside the whole.

Only a name of exactly two parts in two scripts, each a name on its own: a reading of two words or more besides
function words and articles, or a part the field puts in brackets (the acronym in 中芯国际 (SMIC)). One word of
another script inside a name is part of that name (阶跃AI, ALT Университет, 华为 Technologies, الحداء and Sons,
АО «Исламский Банк «Al Hilal»: read alone, "Islamic Bank" is any Islamic bank), and a Latin look-alike letter inside
a Cyrillic word (Tехнический) makes more than two parts.
"""

from __future__ import annotations

import re

from exportctl.screening.normalize import FUNCTION_WORDS, analyze
from exportctl.screening.scripts import script_runs
from exportctl.screening.similarity import ARTICLE_SPELLINGS as _ARTICLE

_BRACKETS = re.compile(r"[()\[\]{}（）]")
_EDGES = " \t,;:-–—/|()[]{}（）"
MIN_WORDS = 2  # a part of fewer words outside brackets is a word of the other part's name, not a name


def _name_on_its_own(part: str, bracketed: bool) -> bool:
    """Whether a part is a name by itself: two words or more besides function words, articles (al-) and single
    letters ("and Sons", الحداء read "al hd", "Al Hilal" are not), or a part in brackets."""
    if bracketed:
        return sum(ch.isalpha() for ch in part) >= MIN_WORDS  # an acronym of two letters or more: (SMIC), (ZTE)
    readings = analyze(part).variants
    if not readings:
        return False
    words = [t for t in readings[0].tokens if len(t) > 1 and t not in FUNCTION_WORDS and not _ARTICLE.fullmatch(t)]
    return len(words) >= MIN_WORDS


def script_parts(text: str) -> list[str]:
    """The two parts of a name written in two scripts, each a name on its own (see above); [] for any other name."""
    runs = [(script, run) for script, run in script_runs(text) if any(ch.isalpha() for ch in run)]
    if len(runs) != 2 or runs[0][0] == runs[1][0]:
        return []
    parts: list[str] = []
    for _, run in runs:
        part = " ".join(_BRACKETS.sub(" ", run).split()).strip(_EDGES)
        bracketed = re.search(rf"[(\[（]\s*{re.escape(part)}\s*[)\]）]", text) is not None
        if not part or not _name_on_its_own(part, bracketed):
            return []
        parts.append(part)
    return parts
