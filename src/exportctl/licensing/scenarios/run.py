"""The Huawei scenario through the real workflow and store: organisations, users, policies from the timeline,
GENERATED applications submitted, registered, reviewed and decided, then the 2023 halt and the 2024 revocations.

Each reviewer decision follows the policy engine's recommendation for the stored application (see
:func:`exportctl.licensing.policies.recommend_application`); a denial goes through an intent to deny and its
response window, as the workflow requires. Every step is a workflow call in its own transaction, so each is an
audit event. The scenario refuses to run twice against the same database.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import Engine, select

from exportctl.errors import ConflictError
from exportctl.licensing.actor import Actor
from exportctl.licensing.applicant import create_application, submit
from exportctl.licensing.decide import decide
from exportctl.licensing.organisations import actor_for_user, create_organisation, create_user
from exportctl.licensing.periods import DEFAULT_PERIODS
from exportctl.licensing.policies.actions import AppliedAction, apply_licence_action, apply_policy_change
from exportctl.licensing.policies.impact import Impact
from exportctl.licensing.policies.model import RecommendedDecision
from exportctl.licensing.policies.seed import halt_2023, revocation_2024
from exportctl.licensing.policies.store import recommend_application, seed_timeline_policies, what_if
from exportctl.licensing.review import intent_to_deny, register, start_review
from exportctl.licensing.scenarios.generate import GeneratedApplication
from exportctl.licensing.scenarios.huawei import DEFAULT_SEED, GENERATED_NOTICE, generate_huawei
from exportctl.licensing.scenarios.review import application_input
from exportctl.licensing.scenarios.smic import generate_smic
from exportctl.store.db import session_scope
from exportctl.store.licensing_tables import Organisation

AUTHORITY = "Bureau of Industry and Security (scenario)"
OUTCOME = {
    RecommendedDecision.APPROVE: "approved",
    RecommendedDecision.RETURN_WITHOUT_ACTION: "returned_without_action",
}


@dataclass(frozen=True)
class ScenarioRun:
    seed: int
    outcomes: dict[str, int]  # Huawei: outcome -> applications, as decided by the workflow
    smic_outcomes: dict[str, int]  # SMIC: only the published Category 2 row is generated
    halt_impact: Impact
    halt_counterfactual: dict[str, int]  # every submitted application re-evaluated under the halt
    revocation: AppliedAction
    notes: tuple[str, ...]


@dataclass(frozen=True)
class _Cast:
    reviewer: Actor
    policy_admin: Actor
    exporters: dict[str, Actor]


def _cast(engine: Engine, applicants: list[str]) -> _Cast:
    with session_scope(engine) as s:
        if s.scalar(select(Organisation.id).where(Organisation.name == AUTHORITY)) is not None:
            raise ConflictError("the Huawei scenario is already loaded in this database; use a fresh database")
        bis = create_organisation(s, AUTHORITY, "authority")
        reviewer = actor_for_user(s, create_user(s, bis, "reviewer@bis.scenario", "Licensing officer", ["reviewer"]))
        admin = actor_for_user(s, create_user(s, bis, "policy@bis.scenario", "Policy maker", ["policy_admin"]))
        exporters = {}
        for n, name in enumerate(applicants, start=1):
            org = create_organisation(s, name, "exporter")
            exporters[name] = actor_for_user(s, create_user(s, org, f"export{n}@scenario.example", name, ["exporter"]))
        return _Cast(reviewer, admin, exporters)


def _file(engine: Engine, cast: _Cast, app: GeneratedApplication) -> int:
    with session_scope(engine) as s:
        exporter = cast.exporters[app.applicant]
        view = create_application(s, exporter, application_input(app), on=app.submitted_on)
        submit(s, exporter, view.id, on=app.submitted_on)
    with session_scope(engine) as s:
        register(s, cast.reviewer, view.id, on=app.submitted_on + timedelta(days=1))
    return view.id


def _review(engine: Engine, cast: _Cast, app: GeneratedApplication, app_id: int) -> str:
    assert app.review_on is not None
    with session_scope(engine) as s:
        start_review(s, cast.reviewer, app_id, on=app.review_on)
        rec = recommend_application(s, cast.reviewer, app_id, on=app.review_on)
        if rec.decision is not RecommendedDecision.DENY:
            decide(s, cast.reviewer, app_id, outcome=OUTCOME[rec.decision], reasons=rec.reasons, on=app.review_on)
            return OUTCOME[rec.decision]
        intent_to_deny(s, cast.reviewer, app_id, reason="; ".join(rec.reasons), on=app.review_on)
    window = DEFAULT_PERIODS.intent_to_deny_response_days  # the scenario is reproducible: documented defaults
    with session_scope(engine) as s:
        decided_on = app.review_on + timedelta(days=window + 1)
        decide(s, cast.reviewer, app_id, outcome="denied", reasons=rec.reasons, on=decided_on)
    return "denied"


def run_huawei(engine: Engine, *, seed: int = DEFAULT_SEED) -> ScenarioRun:
    """Load and run the scenario in ``engine``'s database (migrated, without a previous scenario)."""
    huawei = generate_huawei(seed)
    apps = sorted((*huawei, *generate_smic(seed)), key=lambda a: (a.submitted_on, a.reference))
    cast = _cast(engine, sorted({a.applicant for a in apps}))
    with session_scope(engine) as s:
        seed_timeline_policies(s, cast.policy_admin)
    ids = {app.reference: _file(engine, cast, app) for app in apps}
    outcomes: dict[str, Counter[str]] = {"HW": Counter(), "SM": Counter()}
    for app in sorted(apps, key=lambda a: (a.review_on is None, a.review_on, a.reference)):
        decided = _review(engine, cast, app, ids[app.reference]) if app.review_on else "pending"
        outcomes[app.reference[:2]][decided] += 1
    halt = halt_2023()
    with session_scope(engine) as s:
        counterfactual = what_if(s, cast.policy_admin, halt)
        impact, _ = apply_policy_change(s, cast.policy_admin, halt)
    with session_scope(engine) as s:
        revoked = apply_licence_action(s, cast.policy_admin, revocation_2024())
    notes = (
        GENERATED_NOTICE,
        f"{outcomes['HW']['pending']} Huawei applications have no published outcome, category or value: "
        "generated as pending (EAR99 placeholder items).",
        "SMIC: only the published Category 2 approvals are generated; the rest of SMIC's figures have no "
        "category breakdown (see the SMIC gaps).",
        f"2023 halt stored as policy {halt.policy_id!r} from {halt.effective_from} ({halt.date_note}).",
        f"2024 revocation: {revocation_2024().reason}",
    )
    return ScenarioRun(seed, dict(outcomes["HW"]), dict(outcomes["SM"]), impact, counterfactual, revoked, notes)
