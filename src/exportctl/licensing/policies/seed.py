"""The Huawei/SMIC review-policy history, seeded ONLY from the bundled timeline.

Each seeded policy names the timeline row it comes from; its citation and verification note are copied from that
row (never composed here). Where the timeline does not support a policy's date or citation, the policy says so in
``date_note`` / its citation note instead of inventing one:

* For the "presumption of denial for items for 5G, case by case otherwise" policy no published citation was found:
  no timeline row records it and none of the timeline's sources was found to state it, so it has no citation, and
  its start date is ASSUMED to be the 2020-08-17 rule (the only 2020-08 row). Treat results that depend on that
  policy or date as assumptions.
* The 2023 halt of new licences is UNVERIFIED and dated to the month only ("2023-01"): it is applied from the first
  day of that month.
* The 2024 revocations are a licence action, not a review policy; see :func:`revocation_2024`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from exportctl.licensing.policies.model import Citation, ItemScope, PartyScope, Policy, ReviewPolicy, Verification
from exportctl.licensing.policies.timeline import TimelineAction, bundled_timeline, find_action

HUAWEI = PartyScope(family="Huawei", name_contains=("Huawei",))
SMIC = PartyScope(
    family="SMIC",
    name_contains=("Semiconductor Manufacturing International", "SMIC", "Semiconductor Manufacturing South China"),
)
ALL_ITEMS = ItemScope()
FIVE_G = ItemScope(technology_flags=frozenset({"5G"}), description="items for 5G")
TEN_NM = ItemScope(
    technology_flags=frozenset({"10nm_or_below"}),
    description="items uniquely required for 10 nm and below (incl. EUV)",
)
HALT_PRIORITY = 100


@dataclass(frozen=True)
class LicenceAction:
    """A dated action on existing licences (suspend or revoke) for a party family, from the timeline."""

    action_id: str
    kind: str  # "revoke" | "suspend"
    parties: PartyScope
    effective: date
    reason: str
    citation: Citation
    holders: tuple[str, ...] = ()  # applicant organisations named by the source; empty: every holder


NO_PUBLISHED_CITATION = (
    "no published citation found: no row of the bundled Huawei/SMIC timeline records this review policy, and none "
    "of its sources read was found to state it"
)


def seed_policies(actions: tuple[TimelineAction, ...] | None = None) -> tuple[Policy, ...]:
    """Every review policy the timeline supports, oldest first."""
    rows = actions if actions is not None else bundled_timeline()
    listing = find_action(rows, "2019-05-16", "Entity List addition")
    fdp_aug = find_action(rows, "2020-08-17", "FDP rule expanded")
    smic = find_action(rows, "2020-12-18", "Entity List addition")
    assumed = (
        "date ASSUMED: no timeline row records this review-policy change; anchored to the 2020-08-17 rule "
        f"(line {fdp_aug.line})"
    )
    no_citation = Citation("", Verification.NONE, note=NO_PUBLISHED_CITATION)
    return (
        Policy(
            "huawei-2019-listing",
            "Huawei Entity List listing",
            HUAWEI,
            ALL_ITEMS,
            ReviewPolicy.PRESUMPTION_OF_DENIAL,
            listing.on,
            listing.citation(),
            effective_to=fdp_aug.on,
            date_note=f"superseded from {fdp_aug.on.isoformat()} by the 5G policy ({assumed})",
        ),
        Policy(
            "huawei-2020-5g",
            "Huawei: items for 5G",
            HUAWEI,
            FIVE_G,
            ReviewPolicy.PRESUMPTION_OF_DENIAL,
            fdp_aug.on,
            no_citation,
            date_note=assumed,
        ),
        Policy(
            "huawei-2020-other",
            "Huawei: items not for 5G",
            HUAWEI,
            ALL_ITEMS,
            ReviewPolicy.CASE_BY_CASE,
            fdp_aug.on,
            no_citation,
            date_note=assumed,
        ),
        Policy(
            "smic-2020-10nm",
            "SMIC: items uniquely required for 10 nm and below",
            SMIC,
            TEN_NM,
            ReviewPolicy.PRESUMPTION_OF_DENIAL,
            smic.on,
            smic.citation(),
        ),
        Policy(
            "smic-2020-other",
            "SMIC: other items",
            SMIC,
            ALL_ITEMS,
            ReviewPolicy.CASE_BY_CASE,
            smic.on,
            smic.citation(),
        ),
        halt_2023(rows),
    )


def halt_2023(actions: tuple[TimelineAction, ...] | None = None) -> Policy:
    """The reported 2023 halt of new licences for Huawei (UNVERIFIED; month only)."""
    rows = actions if actions is not None else bundled_timeline()
    halt = find_action(rows, "2023-01", "Reported halt")
    note = f"timeline gives only {halt.date_text!r} ({halt.verification}); applied from the first day of the month"
    return Policy(
        "huawei-2023-halt",
        "Huawei: no new licences (reported halt)",
        HUAWEI,
        ALL_ITEMS,
        ReviewPolicy.NO_NEW_LICENCES,
        halt.on,
        halt.citation(),
        priority=HALT_PRIORITY,
        date_note=note,
    )


def revocation_2024(actions: tuple[TimelineAction, ...] | None = None) -> LicenceAction:
    """The 2024-05-07 revocation of certain Huawei licences held by Intel and Qualcomm (news reports; no FR)."""
    rows = actions if actions is not None else bundled_timeline()
    row = find_action(rows, "2024-05-07", "Revocation of certain export licenses")
    citation = Citation("news reports; no FR document", Verification.VERIFIED, note=row.verification)
    return LicenceAction(
        "huawei-2024-revocation",
        "revoke",
        HUAWEI,
        row.on,
        row.summary,
        citation,
        holders=("Intel", "Qualcomm"),
    )
