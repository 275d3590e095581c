"""Every timeline row, with what the policy engine makes of it (review policy, scope change, licence action or
context only), so a reader sees the whole history — including the rows that change no review policy, such as the
2020 foreign-direct-product rules — with each citation's verification status."""

from __future__ import annotations

from dataclasses import dataclass

from exportctl.licensing.policies.model import Citation
from exportctl.licensing.policies.timeline import TimelineAction, bundled_timeline

# (date as written, action prefix) -> (role, what the engine does with it, seeded policy/action ids)
ROLES: dict[tuple[str, str], tuple[str, str, tuple[str, ...]]] = {
    ("2019-05-16", "Entity List addition"): (
        "review policy", "Huawei: presumption of denial, all items", ("huawei-2019-listing",)),
    ("2019-05-20", "Temporary General License"): (
        "general licence", "TGL authorisations are not modelled; no review-policy change", ()),
    ("2019-08-19", "TGL extended"): ("general licence", "TGL extension; not modelled", ()),
    ("2019-11-18", "TGL extended"): ("general licence", "TGL extension; not modelled", ()),
    ("2020-03-10", "TGL extended"): ("general licence", "TGL extension; not modelled", ()),
    ("2019-08-19", "Entity List addition of 46"): (
        "party scope", "more affiliates: covered by the Huawei name family where their names contain 'Huawei'", ()),
    ("2020-05-15", "Foreign direct product rule"): (
        "scope (FDP)", "widens what is subject to the EAR; review policy unchanged", ()),
    ("2020-08-17", "FDP rule expanded"): (
        "scope (FDP) + anchor", "widens the FDP rule; the 5G / case-by-case policy is ASSUMED to start here",
        ("huawei-2020-5g", "huawei-2020-other")),
    ("2020-12-18", "Entity List addition"): (
        "review policy", "SMIC: presumption of denial for 10 nm and below, case by case otherwise",
        ("smic-2020-10nm", "smic-2020-other")),
    ("2023-01", "Reported halt"): ("review policy", "Huawei: no new licences (UNVERIFIED)", ("huawei-2023-halt",)),
    ("2024-05-07", "Revocation of certain export licenses"): (
        "licence action", "revoke Intel/Qualcomm licences for Huawei", ("huawei-2024-revocation",)),
}  # fmt: skip
CONTEXT = ("context", "no effect on BIS review policy (another authority, or a data release)", ())


@dataclass(frozen=True)
class HistoryEntry:
    date_text: str
    action: str
    entity: str
    citation: Citation
    role: str
    effect: str
    ids: tuple[str, ...]


def policy_history(actions: tuple[TimelineAction, ...] | None = None) -> tuple[HistoryEntry, ...]:
    """One entry per timeline row, in the timeline's order."""
    entries = []
    for row in actions if actions is not None else bundled_timeline():
        role = next(
            (v for (day, prefix), v in ROLES.items() if row.date_text == day and row.action.startswith(prefix)), CONTEXT
        )
        entries.append(HistoryEntry(row.date_text, row.action, row.entity, row.citation(), *role))
    return tuple(entries)
