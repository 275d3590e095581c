"""CCL × Country Chart: General Prohibitions 1–3 (15 CFR 736.2(b)(1)–(3)) read through 15 CFR 738.4.

For each License Requirements row of the item's ECCN: does the row cover the item's paragraph, and does it reach
the destination (an X in the chart column, or the destinations its prose names)? Yes/yes is a licence requirement
citing the reason's part 742 section; anything the data cannot decide is a review finding. EAR99 items need no
licence under these prohibitions (NLR); an ECCN absent from the bundled CCL is never taken as "no licence".
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from exportctl.determination.findings import Effect, Finding
from exportctl.regulations import (
    Applies,
    ChartRow,
    DestinationKind,
    Eccn,
    LicenseRequirementRow,
    ParagraphScope,
    Regulations,
    ScopeKind,
    changes,
)
from exportctl.regulations.scope import parse_scope

RULE = "ccl_country_chart"
REASON_SECTIONS = {
    "NS": "742.4", "MT": "742.5", "NP": "742.3", "CB": "742.2", "RS": "742.6", "FC": "742.17", "CC": "742.7",
    "CW": "742.18", "EI": "742.15", "SL": "742.13", "SI": "742.14", "UN": "746.1(b)", "SS": "part 754",
    "AT": "742.8, 742.9, 742.19",
}  # fmt: skip
# Rows whose chart cell is prose ("Worldwide control", "all destinations except Canada"): the licence requirement is
# decided, but the section it cites carries exclusions we do not hold.
_OUTSIDE_CHART = frozenset({DestinationKind.WORLDWIDE, DestinationKind.ALL_EXCEPT})
# Footnotes pointing to §§ 746.6/746.8 (covered regions of Ukraine, Russia/Belarus) belong to the embargo rule.
_PART_746_FOOTNOTE = re.compile(r"746\.[68]")
_NOTE_TRIGGERS = re.compile(r"(?<!no )license is required|not used for determining|country chart is not", re.IGNORECASE)


_FOOTNOTE_REQUIRES = re.compile(r"\blicense is (?:still )?required\b", re.IGNORECASE)
_FOOTNOTE_ECCN = re.compile(r"\b\d[A-E]\d{3}\b")


def footnote_scope(base: str, text: str) -> ParagraphScope:
    """What a licence-requiring chart footnote (7, 10) names of ``base``: the whole entry, the entry except
    paragraphs, a paragraph list, or (when it adds conditions such as a barrel length) a scope a person must read."""
    text = re.split(r"\s+for [A-Z]{2} column \d\b", text, flags=re.IGNORECASE)[0]
    starts = [m for m in _FOOTNOTE_ECCN.finditer(text) if m.group() == base]
    if not starts:
        return ParagraphScope(ScopeKind.UNPARSED, (), False, text)
    start = starts[0].start()
    following = [m.start() for m in _FOOTNOTE_ECCN.finditer(text, starts[0].end()) if m.group() != base]
    # the segment ends at the comma (or "and") before the next ECCN that is not this one
    end = len(text)
    for nxt in following:
        cut = max(text.rfind(",", start, nxt), text.rfind(" and ", start, nxt))
        if cut > start:
            end = cut
            break
    segment = text[start:end].strip(" .,;").replace("(except for ", "(except ")
    if segment == base:
        return ParagraphScope(ScopeKind.ENTIRE, (), False, segment)
    excepted = re.fullmatch(rf"{base} \(except ({base}\.[a-z](?:\.\w+)*)\)", segment)
    if excepted:
        return ParagraphScope(ScopeKind.ENTIRE_EXCEPT, (tuple(excepted.group(1).split(".")[1:]),), False, segment)
    if segment.startswith(f"{base}."):
        scope = parse_scope(base, segment)
        if scope.kind is ScopeKind.PARAGRAPHS and not re.search(r"\bfor\b", segment):
            return scope
    return ParagraphScope(ScopeKind.UNPARSED, (), True, segment)


def _footnote_findings(item: Eccn, mark: str, text: str, dest: ChartRow) -> list[Finding]:
    citation = f"15 CFR part 738, Supp. No. 1, footnote {mark}"
    if not _FOOTNOTE_REQUIRES.search(text):
        return [
            Finding(
                RULE,
                citation,
                f"Country Chart footnote {mark} for {dest.name} names {item.base}: {text[:400]}",
                Effect.NEEDS_REVIEW,
            )
        ]
    scope = footnote_scope(item.base, text)
    covers = scope.applies_to(item)
    if covers is Applies.NO:
        return []
    if covers is Applies.YES:
        return [
            Finding(
                RULE,
                citation,
                f"{item}: licence required to {dest.name} by Country Chart footnote {mark} ({scope.text!r}), "
                "whatever the chart's columns show",
                Effect.LICENSE_REQUIRED,
                control_reason="footnote",
            )
        ]
    return [
        Finding(
            RULE,
            citation,
            f"{item}: Country Chart footnote {mark} requires a licence to {dest.name} for {scope.text!r}; whether "
            "this item is one of them depends on facts not given — review",
            Effect.NEEDS_REVIEW,
            control_reason="footnote",
        )
    ]


def _prohibitions(foreign_produced: bool) -> str:
    return "15 CFR 736.2(b)(2)-(3); 738.4" if foreign_produced else "15 CFR 736.2(b)(1); 738.4"


def _reaches(row: LicenseRequirementRow, dest: ChartRow, regs: Regulations) -> Applies:
    rule = row.destinations
    kind = rule.kind
    if kind is DestinationKind.COLUMN:
        return Applies.YES if rule.column in dest.columns else Applies.NO
    if kind is DestinationKind.WORLDWIDE:
        return Applies.YES
    if kind is DestinationKind.UN_SANCTIONS:
        return Applies.MAYBE if "1" in dest.footnotes else Applies.NO
    if kind is DestinationKind.UNPARSED:
        return Applies.MAYBE
    groups = regs.groups.groups_of(dest.iso2)
    members = {dest.iso2} | {f"group:{g}" for g in groups}
    if kind is DestinationKind.ALL_EXCEPT:
        return Applies.NO if members & rule.excluded else Applies.YES
    if dest.iso2 in rule.named or (members & rule.included and not members & rule.excluded):
        return Applies.YES
    return Applies.MAYBE if row.from_prose else Applies.NO


def _citation(row: LicenseRequirementRow, foreign_produced: bool) -> str:
    sections = [f"{s}" for s in row.destinations.sections]
    if not sections and row.reason in REASON_SECTIONS:
        sections = [REASON_SECTIONS[row.reason]]
    return "; ".join([_prohibitions(foreign_produced), *sections])


def _row_findings(item: Eccn, row: LicenseRequirementRow, dest: ChartRow, regs: Regulations, fp: bool) -> list[Finding]:
    covers = row.scope.applies_to(item)
    reaches = _reaches(row, dest, regs)
    if Applies.NO in (covers, reaches):
        return []
    label = row.reason or "control"
    where = row.destinations.column or row.chart_text
    if covers is Applies.YES and reaches is Applies.YES:
        required = Finding(
            RULE,
            _citation(row, fp),
            f"{item}: licence required for {label} reasons to {dest.name} ({where}; {row.control_text})",
            Effect.LICENSE_REQUIRED,
            control_reason=row.reason,
        )
        if row.destinations.kind not in _OUTSIDE_CHART:
            return [required]
        outside = Finding(
            RULE,
            _citation(row, fp),
            f"{item}: the {label} requirement is set outside the Country Chart ({row.chart_text!r}); its exclusions "
            "and exceptions are in the cited section, which is not in the bundled data — verify",
            Effect.NEEDS_REVIEW,
            control_reason=row.reason,
        )
        return [required, outside]
    doubt = []
    if covers is Applies.MAYBE:
        doubt.append(f"whether the row covers {item} (scope: {row.control_text!r})")
    if reaches is Applies.MAYBE:
        doubt.append(f"whether it reaches {dest.name} (chart cell: {row.chart_text!r})")
    return [
        Finding(
            RULE,
            _citation(row, fp),
            f"{item}: {label} licence requirement undecided from the data — check " + " and ".join(doubt),
            Effect.NEEDS_REVIEW,
            control_reason=row.reason,
        )
    ]


def _dated_destination(
    regs: Regulations, destination: str, pending: frozenset[str]
) -> tuple[ChartRow | None, list[Finding]]:
    """The chart row that spoke for ``destination`` on the date (dated changes applied), with notes saying so.

    None with a review finding when the row in force on the date is not bundled (Hong Kong before 2020-12-23).
    """
    notes: list[Finding] = []
    if destination == "HK":
        hk = changes.HK_AS_CHINA
        if hk.key in pending:
            return None, [
                Finding(
                    RULE,
                    f"15 CFR part 738, Supp. No. 1; {hk.citation}",
                    f"Hong Kong had its own Country Chart entry until {hk.effective.isoformat()}; that entry is not "
                    "bundled"
                    + (
                        f" ({changes.HK_SUSPENSION.summary}, {changes.HK_SUSPENSION.citation})"
                        if changes.HK_SUSPENSION.key not in pending
                        else ""
                    )
                    + ": licence requirement undecided",
                    Effect.NEEDS_REVIEW,
                )
            ]
        row = regs.chart.get("CN")
        if row is None:  # pragma: no cover - the bundled chart has China
            return None, []
        notes.append(
            Finding(
                RULE,
                f"15 CFR part 738, Supp. No. 1; {hk.citation}",
                f"Hong Kong: {hk.summary} (since {hk.effective.isoformat()})",
                Effect.INFO,
            )
        )
        return replace(row, iso2="HK", name="Hong Kong (Country Chart entry for China)"), notes
    row = regs.chart.get(destination)
    if row is not None and changes.AUKUS.key in pending:
        aukus = changes.AUKUS
        notes.append(
            Finding(
                RULE,
                f"15 CFR part 738, Supp. No. 1; {aukus.citation}",
                f"{row.name}: before {aukus.effective.isoformat()} the chart also had NS1, RS1 and MT1 for this "
                f"destination ({aukus.summary} by {aukus.citation}); applied for this date",
                Effect.INFO,
            )
        )
        row = replace(row, columns=row.columns | {"NS1", "RS1", "MT1"})
    return row, notes


@lru_cache(maxsize=65536)
def evaluate(
    regs: Regulations,
    item: Eccn,
    destination: str,
    foreign_produced: bool,
    pending: frozenset[str] = frozenset(),
) -> tuple[Finding, ...]:
    """The CCL/Country Chart findings for ``item`` to ``destination`` (cached: same inputs, same findings).

    ``pending`` holds the :mod:`~exportctl.regulations.changes` not yet in force on the date.
    """
    cite = _prohibitions(foreign_produced)
    if item.is_ear99:
        return (
            Finding(
                RULE,
                f"15 CFR 734.3(c); {cite}",
                "EAR99: not on the CCL, so no licence is required under General Prohibitions 1-3 (NLR); "
                "end-user, end-use and embargo rules still apply",
                Effect.NO_LICENSE_REQUIRED,
            ),
        )
    if item.is_family:
        return (
            Finding(
                RULE,
                "15 CFR 738.2(d)",
                f"{item} names a family of ECCNs, not one entry: classify the item to a specific ECCN",
                Effect.NEEDS_REVIEW,
            ),
        )
    created = changes.NEW_ECCNS.get(item.base)
    if created is not None and created.key in pending:
        return (
            Finding(
                RULE,
                f"15 CFR part 774, Supp. No. 1; {created.citation}",
                f"ECCN {item.base} did not exist before {created.effective.isoformat()} ({created.summary}): the item "
                "was classified under the CCL then in force, which is not bundled — licence requirement undecided",
                Effect.NEEDS_REVIEW,
            ),
        )
    ccl = regs.ccl if changes.CCL_2026.key in pending or regs.ccl_2026 is None else regs.ccl_2026
    entry = ccl.get(item.base)
    if entry is None:
        return (
            Finding(
                RULE,
                "15 CFR part 774, Supp. No. 1",
                f"ECCN {item.base} is not in the bundled CCL data that speaks for the date ({len(ccl)} entries, "
                f"{ccl.info.file}): licence requirement undecided",
                Effect.NEEDS_REVIEW,
            ),
        )
    if not entry.rows:
        return (
            Finding(
                RULE,
                f"15 CFR part 774, Supp. No. 1, ECCN {entry.eccn}",
                f"ECCN {entry.eccn}: the bundled CCL data ({ccl.info.file}) has no License Requirements rows for this "
                "entry (a cross-reference, a reserved entry or a table the source did not capture): licence "
                "requirement undecided — read the entry",
                Effect.NEEDS_REVIEW,
            ),
        )
    dest, dated = _dated_destination(regs, destination, pending)
    if dest is None and dated:
        return tuple(dated)
    if dest is None:
        return (
            Finding(
                RULE,
                "15 CFR part 738, Supp. No. 1",
                f"destination {destination} is not a row of the bundled Country Chart: licence requirement undecided",
                Effect.NEEDS_REVIEW,
            ),
        )
    if dest.see_part_746:
        return (Finding(RULE, "15 CFR 738.4; part 746", f"Country Chart for {dest.name}: {dest.note}", Effect.INFO),)
    findings = [*dated, *(f for row in entry.rows for f in _row_findings(item, row, dest, regs, foreign_produced))]
    for mark in dest.footnotes:  # chart footnotes naming this ECCN (e.g. 10: firearms to Australia and the UK)
        text = regs.chart.footnotes.get(mark, "")
        if entry.eccn in text and not _PART_746_FOOTNOTE.search(text):
            findings.extend(_footnote_findings(item, mark, text, dest))
    if entry.notes and _NOTE_TRIGGERS.search(entry.notes):
        findings.append(
            Finding(
                RULE,
                f"15 CFR part 774, Supp. No. 1, ECCN {entry.eccn}",
                f"{entry.eccn} License Requirement Notes may add requirements: {entry.notes[:400]}",
                Effect.NEEDS_REVIEW,
            )
        )
    if not any(f.effect in (Effect.LICENSE_REQUIRED, Effect.NEEDS_REVIEW) for f in findings):
        findings.append(
            Finding(
                RULE,
                cite,
                f"{item} (reasons: {entry.reasons_for_control or 'see entry'}): no reason for control reaches "
                f"{dest.name} in the Country Chart (NLR under General Prohibitions 1-3)",
                Effect.NO_LICENSE_REQUIRED,
            )
        )
    return tuple(findings)
