"""UN Security Council Consolidated List XML (``CONSOLIDATED_LIST``, schema sc-sanctions.xsd).

Parsed with defusedxml (the file comes from outside). Individuals are named by their name parts joined
(FIRST_NAME … FOURTH_NAME), entities by FIRST_NAME. ``source_id`` is DATAID; the UN_LIST_TYPE (e.g. "DRC",
"Al-Qaida") is the program; REFERENCE_NUMBER ("CDi.001"), nationalities, documents, dates and places of birth
become identifiers; LISTED_ON is the listing date; the root's ``dateGenerated`` is the effective date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError, tostring

from defusedxml import ElementTree as SafeElementTree
from defusedxml.common import DefusedXmlException

from exportctl.lists.countries import to_iso2
from exportctl.lists.model import Address, EntryType, Identifier, ListCode, ListEntry
from exportctl.lists.sources._common import PLAUSIBLE_YEARS, ProblemLog, read_text

SOURCE = "un"
ROOT = "CONSOLIDATED_LIST"
_NAME_PARTS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
_RECORD_START = re.compile(r"<(INDIVIDUAL|ENTITY)[\s>]")
_GENERATED = re.compile(rb'dateGenerated="(\d{4}-\d{2}-\d{2})')


def parse(path: Path) -> Iterator[ListEntry]:
    """Entries of a UN Consolidated List XML file (validated whole before the first is yielded)."""
    yield from load(path)


def effective_date(path: Path) -> date | None:
    """The root element's ``dateGenerated`` (read from the start of the file)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return None
    match = _GENERATED.search(head)
    try:
        return date.fromisoformat(match.group(1).decode()) if match else None
    except ValueError:
        return None


def load(path: Path) -> list[ListEntry]:
    log = ProblemLog(path)
    text = read_text(path, log)
    log.raise_if_any()  # a file we cannot decode cannot be parsed as XML either
    assert text is not None
    try:
        root = SafeElementTree.fromstring(text)
    except ParseError as exc:
        line, column = exc.position
        log.add(line, None, f"broken XML at column {column + 1}: {exc.msg if hasattr(exc, 'msg') else exc}")
        log.raise_if_any()
        raise  # pragma: no cover - raise_if_any always raises here
    except DefusedXmlException as exc:
        log.add(None, None, f"refused unsafe XML: {exc}")
        log.raise_if_any()
        raise  # pragma: no cover
    if root.tag != ROOT:
        log.add(1, "root", f"root element is <{root.tag}>, expected <{ROOT}>")
        log.raise_if_any()
    starts = _record_lines(text)
    records = [*root.iterfind("INDIVIDUALS/INDIVIDUAL"), *root.iterfind("ENTITIES/ENTITY")]
    seen = {"INDIVIDUAL": 0, "ENTITY": 0}
    entries: list[ListEntry] = []
    for element in records:
        lines = starts[element.tag]
        index = seen[element.tag]
        seen[element.tag] += 1
        entries.append(_entry(element, lines[index] if index < len(lines) else None, log))
    log.raise_if_any()
    return entries


def _record_lines(text: str) -> dict[str, list[int]]:
    """The line of each <INDIVIDUAL> and <ENTITY> start tag, in file order (ElementTree keeps no line numbers)."""
    starts: dict[str, list[int]] = {"INDIVIDUAL": [], "ENTITY": []}
    line, position = 1, 0
    for match in _RECORD_START.finditer(text):
        line += text.count("\n", position, match.start())
        position = match.start()
        starts[match.group(1)].append(line)
    return starts


def _text(element: Element, tag: str) -> str:
    found = element.find(tag)
    return (found.text or "").strip() if found is not None else ""


def _entry(element: Element, line: int | None, log: ProblemLog) -> ListEntry:
    individual = element.tag == "INDIVIDUAL"
    dataid = _text(element, "DATAID")
    if not dataid.isdigit():
        log.add(line, "DATAID", f"missing or non-numeric DATAID {dataid!r}")
    parts = [_text(element, tag) for tag in (_NAME_PARTS if individual else _NAME_PARTS[:1])]
    name = " ".join(part for part in parts if part)
    if not name:
        log.add(line, "FIRST_NAME", "empty name")
    listed_on = _listed_on(element, line, log)
    addresses = tuple(_address(a) for a in element.iterfind(f"{element.tag}_ADDRESS"))
    addresses = tuple(a for a in addresses if a.full)
    identifiers = _identifiers(element)
    nationality = next((i.country for i in identifiers if i.type == "Nationality" and i.country), None)
    by_address = next((a.country for a in addresses if a.country), None)
    country = (nationality or by_address) if individual else (by_address or nationality)
    program = _text(element, "UN_LIST_TYPE")
    return ListEntry(
        source=SOURCE,
        source_id=dataid,
        list=ListCode.UN,
        primary_name=name,
        entry_type=EntryType.INDIVIDUAL if individual else EntryType.ENTITY,
        aliases=_aliases(element),
        addresses=addresses,
        country=country,
        country_name=_country_name(element, addresses, country),
        identifiers=identifiers,
        programs=(program,) if program else (),
        listed_on=listed_on,
        remarks=_remarks(element),
        raw=_raw(element),
    )


def _listed_on(element: Element, line: int | None, log: ProblemLog) -> date | None:
    value = _text(element, "LISTED_ON")
    if not value:
        return None
    try:
        listed = date.fromisoformat(value[:10])
    except ValueError:
        log.add(line, "LISTED_ON", f"unrecognised date {value!r} (expected YYYY-MM-DD)")
        return None
    return listed if listed.year in PLAUSIBLE_YEARS else None


def _aliases(element: Element) -> tuple[str, ...]:
    names = [(alias.findtext("ALIAS_NAME") or "").strip() for alias in element.iterfind(f"{element.tag}_ALIAS")]
    original = _text(element, "NAME_ORIGINAL_SCRIPT")
    return tuple(dict.fromkeys(name for name in [*names, original] if name))


def _address(element: Element) -> Address:
    street, city, state = _text(element, "STREET"), _text(element, "CITY"), _text(element, "STATE_PROVINCE")
    postal, country_name, note = _text(element, "ZIP_CODE"), _text(element, "COUNTRY"), _text(element, "NOTE")
    full = ", ".join(part for part in (street, city, state, postal, country_name) if part)
    if note and full:
        full += f" ({note})"
    return Address(
        full=full,
        street=street or None,
        city=city or None,
        state=state or None,
        postal_code=postal or None,
        country=to_iso2(country_name) if country_name else None,
        country_name=country_name or None,
    )


def _identifiers(element: Element) -> tuple[Identifier, ...]:
    found: list[Identifier] = []
    if reference := _text(element, "REFERENCE_NUMBER"):
        found.append(Identifier(type="UN reference number", value=reference))
    for value in element.iterfind("NATIONALITY/VALUE"):
        if text := (value.text or "").strip():
            found.append(Identifier(type="Nationality", value=text, country=to_iso2(text)))
    for birth in element.iterfind("INDIVIDUAL_DATE_OF_BIRTH"):
        if dob := _date_of_birth(birth):
            kind = _text(birth, "TYPE_OF_DATE")
            found.append(Identifier(type="Date of birth", value=dob, note=kind if kind and kind != "EXACT" else None))
    for place in element.iterfind("INDIVIDUAL_PLACE_OF_BIRTH"):
        parts = [_text(place, tag) for tag in ("CITY", "STATE_PROVINCE", "COUNTRY")]
        if any(parts):
            country = _text(place, "COUNTRY")
            found.append(
                Identifier(
                    type="Place of birth",
                    value=", ".join(p for p in parts if p),
                    country=to_iso2(country) if country else None,
                )
            )
    for document in element.iterfind("INDIVIDUAL_DOCUMENT"):
        if number := _text(document, "NUMBER"):
            kind, kind2 = _text(document, "TYPE_OF_DOCUMENT"), _text(document, "TYPE_OF_DOCUMENT2")
            issuer = _text(document, "ISSUING_COUNTRY") or _text(document, "COUNTRY_OF_ISSUE")
            details = [kind2 if kind2.casefold() != kind.casefold() else ""]
            details += [_text(document, tag) for tag in ("DATE_OF_ISSUE", "CITY_OF_ISSUE", "NOTE")]
            found.append(
                Identifier(
                    type=kind or "Document",
                    value=number,
                    country=to_iso2(issuer) if issuer else None,
                    note="; ".join(d for d in details if d) or None,
                )
            )
    return tuple(found)


def _date_of_birth(element: Element) -> str:
    if exact := _text(element, "DATE"):
        return exact[:10]
    if year := _text(element, "YEAR"):
        return year
    start, end = _text(element, "FROM_YEAR"), _text(element, "TO_YEAR")
    return f"{start}-{end}" if start and end else start or end


def _country_name(element: Element, addresses: tuple[Address, ...], country: str | None) -> str | None:
    for value in element.iterfind("NATIONALITY/VALUE"):
        if value.text and to_iso2(value.text.strip()) == country:
            return value.text.strip()
    return next((a.country_name for a in addresses if a.country == country and a.country_name), None)


def _remarks(element: Element) -> str | None:
    parts = [_text(element, "COMMENTS1")]
    parts += [f"Title: {(v.text or '').strip()}" for v in element.iterfind("TITLE/VALUE") if (v.text or "").strip()]
    parts += [
        f"Designation: {(v.text or '').strip()}"
        for v in element.iterfind("DESIGNATION/VALUE")
        if (v.text or "").strip()
    ]
    return "; ".join(part for part in parts if part) or None


def _raw(element: Element) -> dict[str, str]:
    """Simple child elements by tag, plus the whole record as XML text."""
    raw = {child.tag: (child.text or "").strip() for child in element if len(child) == 0 and (child.text or "").strip()}
    raw["xml"] = tostring(element, encoding="unicode").strip()
    return raw
