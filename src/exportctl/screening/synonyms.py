"""Words that the English names of one organisation use interchangeably for what it is: a closed class.

A Russian завод is rendered plant, factory or works (KAZAN HELICOPTER PLANT, Kazan Helicopter Factory); an airline
writes itself Air, Airlines or Airways (MAHAN AIR on one list, MAHAN AIRWAYS on another, "Mahan Airlines" in a
customer file); a bank is a bank, a banco or a banque. Edit similarity sees none of them as alike (air / airlines
0.38, plant / factory 0). Two words of one class count :data:`SYNONYM_SIMILARITY`: less than the same word, as
much as a long word one letter off. Only words that say what an organisation is, or where, are here, never a
name's own word, so the distinctive words of two names must still agree.

A country and the adjective English makes of it are one class too (Iran and Iranian: NATIONAL IRANIAN OIL COMPANY
is شرکت ملی نفت ایران, "company national oil Iran"; China and Chinese; Syria and Syrian). The adjectives come from
each one-word country name of ISO 3166 (pycountry) by the suffixes English adds (-n, -ian, -i, -ese: a closed
class of word formation); a form that two countries would share (Niger, Nigeria: nigerian) is left out, and a form
that English does not use is a word no name holds, so it never matches anything. The combining forms English
writes in organisations' names are in the class too (:data:`_COMBINING`: SINO HOLDINGS GROUP is 中国控股, "China
Holdings"; IRANO HIND SHIPPING): a closed class of Latin-derived forms, kept to those that name no person (Franco,
Turco and Russo do).
"""

from __future__ import annotations

import functools

import pycountry

SYNONYM_SIMILARITY = 0.9

_CLASSES = (
    "plant plants factory factories works",
    "air airline airlines airways",
    "bank banco banque",
)
_COMBINING = {"china": "sino", "india": "indo", "iran": "irano"}
_MIN_COUNTRY = 4  # letters of a one-word country name (Iran, Iraq, Cuba), a guard: pycountry has none shorter


def _adjectives(country: str) -> set[str]:
    """The forms English may make of a country's name (iran: iranian, irani; china: chinese; syria: syrian)."""
    forms = {country + "ian", country + "i", country + "ese"}
    if country.endswith("a"):
        forms |= {country + "n", country[:-1] + "ese", country[:-1] + "ian"}  # syrian, chinese, (ghan)ian
    if country.endswith("e"):
        forms.add(country[:-1] + "ian")  # ukrainian
    if country.endswith(("on", "en")):
        forms.add(country[:-2] + "ese")  # lebanese
    return forms


@functools.cache
def _class_of() -> dict[str, int]:
    classes: dict[str, int] = {w: n for n, words in enumerate(_CLASSES) for w in words.split()}
    countries = sorted(
        {
            name.casefold()
            for c in pycountry.countries
            for name in (c.name.split(",")[0], getattr(c, "common_name", ""))
            if name.isalpha() and len(name) >= _MIN_COUNTRY
        }
    )
    claimed: dict[str, set[str]] = {}
    for country in countries:
        for form in _adjectives(country):
            claimed.setdefault(form, set()).add(country)
    for number, country in enumerate(countries, start=len(_CLASSES)):
        if country in classes or country in claimed:
            continue  # a country's name that is also a word of a class, or another country's form
        classes[country] = number
        if country in _COMBINING:
            classes[_COMBINING[country]] = number
        for form in _adjectives(country):
            if len(claimed[form]) == 1 and form not in classes:
                classes[form] = number
    return classes


def synonym_class(token: str) -> int:
    """The number of the class a word belongs to, or -1 when it is in none."""
    return _class_of().get(token, -1)
