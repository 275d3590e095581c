"""Review policies in the store: seed, add, end, load; recommend for a stored application; preview a change.

The engine (:mod:`exportctl.licensing.policies.engine`) stays pure; this module reads rows into plain objects,
runs it, and writes policy versions (audit event ``policy.added``). Applying a change to licences (bulk suspend/revoke)
is :mod:`exportctl.licensing.policies.actions`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date
from decimal import Decimal

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from exportctl.audit.chain import append_event, utc_now
from exportctl.audit.locking import lock_for_write
from exportctl.errors import InputError, NotFoundError
from exportctl.licensing.actor import Actor, Role
from exportctl.licensing.policies.engine import recommend
from exportctl.licensing.policies.facts import facts_from_row
from exportctl.licensing.policies.impact import Impact, LicenceFacts, preview_policy_change
from exportctl.licensing.policies.items import category_of, product_group_of
from exportctl.licensing.policies.model import ApplicationFacts, ItemFacts, PartyFacts, Policy, PolicyRecommendation
from exportctl.licensing.policies.rows import policy_from_row, row_from_policy
from exportctl.licensing.policies.seed import seed_policies
from exportctl.licensing.repository import load_application
from exportctl.licensing.states import FINAL, Status
from exportctl.store.db import session_scope
from exportctl.store.licensing_tables import Application, ApplicationItem, ApplicationParty, Licence, Organisation
from exportctl.store.policy_tables import PolicyRow

READERS = (Role.POLICY_ADMIN, Role.REVIEWER, Role.AUDITOR, Role.ADMIN)


def load_policies(session: Session) -> tuple[Policy, ...]:
    """The latest version of every policy, oldest effective date first."""
    latest = select(PolicyRow.policy_key, func.max(PolicyRow.version).label("v")).group_by(PolicyRow.policy_key)
    sub = latest.subquery()
    rows = session.scalars(
        select(PolicyRow)
        .join(sub, (PolicyRow.policy_key == sub.c.policy_key) & (PolicyRow.version == sub.c.v))
        .order_by(PolicyRow.effective_from, PolicyRow.policy_key)
    ).all()
    return tuple(policy_from_row(row) for row in rows)


def stored_policies(engine: Engine) -> tuple[Policy, ...]:
    """:func:`load_policies` in its own read transaction (policies are public rules: no actor needed)."""
    with session_scope(engine) as session:
        return load_policies(session)


def _next_version(session: Session, key: str) -> int:
    current = session.scalar(select(func.max(PolicyRow.version)).where(PolicyRow.policy_key == key))
    return (current or 0) + 1


def add_policy(session: Session, actor: Actor, policy: Policy) -> Policy:
    """Store ``policy`` as a new policy, or as the next version of the policy with the same id."""
    actor.require(Role.POLICY_ADMIN, action="add a review policy")
    if policy.effective_to is not None and policy.effective_to <= policy.effective_from:
        raise InputError("effective_to must be after effective_from", field="effective_to")
    lock_for_write(session)
    version = _next_version(session, policy.policy_id)
    session.add(row_from_policy(policy, version, actor.user_id, utc_now()))
    session.flush()
    after = {"policy": policy.policy_id, "version": version, "outcome": policy.outcome.value}
    append_event(session, actor, "policy.added", "review_policy", policy.policy_id, None, after)
    return policy


def end_policy(session: Session, actor: Actor, policy_id: str, effective_to: date) -> Policy:
    """End a policy from ``effective_to`` (a new version; earlier versions stay as they were)."""
    current = {p.policy_id: p for p in load_policies(session)}.get(policy_id)
    if current is None:
        raise NotFoundError(f"no review policy {policy_id!r}")
    return add_policy(session, actor, replace(current, effective_to=effective_to))


def seed_timeline_policies(session: Session, actor: Actor) -> tuple[Policy, ...]:
    """Store the timeline-seeded history (except the 2023 halt, which is a change to preview and apply);
    policies already stored are left alone, so seeding twice adds nothing."""
    stored = {p.policy_id for p in load_policies(session)}
    added = [
        add_policy(session, actor, p)
        for p in seed_policies()
        if p.policy_id not in stored and p.policy_id != "huawei-2023-halt"
    ]
    return tuple(added)


def recommend_application(session: Session, actor: Actor, application_id: int, *, on: date) -> PolicyRecommendation:
    """The engine's recommendation for a stored application under the stored policies in force on ``on``."""
    actor.require(*READERS, action="see a policy recommendation")
    app = load_application(session, application_id, actor=actor)
    return recommend(facts_from_row(app), load_policies(session), on)


def pending_facts(session: Session) -> list[ApplicationFacts]:
    """Facts of every submitted application not yet decided."""
    open_states = [s.value for s in Status if s not in FINAL and s is not Status.DRAFT]
    apps = session.scalars(select(Application).where(Application.status.in_(open_states)).order_by(Application.id))
    return [facts_from_row(app) for app in apps]


def licence_facts(session: Session) -> list[LicenceFacts]:
    """Every licence with its holder's name, its application's parties and its items' technology flags."""
    holders = {oid: name for oid, name in session.execute(select(Organisation.id, Organisation.name))}
    parties: dict[int, list[PartyFacts]] = {}
    party_rows = select(ApplicationParty.application_id, ApplicationParty.name, ApplicationParty.role)
    for app_id, name, role in session.execute(party_rows):
        parties.setdefault(app_id, []).append(PartyFacts(name, role=role))
    flag_rows = select(ApplicationItem.id, ApplicationItem.tech_flags)
    flags: dict[int, list[str]] = {item_id: tags for item_id, tags in session.execute(flag_rows)}
    facts = []
    for lic in session.scalars(select(Licence).order_by(Licence.id)):
        items = tuple(_licence_item(i.eccn, i.value, flags.get(i.application_item_id) or []) for i in lic.items)
        holder = holders.get(lic.holder_organisation_id, "")
        app_parties = tuple(parties.get(lic.application_id, []))
        facts.append(LicenceFacts(str(lic.id), holder, app_parties, items, lic.status, lic.valid_from, lic.valid_to))
    return facts


def _licence_item(eccn: str, value: Decimal, flags: list[str]) -> ItemFacts:
    return ItemFacts(eccn, category_of(eccn), value, product_group_of(eccn), technology_flags=frozenset(flags))


def preview_change(session: Session, actor: Actor, policy: Policy, *, on_date: date | None = None) -> Impact:
    """What storing ``policy`` would change: pending recommendations (before -> after), licences in scope."""
    actor.require(*READERS, action="preview a policy change")
    return preview_policy_change(
        policy, policies=load_policies(session), pending=pending_facts(session), licences=licence_facts(session),
        on_date=on_date,
    )  # fmt: skip


def what_if(session: Session, actor: Actor, policy: Policy, *, on_date: date | None = None) -> dict[str, int]:
    """Counterfactual: had ``policy`` applied to every submitted application (decided or not), how many would be
    recommended a different decision — counts per "before → after" (e.g. {"approve → deny": 113})."""
    actor.require(*READERS, action="evaluate a policy change")
    apps = session.scalars(select(Application).where(Application.status != Status.DRAFT.value).order_by(Application.id))
    impact = preview_policy_change(
        policy, policies=load_policies(session), pending=[facts_from_row(a) for a in apps], on_date=on_date
    )
    moved = Counter(
        f"{c.before_decision.value} → {c.after_decision.value}"
        for c in impact.changes
        if c.before_decision is not c.after_decision
    )
    return dict(moved)
