"""Human wording for every code the pages show, in one place (statuses, verdicts, effects, exchange kinds,
licence states, recommendations). Templates use the ``human`` filter; a code without wording is shown with its
underscores replaced, so nothing raw like ``license_required`` reaches a page."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

WORDS: dict[str, str] = {
    # application states
    "draft": "Draft",
    "submitted": "Submitted",
    "registered": "Registered",
    "under_review": "Under review",
    "info_requested": "Information requested",
    "on_hold": "On hold",
    "referred": "Referred to agencies",
    "intent_to_deny": "Intent to deny",
    "approved": "Approved",
    "approved_in_part": "Approved in part",
    "denied": "Denied",
    "returned_without_action": "Returned without action",
    "withdrawn": "Withdrawn",
    # determination verdicts and effects
    "prohibited": "Prohibited",
    "license_required": "Licence required",
    "review_needed": "Review needed",
    "needs_review": "Review needed",
    "undetermined": "Review needed",
    "no_license_required": "No licence required",
    "not_available": "Not available",
    "available": "Available",
    "not_evaluated": "Not evaluated",
    "nothing_required": "Nothing required by this rule",
    # background jobs
    "queued": "Queued",
    "running": "Running",
    "done": "Done",
    "failed": "Failed",
    # licence states
    "active": "Active",
    "expired": "Expired",
    "used_up": "Used up",
    "not_yet_valid": "Not yet valid",
    "suspended": "Suspended",
    "revoked": "Revoked",
    # recommendations
    "approve": "Approve",
    "deny": "Deny",
    "approve_with_conditions": "Approve with conditions",
    # the exchange on an application
    "info_answered": "Answer to the request for information",
    "intent_response": "Response to the intent to deny",
    "resumed": "Clock restarted",
    "recommendation": "Agency recommendation",
    # roles and organisation kinds
    "exporter": "Exporter",
    "reviewer": "Reviewer",
    "policy_admin": "Policy admin",
    "auditor": "Auditor",
    "admin": "Admin",
    "authority": "Licensing authority",
    "agency": "Agency",
    # what audit events are about
    "application": "Application",
    "licence": "Licence",
    "user": "User",
    "organisation": "Organisation",
    "decision": "Decision",
    "referral": "Referral",
    "review_policy": "Review policy",
    "shipment": "Shipment",
    "screening": "Screening",
    "determination": "Determination",
    "list_snapshot": "List snapshot",
    # parties
    "purchaser": "Purchaser",
    "intermediate_consignee": "Intermediate consignee",
    "ultimate_consignee": "Ultimate consignee",
    "end_user": "End user",
}

#: list codes (``exportctl.lists.model.ListCode``) and source names as the lists call themselves
LIST_NAMES: dict[str, str] = {
    "entity_list": "BIS Entity List",
    "meu": "BIS Military End-User List",
    "uvl": "BIS Unverified List",
    "dpl": "BIS Denied Persons List",
    "sdn": "OFAC SDN List",
    "ssi": "OFAC Sectoral Sanctions (SSI)",
    "plc": "OFAC Palestinian Legislative Council List",
    "cap": "OFAC CAPTA List",
    "ns_mbs": "OFAC Non-SDN Menu-Based Sanctions",
    "cmic": "OFAC Chinese Military-Industrial Complex List",
    "isn": "State Dept. Nonproliferation Sanctions",
    "dtc": "State Dept. ITAR Debarred",
    "un": "UN Security Council Consolidated List",
    "uk_ofsi": "UK OFSI Consolidated List",
    "fcc": "FCC Covered List",
    "other": "Other list",
    # sources (one file each)
    "csl": "Consolidated Screening List (file)",
    "entity-list": "BIS Entity List (file)",
    "fcc-covered": "FCC Covered List (file)",
    "ofac-consolidated": "OFAC Consolidated Non-SDN (file)",
    "ofac-sdn": "OFAC SDN (file)",
    "uk-ofsi": "UK OFSI Consolidated (file)",
}

#: the screening features (``exportctl.screening.features.FEATURES``) in words
FEATURE_NAMES: dict[str, str] = {
    "name_similarity": "Name similarity",
    "legal_form": "Same legal form (Ltd, GmbH…)",
    "country_match": "Same country",
    "country_mismatch": "Different country",
    "address_similarity": "Address similarity",
    "identifier_match": "Same identifier",
    "cross_script": "Matched across scripts",
    "brand_equivalent": "Brand the lists give as the same",
    "person_for_organisation": "Person, vessel or aircraft listed, organisation asked",
}

#: a single rule's effect (a rule that requires nothing is not the overall answer)
EFFECT_WORDS: dict[str, str] = {
    "prohibited": "Prohibited",
    "license_required": "Licence required",
    "needs_review": "Needs review",
    "no_license_required": "Nothing required by this rule",
    "info": "Note",
}

#: verdict -> CSS class of the big verdict banner
VERDICT_TONE: dict[str, str] = {
    "prohibited": "bad",
    "license_required": "bad",
    "review_needed": "warn",
    "no_license_required": "ok",
}


def human(code: Any) -> str:
    if code is None:
        return "—"
    text = str(getattr(code, "value", code))
    return WORDS.get(text, text.replace("_", " "))


def effect_words(code: Any) -> str:
    text = str(getattr(code, "value", code))
    return EFFECT_WORDS.get(text, human(text))


def _get(result: Any, key: str) -> Any:
    return result.get(key) if isinstance(result, Mapping) else getattr(result, key, None)


def verdict_of(result: Any) -> str:
    """One verdict: prohibited, license_required, review_needed or no_license_required. "No licence required" is
    never the answer while review is needed (whichever result model the determination package returns: an object
    or its ``to_dict``)."""
    verdict = str(_get(result, "verdict") or "")
    if _get(result, "prohibited") or verdict == "prohibited":
        return "prohibited"
    if verdict == "license_required" or _get(result, "license_required") is True:
        return "license_required"
    if verdict == "no_license_required" and not _get(result, "needs_review"):
        return "no_license_required"
    return "review_needed"


def grouped_exceptions(exceptions: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Licence exceptions with the same status and reason as one line: [{status, reason, codes, citations}],
    available ones first."""
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    for e in exceptions:
        key = (str(e.get("status", "")), str(e.get("reason", "")))
        group = groups.setdefault(key, {"status": key[0], "reason": key[1], "codes": [], "citations": []})
        group["codes"].append(str(e.get("code", "")))
        if e.get("citation") and e["citation"] not in group["citations"]:
            group["citations"].append(e["citation"])
    return sorted(groups.values(), key=lambda g: (g["status"] != "available", g["status"], g["codes"]))


def list_name(code: Any) -> str:
    text = str(getattr(code, "value", code) or "")
    return LIST_NAMES.get(text, LIST_NAMES.get(text.lower(), text.replace("_", " ").upper()))


def feature_name(code: Any) -> str:
    text = str(code)
    return FEATURE_NAMES.get(text, human(text))
