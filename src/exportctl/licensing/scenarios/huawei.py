"""The Huawei scenario as a pure simulation: generate, review under the policy history, then the changes.

The actions come from the bundled Huawei/SMIC timeline (``data/timeline/huawei_smic_actions.csv``, each row with
its public sources); the applications are generated.

:func:`simulate` needs no database; :mod:`exportctl.licensing.scenarios.run` drives the same generated
applications through the real workflow and store. Both state that per-application details are GENERATED.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from exportctl.licensing.policies.facts import facts_from_input
from exportctl.licensing.policies.impact import (
    AffectedLicence,
    Impact,
    LicenceFacts,
    licences_hit_by_action,
    preview_policy_change,
)
from exportctl.licensing.policies.model import ApplicationFacts, Policy, PolicyRecommendation, RecommendedDecision
from exportctl.licensing.policies.seed import LicenceAction, halt_2023, revocation_2024, seed_policies
from exportctl.licensing.scenarios.generate import GeneratedApplication, generate_for_cells
from exportctl.licensing.scenarios.published import PublishedCell, bundled_published, cells_for
from exportctl.licensing.scenarios.review import application_input, review

DEFAULT_SEED = 20201109
HUAWEI_PARTIES = (
    "Huawei Technologies Co., Ltd.",
    "Huawei Device Co., Ltd.",
    "Huawei International Co., Limited",
    "Beijing Huawei Digital Technologies Co., Ltd.",
    "Shenzhen Huawei Terminal Commercial Co., Ltd.",
)  # names as listed in the bundled Entity List
SMIC_PARTIES = ("Semiconductor Manufacturing International Corporation (SMIC)",)
GENERATED_NOTICE = (
    "Per-application details (applicants, items, ECCNs, values per application, technology flags, documentation, "
    "dates) are GENERATED to match the published aggregates; only the totals per decision and category are real."
)
OUTCOME_OF = {
    RecommendedDecision.APPROVE: "approved",
    RecommendedDecision.DENY: "denied",
    RecommendedDecision.RETURN_WITHOUT_ACTION: "returned_without_action",
}


@dataclass(frozen=True)
class Reviewed:
    application: GeneratedApplication
    recommendation: PolicyRecommendation | None  # None: not reviewed within the period (outcome not published)

    @property
    def outcome(self) -> str:
        return "pending" if self.recommendation is None else OUTCOME_OF[self.recommendation.decision]

    def decided_on(self, response_days: int = 20) -> date | None:
        """Approvals and returns are decided on the review date; a denial after the intent-to-deny window."""
        if self.recommendation is None or self.application.review_on is None:
            return None
        if self.recommendation.decision is RecommendedDecision.DENY:
            return self.application.review_on + timedelta(days=response_days + 1)
        return self.application.review_on


@dataclass(frozen=True)
class Simulation:
    reviewed: tuple[Reviewed, ...]
    licences: tuple[LicenceFacts, ...]
    halt: Policy
    halt_impact: Impact
    counterfactual: dict[tuple[str, str], int]  # (decision before, after) -> decided applications, had the halt applied
    revocation: LicenceAction
    revoked: tuple[AffectedLicence, ...]
    notes: tuple[str, ...]


def huawei_cells(cells: tuple[PublishedCell, ...] | None = None) -> tuple[tuple[PublishedCell, ...], int]:
    rows = cells_for(cells or bundled_published(), "Huawei")
    considered = next(c.count for c in rows if c.decision == "applications_considered")
    return rows, considered


def generate_huawei(seed: int = DEFAULT_SEED) -> tuple[GeneratedApplication, ...]:
    cells, considered = huawei_cells()
    decided = sum(c.count for c in cells if c.category == "all" and c.decision != "applications_considered")
    return generate_for_cells(cells, considered - decided, HUAWEI_PARTIES, "HW", seed)


def licence_for(reviewed: Reviewed, validity_years: int) -> LicenceFacts | None:
    """The licence an approval issues (valid ``validity_years`` from the decision date)."""
    if reviewed.outcome != "approved" or reviewed.application.review_on is None:
        return None
    facts = facts_from_input(reviewed.application.reference, application_input(reviewed.application))
    start = reviewed.application.review_on
    end = start.replace(year=start.year + validity_years) if not (start.month == 2 and start.day == 29) else start
    return LicenceFacts(
        f"L-{reviewed.application.reference}",
        reviewed.application.applicant,
        facts.parties,
        facts.items,
        "active",
        start,
        end,
    )


def simulate(seed: int = DEFAULT_SEED, validity_years: int = 4) -> Simulation:
    """Generate the Huawei applications, review each on its date, then preview the halt and the revocation."""
    policies = tuple(p for p in seed_policies() if p.policy_id != "huawei-2023-halt")
    reviewed = tuple(
        Reviewed(app, review(app, policies, app.review_on) if app.review_on else None) for app in generate_huawei(seed)
    )
    licences = tuple(lic for r in reviewed if (lic := licence_for(r, validity_years)) is not None)
    halt = halt_2023()
    pending = [_facts(r.application) for r in reviewed if r.recommendation is None]
    impact = preview_policy_change(halt, policies=policies, pending=pending, licences=licences)
    decided = [_facts(r.application) for r in reviewed if r.recommendation is not None]
    counterfactual = Counter(
        (c.before_decision.value, c.after_decision.value)
        for c in preview_policy_change(halt, policies=policies, pending=decided).changes
        if c.before_decision is not c.after_decision
    )
    action = revocation_2024()
    revoked = licences_hit_by_action(action, licences)
    notes = (
        GENERATED_NOTICE,
        f"{len(pending)} of the published applications have no published outcome, category or value; they are "
        "generated as still pending at the end of the period, with EAR99 placeholder items.",
        f"The halt is applied from {halt.effective_from} ({halt.date_note}).",
        f"{len(revoked)} licences revoked on {action.effective}: generated so that Intel/Qualcomm hold "
        "8 licences, the count a later Commerce document gives for 2024 (timeline).",
    )
    return Simulation(reviewed, licences, halt, impact, dict(counterfactual), action, revoked, notes)


def _facts(app: GeneratedApplication) -> ApplicationFacts:
    return facts_from_input(app.reference, application_input(app))
