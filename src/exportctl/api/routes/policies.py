"""``/api/policies``: the stored review policies, a change's impact preview (pending recommendations that move,
licences it reaches) and applying it (optionally suspending or revoking the licences it reaches)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, status

from exportctl.accounts.roles import Actor
from exportctl.api.deps import Context, requires
from exportctl.api.pagination import Page, Paging, paginate
from exportctl.api.policy_models import AppliedOut, ApplyBody, ImpactOut, PolicyOut, PreviewBody
from exportctl.licensing.actor import Role
from exportctl.licensing.policies.actions import apply_policy_change
from exportctl.licensing.policies.store import load_policies, preview_change
from exportctl.store.db import session_scope

router = APIRouter(prefix="/policies", tags=["policies"])
Reader = Annotated[Actor, Depends(requires(Role.POLICY_ADMIN, Role.REVIEWER, Role.AUDITOR, Role.ADMIN))]
PolicyAdmin = Annotated[Actor, Depends(requires(Role.POLICY_ADMIN))]


@router.get("", response_model=Page[PolicyOut])
def policies(principal: Reader, ctx: Context, paging: Paging, family: str | None = None) -> Page[PolicyOut]:
    """The latest version of every stored policy, oldest effective date first, filtered by party family."""
    with session_scope(ctx.engine) as session:
        stored = load_policies(session)
    rows = [PolicyOut.of(p) for p in stored if family is None or p.parties.family.lower() == family.lower()]
    return paginate(rows, paging)


@router.post("/preview", response_model=ImpactOut)
def preview(body: PreviewBody, principal: Reader, ctx: Context) -> ImpactOut:
    """What storing the policy would change, without storing it."""
    policy = body.policy.to_policy()
    with session_scope(ctx.engine) as session:
        return ImpactOut.of(preview_change(session, principal, policy, on_date=body.on_date))


@router.post("", status_code=status.HTTP_201_CREATED, response_model=AppliedOut)
def apply(body: ApplyBody, principal: PolicyAdmin, ctx: Context) -> AppliedOut:
    """Store the policy (a new version if its id exists) and optionally suspend/revoke the licences it reaches."""
    policy = body.policy.to_policy()
    action = body.licence_action.value if body.licence_action else None
    with session_scope(ctx.engine) as session:
        impact, applied = apply_policy_change(session, principal, policy, licence_action=action, reason=body.reason)
    changed = [lic.number for lic in applied.licences] if applied else []
    return AppliedOut(policy=PolicyOut.of(policy), impact=ImpactOut.of(impact), licences_changed=changed)
