"""Names that hold other names: "X a.k.a. Y", "X f/k/a Y", "X d/b/a Y", "X t/a Y", "X formerly known as Y", "X aka
Y". Registers and customer files write a party's other names into its name field; each name is then also read on its
own, beside the whole (a closed class of the markers English business writing uses).

"Sugon d/b/a Dawning Information Industry" scored 0.75 against the listed DAWNING INFORMATION INDUSTRY: the
other name's words, unmatched, counted against it.
"""

from __future__ import annotations

import re

# in any case the dotted and slashed abbreviations and the phrases; the bare abbreviations (aka, fka, dba, nka) in
# lower case only, as business writing has them ("Universal Enterprise Limited [aka General Technology Limited, aka
# …]", the Entity List's own way): in capitals AKA is a name (Turkish, Japanese)
_MARKERS = re.compile(
    r"(?<!\w)(?:(?i:a\.\s?k\.\s?a\.?|a/k/a|f\.\s?k\.\s?a\.?|f/k/a|d\.\s?b\.\s?a\.?|d/b/a|n/k/a|t/a"
    r"|also known as|formerly known as|previously known as|now known as|doing business as|trading as|formerly)"
    r"|aka|fka|dba|nka)(?!\w)"
)
_MAY_HOLD_MARKER = ("/", ".", " as ", "formerly", "aka", "fka", "dba", "nka")  # in every marker, lower-cased
_EDGES = " \t,;:-–—()[]"


_WORD = re.compile(r"[^\W_]+")


def named_parts(text: str, *, one_word_names: bool = False) -> list[str]:
    """The names of two words or more that a name field holds, when markers part them ("Northwind Supplies d/b/a
    Dawning Information Industry"); [] when it holds one name. A one-word part is left out: in "PEARL (A.K.A.
    NEI-CHIEN CHU) LI" it is a given name, and a listed name of one common word would match anyone's.

    ``one_word_names`` (a query's name field): a one-word part is a name too where no marker stands inside brackets,
    for "Rosneft a.k.a. Rosneftegaz" names two companies; read whole, neither word found ROSNEFT."""
    lowered = text.lower()
    if not any(marker in lowered for marker in _MAY_HOLD_MARKER):
        return []  # every marker holds one of these: most names are decided without the pattern
    markers = list(_MARKERS.finditer(text))
    if not markers:
        return []
    parts = [part.strip(_EDGES) for part in _MARKERS.split(text)]
    if sum(1 for part in parts if _WORD.search(part)) < 2:
        return []  # a marker that parts nothing ("Formerly Yours Trading")
    least = 1 if one_word_names and not any(_in_brackets(text, m.start()) for m in markers) else 2
    return [part for part in parts if len(_WORD.findall(part)) >= least]


def _in_brackets(text: str, at: int) -> bool:
    """Whether position ``at`` of the text is inside round or square brackets opened before it."""
    before = text[:at]
    return before.count("(") > before.count(")") or before.count("[") > before.count("]")
