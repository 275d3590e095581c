"""Words a name field holds beside the name: a nickname in quotes (Viktor "Merchant of Death" BOUT), a remark in
brackets (Igor SECHIN (Rosneft CEO)), an attention line (ROSNEFT OIL CO PJSC ATTN ACCOUNTS PAYABLE), and letters
written apart (H U A W E I). Unmatched by the listed name, the aside's words counted against it, and none of these
was found. The name is also read without the aside (and letters written apart as one word), beside the field as
written; a quoted name of two words or more beside a legal form alone is read on its own too (ООО «Северный Ветер»).

The markers are a closed class of business writing: quotation marks and brackets, attn / attention / c/o / care of /
fao / for the attention of.
"""

from __future__ import annotations

import re

from exportctl.screening.normalize import analyze

_QUOTED = re.compile(r"[\"“”«»„]([^\"“”«»„]+)[\"“”«»„]")
# a remark of two words or more in brackets; one word there is an acronym, a place or a country the name's own
# reading copes with (NUDT, HK, Shanghai)
_BRACKETED = re.compile(r"\s*[(\[][^()\[\]]*[^\W_][^()\[\]\w]+[^\W_][^()\[\]]*[)\]]")
_ATTENTION = re.compile(
    r"\s*[,;-]?\s*\b(?:attn|attention|c/o|care\s+of|fao|for\s+the\s+attention\s+of)\b\.?:?.*$", re.IGNORECASE
)
# letters written apart by spaces or hyphens (dotted ones, D.O.O., the analysis joins already)
_SPACED = re.compile(r"(?<![^\W_])(?:[^\W\d_][ -]){2,}[^\W\d_](?![^\W_])")
_WORD = re.compile(r"[^\W_]+")
_QUOTES = frozenset('"“”«»„')
_ATTENTION_STARTS = ("att", "c/o", "care", "fao", "for the")  # every attention marker begins so
_MIN_WORDS = 2  # what is left, or a quoted name on its own: one word alone would match too many listed names
# a quoted name is read on its own beside at most this many words (a legal form: ООО, "…" ЖЧК); beside more it is
# part of a longer name (OOO Коммерческий банк «Международный Расчетный Банк» is no other International Settlement Bank)
_MAX_BESIDE_QUOTED = 2


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def quoted_names(text: str) -> list[str]:
    """The quoted names of two words or more that stand beside a legal form alone (ООО «Северный Ветер»): the
    organisation's own name, to read on its own; [] for any other name."""
    if not _QUOTES.intersection(text):
        return []
    quoted = [q.strip() for q in _QUOTED.findall(text)]
    outside = " ".join(_QUOTED.sub(" ", text).split())
    if not quoted or _words(outside) > _MAX_BESIDE_QUOTED:
        return []
    return [q for q in quoted if _words(q) >= _MIN_WORDS and q != text.strip()]


def without_asides(text: str) -> list[str]:
    """The names the field holds without its asides (see above); [] when it has none."""
    found: list[str] = []
    lowered = text.casefold()
    before = _ATTENTION.sub("", text) if any(marker in lowered for marker in _ATTENTION_STARTS) else text
    if before != text and _words(before) >= _MIN_WORDS:
        found.append(before)
        text = before
    quoted = list(_QUOTED.finditer(text)) if _QUOTES.intersection(text) else []
    if quoted:
        last = quoted[-1]
        outside = " ".join(_QUOTED.sub(" ", text).split())
        # a nickname stands inside a person's name (Viktor "…" BOUT); a quoted name at the end, or in a name with a
        # legal form, is the organisation's own (United Shipbuilding Corporation JSC “Aysberg Central Design
        # Bureau”, АО "НПП "Салют""), not to be left out
        if _WORD.search(text[last.end() :]) and _words(outside) >= _MIN_WORDS and not analyze(outside).forms:
            found.append(outside)
    if "(" in text or "[" in text:
        bare = " ".join(_BRACKETED.sub(" ", text).split())
        if bare != " ".join(text.split()) and _words(bare) >= _MIN_WORDS:
            found.append(bare)
    joined = _SPACED.sub(lambda letters: re.sub(r"[ -]", "", letters.group()), text)
    if joined != text:
        found.append(joined)
    return list(dict.fromkeys(found))
