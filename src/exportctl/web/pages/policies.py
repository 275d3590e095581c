"""The policy editor: stored policies, a form for a new policy (or a new version of one), its impact preview
(htmx, nothing stored) and applying it (policy admins), optionally suspending or revoking the licences it reaches."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import ValidationError

from exportctl.accounts.roles import Actor, require_role
from exportctl.errors import InputError, NotFoundError
from exportctl.http.context import get_context
from exportctl.http.security import require_user
from exportctl.licensing.actor import Role
from exportctl.licensing.policies.actions import apply_policy_change
from exportctl.licensing.policies.input import PolicyInput
from exportctl.licensing.policies.model import Policy, ReviewPolicy, Verification
from exportctl.licensing.policies.store import end_policy, load_policies, preview_change
from exportctl.store.db import session_scope
from exportctl.web.forms import optional_date
from exportctl.web.templating import render

router = APIRouter(include_in_schema=False)
User = Annotated[Actor, Depends(require_user)]
READERS = (Role.POLICY_ADMIN, Role.REVIEWER, Role.AUDITOR, Role.ADMIN)
LIST_FIELDS = ("name_contains", "entry_ids", "eccns", "categories", "technology_flags")
MAX_FIELD = 2000


def read_policy(form: Mapping[str, Any]) -> tuple[dict[str, str], Policy | None, list[str]]:
    """The policy a form describes (comma-separated lists), or the problems found reading it."""
    values = {k: str(v)[:MAX_FIELD] for k, v in form.items() if isinstance(v, str) and k != "csrf_token"}
    raw: dict[str, Any] = {k: v.strip() for k, v in values.items() if k not in LIST_FIELDS and k != "licence_action"}
    raw = {k: v for k, v in raw.items() if v != ""}
    for name in LIST_FIELDS:
        raw[name] = [part.strip() for part in values.get(name, "").split(",") if part.strip()]
    try:
        return values, PolicyInput.model_validate(raw).to_policy(), []
    except ValidationError as exc:
        return values, None, [f"{'.'.join(str(p) for p in e['loc']) or 'policy'}: {e['msg']}" for e in exc.errors()]


def _page(request: Request, user: Actor, values: dict[str, str], **extra: Any) -> Response:
    with session_scope(get_context(request).engine) as session:
        stored = load_policies(session)
    context = {
        "policies": stored,
        "values": values,
        "outcomes": [o.value for o in ReviewPolicy],
        "verifications": [v.value for v in Verification],
        "impact": None,
        "errors": [],
        "applied": None,
        "stored": None,
        **extra,
    }
    return render(request, "policies.html", context)


@router.get("/policies")
def policies_page(request: Request, user: User) -> Response:
    require_role(user, *READERS)
    return _page(request, user, {"priority": "0"})


@router.post("/policies/preview")
async def preview(request: Request, user: User) -> Response:
    require_role(user, *READERS)
    values, policy, errors = read_policy(await request.form())
    impact = None
    if policy is not None:
        with session_scope(get_context(request).engine) as session:
            impact = preview_change(session, user, policy)
    if request.headers.get("hx-request"):
        return render(
            request, "policy_impact.html", {"impact": impact, "errors": errors, "applied": None, "stored": None}
        )
    return _page(request, user, values, impact=impact, errors=errors)


@router.post("/policies/apply")
async def apply(request: Request, user: User) -> Response:
    require_role(user, Role.POLICY_ADMIN)
    form = await request.form()
    values, policy, errors = read_policy(form)
    if policy is None:
        return _page(request, user, values, errors=errors)
    action = str(form.get("licence_action") or "") or None
    with session_scope(get_context(request).engine) as session:
        impact, applied = apply_policy_change(session, user, policy, licence_action=action)
    result: dict[str, Any] = {"impact": impact, "applied": applied, "stored": policy.policy_id, "errors": []}
    if request.headers.get("hx-request"):  # the impact, and the policy table refreshed out of band
        with session_scope(get_context(request).engine) as session:
            policies = load_policies(session)
        return render(request, "policy_impact.html", {**result, "policies": policies})
    return _page(request, user, values, **result)


@router.post("/policies/end")
def end(
    request: Request,
    user: User,
    policy_id: Annotated[str, Form(min_length=1, max_length=100)],
    effective_to: Annotated[str, Form(max_length=20)] = "",
) -> Response:
    """End a policy from a date (a new version; the earlier ones stay). Refusals are listed on the page."""
    require_role(user, Role.POLICY_ADMIN)
    try:
        day = optional_date(effective_to, "effective_to")
        if day is None:
            raise InputError("give the date the policy ends (YYYY-MM-DD)", field="effective_to")
        with session_scope(get_context(request).engine) as session:
            end_policy(session, user, policy_id, day)
    except (InputError, NotFoundError) as exc:
        return _page(request, user, {"priority": "0"}, errors=[f"policy {policy_id} not ended: {exc}"])
    return RedirectResponse("/policies", status_code=303)
