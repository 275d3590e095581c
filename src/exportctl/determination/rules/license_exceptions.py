"""Licence exceptions (15 CFR part 740): decide only what the bundled data decides; list the rest as not evaluated.

The 2026 CCL index carries each ECCN's "List Based License Exceptions" flags (``GBS: Yes``, ``LVS: $5000``,
``TSR: N/A``, and the newer ACM/AIA/HBM/LPP/IEC where the entry names them); the 2025 file does not, and then an
ECCN's own eligibility is never known. A flag "N/A" closes the exception; "Yes" for GBS with an NS-only
requirement to a Country Group B destination makes it available; anything else (values, paragraph exceptions)
is listed as not evaluated with the entry's words. Also known: the Country Groups, the reasons that made a
licence necessary, the product group and category, and whether a party-list or embargo rule bars exceptions. GBS
(740.4) needs a licence requirement for NS reasons only and a Country Group B destination.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from exportctl.determination.facts import Transaction
from exportctl.determination.findings import Effect, ExceptionStatus, Finding, LicenseExceptionResult
from exportctl.determination.rules import ccl_chart
from exportctl.regulations import CommerceControlList, Regulations

EXCEPTIONS: tuple[tuple[str, str, str], ...] = (
    ("LVS", "15 CFR 740.3", "shipments of limited value"),
    ("GBS", "15 CFR 740.4", "shipments to Country Group B"),
    ("TSR", "15 CFR 740.6", "technology and software under restriction"),
    ("APP", "15 CFR 740.7", "computers"),
    ("TMP", "15 CFR 740.9", "temporary imports, exports, reexports and transfers"),
    ("RPL", "15 CFR 740.10", "servicing and replacement of parts and equipment"),
    ("GOV", "15 CFR 740.11", "governments, international organisations and others"),
    ("GFT", "15 CFR 740.12", "gift parcels and humanitarian donations"),
    ("TSU", "15 CFR 740.13", "technology and software unrestricted"),
    ("BAG", "15 CFR 740.14", "baggage"),
    ("AVS", "15 CFR 740.15", "aircraft, vessels and spacecraft"),
    ("APR", "15 CFR 740.16", "additional permissive reexports"),
    ("ENC", "15 CFR 740.17", "encryption commodities, software and technology"),
    ("AGR", "15 CFR 740.18", "agricultural commodities"),
    ("CCD", "15 CFR 740.19", "consumer communications devices"),
    ("STA", "15 CFR 740.20", "strategic trade authorisation"),
)
_EMBARGO_SECTIONS = {"CU": "746.2", "IR": "746.7", "KP": "746.4", "SY": "746.9", "RU": "746.8", "BY": "746.8"}
_ENC_ECCNS = frozenset({"5A002", "5A004", "5B002", "5D002", "5E002", "5A992", "5D992", "5E992"})


def _chart_reasons(findings: Sequence[Finding], effect: Effect) -> frozenset[str]:
    """Reason codes of the CCL/Country Chart findings with ``effect`` (e.g. {"NS"})."""
    return frozenset(f.control_reason or "other" for f in findings if f.rule == ccl_chart.RULE and f.effect is effect)


@dataclass(frozen=True, slots=True)
class _Facts:
    """What the exception verdicts depend on; hashable, so verdicts are computed once per distinct set."""

    software_or_technology: bool  # product group D or E
    encryption_item: bool  # Category 5 Part 2 (and the mass-market 5x992 entries)
    groups: frozenset[str]
    reasons: frozenset[str]
    undecided: frozenset[str]
    only_chart: bool
    flags: tuple[tuple[str, str], ...] = ()  # the ECCN's List Based License Exceptions, when the CCL data has them


def _flagged(code: str, tx: _Facts) -> tuple[ExceptionStatus, str] | None:
    """The ECCN's own flag for a list-based exception (LVS, GBS, TSR): "N/A" closes it; anything else leaves it to
    conditions (value, paragraphs, assurances) the facts do not hold."""
    flags = dict(tx.flags)
    if code not in flags:
        return None
    text = flags[code].strip()
    if text.upper().startswith("N/A"):
        return ExceptionStatus.NOT_AVAILABLE, f"the ECCN's List Based License Exceptions say {code}: {text}"
    return None


def _decide(code: str, tx: _Facts) -> tuple[ExceptionStatus, str]:
    groups, reasons, undecided, only_chart = tx.groups, tx.reasons, tx.undecided, tx.only_chart
    none_ = ExceptionStatus.NOT_AVAILABLE
    if code in ("LVS", "GBS", "TSR") and "B" not in groups:
        return none_, f"{code} is for destinations in Country Group B; the destination is not in it"
    if code == "GBS":
        if not only_chart or not reasons:
            return none_, "GBS overcomes only Country Chart licence requirements for national security (NS) reasons"
        if reasons != {"NS"}:
            return (
                none_,
                f"GBS needs a licence requirement for NS reasons only; this item needs one for {sorted(reasons)}",
            )
        if undecided - {"NS"}:
            return ExceptionStatus.NOT_EVALUATED, f"depends on undecided requirements for {sorted(undecided)}"
        flag = dict(tx.flags).get("GBS", "").strip()
        if flag.upper().startswith("N/A"):
            return none_, f"the ECCN's List Based License Exceptions say GBS: {flag}"
        if flag == "Yes":
            return ExceptionStatus.AVAILABLE, (
                "NS-only licence requirement, Country Group B destination, and the ECCN says 'GBS: Yes' — subject to "
                "the general restrictions of § 740.2"
            )
        if flag:
            return ExceptionStatus.NOT_EVALUATED, f"the ECCN says 'GBS: {flag}' — check the item against it"
        return ExceptionStatus.NOT_EVALUATED, (
            "NS-only licence requirement and a Country Group B destination: GBS applies if the ECCN says 'GBS: Yes' "
            "(List Based License Exceptions are not in the bundled CCL data)"
        )
    if code == "TSR" and not tx.software_or_technology:
        return none_, "TSR covers software and technology only (product groups D and E)"
    flagged = _flagged(code, tx) if code in ("LVS", "TSR") else None
    if flagged is not None:
        return flagged
    if code in ("LVS", "TSR") and code in dict(tx.flags):
        return ExceptionStatus.NOT_EVALUATED, f"the ECCN says '{code}: {dict(tx.flags)[code]}' — check the shipment"
    if code == "ENC" and not tx.encryption_item:
        return none_, "ENC covers Category 5 Part 2 (information security) items only"
    if code == "STA" and not groups & {"A:5", "A:6"}:
        return none_, "STA is for destinations in Country Group A:5 or A:6; the destination is in neither"
    return ExceptionStatus.NOT_EVALUATED, "eligibility depends on facts or ECCN paragraphs not in the bundled data"


@lru_cache(maxsize=4096)
def _barred(rule: str, citation: str, party: str) -> tuple[LicenseExceptionResult, ...]:
    reason = f"barred by {rule} ({citation})" + (f": {party}" if party else "")
    return tuple(
        LicenseExceptionResult(code, ExceptionStatus.NOT_AVAILABLE, cite, reason) for code, cite, _ in EXCEPTIONS
    )


_SECTION = re.compile(r"§\s*(740\.\d+)")


def _named_by_entry(facts: _Facts, embargo: str | None) -> list[LicenseExceptionResult]:
    """Exceptions the ECCN's entry names beyond the classic ones (the 2024-2025 advanced-computing and equipment
    exceptions: ACM, AIA, HBM, LPP, IEC, NAC…), with the entry's own words; not evaluated (their conditions are
    not in the facts), never offered where an embargo section limits the exceptions."""
    known = {code for code, _, _ in EXCEPTIONS}
    results = []
    for code, text in facts.flags:
        if code in known:
            continue
        section = _SECTION.search(text)
        citation = f"15 CFR {section.group(1)}" if section else "15 CFR part 740 (section not named in the CCL data)"
        if text.strip().upper().startswith("N/A"):
            status, reason = ExceptionStatus.NOT_AVAILABLE, f"the ECCN says {code}: {text}"
        elif embargo:
            status = ExceptionStatus.NOT_EVALUATED
            reason = f"only the licence exceptions listed in § {embargo} may be used for this destination — check"
        else:
            status, reason = ExceptionStatus.NOT_EVALUATED, f"the ECCN names it: '{code}: {text}' — check its terms"
        results.append(LicenseExceptionResult(code, status, citation, reason))
    return results


@lru_cache(maxsize=65536)
def _verdicts(facts: _Facts, embargo: str | None) -> tuple[LicenseExceptionResult, ...]:
    results = []
    for code, citation, _title in EXCEPTIONS:
        status, reason = _decide(code, facts)
        if embargo and status is not ExceptionStatus.NOT_AVAILABLE:
            status = ExceptionStatus.NOT_EVALUATED
            reason = f"only the licence exceptions listed in § {embargo} may be used for this destination — check"
        results.append(LicenseExceptionResult(code, status, citation, reason))
    results.extend(_named_by_entry(facts, embargo))
    return tuple(results)


@lru_cache(maxsize=4096)
def _flag_items(ccl: CommerceControlList, base: str) -> tuple[tuple[str, str], ...]:
    entry = ccl.get(base)
    return tuple(sorted(entry.exception_flags.items())) if entry else ()


def evaluate(
    tx: Transaction, regs: Regulations, findings: Sequence[Finding], ccl: CommerceControlList | None = None
) -> tuple[LicenseExceptionResult, ...]:
    """The verdict for each exception, given the findings of every other rule for this transaction and the CCL
    version that speaks for its date (its List Based License Exceptions flags, where it has them)."""
    flags = _flag_items(ccl or regs.ccl, tx.eccn.base)
    for f in findings:
        if f.bars_license_exceptions:
            return _barred(f.rule, f.citation, f.party or "")
    facts = _Facts(
        software_or_technology=tx.eccn.product_group in ("D", "E"),
        encryption_item=tx.eccn.base in _ENC_ECCNS,
        groups=regs.groups.groups_of(tx.destination),
        reasons=_chart_reasons(findings, Effect.LICENSE_REQUIRED),
        undecided=_chart_reasons(findings, Effect.NEEDS_REVIEW),
        only_chart=all(f.rule == ccl_chart.RULE for f in findings if f.license_required),
        flags=flags,
    )
    return _verdicts(facts, "746.6" if tx.region else _EMBARGO_SECTIONS.get(tx.destination))
