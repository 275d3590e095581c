"""Building the policy engine's plain facts from what the workflow holds (an application input or stored rows).

The reviewer's documentation rule lives here too: an application is returned without action when the linter
found one of :data:`RETURN_FOR` (what licensing officers return applications for), whatever the policy.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from exportctl.licensing.inputs import ApplicationInput
from exportctl.licensing.linter import lint
from exportctl.licensing.policies.items import category_of, product_group_of
from exportctl.licensing.policies.model import ApplicationFacts, ItemFacts, PartyFacts
from exportctl.screening.party import ScreeningRecord, stored_screening
from exportctl.store.licensing_tables import Application

POLICY_HIT_SCORE = 0.9  # screening hits at least this strong count as the listed party for review policies
RETURN_FOR = frozenset(
    {"vague_end_use", "missing_end_use", "missing_end_user", "missing_ultimate_consignee", "missing_justification"}
)


def documentation_issues(findings: Iterable[Mapping[str, Any]]) -> tuple[str, ...]:
    """Messages of the findings (``{"code", "message", …}``) the reviewer returns applications for."""
    return tuple(f"{f['code']}: {f['message']}" for f in findings if f.get("code") in RETURN_FOR)


def _item_facts(eccn: str, value: Decimal, tech_flags: Iterable[str], description: str) -> ItemFacts:
    """One item's facts, its category and product group derived from the ECCN (input and stored rows alike)."""
    return ItemFacts(
        eccn,
        category_of(eccn),
        value,
        product_group=product_group_of(eccn),
        technology_flags=frozenset(tech_flags),
        description=description,
    )


def facts_from_input(reference: str, data: ApplicationInput) -> ApplicationFacts:
    """Facts for an application input, with the linter run on it."""
    parties = tuple(PartyFacts(p.name, role=p.role.value) for p in data.parties)
    items = tuple(_item_facts(i.eccn, i.total, i.tech_flags, i.description) for i in data.items)
    findings = [{"code": f.code, "message": f.message} for f in lint(data)]
    return ApplicationFacts(reference, parties, items, documentation_issues(findings), data.justification)


def screened_parties(name: str, role: str, screening: ScreeningRecord | None) -> list[PartyFacts]:
    """The party as named, plus each listed entry its submission screening matched with a score of at least
    :data:`POLICY_HIT_SCORE` — so policies scoped by entry id, or by a family's listed names, reach it."""
    found = [PartyFacts(name, role=role)]
    for hit in screening.hits if screening is not None else ():
        if hit.score >= POLICY_HIT_SCORE:
            listed = hit.primary_name or hit.matched_name or name
            found.append(PartyFacts(listed, entry_id=hit.entry_id, role=f"{role} (screening hit {hit.score:.2f})"))
    return found


def facts_from_row(app: Application) -> ApplicationFacts:
    """Facts for a stored application, using the findings the linter recorded at submission and the parties'
    screening hits."""
    parties = tuple(f for p in app.parties for f in screened_parties(p.name, p.role, stored_screening(p.screening)))
    items = tuple(_item_facts(i.eccn, i.total_value, i.tech_flags or (), i.description) for i in app.items)
    issues = documentation_issues(app.lint_findings or [])
    return ApplicationFacts(app.number, parties, items, issues, app.justification)
