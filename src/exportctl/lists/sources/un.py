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
from xml.etree.ElementTree import Element

from exportctl.lists.model import EntryType, ListCode, ListEntry
from exportctl.lists.sources._common import PLAUSIBLE_YEARS, ProblemLog, entry_country, head_date, parse_xml, read_text
from exportctl.lists.sources.un_fields import (
    address_of,
    aliases_of,
    country_name_of,
    identifiers_of,
    raw_of,
    remarks_of,
    text_of,
)

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
    return head_date(path, _GENERATED, date.fromisoformat)


def load(path: Path) -> list[ListEntry]:
    log = ProblemLog(path)
    text = read_text(path, log)
    root = parse_xml(text, log) if text is not None and not log.problems else None
    if root is not None and root.tag != ROOT:
        log.add(1, "root", f"root element is <{root.tag}>, expected <{ROOT}>")
    log.raise_if_any()  # an undecodable or broken document has no records to check
    assert text is not None and root is not None
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


def _entry(element: Element, line: int | None, log: ProblemLog) -> ListEntry:
    individual = element.tag == "INDIVIDUAL"
    dataid = text_of(element, "DATAID")
    if not dataid.isdigit():
        log.add(line, "DATAID", f"missing or non-numeric DATAID {dataid!r}")
    parts = [text_of(element, tag) for tag in (_NAME_PARTS if individual else _NAME_PARTS[:1])]
    name = " ".join(part for part in parts if part)
    if not name:
        log.add(line, "FIRST_NAME", "empty name")
    listed_on = _listed_on(element, line, log)
    addresses = tuple(address_of(a) for a in element.iterfind(f"{element.tag}_ADDRESS"))
    addresses = tuple(a for a in addresses if a.full)
    identifiers = identifiers_of(element)
    entry_type = EntryType.INDIVIDUAL if individual else EntryType.ENTITY
    country = entry_country(entry_type, addresses, identifiers)
    program = text_of(element, "UN_LIST_TYPE")
    return ListEntry(
        source=SOURCE,
        source_id=dataid,
        list=ListCode.UN,
        primary_name=name,
        entry_type=entry_type,
        aliases=aliases_of(element),
        addresses=addresses,
        country=country,
        country_name=country_name_of(element, addresses, country),
        identifiers=identifiers,
        programs=(program,) if program else (),
        listed_on=listed_on,
        remarks=remarks_of(element),
        raw=raw_of(element),
    )


def _listed_on(element: Element, line: int | None, log: ProblemLog) -> date | None:
    value = text_of(element, "LISTED_ON")
    if not value:
        return None
    try:
        listed = date.fromisoformat(value[:10])
    except ValueError:
        log.add(line, "LISTED_ON", f"unrecognised date {value!r} (expected YYYY-MM-DD)")
        return None
    return listed if listed.year in PLAUSIBLE_YEARS else None
