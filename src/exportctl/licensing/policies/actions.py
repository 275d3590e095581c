"""Policy changes applied: store a policy and suspend/revoke the licences it reaches, or apply a dated licence
action (e.g. the 2024 revocation). Each licence goes through the workflow's suspend/revoke, so each is its own
status event and audit event; everything runs in the caller's transaction (all or nothing)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from exportctl.errors import InputError
from exportctl.licensing.actor import Actor, Role
from exportctl.licensing.licences import revoke, suspend
from exportctl.licensing.policies.impact import Impact, licences_hit_by_action
from exportctl.licensing.policies.model import Policy
from exportctl.licensing.policies.seed import LicenceAction
from exportctl.licensing.policies.store import add_policy, licence_facts, preview_change
from exportctl.licensing.views import LicenceView

LICENCE_ACTIONS = ("suspend", "revoke")


@dataclass(frozen=True)
class AppliedAction:
    """A bulk suspend/revoke: what was planned and the licences changed (each also an audit event)."""

    kind: str
    from_date: date
    reason: str
    licences: tuple[LicenceView, ...]


def apply_to_licences(
    session: Session, actor: Actor, licence_ids: Sequence[int], *, kind: str, from_date: date, reason: str
) -> AppliedAction:
    """Suspend or revoke every licence in ``licence_ids`` from ``from_date`` (one status + audit event each)."""
    actor.require(Role.POLICY_ADMIN, action=f"{kind} licences in bulk")
    if kind not in LICENCE_ACTIONS:
        raise InputError(f"licence action must be one of {', '.join(LICENCE_ACTIONS)}, not {kind!r}", field="kind")
    step = suspend if kind == "suspend" else revoke
    changed = tuple(step(session, actor, lid, from_date=from_date, reason=reason) for lid in licence_ids)
    return AppliedAction(kind, from_date, reason, changed)


def apply_policy_change(
    session: Session, actor: Actor, policy: Policy, *, licence_action: str | None = None, reason: str = ""
) -> tuple[Impact, AppliedAction | None]:
    """Store ``policy``; with ``licence_action``, also suspend/revoke every active licence it reaches, from its
    effective date. The impact is computed before the policy is stored, as previewed."""
    impact = preview_change(session, actor, policy)
    add_policy(session, actor, policy)
    if licence_action is None:
        return impact, None
    ids = [int(a.licence_id) for a in impact.affected_licences]
    why = reason or f"{policy.title} ({policy.citation})"
    applied = apply_to_licences(session, actor, ids, kind=licence_action, from_date=policy.effective_from, reason=why)
    return impact, applied


def apply_licence_action(session: Session, actor: Actor, action: LicenceAction) -> AppliedAction:
    """Apply a dated licence action (e.g. the 2024 revocation) to every active licence it reaches."""
    hit = licences_hit_by_action(action, licence_facts(session))
    reason = f"{action.reason} — {action.citation}"
    return apply_to_licences(
        session, actor, [int(a.licence_id) for a in hit], kind=action.kind, from_date=action.effective, reason=reason
    )
