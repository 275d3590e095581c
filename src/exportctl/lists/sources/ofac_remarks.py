"""What the free-text Remarks of an OFAC SDN record say about the party.

Remarks are ``;``-separated statements: ``DOB 1965``, ``POB Damascus, Syria``, ``nationality Syria``,
``Passport 123456 (Syria) issued 2010``, ``a.k.a. 'ABU ALI'``, ``Linked To: X``… This module picks out the weak
aliases (OFAC publishes "weak" a.k.a.s only here, not in alt.csv) and the identifiers: dates and places of birth,
nationality, citizenship, and documents whose type we recognise. Anything else stays in the remarks text only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from exportctl.lists.countries import to_iso2
from exportctl.lists.model import Identifier

_ALIAS = re.compile(r"\b[afn]\.k\.a\.,?\s*'([^']+)'")
_ALT = re.compile(r"^alt\.\s*", re.IGNORECASE)
_DATES = re.compile(r"\s(?:issued|expires|Issue Date|Expire Date)\b", re.IGNORECASE)
_COUNTRY_NOTE = re.compile(r"^(?P<value>.+?)\s*\((?P<country>[^()]+)\)\s*(?P<note>.*)$")

# Person facts: remark prefix → identifier type.
_FACTS = (
    ("DOB", "Date of birth"),
    ("POB", "Place of birth"),
    ("nationality", "Nationality"),
    ("citizen", "Citizenship"),
)

# Document types as OFAC writes them (longest first when matching), from the SDN remarks.
DOCUMENT_TYPES = (
    "Passport",
    "Diplomatic Passport",
    "National ID No.",
    "Cedula No.",
    "Registration ID",
    "Registration Number",
    "Public Registration Number",
    "NIT #",
    "R.F.C. #",
    "R.F.C.",
    "RFC",
    "C.U.R.P. #",
    "C.U.R.P.",
    "Email Address",
    "Website",
    "Tax ID No.",
    "RUC #",
    "RIF #",
    "Identification Number",
    "Folio Mercantil No.",
    "Company Number",
    "UK Company Number",
    "SWIFT/BIC",
    "Digital Currency Address - XBT",
    "Digital Currency Address - ETH",
    "Matricula Mercantil No",
    "V.A.T. Number",
    "MMSI",
    "D.N.I.",
    "Telephone",
    "Phone Number",
    "Fax",
    "D-U-N-S Number",
    "C.R. No.",
    "Electoral Registry No.",
    "Driver's License No.",
    "Credencial electoral",
    "Personal ID Card",
    "SSN",
    "Residency Number",
    "BIK (RU)",
    "I.F.E.",
    "C.U.I.T.",
    "C.U.I.P.",
    "C.U.I.",
    "LE Number",
    "Vessel Registration Identification",
    "Aircraft Manufacturer's Serial Number (MSN)",
    "Aircraft Construction Number (also called L/N or S/N or F/N)",
    "Aircraft Mode S Transponder Code",
    "Aircraft Tail Number",
    "Business Registration Document #",
    "Business Registration Number",
    "Commercial Registry Number",
    "Trade License No.",
    "Government Gazette Number",
    "Certificate of Incorporation Number",
    "Enterprise Number",
    "US FEIN",
    "Birth Certificate Number",
    "Travel Document Number",
    "Legal Entity Number",
    "Refugee ID Card",
    "Stateless Person Passport",
    "Kenyan ID No.",
    "Italian Fiscal Code",
    "Chinese Commercial Code",
    "VisaNumberID",
    "UN/LOCODE",
    "File Number",
    "RTN",
)
# First word → the document types starting with it, longest first, so "Diplomatic Passport" wins over a shorter prefix.
_BY_FIRST_WORD: dict[str, list[str]] = {}
for _kind in sorted(DOCUMENT_TYPES, key=len, reverse=True):
    _BY_FIRST_WORD.setdefault(_kind.split(" ", 1)[0], []).append(_kind)


@dataclass(frozen=True)
class RemarkFacts:
    weak_aliases: tuple[str, ...]
    identifiers: tuple[Identifier, ...]


def parse_remarks(remarks: str) -> RemarkFacts:
    """Weak aliases and identifiers stated in an SDN record's Remarks (empty when it states none)."""
    aliases = tuple(dict.fromkeys(match.strip() for match in _ALIAS.findall(remarks)))
    identifiers: list[Identifier] = []
    for statement in remarks.split(";"):
        identifier = _identifier(_ALT.sub("", statement.strip()).rstrip("."))
        if identifier is not None:
            identifiers.append(identifier)
    return RemarkFacts(weak_aliases=aliases, identifiers=tuple(identifiers))


def _identifier(statement: str) -> Identifier | None:
    for prefix, kind in _FACTS:
        if statement.startswith(prefix + " "):
            value = statement[len(prefix) :].strip()
            country = to_iso2(value) if kind in ("Nationality", "Citizenship") else None
            return Identifier(type=kind, value=value, country=country)
    for kind in _BY_FIRST_WORD.get(statement.split(" ", 1)[0], ()):
        if statement.startswith(kind + " "):
            return _document(kind, statement[len(kind) :].strip())
    return None


def _document(kind: str, rest: str) -> Identifier | None:
    """ "A123 (Iran) expires 2021" → value A123, country IR, note "expires 2021"."""
    if not rest:
        return None
    value, country, note = rest, None, ""
    match = _COUNTRY_NOTE.match(rest)
    if match and to_iso2(match.group("country")):
        value, country, note = match.group("value"), to_iso2(match.group("country")), match.group("note")
    value, dates = _split_dates(value)
    note = " ".join(part for part in (dates, note.strip(" ,")) if part)
    return Identifier(type=kind, value=value, country=country, note=note or None)


def _split_dates(value: str) -> tuple[str, str]:
    """Split "G 649385 issued 08 Sep 2006 expires 2011" into the number and its dates."""
    match = _DATES.search(value)
    if not match:
        return value, ""
    return value[: match.start()].strip(), value[match.start() :].strip()
