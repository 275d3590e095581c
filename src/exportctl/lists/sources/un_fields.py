"""Field readers for UN Consolidated List records: names, aliases, addresses, identifiers, remarks, raw fields."""

from __future__ import annotations

from xml.etree.ElementTree import Element, tostring

from exportctl.lists.countries import to_iso2
from exportctl.lists.model import Address, Identifier


def text_of(element: Element, tag: str) -> str:
    found = element.find(tag)
    return (found.text or "").strip() if found is not None else ""


def aliases_of(element: Element) -> tuple[str, ...]:
    names = [(alias.findtext("ALIAS_NAME") or "").strip() for alias in element.iterfind(f"{element.tag}_ALIAS")]
    original = text_of(element, "NAME_ORIGINAL_SCRIPT")
    return tuple(dict.fromkeys(name for name in [*names, original] if name))


def address_of(element: Element) -> Address:
    street, city, state = text_of(element, "STREET"), text_of(element, "CITY"), text_of(element, "STATE_PROVINCE")
    postal, country_name, note = text_of(element, "ZIP_CODE"), text_of(element, "COUNTRY"), text_of(element, "NOTE")
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


def identifiers_of(element: Element) -> tuple[Identifier, ...]:
    found: list[Identifier] = []
    if reference := text_of(element, "REFERENCE_NUMBER"):
        found.append(Identifier(type="UN reference number", value=reference))
    for value in element.iterfind("NATIONALITY/VALUE"):
        if text := (value.text or "").strip():
            found.append(Identifier(type="Nationality", value=text, country=to_iso2(text)))
    for birth in element.iterfind("INDIVIDUAL_DATE_OF_BIRTH"):
        if dob := _date_of_birth(birth):
            kind = text_of(birth, "TYPE_OF_DATE")
            found.append(Identifier(type="Date of birth", value=dob, note=kind if kind and kind != "EXACT" else None))
    for place in element.iterfind("INDIVIDUAL_PLACE_OF_BIRTH"):
        parts = [text_of(place, tag) for tag in ("CITY", "STATE_PROVINCE", "COUNTRY")]
        if any(parts):
            country = text_of(place, "COUNTRY")
            found.append(
                Identifier(
                    type="Place of birth",
                    value=", ".join(p for p in parts if p),
                    country=to_iso2(country) if country else None,
                )
            )
    for document in element.iterfind("INDIVIDUAL_DOCUMENT"):
        if number := text_of(document, "NUMBER"):
            kind, kind2 = text_of(document, "TYPE_OF_DOCUMENT"), text_of(document, "TYPE_OF_DOCUMENT2")
            issuer = text_of(document, "ISSUING_COUNTRY") or text_of(document, "COUNTRY_OF_ISSUE")
            details = [kind2 if kind2.casefold() != kind.casefold() else ""]
            details += [text_of(document, tag) for tag in ("DATE_OF_ISSUE", "CITY_OF_ISSUE", "NOTE")]
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
    if exact := text_of(element, "DATE"):
        return exact[:10]
    if year := text_of(element, "YEAR"):
        return year
    start, end = text_of(element, "FROM_YEAR"), text_of(element, "TO_YEAR")
    return f"{start}-{end}" if start and end else start or end


def country_name_of(element: Element, addresses: tuple[Address, ...], country: str | None) -> str | None:
    for value in element.iterfind("NATIONALITY/VALUE"):
        if value.text and to_iso2(value.text.strip()) == country:
            return value.text.strip()
    return next((a.country_name for a in addresses if a.country == country and a.country_name), None)


def remarks_of(element: Element) -> str | None:
    parts = [text_of(element, "COMMENTS1")]
    parts += [f"Title: {(v.text or '').strip()}" for v in element.iterfind("TITLE/VALUE") if (v.text or "").strip()]
    parts += [
        f"Designation: {(v.text or '').strip()}"
        for v in element.iterfind("DESIGNATION/VALUE")
        if (v.text or "").strip()
    ]
    return "; ".join(part for part in parts if part) or None


def raw_of(element: Element) -> dict[str, str]:
    """Simple child elements by tag, plus the whole record as XML text."""
    raw = {child.tag: (child.text or "").strip() for child in element if len(child) == 0 and (child.text or "").strip()}
    raw["xml"] = tostring(element, encoding="unicode").strip()
    return raw
