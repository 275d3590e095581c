"""``/api/reviews``: the authority's side — the queue with clocks, registration, review steps, referrals,
intent to deny and the decision. Every write needs the reviewer role (403 otherwise, checked before any lookup);
the workflow then refuses a reviewer acting on their own organisation's application."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query
from pydantic import BaseModel, Field

from exportctl.accounts.roles import Actor
from exportctl.api.deps import Context, CurrentPrincipal, requires
from exportctl.api.licensing_models import ApplicationOut, ClockOut, DecisionOut
from exportctl.api.pagination import Page, Paging, paginate
from exportctl.api.steps import step_values
from exportctl.api.strict import StrictCount
from exportctl.http.context import ServiceContext
from exportctl.http.dates import AnyDay, PastDay
from exportctl.licensing.actor import Role
from exportctl.licensing.clock_queries import review_queue
from exportctl.licensing.policies.store import recommend_application
from exportctl.licensing.repository import list_applications
from exportctl.licensing.review import AgencyRecommendation
from exportctl.licensing.states import Outcome, Status
from exportctl.licensing.steps import run_step
from exportctl.licensing.views import ApplicationView
from exportctl.store.db import session_scope

router = APIRouter(prefix="/reviews", tags=["reviews"])
AppId = Annotated[int, Path(ge=1, le=2**31 - 1)]
Reviewer = Annotated[Actor, Depends(requires(Role.REVIEWER))]
Text = Annotated[str, Field(min_length=1, max_length=5000)]


class ReferralOut(BaseModel):
    referral_id: int
    agency: str
    due_on: date
    recommendation: str | None
    overdue: bool


class QueueEntryOut(BaseModel):
    application: ApplicationOut
    clock: ClockOut
    referrals: list[ReferralOut]


class RuleMatchOut(BaseModel):
    policy_id: str
    title: str
    item_index: int
    applied: bool
    reason: str
    citation: str


class RecommendationOut(BaseModel):
    """The policy engine's recommendation: the policy outcome in force, the decision and every reason."""

    application_id: str
    on_date: date
    outcome: str | None
    decision: str
    reasons: list[str]
    matched: list[RuleMatchOut]


class StepBody(BaseModel):
    on: PastDay | None = Field(default=None, description="the day of the step (default today)")


class ReasonBody(StepBody):
    reason: Text


class ReferBody(StepBody):
    agencies: list[Annotated[str, Field(min_length=1, max_length=100)]] = Field(min_length=1, max_length=10)


class ReferralRecommendationBody(StepBody):
    recommendation: AgencyRecommendation
    basis: Text


class DecideBody(StepBody):
    outcome: Outcome = Field(description="approved, approved_in_part, denied or returned_without_action")
    reasons: list[Text] = Field(min_length=1, max_length=50)
    conditions: list[Text] = Field(default_factory=list, max_length=50)
    riders: list[Text] = Field(default_factory=list, max_length=50)
    approved_item_ids: list[Annotated[StrictCount, Field(ge=1)]] | None = Field(default=None, max_length=200)
    version: StrictCount | None = Field(default=None, ge=1, description="optimistic lock: the version you reviewed")


@router.get("/queue", response_model=Page[QueueEntryOut])
def queue(
    principal: CurrentPrincipal,
    ctx: Context,
    paging: Paging,
    overdue_only: bool = False,
    as_of: Annotated[AnyDay | None, Query()] = None,
) -> Page[QueueEntryOut]:
    """Registered, undecided applications with their clocks, least time remaining first."""
    with session_scope(ctx.engine) as session:
        entries = review_queue(
            session,
            actor=principal,
            as_of=as_of or ctx.clock.today(),
            overdue_only=overdue_only,
            periods=ctx.periods,
        )
    rows = [
        QueueEntryOut(
            application=ApplicationOut.model_validate(e.application),
            clock=ClockOut.model_validate(e.clock),
            referrals=[ReferralOut(**r.__dict__) for r in e.referrals],
        )
        for e in entries
    ]
    return paginate(rows, paging)


@router.get("/incoming", response_model=Page[ApplicationOut])
def incoming(principal: Reviewer, ctx: Context, paging: Paging) -> Page[ApplicationOut]:
    """Submitted applications waiting to be registered (the clock starts at registration)."""
    with session_scope(ctx.engine) as session:
        views = list_applications(session, actor=principal, statuses=[Status.SUBMITTED.value])
    return paginate([ApplicationOut.model_validate(v) for v in views], paging)


@router.get("/{application_id}/recommendation", response_model=RecommendationOut)
def recommendation(
    application_id: AppId, principal: CurrentPrincipal, ctx: Context, on: Annotated[AnyDay | None, Query()] = None
) -> RecommendationOut:
    """What the review policies in force recommend for the application, with the reasons and the rules matched."""
    with session_scope(ctx.engine) as session:
        found = recommend_application(session, principal, application_id, on=on or ctx.clock.today())
    return RecommendationOut(
        application_id=found.application_id,
        on_date=found.on_date,
        outcome=found.outcome.value if found.outcome else None,
        decision=found.decision.value,
        reasons=list(found.reasons),
        matched=[
            RuleMatchOut(
                policy_id=m.policy.policy_id,
                title=m.policy.title,
                item_index=m.item_index,
                applied=m.applied,
                reason=m.reason,
                citation=str(m.policy.citation),
            )
            for m in found.matched
        ],
    )


def _take(ctx: ServiceContext, principal: Actor, name: str, target_id: int, body: BaseModel | None) -> ApplicationView:
    """One application step through the step table, in its own transaction."""
    with session_scope(ctx.engine) as session:
        view: ApplicationView = run_step(session, principal, name, target_id, step_values(body), periods=ctx.periods)
        return view


@router.post("/{application_id}/register", response_model=ApplicationOut)
def register_application(
    application_id: AppId, principal: Reviewer, ctx: Context, body: StepBody | None = None
) -> ApplicationOut:
    """Register a submitted application: the statutory clock starts."""
    return ApplicationOut.model_validate(_take(ctx, principal, "register", application_id, body))


@router.post("/{application_id}/start", response_model=ApplicationOut)
def start(application_id: AppId, principal: Reviewer, ctx: Context, body: StepBody | None = None) -> ApplicationOut:
    """Start the review (assigns the application to you)."""
    return ApplicationOut.model_validate(_take(ctx, principal, "start", application_id, body))


@router.post("/{application_id}/request-info", response_model=ApplicationOut)
def ask_for_information(application_id: AppId, principal: Reviewer, ctx: Context, body: ReasonBody) -> ApplicationOut:
    """Stop the clock until the applicant answers."""
    return ApplicationOut.model_validate(_take(ctx, principal, "request_info", application_id, body))


@router.post("/{application_id}/hold", response_model=ApplicationOut)
def hold(application_id: AppId, principal: Reviewer, ctx: Context, body: ReasonBody) -> ApplicationOut:
    """Put the application on hold (stops the clock)."""
    return ApplicationOut.model_validate(_take(ctx, principal, "hold", application_id, body))


@router.post("/{application_id}/resume", response_model=ApplicationOut)
def resume_review(
    application_id: AppId, principal: CurrentPrincipal, ctx: Context, body: StepBody | None = None
) -> ApplicationOut:
    """Restart the clock (the reviewer, or the applicant answering a request for information)."""
    return ApplicationOut.model_validate(_take(ctx, principal, "resume", application_id, body))


@router.post("/{application_id}/refer", response_model=ApplicationOut)
def refer_application(application_id: AppId, principal: Reviewer, ctx: Context, body: ReferBody) -> ApplicationOut:
    """Refer to agencies; each has the referral period to recommend."""
    return ApplicationOut.model_validate(_take(ctx, principal, "refer", application_id, body))


@router.post("/referrals/{referral_id}/recommendation", response_model=ApplicationOut)
def referral_recommendation(
    referral_id: Annotated[int, Path(ge=1, le=2**31 - 1)],
    principal: Reviewer,
    ctx: Context,
    body: ReferralRecommendationBody,
) -> ApplicationOut:
    """Record an agency's recommendation with its basis (once; never changed)."""
    return ApplicationOut.model_validate(_take(ctx, principal, "recommend", referral_id, body))


@router.post("/{application_id}/intent-to-deny", response_model=ApplicationOut)
def notify_intent_to_deny(application_id: AppId, principal: Reviewer, ctx: Context, body: ReasonBody) -> ApplicationOut:
    """Notify the applicant of the intent to deny (opens the response window)."""
    return ApplicationOut.model_validate(_take(ctx, principal, "intent_to_deny", application_id, body))


@router.post("/{application_id}/decide", response_model=DecisionOut)
def decide_application(application_id: AppId, principal: Reviewer, ctx: Context, body: DecideBody) -> DecisionOut:
    """Approve (with conditions and riders), approve in part, deny or return without action, with reasons.

    An approval issues the licence; a concurrent decision on the same application is a 409 conflict."""
    with session_scope(ctx.engine) as session:
        view = run_step(session, principal, "decide", application_id, step_values(body), periods=ctx.periods)
        return DecisionOut.model_validate(view)
