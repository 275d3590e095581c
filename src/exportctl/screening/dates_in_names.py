"""A date written into a name field: "SECHIN, Igor Ivanovich (DOB 07.09.1960)", "Igor Ivanovich SECHIN
1960-09-07", "Ivan PETROV, born 1965". Customer files keep a person's date of birth beside the name; its numbers are
words no listed name holds (numbers must be equal), and the listed name was not found. Such a name is also read
without the date, beside the name as written.

The shapes are a closed class: a day, month and year in figures (07.09.1960, 1960-09-07, 7/9/1960), a day and a
month's English name and a year (07 Sep 1960, September 7, 1960), and a year after a marker of birth (born 1965,
b. 1965, DOB 1965, YOB 1965). A year alone is no date: "Plant 1960" may be the name.
"""

from __future__ import annotations

import re

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR = r"(?:1[89]|20)\d\d"
_MARKER = r"(?:date\s+of\s+birth|d\.?\s?o\.?\s?b\.?|y\.?\s?o\.?\s?b\.?|born|b\.)\s*:?\s*"
_DATE = (
    rf"(?:\d{{1,2}}[./-]\d{{1,2}}[./-]{_YEAR}"  # 07.09.1960, 7/9/1960
    rf"|{_YEAR}[./-]\d{{1,2}}[./-]\d{{1,2}}"  # 1960-09-07
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\s+{_YEAR}"  # 07 Sep 1960
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_YEAR})"  # September 7, 1960
)
_DATED = re.compile(rf"(?<!\w)(?:{_MARKER})?{_DATE}(?!\w)|(?<!\w){_MARKER}{_YEAR}(?!\w)", re.IGNORECASE)
_EMPTY_BRACKETS = re.compile(r"[(\[]\s*[,;:]?\s*[)\]]")
_EDGES = " \t,;:-–—/"
_DIGIT = re.compile(r"\d")


def without_dates(name: str) -> str | None:
    """The name without the dates written into it (and their markers); None when it holds none, or nothing but
    them."""
    if not _DIGIT.search(name):
        return None
    bare = _DATED.sub(" ", name)
    if bare == name:
        return None
    bare = _EMPTY_BRACKETS.sub(" ", bare)
    bare = re.sub(r"\s*,\s*(?=,|$)", "", bare)  # the comma that led to the date
    bare = " ".join(bare.split()).strip(_EDGES)
    return bare if sum(ch.isalnum() for ch in bare) >= 2 else None
