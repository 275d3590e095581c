"""End-use controls of part 744 that turn on what the exporter knows about the use (744.2, 744.3, 744.4, 744.22,
744.23). A stated end use is what the exporter knows, so when it names a use these sections control, the licence
requirement applies to every item subject to the EAR, EAR99 included:

- 744.2(a): nuclear explosive activities, unsafeguarded nuclear activities (enrichment, reprocessing, heavy
  water…); safeguarded nuclear fuel-cycle activities only in a Country Group D:2 destination;
- 744.3(a): rocket systems (ballistic missiles, space launch vehicles, sounding rockets) anywhere; unmanned aerial
  vehicles when for delivering weapons of mass destruction, or in or by a Country Group D:4 destination;
- 744.4(a): chemical or biological weapons;
- 744.22(a): military-intelligence end uses or end users in the § 744.22 countries and Country Groups E:1/E:2.

Words that the text cannot settle (a nuclear power plant outside D:2, a drone outside D:4, a stated denial such as
"not for missiles", supercomputer and advanced-node fabs under 744.23) ask for review, never for "no licence".
No match never means "no end-use control": the exporter's knowledge decides.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from exportctl.determination.facts import Transaction
from exportctl.determination.findings import Effect, Finding
from exportctl.determination.parties import PartyScreening
from exportctl.regulations import Regulations

RULE = "end_use"
_NEGATED = re.compile(r"\b(?:no|not|non|never|without|excluding|other than)\b", re.IGNORECASE)
# 744.22(a): Belarus, Burma, Cambodia, China, Cuba, Iran, North Korea, Russia, Syria, Venezuela (and E:1/E:2).
MILITARY_INTELLIGENCE_COUNTRIES = frozenset({"BY", "MM", "KH", "CN", "HK", "CU", "IR", "KP", "RU", "SY", "VE"})


@dataclass(frozen=True, slots=True)
class _Control:
    """One end-use control: the words that make it certain, the words that only raise it, where it applies."""

    citation: str
    title: str
    certain: re.Pattern[str]  # the stated use is one this section controls wherever the item goes
    possible: re.Pattern[str] | None  # the stated use may be: certain only in ``groups`` (or ``countries``)
    groups: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()


_CONTROLS: tuple[_Control, ...] = (
    _Control(
        "15 CFR 744.2(a)",
        "nuclear explosive or unsafeguarded nuclear activities",
        re.compile(
            r"nuclear (?:explosive|weapon|bomb|device)|atomic (?:bomb|weapon)|unsafeguarded|(?:uranium |isotope )?"
            r"enrichment|reprocessing|heavy water|plutonium|gas centrifuge",
            re.IGNORECASE,
        ),
        re.compile(r"\bnuclear\b", re.IGNORECASE),
        groups=frozenset({"D:2"}),
    ),
    _Control(
        "15 CFR 744.3(a)",
        "rocket systems, missiles and unmanned aerial vehicles",
        re.compile(
            r"\bmissiles?\b|rocket system|ballistic|space launch vehicle|sounding rocket|\brockets?\b|"
            r"(?:UAVs?|drones?|unmanned aerial vehicles?)[^.]*(?:weapons? of mass destruction|WMD|chemical|biological|"
            r"nuclear)",
            re.IGNORECASE,
        ),
        re.compile(r"unmanned aerial|\bUAVs?\b|\bdrones?\b", re.IGNORECASE),
        groups=frozenset({"D:4"}),
    ),
    _Control(
        "15 CFR 744.4(a)",
        "chemical or biological weapons",
        re.compile(r"chemical weapons?|biological weapons?|\bCBW\b|bioweapons?|toxin weapons?", re.IGNORECASE),
        re.compile(r"nerve agents?|blister agents?|mustard gas|sarin|\bVX\b|anthrax|weaponi[sz]", re.IGNORECASE),
    ),
    _Control(
        "15 CFR 744.22(a)",
        "military-intelligence end uses and end users",
        re.compile(r"^\b$"),  # never certain everywhere: only in the listed countries
        re.compile(r"military[- ]intelligence|intelligence (?:service|agency|directorate)|\bGRU\b", re.IGNORECASE),
        groups=frozenset({"E:1", "E:2"}),
        countries=MILITARY_INTELLIGENCE_COUNTRIES,
    ),
    _Control(
        "15 CFR 744.23",
        "supercomputer and advanced-node semiconductor end uses",
        re.compile(r"^\b$"),
        re.compile(
            r"supercomputer|advanced[- ]node|\b(?:1[46]|[357]) ?nm\b|wafer fab|semiconductor fab", re.IGNORECASE
        ),
    ),
)


def _finding(tx: Transaction, control: _Control, effect: Effect, why: str) -> Finding:
    if effect is Effect.LICENSE_REQUIRED:
        summary = (
            f"stated end use {tx.end_use!r}: {control.title} — {control.citation[7:]} requires a licence for all "
            f"items subject to the EAR (EAR99 included){why}; no licence exceptions except as the section allows"
        )
    else:
        summary = (
            f"stated end use {tx.end_use!r} mentions {control.title}: {control.citation[7:]} requires a licence for "
            f"all items subject to the EAR if the item is for such a use{why} — review"
        )
    return Finding(RULE, control.citation, summary, effect, bars_license_exceptions=effect is Effect.LICENSE_REQUIRED)


def evaluate(tx: Transaction, screenings: Sequence[PartyScreening], regulations: Regulations) -> list[Finding]:
    if not tx.end_use:
        return []
    text = tx.end_use
    negated = bool(_NEGATED.search(text))
    groups = regulations.groups.groups_of(tx.destination)
    findings: list[Finding] = []
    for control in _CONTROLS:
        certain = bool(control.certain.search(text))
        possible = certain or bool(control.possible and control.possible.search(text))
        if not possible:
            continue
        in_scope_destination = bool(groups & control.groups) or tx.destination in control.countries
        if negated:
            findings.append(_finding(tx, control, Effect.NEEDS_REVIEW, " (the statement also negates: read it)"))
        elif certain:
            findings.append(_finding(tx, control, Effect.LICENSE_REQUIRED, ""))
        elif in_scope_destination:
            where = ", ".join(sorted(groups & control.groups)) or tx.destination
            findings.append(_finding(tx, control, Effect.LICENSE_REQUIRED, f" in this destination ({where})"))
        else:
            findings.append(_finding(tx, control, Effect.NEEDS_REVIEW, ""))
    return findings
