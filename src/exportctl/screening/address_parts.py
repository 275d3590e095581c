"""A name followed by its address in one field: "RUSTANKER LLC, Krasnodarskiy Kray 353500, Russia",
"PAUL STUART BRUNT, 3457 108th AVE SE, BELLEVUE, WA, US, 98004", or a payment message's name line and address lines.

Customer files and payment messages (SWIFT field 59: a name line, then address lines) hold both in one field. Read
whole, the address's words outweigh the name's, and the name is not found: 14 % of listed organisations written with
their listed address were found. Such a field is also read as its leading parts: its first line, and the text up to
each of its first commas before the first part with a number or a country's name (:data:`MAX_LEADING` of them,
of two words or more: a person's "SURNAME, Given" and a company's "X, OOO" are read whole), beside the field as
written.

A name wrapped over lines (a spreadsheet cell, a PDF's column: "Empresa Nicaragüense de\nTelecomunicaciones") is one
line: a line that ends in a word that joins two others (de, of, und, &) or in a hyphen goes on in the next. Read alone,
"Empresa Nicaragüense de" hit EMPRESA NICARAGUENSE DE MINAS. (A line in lower case is no sign: address lines start
"c/o", "ul.", "d. 5".)

A field holds an address when it has several lines, or two commas or more and, after its first comma, a part with a
number (a house number, a postcode; not an ordinal) or a country's name (:mod:`.trailing_country`). A name with
commas and no address ("Ministry of Defence, Procurement Directorate, Logistics Branch") is read as written only.
"""

from __future__ import annotations

import re

from exportctl.screening.trailing_country import country_code

MAX_LEADING = 3  # leading parts read on their own: the name is in the first few
_LINES = re.compile(r"[\r\n]+")
# words that join two others in the lists' languages (closed class): a line ending in one is cut mid-name
_JOINING = frozenset(
    "of the and for at in to & + de del della di da do du des la le las los y e et pour para per van von voor vom zu "
    "und fur für der die das en het".split()
)
_WORD = re.compile(r"[^\W_]+")
_MIN_WORDS = 2
_NUMBER = re.compile(r"\d+(?!\d|st\b|nd\b|rd\b|th\b)", re.IGNORECASE)  # a house number, a postcode; not "704th"


def _unwrapped(text: str) -> list[str]:
    """The field's lines, a name wrapped over lines joined into one (see the module's note)."""
    lines: list[str] = []
    for line in (line.strip() for line in _LINES.split(text)):
        if not line:
            continue
        if lines and _continues(lines[-1]):
            lines[-1] = lines[-1] + line if lines[-1].endswith("-") else f"{lines[-1]} {line}"
        else:
            lines.append(line)
    return lines


def _continues(before: str) -> bool:
    """Whether the next line goes on with the name that ``before`` leaves cut: after a joining word or a hyphen."""
    words = before.split()
    return before.endswith("-") or bool(words and words[-1].casefold() in _JOINING)


def _countries(parts: list[str]) -> list[str | None]:
    """The country each part names, alone or with the next one ("Korea, North", "Virgin Islands, British")."""
    return [
        country_code(part) or (country_code(f"{part}, {parts[i + 1]}") if i + 1 < len(parts) else None)
        for i, part in enumerate(parts)
    ]


def _address_from(parts: list[str], countries: list[str | None]) -> int | None:
    """The first part after the name that is surely the address's (a number, a country), when the parts (three or
    more) hold an address; None when they do not."""
    if len(parts) < 3:
        return None
    return next((i for i in range(1, len(parts)) if countries[i] or _NUMBER.search(parts[i])), None)


def address_reading(text: str) -> tuple[list[str], str | None]:
    """When a field holds a name and its address: the name's candidates (shortest first) and the address's country
    (its last part naming one); ([], None) when it holds no address. Both from one split of the field."""
    if text.count(",") < 2 and "\n" not in text and "\r" not in text:
        return [], None  # most names: no address
    lines = _unwrapped(text)
    first = [part.strip() for part in lines[0].split(",")] if lines else []
    first_countries = _countries(first)
    found: list[str] = [lines[0]] if len(lines) > 1 else []
    address_at = _address_from(first, first_countries)
    if address_at is not None:  # up to the address's first sure part, and MAX_LEADING parts at most
        for end in range(1, min(address_at, MAX_LEADING) + 1):
            leading = ", ".join(first[:end])
            if len(_WORD.findall(leading)) >= _MIN_WORDS and leading not in found:
                found.append(leading)
    if len(lines) > 1:
        parts = [part.strip() for line in lines for part in line.split(",")]
        countries = _countries(parts)
    elif address_at is None:
        return found, None
    else:
        countries = first_countries
    return found, next((code for code in reversed(countries[1:]) if code), None)


def leading_parts(text: str) -> list[str]:
    """The name's candidates when a field holds a name and its address, shortest first; [] when it holds no
    address."""
    return address_reading(text)[0]


def address_country(text: str) -> str | None:
    """The country of the address a field holds after the name (its last part naming one), if it holds one."""
    return address_reading(text)[1]
