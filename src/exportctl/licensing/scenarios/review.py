"""How the scenario's reviewer decides a generated application: the application linter, then the policy engine.

Nothing is pre-set: the reviewer returns an application without action when the linter finds documentation
problems a licensing officer returns applications for, and otherwise follows the engine's recommendation under
the policies in force on the review date.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from exportctl.determination.parties import PartyRole
from exportctl.licensing.inputs import ApplicationInput, ItemInput, PartyInput
from exportctl.licensing.policies.engine import recommend
from exportctl.licensing.policies.facts import facts_from_input
from exportctl.licensing.policies.model import Policy, PolicyRecommendation
from exportctl.licensing.scenarios.generate import GeneratedApplication

PARTY_COUNTRY = "CN"


def application_input(app: GeneratedApplication) -> ApplicationInput:
    """The generated application as the BIS-748P data the workflow takes."""
    parties = [PartyInput(role=PartyRole.PURCHASER, name=app.purchaser, country=PARTY_COUNTRY)]
    parties.append(PartyInput(role=PartyRole.ULTIMATE_CONSIGNEE, name=app.purchaser, country=PARTY_COUNTRY))
    if app.end_user:
        parties.append(PartyInput(role=PartyRole.END_USER, name=app.end_user, country=PARTY_COUNTRY))
    items = tuple(
        ItemInput(
            eccn=item.eccn,
            description=item.description,
            quantity=item.quantity,
            unit_value=Decimal(item.unit_value),
            tech_flags=item.technology_flags,
        )
        for item in app.items
    )
    return ApplicationInput(items=items, parties=tuple(parties), end_use=app.end_use, justification=app.justification)


def review(app: GeneratedApplication, policies: tuple[Policy, ...], on_date: date) -> PolicyRecommendation:
    """The reviewer's recommendation for ``app`` on ``on_date``."""
    return recommend(facts_from_input(app.reference, application_input(app)), policies, on_date)
