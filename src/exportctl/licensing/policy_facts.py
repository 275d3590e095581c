"""Building the policy engine's plain facts from what the workflow holds (an application input or stored rows).

The reviewer's documentation rule lives here too: an application is returned without action when the linter
found one of :data:`RETURN_FOR` (what licensing officers return applications for), whatever the policy.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from exportctl.licensing.inputs import ApplicationInput
from exportctl.licensing.linter import lint
from exportctl.licensing.policy_items import category_of, product_group_of
from exportctl.licensing.policy_model import ApplicationFacts, ItemFacts, PartyFacts
from exportctl.store.licensing_tables import Application

RETURN_FOR = frozenset(
    {"vague_end_use", "missing_end_use", "missing_end_user", "missing_ultimate_consignee", "missing_justification"}
)


def documentation_issues(findings: Iterable[Mapping[str, Any]]) -> tuple[str, ...]:
    """Messages of the findings (``{"code", "message", …}``) the reviewer returns applications for."""
    return tuple(f"{f['code']}: {f['message']}" for f in findings if f.get("code") in RETURN_FOR)


def facts_from_input(reference: str, data: ApplicationInput) -> ApplicationFacts:
    """Facts for an application input, with the linter run on it."""
    parties = tuple(PartyFacts(p.name, role=p.role.value) for p in data.parties)
    items = tuple(
        ItemFacts(
            i.eccn,
            category_of(i.eccn),
            i.total,
            product_group=product_group_of(i.eccn),
            technology_flags=frozenset(i.tech_flags),
            description=i.description,
        )
        for i in data.items
    )
    findings = [{"code": f.code, "message": f.message} for f in lint(data)]
    return ApplicationFacts(reference, parties, items, documentation_issues(findings), data.justification)


def facts_from_row(app: Application) -> ApplicationFacts:
    """Facts for a stored application, using the findings the linter recorded at submission."""
    parties = tuple(PartyFacts(p.name, role=p.role) for p in app.parties)
    items = tuple(
        ItemFacts(
            i.eccn,
            category_of(i.eccn),
            i.total_value,
            product_group=product_group_of(i.eccn),
            technology_flags=frozenset(i.tech_flags or ()),
            description=i.description,
        )
        for i in app.items
    )
    issues = documentation_issues(app.lint_findings or [])
    return ApplicationFacts(app.number, parties, items, issues, app.justification)
