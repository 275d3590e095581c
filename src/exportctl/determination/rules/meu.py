"""Military end use / end users (15 CFR 744.21; the MEU List is Supp. No. 7 to part 744).

What the bundled data decides: that a party is a listed military end user on the date; that for Russia and Belarus
the requirement covers all items subject to the EAR except food and medicine designated EAR99 (744.21(a)); and that
EAR99 items elsewhere are outside the Supp. No. 2 item list. What it cannot decide — whether an ECCN is in Supp. No.
2 to part 744 (not bundled), or whether a stated end use is a "military end use" — goes to review.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from exportctl.determination.facts import Transaction
from exportctl.determination.findings import Effect, Finding
from exportctl.determination.parties import PartyScreening
from exportctl.determination.rules._listing import FuzzyHits, describe, hits_on
from exportctl.lists.model import ListCode

RULE = "military_end_user"
CITATION = "15 CFR 744.21; part 744, Supp. No. 2 and Supp. No. 7"
MEU_COUNTRIES = frozenset({"BY", "MM", "KH", "CN", "HK", "NI", "RU", "VE"})  # 744.21(a); HK as China (85 FR 83765)
_NEGATED = re.compile(r"\b(?:no|not|non|never|without|excluding|other than)\b", re.IGNORECASE)
_MILITARY = re.compile(r"\b(military|defen[cs]e|army|navy|air force|weapon|munition|missile|PLA)\b", re.IGNORECASE)


def _consequence(tx: Transaction, who: str) -> tuple[str, Effect]:
    if tx.destination in ("RU", "BY"):
        if tx.eccn.is_ear99:
            return (
                f"{who}: licence required for all items subject to the EAR except food and medicine designated "
                "EAR99 — whether this EAR99 item is food or medicine is not in the facts",
                Effect.LICENSE_REQUIRED,
            )
        return f"{who}: licence required for all items subject to the EAR (Russia/Belarus)", Effect.LICENSE_REQUIRED
    if tx.eccn.is_ear99:
        return f"{who}: EAR99 items are not in Supp. No. 2 to part 744, so no 744.21 licence", Effect.INFO
    return (
        f"{who}: licence required if ECCN {tx.eccn.base} is listed in Supp. No. 2 to part 744, which is not in "
        "the bundled data — check",
        Effect.NEEDS_REVIEW,
    )


def evaluate(tx: Transaction, screenings: Sequence[PartyScreening]) -> list[Finding]:
    findings: list[Finding] = []
    fuzzy = FuzzyHits(RULE, CITATION)
    for party, hit in hits_on(screenings, frozenset({ListCode.MEU}), tx.date):
        if not hit.certain:
            consequence = "a licence is required for items in Supp. No. 2 to part 744 (all items for Russia/Belarus)"
            fuzzy.add(party, hit, consequence)
            continue
        summary, effect = _consequence(tx, f"{party.label} is a listed military end user ({describe(hit)})")
        findings.append(Finding(RULE, CITATION, summary, effect, party=party.label, hit=hit))
    if (
        tx.end_use
        and tx.destination in ("RU", "BY")
        and _MILITARY.search(tx.end_use)
        and not _NEGATED.search(tx.end_use)
    ):
        findings.append(
            Finding(
                RULE,
                "15 CFR 744.21(a)",
                f"stated end use {tx.end_use!r} is a 'military end use' in Russia/Belarus: licence required for all "
                "items subject to the EAR (EAR99 included, except food and medicine designated EAR99); no licence "
                "exceptions other than those § 744.21 allows",
                Effect.LICENSE_REQUIRED,
                bars_license_exceptions=True,
            )
        )
    elif tx.end_use and tx.destination in MEU_COUNTRIES and _MILITARY.search(tx.end_use) and not tx.eccn.is_ear99:
        findings.append(
            Finding(
                RULE,
                "15 CFR 744.21(a), (f)",
                f"stated end use {tx.end_use!r} may be a 'military end use' in a § 744.21 country: a licence is "
                f"required if ECCN {tx.eccn.base} is in Supp. No. 2 to part 744 — review",
                Effect.NEEDS_REVIEW,
            )
        )
    findings.extend(fuzzy.findings())
    return findings
