"""CCL × Country Chart: General Prohibitions 1–3 (15 CFR 736.2(b)(1)–(3)) read through 15 CFR 738.4.

For each License Requirements row of the item's ECCN: does the row cover the item's paragraph, and does it reach
the destination (an X in the chart column, or the destinations its prose names)? Yes/yes is a licence requirement
citing the reason's part 742 section; anything the data cannot decide is a review finding. EAR99 items need no
licence under these prohibitions (NLR); an ECCN absent from the bundled CCL is never taken as "no licence".
"""

from __future__ import annotations

import re
from functools import lru_cache

from exportctl.determination.findings import Effect, Finding
from exportctl.regulations import (
    Applies,
    ChartRow,
    DestinationKind,
    Eccn,
    LicenseRequirementRow,
    Regulations,
)

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
    if members & rule.included and not members & rule.excluded:
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


@lru_cache(maxsize=65536)
def evaluate(regs: Regulations, item: Eccn, destination: str, foreign_produced: bool) -> tuple[Finding, ...]:
    """The CCL/Country Chart findings for ``item`` to ``destination`` (cached: same inputs, same findings)."""
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
    entry = regs.ccl.get(item.base)
    if entry is None:
        return (
            Finding(
                RULE,
                "15 CFR part 774, Supp. No. 1",
                f"ECCN {item.base} is not in bundled CCL data (596 entries, eCFR text of 2025): licence requirement "
                "undecided",
                Effect.NEEDS_REVIEW,
            ),
        )
    dest = regs.chart.get(destination)
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
    findings = [f for row in entry.rows for f in _row_findings(item, row, dest, regs, foreign_produced)]
    for mark in dest.footnotes:  # chart footnotes naming this ECCN (e.g. 10: firearms to Australia and the UK)
        text = regs.chart.footnotes.get(mark, "")
        if entry.eccn in text and not _PART_746_FOOTNOTE.search(text):
            findings.append(
                Finding(
                    RULE,
                    f"15 CFR part 738, Supp. No. 1, footnote {mark}",
                    f"Country Chart footnote {mark} for {dest.name} names {entry.eccn}: {text[:400]}",
                    Effect.NEEDS_REVIEW,
                )
            )
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
