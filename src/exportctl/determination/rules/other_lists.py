"""Hits on lists outside the EAR licensing rules above (OFAC SDN and others, UN, State Department lists).

They do not settle the EAR question, but none may pass silently. For SDN entries designated under the programmes
the EAR ties to OFAC designations — SDGT (744.12), SDT (744.13), FTO (744.14), NPWMD (744.8) — a licence is
required for all items subject to the EAR; other hits go to review. The FCC Covered List and CMIC list govern
equipment authorisation and investment, not exports: they are reported for information.
"""

from __future__ import annotations

from collections.abc import Sequence

from exportctl.determination.facts import Transaction
from exportctl.determination.findings import Effect, Finding
from exportctl.determination.parties import PartyScreening
from exportctl.determination.rules._listing import FuzzyHits, describe, hits_on
from exportctl.lists.model import ListCode

RULE = "other_lists"
_EAR_PROGRAMS = {"SDGT": "744.12", "SDT": "744.13", "FTO": "744.14", "NPWMD": "744.8"}
_INFO_ONLY = frozenset({ListCode.FCC, ListCode.CMIC})
_HANDLED = frozenset({ListCode.ENTITY_LIST, ListCode.DPL, ListCode.MEU, ListCode.UVL})
_CODES = frozenset(ListCode) - _HANDLED


def evaluate(tx: Transaction, screenings: Sequence[PartyScreening]) -> list[Finding]:
    findings: list[Finding] = []
    fuzzy = FuzzyHits(RULE, "15 CFR 744.8, 744.12-744.14; OFAC 31 CFR ch. V")
    for party, hit in hits_on(screenings, _CODES, tx.date):
        entry = hit.entry
        label = f"{entry.list.value} list"
        programs = [p.strip("[] ") for p in entry.programs]
        sections = sorted({_EAR_PROGRAMS[p] for p in programs if p in _EAR_PROGRAMS})
        if entry.list in _INFO_ONLY:
            effect, citation = Effect.INFO, label
            summary = f"{party.label} matches {describe(hit)} on the {label}: not an export licence requirement"
        elif sections and hit.certain:
            effect, citation = Effect.LICENSE_REQUIRED, "15 CFR " + "; ".join(sections)
            summary = (
                f"{party.label} is an OFAC-designated person ({', '.join(programs)}; {describe(hit)}): a "
                "licence is required for all items subject to the EAR"
            )
        else:
            effect, citation = Effect.NEEDS_REVIEW, f"{label}; 15 CFR 744.8, 744.12-744.14; OFAC 31 CFR ch. V"
            summary = (
                f"{party.label} matches {describe(hit)} on the {label} (programmes: "
                f"{', '.join(programs) or 'none recorded'}): sanctions outside this determination may apply"
            )
        if not hit.certain and effect is not Effect.INFO:
            programmes = ", ".join(programs) or "none recorded"
            consequence = f"sanctions of the {label} (programmes: {programmes}) may apply"
            fuzzy.add(party, hit, consequence)
        else:
            findings.append(Finding(RULE, citation, summary, effect, party=party.label, hit=hit))
    findings.extend(fuzzy.findings())
    return findings
