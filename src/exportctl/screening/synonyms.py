"""Words that the English names of one organisation use interchangeably for what it is: a closed class.

A Russian завод is rendered plant, factory or works (KAZAN HELICOPTER PLANT, Kazan Helicopter Factory); an airline
writes itself Air, Airlines or Airways (MAHAN AIR on one list, MAHAN AIRWAYS on another, "Mahan Airlines" in a
customer file); a bank is a bank, a banco or a banque. Edit similarity sees none of them as alike (air / airlines
0.38, plant / factory 0). Two words of one class count :data:`SYNONYM_SIMILARITY`: less than the same word, as
much as a long word one letter off. Only words that say what an organisation is are here, never a name's own word,
so the distinctive words of two names must still agree.
"""

from __future__ import annotations

SYNONYM_SIMILARITY = 0.9

_CLASSES = (
    "plant plants factory factories works",
    "air airline airlines airways",
    "bank banco banque",
)
_CLASS_OF: dict[str, int] = {word: number for number, words in enumerate(_CLASSES) for word in words.split()}


def synonym_class(token: str) -> int:
    """The number of the class a word belongs to, or -1 when it is in none."""
    return _CLASS_OF.get(token, -1)
