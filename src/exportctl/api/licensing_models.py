"""Request and response models for applications, reviews, licences and shipments.

Requests mirror :mod:`exportctl.licensing.inputs` with length limits added at the edge (an over-long field is a
422 naming it, before anything reaches the workflow). Responses are read from the workflow's frozen views.
"""

from __future__ import annotations

import builtins
from datetime import date
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from exportctl.api.strict import StrictCount
from exportctl.determination.parties import PartyRole
from exportctl.errors import InputError
from exportctl.licensing.inputs import ApplicationInput, ApplicationType
from exportctl.screening.party import ScreeningRecord

LONG_TEXT = 20_000


class ItemBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    eccn: str = Field(min_length=4, max_length=40, description="ECCN such as 5A002 or 3A001.a.1, or EAR99")
    description: str = Field(min_length=1, max_length=2000)
    model: str | None = Field(default=None, max_length=200)
    quantity: StrictCount = Field(gt=0, le=10**12)
    unit: str = Field(default="ea", min_length=1, max_length=20)
    unit_value: Decimal = Field(ge=0, le=Decimal("1e13"), decimal_places=2, description="USD")
    total_value: Decimal | None = Field(default=None, ge=0, le=Decimal("1e15"), decimal_places=2)
    tech_flags: list[str] = Field(default_factory=list, max_length=20)


class PartyBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    role: PartyRole
    name: str = Field(min_length=1, max_length=500)
    country: str = Field(min_length=2, max_length=2, description="ISO 3166 alpha-2")
    address: str = Field(default="", max_length=1000)


class DocumentBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    filename: str = Field(min_length=1, max_length=300)
    content_type: str = Field(default="application/octet-stream", max_length=100)
    size_bytes: StrictCount = Field(ge=0, le=10**12)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    description: str = Field(default="", max_length=2000)


class ApplicationBody(BaseModel):
    """An application's content (BIS-748P data). Drafts may be incomplete; the linter says what is missing."""

    model_config = ConfigDict(extra="forbid")

    type: ApplicationType = ApplicationType.EXPORT
    items: list[ItemBody] = Field(default_factory=list, max_length=200)
    parties: list[PartyBody] = Field(default_factory=list, max_length=50)
    end_use: str = Field(default="", max_length=LONG_TEXT)
    justification: str = Field(default="", max_length=LONG_TEXT)
    documents: list[DocumentBody] = Field(default_factory=list, max_length=50)

    def to_input(self) -> ApplicationInput:
        """The workflow's input model; its own checks (ECCN shape, ISO country) fail as an :class:`InputError`."""
        try:
            return ApplicationInput.model_validate(self.model_dump())
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(part) for part in first["loc"])
            raise InputError(f"{where}: {first['msg']}", field=where) from None


class ItemOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    position: int
    eccn: str
    description: str
    model: str | None
    quantity: int
    unit: str
    unit_value: Decimal
    total_value: Decimal
    tech_flags: builtins.list[str]


class PartyOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    role: str
    name: str
    country: str
    address: str
    screening: dict[str, Any] | None

    @field_validator("screening", mode="before")
    @classmethod
    def _screening_json(cls, value: object) -> object:
        """The typed record (float score, certainty, feature contributions, snapshot ids) as its stored JSON."""
        return value.to_json() if isinstance(value, ScreeningRecord) else value


class ApplicationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

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
    intent_response_due_on: date | None
    intent_response: str | None = None
    version: int
    total_value: Decimal
    items: list[ItemOut]
    parties: list[PartyOut]
    lint_findings: list[dict[str, Any]]


class FindingOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    code: str
    severity: str
    message: str
    field: str


class SubmitOut(BaseModel):
    application: ApplicationOut
    findings: list[FindingOut]


class ClockOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    registered_on: date
    as_of: date
    elapsed_days: int
    paused_days: int
    paused: bool
    decision_due_on: date
    days_remaining: int
    overdue: bool


class DecisionOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    application_id: int
    outcome: str
    reasons: list[str]
    conditions: list[str]
    riders: list[str]
    approved_item_ids: list[int]
    decided_by: int
    decided_on: date
    licence_id: int | None
    licence_number: str | None


class LicenceItemOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    application_item_id: int
    eccn: str
    description: str
    quantity: int
    value: Decimal


class LicenceOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    number: str
    application_id: int
    holder_organisation_id: int
    value_limit: Decimal
    value_used: Decimal
    value_remaining: Decimal
    quantity_limit: int
    quantity_used: int
    quantity_remaining: int
    valid_from: date
    valid_to: date
    conditions: list[str]
    status: str
    items: list[LicenceItemOut]


class ShipmentOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    licence_id: int
    shipped_on: date
    value: Decimal
    quantity: int
    reference: str
    recorded_by: int
