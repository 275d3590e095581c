"""The Union General Export Authorisations (Annex II of Regulation (EU) 2021/821, EU001-EU008), parsed from their
verbatim text: which Annex I items each covers (Part 1), to which destinations (Part 2), and the conditions of use
(Part 3: registration, notification of first use, customs declaration, reporting…).

Item scopes are read from the codes the text names; whole-section exclusions ("Section I of this Annex", "Sections
D and E") become flags. Destination names are mapped to ISO 3166 alpha-2 codes; a name that does not map is a parse
error (a test holds the bundled text to that), except "French overseas territories", which names no single country
and is kept as written. Where the text qualifies an item ("only …", "where …") the GEA is reported with that
qualification as a condition to check, never as settled.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from exportctl.lists.countries import to_iso2
from exportctl.regulations.eu.codes import EuCode, parse_eu_code

_CODE = re.compile(r"(?<![\w.])(\d[A-E]\d{3})((?:\.[a-z0-9]{1,3}(?!\w))*)")
_PARTS = re.compile(
    r"Part 1\s*[—–-]\s*Items(?P<items>.*?)Part 2\s*[—–-]\s*Destinations(?P<dest>.*?)Part 3\s*[—–-]\s*Conditions"
    r"(?P<conditions>.*)$",
    re.DOTALL,
)
_EXCEPT = re.compile(r"\bexcept\b|Items excluded", re.IGNORECASE)
_TITLE = re.compile(r"^(EU\d{3}) — ([A-H])\. (.*)$")
UNMAPPED_DESTINATIONS = frozenset({"French overseas territories"})
_NAMES = {"Myanmar/Burma": "MM", "Congo": "CG", "Democratic Republic of the Congo": "CD", "Macao": "MO"}


class GeaFormatError(ValueError):
    """A GEA text does not have the layout this parser reads."""


@dataclass(frozen=True, slots=True)
class Condition:
    """One condition of use, with the point of Part 3 that states it."""

    kind: str  # registration, notification, customs, reporting, icp, circumstance, end_use, re_export, destination
    text: str
    point: str  # "Part 3, point 3"


@dataclass(frozen=True, slots=True)
class Gea:
    code: str  # EU001
    section: str  # A
    title: str
    covers_all: bool  # "all dual-use items specified in any entry in Annex I" (or all technology and software)
    software_technology_only: bool  # EU007: only Sections D and E
    covered: tuple[EuCode, ...]  # named items (when not covers_all)
    qualified: frozenset[str]  # covered codes the text limits ("only …", "where …")
    excluded: tuple[EuCode, ...]
    excludes_section_i: bool
    excluded_groups: frozenset[str]  # product groups excluded whole ("D", "E")
    related_exclusions: tuple[EuCode, ...]  # EU007: software and technology "related to items under" these
    destinations: frozenset[str]  # ISO2 (for all_destinations: the destinations excluded)
    all_destinations: bool  # EU008: "all destinations, excluding …"
    unmapped_destinations: tuple[str, ...]
    conditions: tuple[Condition, ...]
    verbatim_text: str
    citation: str = ""  # "Regulation (EU) 2021/821, Art. 12(1)(d) and Annex II Section A (EU001)"

    def destination_in_scope(self, iso2: str) -> bool:
        return (iso2 not in self.destinations) if self.all_destinations else (iso2 in self.destinations)


@dataclass(frozen=True, slots=True)
class CommonExclusions:
    """Annex II Section I: items no GEA (that refers to it) covers."""

    annex_iv: bool  # "all items specified in Annex IV" (the bundled data lacks Annex IV)
    codes: tuple[EuCode, ...]
    partial: frozenset[str]  # codes excluded only "in so far as …"
    text: str


def codes_in(text: str) -> list[EuCode]:
    """Every Annex I code named in ``text``, in order (``1C003.b.`` → 1C003.b)."""
    return [parse_eu_code(m.group(1) + m.group(2).rstrip(".")) for m in _CODE.finditer(text)]


def _named(text: str) -> list[EuCode]:
    """The codes an item list names, without the back-references ("an item specified in 5A002.a. as above")."""
    return [
        parse_eu_code(m.group(1) + m.group(2).rstrip("."))
        for m in _CODE.finditer(text)
        if not re.match(r"\.?\s+as (?:above|below)\b", text[m.end() : m.end() + 12])
    ]


def _strip_parentheses(text: str) -> str:
    out: list[str] = []
    depth = 0
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(ch)
    return "".join(out)


def parse_destination_names(text: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """A comma-separated list of countries → (ISO2 codes, names kept as written)."""
    text = text.replace("China (including Hong Kong and Macao)", "China, Hong Kong, Macao")
    text = text.replace("Switzerland, including Liechtenstein", "Switzerland, Liechtenstein")
    text = _strip_parentheses(text)
    codes: set[str] = set()
    kept: list[str] = []
    for raw in text.split(","):
        name = " ".join(raw.split()).strip(" .;:")
        if not name:
            continue
        if name in UNMAPPED_DESTINATIONS:
            kept.append(name)
            continue
        code = _NAMES.get(name) or to_iso2(name)
        if code is None:
            raise GeaFormatError(f"destination {name!r} does not map to an ISO 3166 code")
        codes.add(code)
    return frozenset(codes), tuple(kept)


_CONDITION_PATTERNS: tuple[tuple[str, re.Pattern[str], str], ...] = (
    (
        "registration",
        re.compile(r"shall register prior to the first use"),
        "register with the competent authority "
        "of the Member State where the exporter is resident or established before the first use",
    ),
    (
        "registration",
        re.compile(r"may require exporters .{0,80}to register prior to the first use"),
        "register before the first use where the Member State requires it",
    ),
    (
        "notification",
        re.compile(r"notify .{0,200}first use of this authorisation within 30 days"),
        "notify the competent authority of the first use within 30 days after the first export (or before it, where "
        "the Member State requires)",
    ),
    (
        "notification",
        re.compile(r"first use of this authorisation no later than 30 days prior"),
        "notify the first use no later than 30 days before the first export",
    ),
    (
        "notification",
        re.compile(r"notify the first use .{0,200}no later than 10 days before"),
        "notify the first use no later than 10 days before the first export",
    ),
    (
        "customs",
        re.compile(r"declare that the items are being exported under Union general export authorisation"),
        "declare the GEA in the customs declaration",
    ),
    ("reporting", re.compile(r"shall report .{0,200}at least once per year"), "report on its use at least once a year"),
    (
        "reporting",
        re.compile(r"at the request of the competent authority .{0,120}report on the use"),
        "report on its use when the competent authority asks (at least yearly on request)",
    ),
    (
        "reporting",
        re.compile(r"Reporting requirements attached to the use of this authorisation"),
        "reporting as the Member State of export defines it",
    ),
    ("icp", re.compile(r"Internal Compliance Programme"), "implement an Internal Compliance Programme"),
    (
        "circumstance",
        re.compile(r"only be used when the initial export has taken place"),
        "only for export after maintenance, repair or replacement, to the original end-user, of items first exported "
        "under an authorisation",
    ),
    (
        "circumstance",
        re.compile(r"temporary export for an exhibition or fair"),
        "only temporary export for an exhibition or fair, re-imported complete and unmodified within 120 days",
    ),
    (
        "circumstance",
        re.compile(r"to a company wholly owned and controlled by the exporter"),
        "only to a wholly owned subsidiary or sister company, for its commercial product development",
    ),
    (
        "circumstance",
        re.compile(r"only if the items meet all of the following conditions"),
        "only items using published or commercial cryptographic standards, not government standards, whose "
        "cryptographic functionality the user cannot easily change",
    ),
    (
        "end_use",
        re.compile(r"does not authorise the export of (?:items|software and technology) where"),
        "not usable where the exporter is informed or aware of a WMD use, a military end use in an arms-embargoed "
        "country or another use the point names",
    ),
    (
        "re_export",
        re.compile(r"will be re-exported to any destination other than"),
        "not usable where the exporter knows of a re-export outside the destinations the GEA allows",
    ),
)


def _conditions(text: str) -> tuple[Condition, ...]:
    points = re.split(r"(?:^|\n)(\d{1,2})\.\s", "\n" + text)
    numbered: list[tuple[str, str]] = []
    current = "1"
    for piece in points:
        if re.fullmatch(r"\d{1,2}", piece):
            current = piece
        elif piece.strip():
            numbered.append((current, piece))
    found: list[Condition] = []
    for kind, pattern, summary in _CONDITION_PATTERNS:
        for point, body in numbered:
            if pattern.search(body):
                found.append(Condition(kind, summary, f"Part 3, point {point}"))
                break
    return tuple(found)


def _item_scope(code: str, text: str) -> tuple[list[EuCode], set[str], list[EuCode], list[EuCode]]:
    """(covered, qualified, excluded, related_exclusions) named in Part 1 (and, for EU003, the items excluded)."""
    split = _EXCEPT.search(text)
    head, tail = (text[: split.start()], text[split.start() :]) if split else (text, "")
    covered = list(dict.fromkeys(_named(head)))
    related: list[EuCode] = []
    if code == "EU006":
        covered = _numbered_chemicals(head)
    qualified: set[str] = set()
    for m in _CODE.finditer(head):
        after = head[m.end() : m.end() + 12]
        if re.match(r"\.?,?\s*(?:only|where)\b", after):
            qualified.add(str(parse_eu_code(m.group(1) + m.group(2).rstrip("."))))
    if code == "EU005":  # (ii) 5B001 and 5D001 "where …"; (b) 5E001.a "where required for …"
        qualified |= {"5B001", "5D001", "5E001.a"}
    related_match = re.search(r"related to items under (.*?)(?:\.\s|$)", tail)
    if related_match:
        related = codes_in(related_match.group(1))
        tail = tail[: related_match.start()]
    return covered, qualified, codes_in(tail), related


def _numbered_chemicals(text: str) -> list[EuCode]:
    """EU006 names chemicals by their number under 1C350, 1C450.a and 1C450.b (``1C350: 1. Thiodiglycol…``)."""
    result: list[EuCode] = []
    heads = list(re.finditer(r"(1C350|1C450\.a|1C450\.b)\.?:", text))
    for i, head in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        base = parse_eu_code(head.group(1))
        for number in re.findall(r"(?:^|\n|;\s|\.\s)(\d{1,2})\.\s", text[head.end() : end]):
            result.append(EuCode(base.base, (*base.paragraphs, number)))
    return result


def parse_gea(record: Mapping[str, object]) -> Gea:
    code = str(record["id"])
    title = str(record["title"])
    text = str(record["verbatim_text"])
    title_match = _TITLE.match(title)
    parts = _PARTS.search(text)
    if title_match is None or parts is None or title_match.group(1) != code:
        raise GeaFormatError(f"GEA {code}: title or Part 1/2/3 layout not found")
    items, dest_text = parts["items"], parts["dest"]
    covers_all = bool(re.search(r"covers all (?:dual-use items specified in any entry|technology and software)", items))
    covered, qualified, excluded, related = _item_scope(code, items)
    groups = set()
    if re.search(r"Sections D and E of each Category", items):
        groups |= {"D", "E"}
    if re.search(r"Section D of each Category", items):
        groups.add("D")
    if re.search(r"Section E of each category", items, re.IGNORECASE):
        groups.add("E")
    all_destinations = "exports to all destinations, excluding" in dest_text
    if all_destinations:
        listed = re.search(r"\(b\)\s*(.*?);\s*\(c\)", dest_text, re.DOTALL)
        if listed is None:
            raise GeaFormatError(f"GEA {code}: excluded destinations (b) not found")
        destinations, kept = parse_destination_names(listed.group(1))
    else:
        listed = re.search(r"to the following destinations:\s*(.*)$", dest_text, re.DOTALL)
        if listed is None:
            raise GeaFormatError(f"GEA {code}: destinations not found")
        destinations, kept = parse_destination_names(listed.group(1))
    return Gea(
        code=code,
        section=title_match.group(2),
        title=title_match.group(3).strip(),
        covers_all=covers_all,
        software_technology_only=bool(re.search(r"covers all technology and software", items)),
        covered=tuple(covered),
        qualified=frozenset(qualified),
        excluded=tuple(excluded),
        excludes_section_i=bool(re.search(r"Section I of this Annex", items)),
        excluded_groups=frozenset(groups),
        related_exclusions=tuple(related),
        destinations=destinations,
        all_destinations=all_destinations,
        unmapped_destinations=kept,
        conditions=_conditions(parts["conditions"] + ("\n" + items if code == "EU008" else "")),
        verbatim_text=text,
        citation=f"Regulation (EU) 2021/821, Art. 12(1)(d) and Annex II Section {title_match.group(2)} ({code})",
    )


def parse_geas(records: Iterable[Mapping[str, object]]) -> tuple[Gea, ...]:
    geas = tuple(parse_gea(r) for r in records)
    by_code = {g.code: g for g in geas}
    eu008 = by_code.get("EU008")
    if eu008 is not None and "EU001" in by_code:  # EU008 Part 2(a): the EU001 destinations are excluded too
        geas = tuple(
            _with_destinations(g, g.destinations | by_code["EU001"].destinations) if g.code == "EU008" else g
            for g in geas
        )
    return geas


def _with_destinations(gea: Gea, destinations: frozenset[str]) -> Gea:
    return replace(gea, destinations=destinations)


def parse_common_exclusions(text: str) -> CommonExclusions:
    codes: list[EuCode] = []
    partial: set[str] = set()
    for line in text.split("\n"):
        stripped = line.strip().lstrip("—").strip()
        m = _CODE.match(stripped)
        if not m:
            continue
        code = parse_eu_code(m.group(1) + m.group(2).rstrip("."))
        codes.append(code)
        if "in so far as" in stripped or "other than those specified in Annex IV" in stripped:
            partial.add(str(code))
    return CommonExclusions("all items specified in Annex IV" in text, tuple(codes), frozenset(partial), text)
