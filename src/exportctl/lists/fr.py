"""Federal Register citations as the lists write them.

The lists cite the Federal Register in many styles: "84 FR 22963, 5/21/19", "46 F.R. 46154 9/17/81 and 46 F.R.
19290 3/30/81", "87 FR 20299; 87 FR 34136", "68 F.R. 38290 6/27/03 71 F.R. 38843 7/10/06", "87 F.R.38704 6/29/2022",
and (State Dept. lists in the CSL) "Vol. 83, No. 91, 05/10/2018". :func:`parse_citations` splits such a field into
one :class:`FRCitation` per citation, each keeping its own text.

Two-digit years are resolved with the volume: the Federal Register publishes one volume a year, volume 1 in 1936,
so volume N is year 1935 + N (vol 46 → 1981, vol 84 → 2019). Of the two candidate centuries we take the one
nearest that year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_FR = re.compile(r"(?P<vol>\d{1,3})\s*F\.?\s?R\.?\s*(?P<page>\d{1,6})\b")
_VOL = re.compile(r"Vol\.?\s*(?P<vol>\d{1,3}),?\s*No\.?\s*(?P<issue>\d{1,4})", re.IGNORECASE)
_MDY = re.compile(r"\b(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})\b")
_ISO = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")
_MONTHS = "january february march april may june july august september october november december".split()
_NAMED = re.compile(r"\b(?P<mon>[A-Za-z]{3,9})\.?\s+(?P<d>\d{1,2}),\s*(?P<y>\d{4})\b")
_TRIM = " \t\r\n.,;:"

FIRST_VOLUME_YEAR = 1935  # volume N of the Federal Register covers year 1935 + N


@dataclass(frozen=True)
class FRCitation:
    """One Federal Register citation: volume, first page (None for "Vol. N, No. M" citations), date if given."""

    volume: int
    page: int | None
    date: date | None
    text: str  # the citation as the source wrote it, separators trimmed

    def __str__(self) -> str:
        return self.text


def volume_year(volume: int) -> int:
    """The calendar year of a Federal Register volume (vol 84 → 2019)."""
    return FIRST_VOLUME_YEAR + volume


def parse_citations(text: str) -> list[FRCitation]:
    """Every Federal Register citation in ``text``, in order; an empty list when there is none."""
    starts = sorted(
        [(m.start(), m.end(), int(m.group("vol")), int(m.group("page"))) for m in _FR.finditer(text)]
        + [(m.start(), m.end(), int(m.group("vol")), None) for m in _VOL.finditer(text)]
    )
    citations: list[FRCitation] = []
    for index, (start, end, volume, page) in enumerate(starts):
        stop = starts[index + 1][0] if index + 1 < len(starts) else len(text)
        segment = _clean_segment(text[start:stop])
        when = _find_date(text[end:stop], volume)
        citations.append(FRCitation(volume=volume, page=page, date=when, text=segment))
    return citations


def split_citations(text: str) -> tuple[str, ...]:
    """The citation texts of ``text``; a non-empty text without any recognisable citation is kept whole."""
    found = tuple(c.text for c in parse_citations(text))
    if found:
        return found
    stripped = text.strip(_TRIM)
    return (stripped,) if stripped else ()


def first_citation_date(text: str) -> date | None:
    """The date of the first citation in ``text`` (None when there is none or it has no date)."""
    citations = parse_citations(text)
    return citations[0].date if citations else None


def _clean_segment(segment: str) -> str:
    cleaned = " ".join(segment.split()).strip(_TRIM)
    while cleaned.lower().endswith((" and", " &")):
        cleaned = cleaned.rsplit(" ", 1)[0].strip(_TRIM)
    return cleaned


def _find_date(tail: str, volume: int) -> date | None:
    candidates: list[tuple[int, int, int, int]] = []  # (position, year, month, day)
    for m in _MDY.finditer(tail):
        year = _resolve_year(m.group("y"), volume)
        candidates.append((m.start(), year, int(m.group("m")), int(m.group("d"))))
    for m in _ISO.finditer(tail):
        candidates.append((m.start(), int(m.group("y")), int(m.group("m")), int(m.group("d"))))
    for m in _NAMED.finditer(tail):
        month = _month_number(m.group("mon"))
        if month:
            candidates.append((m.start(), int(m.group("y")), month, int(m.group("d"))))
    for _, year, month, day in sorted(candidates):
        try:
            return date(year, month, day)
        except ValueError:
            return None
    return None


def _resolve_year(text: str, volume: int) -> int:
    if len(text) == 4:
        return int(text)
    short = int(text)
    expected = volume_year(volume)
    return min((1900 + short, 2000 + short), key=lambda year: abs(year - expected))


def _month_number(name: str) -> int | None:
    lowered = name.lower()
    for number, month in enumerate(_MONTHS, start=1):
        if len(lowered) >= 3 and month.startswith(lowered):
            return number
    return None
