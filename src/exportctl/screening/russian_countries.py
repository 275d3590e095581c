"""States named in Russian, declined, read by their English names: России (of Russia) is "russia", Ирана "iran".

Russian declines a country's name (Россия, России, Россию, Россией), and its romanisation ("rossii") is no word of
the lists' English names: Министерство обороны России is the Ministry of Defence of Russia. The names are CLDR's
(``data/screening/russian_country_names.json``, one word of four letters or more, written by
``benchmarks/build_russian_country_names.py``); the endings are a closed class, the singular noun declensions by
the nominative's ending (-ия, -я, -а, -й, -ь, a consonant; -ы for a plural name); a name ending otherwise (Марокко,
Того, also "of that") is not declined. The nominative itself is not read: in an organisation's name it is the
organisation's own name (Банк «Россия», Bank Rossiya), and the state is named in another case (Банк России, the
Bank of Russia).
"""

from __future__ import annotations

import functools
import json
from importlib import resources

# the nominative's ending → (what the stem keeps of it, the endings of the other cases)
_DECLENSIONS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("ия", "и", ("я", "и", "ю", "ей", "ею")),  # Россия, России, Россию, Россией
    ("я", "", ("я", "и", "е", "ю", "ей", "ею")),  # Корея, Кореи, Корее
    ("а", "", ("а", "ы", "и", "е", "у", "ой", "ою")),  # Куба, Кубы; Ливия is -ия; Африка, Африки
    ("ы", "", ("ы", "", "ам", "ах", "ами")),  # Багамы, Багам (a plural name)
    ("й", "", ("й", "я", "ю", "ем", "е")),  # Китай, Китая, Китаю
    ("ь", "", ("ь", "и", "ю", "я", "ем", "е")),  # Беларусь, Беларуси; Израиль, Израиля
)
_CONSONANT_ENDINGS = ("", "а", "у", "ом", "е")  # Иран, Ирана, Ирану, Ираном, Иране
_VOWELS = "аеёиоуыэюя"


@functools.cache
def _forms() -> dict[str, str]:
    """Every case form of every name → its English name (a form two names share is left out)."""
    data = resources.files("exportctl") / "data" / "screening" / "russian_country_names.json"
    names: dict[str, str] = json.loads(data.read_text(encoding="utf-8"))["names"]
    found: dict[str, set[str]] = {}
    for name, english in names.items():
        for form in _declined(name):
            found.setdefault(form, set()).add(english)
    # not the nominative: in an organisation's name it is a name (Банк «Россия», Bank Rossiya; Авиакомпания Россия),
    # and the state is named in the genitive (Банк России, the Bank of Russia)
    return {form: next(iter(e)) for form, e in found.items() if len(e) == 1 and form not in names}


def _declined(name: str) -> tuple[str, ...]:
    for ending, kept, endings in _DECLENSIONS:
        if name.endswith(ending):
            stem = name[: -len(ending)] + kept
            return tuple(dict.fromkeys([name, *(stem + e for e in endings)]))
    if name[-1] in _VOWELS:  # indeclinable (Марокко, Гаити): its one form is the nominative
        return (name,)
    return tuple(name + e for e in _CONSONANT_ENDINGS)


def country_word(word: str) -> str | None:
    """The English name of the state a Russian word names in a case other than the nominative (россии → "russia"),
    or None."""
    return _forms().get(word)
