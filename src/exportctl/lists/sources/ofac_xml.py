"""OFAC list XML in the ``sdnList`` schema: the Consolidated (non-SDN) list ``consolidated.xml`` (source
``ofac-consolidated``; the same schema as OFAC's ``SDN.XML``).

The root ``sdnList`` (default namespace of OFAC's export service) holds ``publshInformation/Publish_Date``
(MM/DD/YYYY, the effective date) and one ``sdnEntry`` per entry: ``uid`` (the entity number, ``source_id``),
``lastName`` / ``firstName`` (individuals are named "LAST, First" as in the SDN CSV), ``sdnType``,
``programList/program``, ``akaList/aka``, ``addressList/address``, ``idList/id``, dates and places of birth,
nationalities, citizenships and ``remarks``. The list (SSI, CMIC, PLC, CAP, NS-MBS, FSE) is not a field: it follows
from the programs (see :data:`PROGRAM_LISTS`). The XML carries no listing dates.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from xml.etree.ElementTree import Element

from exportctl.lists.countries import to_iso2
from exportctl.lists.model import Address, EntryType, Identifier, ListCode, ListEntry
from exportctl.lists.sources._common import ProblemLog, entry_country, head_date, parse_date, parse_xml, read_text

SOURCE = "ofac-consolidated"
ROOT = "sdnList"
ENTRY_TYPES = {
    "individual": EntryType.INDIVIDUAL,
    "entity": EntryType.ENTITY,
    "vessel": EntryType.VESSEL,
    "aircraft": EntryType.AIRCRAFT,
}
# Program → list, first match wins (an SSI entity is often also under RUSSIA-EO14024, the menu-based sanctions).
PROGRAM_LISTS: tuple[tuple[str, ListCode], ...] = (
    ("561-Related", ListCode.CAP),
    ("NS-PLC", ListCode.PLC),
    ("CMIC-EO13959", ListCode.CMIC),
    ("UKRAINE-EO13662", ListCode.SSI),
    ("RUSSIA-EO14024", ListCode.NS_MBS),
)
_ENTRY_START = re.compile(r"<sdnEntry[\s>]")
_PUBLISHED = re.compile(rb"<Publish_Date>\s*([0-9/-]+)\s*</Publish_Date>")


def parse(path: Path) -> Iterator[ListEntry]:
    """Entries of an OFAC ``sdnList`` XML file (validated whole before the first is yielded)."""
    yield from load(path)


def effective_date(path: Path) -> date | None:
    """``publshInformation/Publish_Date`` (read from the start of the file)."""
    return head_date(path, _PUBLISHED, parse_date)


def list_code(programs: tuple[str, ...]) -> ListCode:
    """The list an entry belongs to, from its programs; OTHER (e.g. FSE) when none names one."""
    for program, code in PROGRAM_LISTS:
        if program in programs:
            return code
    return ListCode.OTHER


def load(path: Path) -> list[ListEntry]:
    log = ProblemLog(path)
    text = read_text(path, log)
    root = parse_xml(text, log) if text is not None and not log.problems else None
    if root is not None and _local(root.tag) != ROOT:
        log.add(1, "root", f"root element is <{_local(root.tag)}>, expected <{ROOT}>")
    log.raise_if_any()
    assert text is not None and root is not None
    ns = root.tag[: root.tag.index("}") + 1] if root.tag.startswith("{") else ""
    lines = _entry_lines(text)
    records = root.findall(f"{ns}sdnEntry")
    if not records:
        log.add(None, "sdnEntry", "no sdnEntry elements (truncated or not an OFAC list)")
    declared = _text(root, f"{ns}publshInformation/{ns}Record_Count")
    if declared.isdigit() and int(declared) != len(records):
        log.add(None, "Record_Count", f"the file declares {declared} records but holds {len(records)} (truncated?)")
    entries = [_entry(e, ns, lines[i] if i < len(lines) else None, log) for i, e in enumerate(records)]
    log.raise_if_any()
    return entries


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _text(element: Element, path: str) -> str:
    return (element.findtext(path) or "").strip()


def _entry_lines(text: str) -> list[int]:
    lines, line, position = [], 1, 0
    for match in _ENTRY_START.finditer(text):
        line += text.count("\n", position, match.start())
        position = match.start()
        lines.append(line)
    return lines


def _person_name(last: str, first: str) -> str:
    return f"{last}, {first}" if last and first else last or first


def _entry(element: Element, ns: str, line: int | None, log: ProblemLog) -> ListEntry:
    uid = _text(element, f"{ns}uid")
    if not uid.isdigit():
        log.add(line, "uid", f"missing or non-numeric uid {uid!r}")
    last, first = _text(element, f"{ns}lastName"), _text(element, f"{ns}firstName")
    name = _person_name(last, first)
    if not name:
        log.add(line, "lastName", "empty name")
    entry_type = ENTRY_TYPES.get(_text(element, f"{ns}sdnType").lower(), EntryType.UNKNOWN)
    programs = tuple(p for e in element.iterfind(f"{ns}programList/{ns}program") if (p := (e.text or "").strip()))
    aliases = tuple(
        dict.fromkeys(
            alias
            for aka in element.iterfind(f"{ns}akaList/{ns}aka")
            if (alias := _person_name(_text(aka, f"{ns}lastName"), _text(aka, f"{ns}firstName")))
        )
    )
    addresses = tuple(a for a in (_address(a, ns) for a in element.iterfind(f"{ns}addressList/{ns}address")) if a.full)
    identifiers = _identifiers(element, ns)
    country = entry_country(entry_type, addresses, identifiers)
    return ListEntry(
        source=SOURCE,
        source_id=uid,
        list=list_code(programs),
        primary_name=name,
        entry_type=entry_type,
        aliases=aliases,
        addresses=addresses,
        country=country,
        country_name=next((a.country_name for a in addresses if a.country == country), None),
        identifiers=identifiers,
        programs=programs,
        remarks=_text(element, f"{ns}remarks") or None,
        raw=_raw(element),
    )


def _raw(element: Element) -> dict[str, str]:
    """The entry's simple fields (uid, names, type, remarks) by their local tag name."""
    return {_local(child.tag): text for child in element if len(child) == 0 and (text := (child.text or "").strip())}


def _address(element: Element, ns: str) -> Address:
    street = ", ".join(p for tag in ("address1", "address2", "address3") if (p := _text(element, f"{ns}{tag}")))
    city, state = _text(element, f"{ns}city"), _text(element, f"{ns}stateOrProvince")
    postal, country_name = _text(element, f"{ns}postalCode"), _text(element, f"{ns}country")
    return Address(
        full=", ".join(p for p in (street, city, state, postal, country_name) if p),
        street=street or None,
        city=city or None,
        state=state or None,
        postal_code=postal or None,
        country=to_iso2(country_name) if country_name else None,
        country_name=country_name or None,
    )


def _identifiers(element: Element, ns: str) -> tuple[Identifier, ...]:
    found = [
        Identifier(
            type=_text(i, f"{ns}idType") or "Identifier",
            value=_text(i, f"{ns}idNumber"),
            country=to_iso2(c) if (c := _text(i, f"{ns}idCountry")) else None,
        )
        for i in element.iterfind(f"{ns}idList/{ns}id")
        if _text(i, f"{ns}idNumber")
    ]
    for item in element.iterfind(f"{ns}dateOfBirthList/{ns}dateOfBirthItem"):
        if value := _text(item, f"{ns}dateOfBirth"):
            found.append(Identifier(type="Date of birth", value=value))
    for item in element.iterfind(f"{ns}placeOfBirthList/{ns}placeOfBirthItem"):
        if value := _text(item, f"{ns}placeOfBirth"):
            found.append(Identifier(type="Place of birth", value=value, country=to_iso2(value.rsplit(",", 1)[-1])))
    for kind, path in (("Nationality", "nationalityList/nationality"), ("Citizenship", "citizenshipList/citizenship")):
        for item in element.iterfind(f"{ns}{path.replace('/', '/' + ns)}"):
            if value := _text(item, f"{ns}country"):
                found.append(Identifier(type=kind, value=value, country=to_iso2(value)))
    return tuple(found)
