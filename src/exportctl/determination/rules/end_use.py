"""End-use controls of part 744 that turn on what the exporter knows about the use (744.2, 744.3, 744.4, 744.22,
744.23). The stated end use is free text, so a match here is a prompt, not a conclusion: each one asks for review
with the section to apply. No match never means "no end-use control": the exporter's knowledge decides.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from exportctl.determination.facts import Transaction
from exportctl.determination.findings import Effect, Finding
from exportctl.determination.parties import PartyScreening

RULE = "end_use"
_END_USES: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (
        re.compile(r"\bnuclear|enrichment|reprocessing|heavy water|centrifuge", re.IGNORECASE),
        "15 CFR 744.2",
        "nuclear end uses",
    ),
    (
        re.compile(r"\bmissile|rocket|unmanned aerial|\bUAVs?\b|\bdrones?\b", re.IGNORECASE),
        "15 CFR 744.3",
        "rocket systems, missiles and unmanned aerial vehicles",
    ),
    (
        re.compile(r"chemical weapon|biological weapon|nerve agent|\bCBW\b", re.IGNORECASE),
        "15 CFR 744.4",
        "chemical and biological weapons end uses",
    ),
    (
        re.compile(r"military[- ]intelligence|intelligence service", re.IGNORECASE),
        "15 CFR 744.22",
        "military-intelligence end uses and end users",
    ),
    (
        re.compile(
            r"supercomputer|advanced[- ]node|\b(?:1[46]|[357]) ?nm\b|wafer fab|semiconductor fab", re.IGNORECASE
        ),
        "15 CFR 744.23",
        "supercomputer and advanced-node semiconductor end uses",
    ),
)


def evaluate(tx: Transaction, screenings: Sequence[PartyScreening]) -> list[Finding]:
    if not tx.end_use:
        return []
    return [
        Finding(
            RULE,
            citation,
            f"stated end use {tx.end_use!r} mentions {title}: if the item is for such a use, {citation[7:]} may "
            "require a licence for all items subject to the EAR — review",
            Effect.NEEDS_REVIEW,
        )
        for pattern, citation, title in _END_USES
        if pattern.search(tx.end_use)
    ]
