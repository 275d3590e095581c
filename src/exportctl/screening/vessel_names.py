"""A ship's name as trade and payment documents write it: "MV JANET", "M/T MONA", "Tanker ELSA", "JANET (IMO 9171565)".
The lists name their 3,000 vessels bare (JANET, MONA); the prefix or the IMO number was one more word that no listed
name holds, weighed as the rarest, and "MT MONA" found nothing. Such a name is also read without them, beside the name
as written.

The prefixes are a closed class: the abbreviations of motor vessel and motor tanker with or without a slash or dots (MV,
M/V, M.V., MT, M/T, M.T.; without a slash or dots only in capitals: "Mt Kenya" is a mountain), "motor vessel", "motor
tanker", "tanker" and "vessel", at the start of the name; not MS, SS or MY, which are also a title, initials and a word.
An IMO number is "IMO" and seven digits, anywhere.
"""

from __future__ import annotations

import re

_PREFIX = re.compile(
    r"^\s*(?:(?:the\s+)?(?:motor\s+)?(?:vessel|tanker)|m\s*[./]?\s*[vt]\.?)(?:\s*[:\-–]\s*|\s+)(?=\w)", re.IGNORECASE
)
_BARE_PREFIX = re.compile(r"\s*m[vt]\s+", re.IGNORECASE)  # MV, MT without a slash or dots: in capitals only
# words written before or after a ship's name, the prefixes read off here and those left (a title, initials, a
# word): a query's words that say "ship" and nothing of whose ship (features.one_word_name)
SHIP_WORDS = frozenset({"mv", "mt", "ms", "ss", "mys", "tanker", "vessel", "ship", "yacht", "imo"})
_IMO = re.compile(r"[(\[,;]?\s*\bIMO\b\.?\s*(?:no\.?|number|#)?\s*:?\s*\d{7}\b\s*[)\]]?", re.IGNORECASE)


def without_ship_words(name: str) -> str | None:
    """The name without a ship's prefix and IMO number (see above); None when it has neither, or nothing else."""
    prefix = _PREFIX.match(name)
    if prefix and _BARE_PREFIX.fullmatch(prefix.group()) and not prefix.group().isupper():
        prefix = None  # "Mt Kenya": MV and MT without a slash or dots only in capitals
    if not prefix and "imo" not in name.casefold():
        return None
    bare = _IMO.sub(" ", name[prefix.end() :] if prefix else name)
    bare = " ".join(bare.split()).strip(" ,;:-–")
    return bare if bare != name and sum(ch.isalnum() for ch in bare) >= 2 else None
