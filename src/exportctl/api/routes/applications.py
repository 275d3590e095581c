"""``/api/applications``: the applicant's side — create, edit a draft, lint, submit, withdraw, answer an intent to
deny — plus status, clock and decisions. Tenant scoping and role checks are the workflow's (another
organisation's application is *not found*); this module only translates HTTP to workflow calls."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Path, Query, status
from pydantic import BaseModel, Field

from exportctl.accounts.roles import Actor
from exportctl.api.deps import Context, CurrentPrincipal
from exportctl.api.licensing_models import (
    ApplicationBody,
    ApplicationOut,
    ClockOut,
    DecisionOut,
    FindingOut,
    SubmitOut,
)
from exportctl.api.pagination import Page, Paging, paginate
from exportctl.api.steps import step_values
from exportctl.api.strict import StrictCount
from exportctl.http.context import ServiceContext
from exportctl.http.dates import PastDay
from exportctl.licensing.applicant import create_application, edit_draft, lint_application
from exportctl.licensing.clock_queries import application_clock
from exportctl.licensing.repository import get_application, list_applications, list_decisions
from exportctl.licensing.states import Status, check_step
from exportctl.licensing.steps import STEPS, run_step
from exportctl.store.db import session_scope

router = APIRouter(prefix="/applications", tags=["applications"])
AppId = Annotated[int, Path(ge=1, le=2**31 - 1)]
Version = Annotated[int | None, Query(ge=1, le=2**31 - 1, description="optimistic lock: the version you edited")]


class StepBody(BaseModel):
    on: PastDay | None = Field(default=None, description="the day of the step (default today)")


class SubmitBody(StepBody):
    version: StrictCount | None = Field(default=None, ge=1, description="optimistic lock: the version you saw")


class WithdrawBody(SubmitBody):
    reason: str = Field(min_length=1, max_length=5000)


class IntentResponseBody(StepBody):
    response: str = Field(min_length=1, max_length=20_000)


class InfoAnswerBody(StepBody):
    answer: str = Field(min_length=1, max_length=20_000)


@router.get("", response_model=Page[ApplicationOut])
def applications(
    principal: CurrentPrincipal,
    ctx: Context,
    paging: Paging,
    status_in: Annotated[list[Status] | None, Query(alias="status", max_length=13)] = None,
) -> Page[ApplicationOut]:
    """Applications you may see (your organisation's; every one for authority staff), filtered by status."""
    with session_scope(ctx.engine) as session:
        views = list_applications(session, actor=principal, statuses=[s.value for s in status_in or []])
    return paginate([ApplicationOut.model_validate(v) for v in views], paging)


@router.post("", status_code=status.HTTP_201_CREATED, response_model=ApplicationOut)
def create(body: ApplicationBody, principal: CurrentPrincipal, ctx: Context) -> ApplicationOut:
    """A new draft for your organisation."""
    data = body.to_input()
    with session_scope(ctx.engine) as session:
        return ApplicationOut.model_validate(create_application(session, principal, data))


@router.get("/{application_id}", response_model=ApplicationOut)
def read(application_id: AppId, principal: CurrentPrincipal, ctx: Context) -> ApplicationOut:
    with session_scope(ctx.engine) as session:
        return ApplicationOut.model_validate(get_application(session, application_id, actor=principal))


@router.put("/{application_id}", response_model=ApplicationOut)
def edit(
    application_id: AppId, body: ApplicationBody, principal: CurrentPrincipal, ctx: Context, version: Version = None
) -> ApplicationOut:
    """Replace a draft's content (only drafts; ``version`` guards against overwriting someone else's edit)."""
    data = body.to_input()
    with session_scope(ctx.engine) as session:
        view = edit_draft(session, principal, application_id, data, expected_version=version)
        return ApplicationOut.model_validate(view)


@router.get("/{application_id}/lint", response_model=list[FindingOut])
def lint(application_id: AppId, principal: CurrentPrincipal, ctx: Context) -> list[FindingOut]:
    """What would make the authority return the application (errors block submission)."""
    with session_scope(ctx.engine) as session:
        return [FindingOut.model_validate(f) for f in lint_application(session, principal, application_id)]


@router.post("/{application_id}/submit", response_model=SubmitOut)
def submit_application(
    application_id: AppId, principal: CurrentPrincipal, ctx: Context, body: SubmitBody | None = None
) -> SubmitOut:
    """Lint (errors refuse with every finding named), screen every party, submit."""
    on = body.on if body else None
    with session_scope(ctx.engine) as session:  # existence, tenant, role and state before any costly work
        principal.require(*STEPS["submit"].roles, action=STEPS["submit"].title)
        found = get_application(session, application_id, actor=principal)
        check_step("submit", found.status, application_number=found.number)
    # A past date's index costs seconds of CPU, so a per-user limit. Today's index is shared by every user and built
    # once per list import: its build is not counted against whoever happens to submit first.
    if on is not None and not ctx.has_screener(on):
        ctx.limiter.take(principal.user_id, "dated_index")
    screener = ctx.party_screener(on)
    with session_scope(ctx.engine) as session:
        result = run_step(
            session, principal, "submit", application_id, step_values(body),
            screener=screener, register=ctx.register_screening(),
        )  # fmt: skip
        return SubmitOut(
            application=ApplicationOut.model_validate(result.application),
            findings=[FindingOut.model_validate(f) for f in result.findings],
        )


def _take(ctx: ServiceContext, principal: Actor, name: str, application_id: int, body: BaseModel) -> ApplicationOut:
    """One applicant step through the step table, in its own transaction."""
    with session_scope(ctx.engine) as session:
        view = run_step(session, principal, name, application_id, step_values(body), periods=ctx.periods)
        return ApplicationOut.model_validate(view)


@router.post("/{application_id}/withdraw", response_model=ApplicationOut)
def withdraw(application_id: AppId, body: WithdrawBody, principal: CurrentPrincipal, ctx: Context) -> ApplicationOut:
    """Withdraw the application (recorded as a decision "withdrawn")."""
    return _take(ctx, principal, "withdraw", application_id, body)


@router.post("/{application_id}/intent-response", response_model=ApplicationOut)
def answer_intent(
    application_id: AppId, body: IntentResponseBody, principal: CurrentPrincipal, ctx: Context
) -> ApplicationOut:
    """The applicant's answer to an intent to deny, within its window."""
    return _take(ctx, principal, "respond_to_intent", application_id, body)


@router.post("/{application_id}/answer-info", response_model=ApplicationOut)
def answer_info(
    application_id: AppId, body: InfoAnswerBody, principal: CurrentPrincipal, ctx: Context
) -> ApplicationOut:
    """The applicant answers a request for information; the statutory clock restarts."""
    return _take(ctx, principal, "answer_info_request", application_id, body)


@router.get("/{application_id}/clock", response_model=ClockOut)
def clock(application_id: AppId, principal: CurrentPrincipal, ctx: Context, as_of: date | None = None) -> ClockOut:
    """The statutory clock: days elapsed (pauses excluded), decision due date, overdue."""
    with session_scope(ctx.engine) as session:
        status_now = application_clock(
            session, application_id, actor=principal, as_of=as_of or ctx.clock.today(), periods=ctx.periods
        )
        return ClockOut.model_validate(status_now)


@router.get("/{application_id}/decisions", response_model=Page[DecisionOut])
def decisions(
    application_id: AppId,
    principal: CurrentPrincipal,
    ctx: Context,
    paging: Paging,
    outcome: Annotated[str | None, Query(max_length=40)] = None,
) -> Page[DecisionOut]:
    """Every decision on the application, oldest first, with the licence an approval issued."""
    with session_scope(ctx.engine) as session:
        rows = list_decisions(session, application_id, actor=principal)
    return paginate([DecisionOut.model_validate(d) for d in rows if outcome is None or d.outcome == outcome], paging)
