"""Embargoes and other special controls of part 746: Cuba, Iran, North Korea, Syria, Russia and Belarus, and the
covered regions of Ukraine (Crimea, so-called DNR and LNR).

Part 746 text itself is not bundled. What we state here is the scope sentence each section opens with, as the
Country Chart's own notes and footnotes quote it (footnotes 6, 8, 9; the colspan notes for the four embargoed
destinations). Where a carve-out depends on facts we do not have (food and medicine designated EAR99, HTS-listed
EAR99 items for Russia/Belarus) the finding says so and asks for review.
"""

from __future__ import annotations

from functools import lru_cache

from exportctl.determination.findings import Effect, Finding
from exportctl.regulations import Eccn, Regulations, changes

RULE = "embargo"

_ALL_ITEMS = {
    "CU": ("15 CFR 746.2(a)", "Cuba: a licence is required to export or reexport all items subject to the EAR"),
    "KP": (
        "15 CFR 746.4(a)",
        "North Korea: a licence is required to export or reexport all items subject to the EAR, except food and "
        "medicines classified EAR99",
    ),
}
_IRAN = (
    "15 CFR 746.7; 31 CFR part 560",
    "Iran: a licence is required under § 746.7 for items on the CCL, and exports of any item subject to the EAR "
    "also need authorisation from OFAC under the Iranian Transactions and Sanctions Regulations",
)
_SYRIA = (
    "15 CFR 746.9",
    "Syria: the Country Chart sends to § 746.9 to decide whether a licence is required; that section (amended in "
    "2025) is not in the bundled data — decide from its text",
)
_RUSSIA_BELARUS = "15 CFR 746.8(a)"
_REGION = "15 CFR 746.6(a)"
_CARVE_OUT_EAR99 = "whether the EAR99 item is food or medicine (carved out of this requirement) is not in the facts"


def _russia_belarus(item: Eccn, name: str, destination: str, pending: frozenset[str]) -> tuple[Finding, ...]:
    start = changes.BELARUS_SANCTIONS if destination == "BY" else changes.RUSSIA_SANCTIONS
    if start.key in pending:
        return ()  # § 746.8 did not yet apply to this destination (the date-coverage note asks for review)
    if item.is_ear99:
        return (
            Finding(
                RULE,
                _RUSSIA_BELARUS,
                f"{name}: EAR99 items need a licence under § 746.8 when listed by HTS code in the supplements to "
                "part 746; those supplements are not bundled — check the item's HTS code",
                Effect.NEEDS_REVIEW,
            ),
        )
    extended = changes.ALL_CCL_RU_BY
    if extended.key in pending and (item.category is None or item.category < 3):
        return (
            Finding(
                RULE,
                f"{_RUSSIA_BELARUS}(1); {start.citation}",
                f"{name}: on this date § 746.8(a)(1) covered CCL Categories 3-9 only ({extended.summary} from "
                f"{extended.effective.isoformat()}, {extended.citation}); Category {item.category} items depended on "
                "the other paragraphs of § 746.8 then in force, which are not bundled — review",
                Effect.NEEDS_REVIEW,
            ),
        )
    return (
        Finding(
            RULE,
            f"{_RUSSIA_BELARUS}(1); {start.citation if extended.key in pending else extended.citation}",
            f"{name}: a licence is required for all items on the CCL (any ECCN), per Country Chart footnote 6",
            Effect.LICENSE_REQUIRED,
        ),
    )


def _region(item: Eccn, region: str, regs: Regulations, pending: frozenset[str]) -> tuple[Finding, ...]:
    start = changes.CRIMEA if "Crimea" in region else changes.RUSSIA_SANCTIONS
    if start.key in pending and item.is_ear99:
        return ()  # before § 746.6 reached the region, an EAR99 item needed no licence under the chart (734.3(c))
    if start.key in pending:
        return (
            Finding(
                RULE,
                f"{_REGION}; {start.citation}",
                f"{region}: the § 746.6 requirement for this region took effect {start.effective.isoformat()} "
                f"({start.citation}); before it the region followed Ukraine's Country Chart entry of the day, which is "
                "not bundled — licence requirement undecided",
                Effect.NEEDS_REVIEW,
            ),
        )
    footnote = regs.chart.footnotes.get("9", "")
    findings = [
        Finding(
            RULE,
            _REGION,
            f"{region}: a licence is required for all items subject to the EAR other than food and medicine "
            "designated EAR99 and certain EAR99 or 5D992.c software for internet-based communications "
            f"(Country Chart footnote 9: {footnote[:120]}…)",
            Effect.LICENSE_REQUIRED,
        )
    ]
    if item.is_ear99:
        carve_out = f"{_CARVE_OUT_EAR99}, nor whether it is software for internet-based communications"
        findings.append(Finding(RULE, _REGION, f"{region}: {carve_out}", Effect.NEEDS_REVIEW))
    elif item.base == "5D992":
        carve_out = "whether this is the 5D992.c internet-communications software carved out is not in the facts"
        findings.append(Finding(RULE, _REGION, f"{region}: {carve_out}", Effect.NEEDS_REVIEW))
    return tuple(findings)


@lru_cache(maxsize=4096)
def evaluate(
    regs: Regulations, item: Eccn, destination: str, region: str | None, pending: frozenset[str] = frozenset()
) -> tuple[Finding, ...]:
    """Part 746 findings for the destination (empty when none of these programmes covers it); ``pending`` holds
    the dated changes (:mod:`exportctl.regulations.changes`) not yet in force on the date."""
    if region is not None:
        return _region(item, region, regs, pending)
    if destination in _ALL_ITEMS:
        citation, summary = _ALL_ITEMS[destination]
        findings = [Finding(RULE, citation, summary, Effect.LICENSE_REQUIRED)]
        if destination == "KP" and item.is_ear99:
            findings.append(Finding(RULE, citation, f"North Korea: {_CARVE_OUT_EAR99}", Effect.NEEDS_REVIEW))
        return tuple(findings)
    if destination == "IR":
        return (Finding(RULE, _IRAN[0], _IRAN[1], Effect.LICENSE_REQUIRED),)
    if destination == "SY":
        return (Finding(RULE, _SYRIA[0], _SYRIA[1], Effect.NEEDS_REVIEW),)
    if destination in ("RU", "BY"):
        return _russia_belarus(item, regs.country_name(destination) or destination, destination, pending)
    return ()
