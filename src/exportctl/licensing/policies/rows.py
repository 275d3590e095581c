"""Mapping between :class:`Policy` value objects and ``review_policies`` rows (one row per version)."""

from __future__ import annotations

from datetime import datetime

from exportctl.licensing.policies.model import Citation, ItemScope, PartyScope, Policy, ReviewPolicy, Verification
from exportctl.store.policy_tables import PolicyRow


def row_from_policy(policy: Policy, version: int, created_by: int | None, created_at: datetime) -> PolicyRow:
    return PolicyRow(
        policy_key=policy.policy_id,
        version=version,
        title=policy.title,
        family=policy.parties.family,
        entry_ids=sorted(policy.parties.entry_ids),
        name_contains=list(policy.parties.name_contains),
        eccns=sorted(policy.items.eccns),
        categories=sorted(policy.items.categories),
        product_groups=sorted(policy.items.product_groups),
        technology_flags=sorted(policy.items.technology_flags),
        item_description=policy.items.description,
        outcome=policy.outcome.value,
        effective_from=policy.effective_from,
        effective_to=policy.effective_to,
        priority=policy.priority,
        citation_text=policy.citation.text,
        citation_verification=policy.citation.verification.value,
        citation_note=policy.citation.note,
        date_note=policy.date_note,
        created_by=created_by,
        created_at=created_at,
    )


def policy_from_row(row: PolicyRow) -> Policy:
    return Policy(
        policy_id=row.policy_key,
        title=row.title,
        parties=PartyScope(row.family, frozenset(row.entry_ids), tuple(row.name_contains)),
        items=ItemScope(
            frozenset(row.eccns),
            frozenset(row.categories),
            frozenset(row.product_groups),
            frozenset(row.technology_flags),
            row.item_description,
        ),
        outcome=ReviewPolicy(row.outcome),
        effective_from=row.effective_from,
        citation=Citation(row.citation_text, Verification(row.citation_verification), row.citation_note),
        effective_to=row.effective_to,
        priority=row.priority,
        date_note=row.date_note,
    )
