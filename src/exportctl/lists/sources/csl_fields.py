"""Field readers for the CSL CSV: ``;``-separated values, addresses ending in an ISO code, and identifiers."""

from __future__ import annotations

import re

from exportctl.lists.countries import to_iso2
from exportctl.lists.model import Address, Identifier
from exportctl.lists.sources._common import null

_PERSON_FACTS = (
    ("dates_of_birth", "Date of birth"),
    ("places_of_birth", "Place of birth"),
    ("nationalities", "Nationality"),
    ("citizenships", "Citizenship"),
)


def split_semicolons(value: str) -> tuple[str, ...]:
    """``;``-separated values; a leading "and " (BIS style: "X; Y; and Z") is dropped."""
    if not value or value.isspace():  # most CSL fields are empty: skip the regex work
        return ()
    parts = (re.sub(r"^and\s+", "", part.strip()).strip() for part in value.split(";"))
    return tuple(dict.fromkeys(part for part in parts if part))


def csl_address(text: str) -> Address:
    """A CSL address ends with the ISO alpha-2 country code when the country is known."""
    last = text.rsplit(",", 1)[-1].strip()
    iso2 = to_iso2(last) if len(last) == 2 and last.isupper() else None
    return Address(full=text, country=iso2, country_name=last if iso2 else None)


def identifiers_of(fields: dict[str, str], type_first: bool) -> tuple[Identifier, ...]:
    """The ``ids`` column, then dates/places of birth, nationalities, citizenships and the call sign."""
    found = [_identifier(part, type_first) for part in split_semicolons(fields["ids"])]
    for column, kind in _PERSON_FACTS:
        for value in split_semicolons(fields[column]):
            found.append(
                Identifier(type=kind, value=value, country=to_iso2(value) if kind != "Date of birth" else None)
            )
    if call_sign := null(fields["call_sign"]):
        found.append(Identifier(type="Call sign", value=call_sign))
    return tuple(found)


def _identifier(text: str, type_first: bool) -> Identifier:
    """Newer exports write "type, number[, CC]"; the older one "[CC, ]number, type"."""
    parts = [part.strip() for part in text.split(",")]
    if len(parts) < 2:
        return Identifier(type="Identifier", value=text.strip())
    if type_first:
        if len(parts) >= 3 and _is_code(parts[-1]):
            return Identifier(type=parts[0], value=", ".join(parts[1:-1]), country=parts[-1])
        return Identifier(type=parts[0], value=", ".join(parts[1:]))
    if len(parts) >= 3 and _is_code(parts[0]):
        return Identifier(type=parts[-1], value=", ".join(parts[1:-1]), country=parts[0])
    return Identifier(type=parts[-1], value=", ".join(parts[:-1]))


def _is_code(text: str) -> bool:
    return len(text) == 2 and text.isalpha() and text.isupper() and to_iso2(text) is not None
