"""Which destinations one License Requirements row reaches: a Country Chart column, or what its prose says.

Most rows name a chart column ("NS Column 2"). The rest say it in words: "Worldwide control", "To or within
destinations specified in Country Groups D:1, D:4, and D:5 …, excluding any destination also specified in Country
Groups A:5 or A:6", "China, Russia, or Venezuela", "to North Korea for anti-terrorism reasons", "See § 746.1(b) for
UN controls". Shapes we recognise become sets of destinations; anything else stays UNPARSED, which a determination
reports as needing review — never as "no licence required".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from exportctl.regulations.country_groups import GROUPS

_COLUMN = re.compile(r"(?:^|[\s:])([A-Z]{2}) Column (\d)\b")
_BARE_COLUMN = re.compile(r"^Column (\d)$")
_GROUP = re.compile(r"\b([ADE]:\d)\b")
_GROUP_B = re.compile(r"Country Groups? B\b")
_SECTION = re.compile(r"§§?\s*(\d{3}\.\d+(?:\([A-Za-z0-9]+\))*)")
_TO_NAMED = re.compile(
    r"A license is required for (?:[^.]*?)\bto ((?:[A-Z][a-z]+ ?)+(?:(?:,| or| and) (?:[A-Z][a-z]+ ?)+)*)"
    r"(?: or transfer| and transfer| for|\.|$)"
)
_NAME_LIST = re.compile(r"^((?:[A-Z][a-z]+ ?)+(?:,? (?:or )?(?:[A-Z][a-z]+ ?)+)*)\s*\(see")

# Names as the CCL's prose writes them, where they differ from the chart's spelling.
PROSE_NAMES: Mapping[str, str] = {"north korea": "KP", "macau": "MO", "russia": "RU", "china": "CN"}


_NAMED_IN_GROUP_ROWS: Mapping[str, str] = {"Macau": "MO", "United Arab Emirates": "AE"}


class DestinationKind(StrEnum):
    COLUMN = "column"  # a Country Chart column, e.g. NS2
    WORLDWIDE = "worldwide"
    LISTED = "listed"  # the destinations in ``included`` minus those in ``excluded``
    ALL_EXCEPT = "all_except"  # every destination except ``excluded``
    UN_SANCTIONS = "un_sanctions"  # § 746.1(b): destinations marked with chart footnote 1
    UNPARSED = "unparsed"


@dataclass(frozen=True, slots=True)
class DestinationRule:
    kind: DestinationKind
    column: str | None = None
    included: frozenset[str] = frozenset()  # ISO2 codes and/or "group:D:5" markers
    excluded: frozenset[str] = frozenset()
    sections: tuple[str, ...] = ()
    text: str = ""
    named: frozenset[str] = frozenset()  # ISO2 codes named in words: included whatever the exclusions say


def _names_to_iso2(names_text: str, names: Mapping[str, str]) -> frozenset[str] | None:
    parts = [p.strip() for p in re.split(r",|\bor\b|\band\b", names_text) if p.strip()]
    codes = [PROSE_NAMES.get(p.lower()) or names.get(p.lower()) for p in parts]
    if not codes or any(c is None for c in codes):
        return None
    return frozenset(c for c in codes if c is not None)


def _groups(text: str) -> frozenset[str]:
    found = {g for g in _GROUP.findall(text) if g in GROUPS} | ({"B"} if _GROUP_B.search(text) else set())
    return frozenset(f"group:{g}" for g in found)


def parse_destinations(reason: str | None, chart_text: str, names: Mapping[str, str]) -> DestinationRule:
    """Parse the "Country Chart" cell. ``names`` maps lower-case chart country names to ISO2 codes."""
    text = chart_text.strip()
    sections = tuple(_SECTION.findall(text))
    column = _COLUMN.search(text)
    if column:
        return DestinationRule(DestinationKind.COLUMN, column=f"{column[1]}{column[2]}", sections=sections, text=text)
    bare = _BARE_COLUMN.match(text)
    if bare and reason:
        return DestinationRule(DestinationKind.COLUMN, column=f"{reason}{bare[1]}", sections=sections, text=text)
    lowered = text.lower()
    if "746.1" in text and "UN" in text:
        return DestinationRule(DestinationKind.UN_SANCTIONS, sections=sections, text=text)
    if re.search(r"all destinations, except canada", lowered):
        return DestinationRule(DestinationKind.ALL_EXCEPT, excluded=frozenset({"CA"}), sections=sections, text=text)
    if "worldwide" in lowered or re.search(r"for all destinations\b", lowered):
        if "except" not in lowered and "excluding" not in lowered:
            return DestinationRule(DestinationKind.WORLDWIDE, sections=sections, text=text)
    if "746.8" in text:
        return DestinationRule(DestinationKind.LISTED, included=frozenset({"RU", "BY"}), sections=sections, text=text)
    if "Country Group" in text and (lowered.startswith("to or within") or "a license is required" in lowered):
        head, _, tail = text.partition("excluding")
        # destinations named in words are included as such: "the United Arab Emirates or destinations specified in
        # Country Groups D:1, D:4, and D:5 …, excluding any destination also specified in A:5 or A:6" excludes
        # group members, not the UAE it names (which is in A:5)
        named = frozenset(code for name, code in _NAMED_IN_GROUP_ROWS.items() if name in head)
        included = _groups(head) | named
        if included:
            return DestinationRule(
                DestinationKind.LISTED,
                included=included,
                excluded=_groups(tail),
                sections=sections,
                text=text,
                named=named,
            )
    for regex in (_NAME_LIST, _TO_NAMED):
        match = regex.search(text)
        if match:
            codes = _names_to_iso2(match.group(1), names)
            if codes:
                return DestinationRule(DestinationKind.LISTED, included=codes, sections=sections, text=text)
    return DestinationRule(DestinationKind.UNPARSED, sections=sections, text=text)
