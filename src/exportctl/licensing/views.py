"""Read-only views of stored applications, decisions, licences and shipments: what callers get back.

Frozen, detached from any session, safe to pass to reports, the CLI and the API.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from exportctl.screening.party import ScreeningRecord, stored_screening
from exportctl.store.licensing_tables import (
    Application,
    ApplicationItem,
    ApplicationParty,
    Decision,
    Licence,
    LicenceItem,
    Shipment,
)


@dataclass(frozen=True)
class ItemView:
    id: int
    position: int
    eccn: str
    description: str
    model: str | None
    quantity: int
    unit: str
    unit_value: Decimal
    total_value: Decimal
    tech_flags: tuple[str, ...]


@dataclass(frozen=True)
class ApplicationPartyView:
    id: int
    role: str
    name: str
    country: str
    address: str
    screening: ScreeningRecord | None


@dataclass(frozen=True)
class ApplicationView:
    id: int
    number: str
    organisation_id: int
    type: str
    status: str
    end_use: str
    justification: str
    created_on: date
    submitted_on: date | None
    registered_on: date | None
    assigned_reviewer_id: int | None
    intent_response_due_on: date | None
    intent_response: str | None  # the applicant's answer to an intent to deny, once given
    version: int
    items: tuple[ItemView, ...]
    parties: tuple[ApplicationPartyView, ...]
    lint_findings: tuple[dict[str, Any], ...]

    @property
    def total_value(self) -> Decimal:
        return sum((item.total_value for item in self.items), Decimal("0.00"))


@dataclass(frozen=True)
class DecisionView:
    id: int
    application_id: int
    outcome: str
    reasons: tuple[str, ...]
    conditions: tuple[str, ...]
    riders: tuple[str, ...]
    approved_item_ids: tuple[int, ...]
    decided_by: int
    decided_on: date
    licence_id: int | None = None
    licence_number: str | None = None


@dataclass(frozen=True)
class LicenceItemView:
    application_item_id: int
    eccn: str
    description: str
    quantity: int
    value: Decimal


@dataclass(frozen=True)
class LicenceView:
    id: int
    number: str
    application_id: int
    holder_organisation_id: int
    value_limit: Decimal
    value_used: Decimal
    quantity_limit: int
    quantity_used: int
    valid_from: date
    valid_to: date
    conditions: tuple[str, ...]
    status: str  # the latest recorded status event; see licences.status_on for a given date
    items: tuple[LicenceItemView, ...]

    @property
    def value_remaining(self) -> Decimal:
        return self.value_limit - self.value_used

    @property
    def quantity_remaining(self) -> int:
        return self.quantity_limit - self.quantity_used


@dataclass(frozen=True)
class ShipmentView:
    id: int
    licence_id: int
    shipped_on: date
    value: Decimal
    quantity: int
    reference: str
    recorded_by: int


def item_view(item: ApplicationItem) -> ItemView:
    return ItemView(
        id=item.id,
        position=item.position,
        eccn=item.eccn,
        description=item.description,
        model=item.model,
        quantity=item.quantity,
        unit=item.unit,
        unit_value=item.unit_value,
        total_value=item.total_value,
        tech_flags=tuple(item.tech_flags),
    )


def party_view(party: ApplicationParty) -> ApplicationPartyView:
    return ApplicationPartyView(
        party.id, party.role, party.name, party.country, party.address, stored_screening(party.screening)
    )


def application_view(app: Application) -> ApplicationView:
    return ApplicationView(
        id=app.id,
        number=app.number,
        organisation_id=app.organisation_id,
        type=app.type,
        status=app.status,
        end_use=app.end_use,
        justification=app.justification,
        created_on=app.created_on,
        submitted_on=app.submitted_on,
        registered_on=app.registered_on,
        assigned_reviewer_id=app.assigned_reviewer_id,
        intent_response_due_on=app.intent_response_due_on,
        intent_response=app.intent_response,
        version=app.version,
        items=tuple(item_view(item) for item in app.items),
        parties=tuple(party_view(party) for party in app.parties),
        lint_findings=tuple(app.lint_findings or ()),
    )


def decision_view(decision: Decision, licence: Licence | None = None) -> DecisionView:
    return DecisionView(
        id=decision.id,
        application_id=decision.application_id,
        outcome=decision.outcome,
        reasons=tuple(decision.reasons),
        conditions=tuple(decision.conditions),
        riders=tuple(decision.riders),
        approved_item_ids=tuple(decision.approved_item_ids),
        decided_by=decision.decided_by,
        decided_on=decision.decided_on,
        licence_id=licence.id if licence is not None else None,
        licence_number=licence.number if licence is not None else None,
    )


def _licence_item_view(item: LicenceItem) -> LicenceItemView:
    return LicenceItemView(item.application_item_id, item.eccn, item.description, item.quantity, item.value)


def licence_view(licence: Licence) -> LicenceView:
    return LicenceView(
        id=licence.id,
        number=licence.number,
        application_id=licence.application_id,
        holder_organisation_id=licence.holder_organisation_id,
        value_limit=licence.value_limit,
        value_used=licence.value_used,
        quantity_limit=licence.quantity_limit,
        quantity_used=licence.quantity_used,
        valid_from=licence.valid_from,
        valid_to=licence.valid_to,
        conditions=tuple(licence.conditions),
        status=licence.status,
        items=tuple(_licence_item_view(item) for item in licence.items),
    )


def shipment_view(shipment: Shipment) -> ShipmentView:
    return ShipmentView(
        shipment.id,
        shipment.licence_id,
        shipment.shipped_on,
        shipment.value,
        shipment.quantity,
        shipment.reference,
        shipment.recorded_by,
    )
