"""What an applicant fills in (the BIS-748P data), validated field by field.

The same models read an application from a JSON file (``exportctl applications create FILE.json``) and from
the API. Values must be well-formed here (an ECCN that looks like one, an ISO country code, positive
quantities); whether they make a good application is the linter's job.
"""

from __future__ import annotations

import re
from decimal import Decimal
from enum import StrEnum
from pathlib import Path

import pycountry
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from exportctl.determination.parties import PartyRole
from exportctl.licensing.json_file import load_json_model

# Bounds that keep every amount (and every sum over one application) inside a 64-bit count of cents.
MAX_QUANTITY = 10**12
MAX_VALUE = Decimal(10**15)  # USD

ECCN_PATTERN = re.compile(r"^(EAR99|[0-9][A-EY][0-9]{3}(\.[a-z0-9]+(\.[a-z0-9]+)*)?)$")


class ApplicationType(StrEnum):
    EXPORT = "export"
    REEXPORT = "reexport"
    TRANSFER = "transfer"


class ItemInput(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    eccn: str = Field(description="Export Control Classification Number, or EAR99")
    description: str = Field(min_length=1)
    model: str | None = None
    quantity: int = Field(gt=0, le=MAX_QUANTITY)
    unit: str = Field(default="ea", min_length=1, max_length=20)
    unit_value: Decimal = Field(ge=0, le=MAX_VALUE, decimal_places=2, description="USD")
    total_value: Decimal | None = Field(
        default=None, ge=0, le=MAX_VALUE, decimal_places=2, description="USD; quantity × unit value"
    )
    tech_flags: tuple[str, ...] = Field(default=(), description='technology levels such as "5G"')

    @field_validator("eccn")
    @classmethod
    def _eccn_shape(cls, value: str) -> str:
        value = value.strip()
        normalised = value.upper() if value.upper() == "EAR99" else value[:5].upper() + value[5:].lower()
        if not ECCN_PATTERN.match(normalised):
            raise ValueError(f"{value!r} is not an ECCN (e.g. 5A002, 3A001.a.1, EAR99)")
        return normalised

    @model_validator(mode="after")
    def _default_total(self) -> ItemInput:
        if self.total_value is None:
            computed = self.unit_value * self.quantity
            if computed > MAX_VALUE:
                raise ValueError(f"quantity × unit value exceeds {MAX_VALUE:,} USD")
            object.__setattr__(self, "total_value", computed)
        return self

    @property
    def total(self) -> Decimal:
        return self.total_value if self.total_value is not None else self.unit_value * self.quantity


class PartyInput(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    role: PartyRole
    name: str = Field(min_length=1, max_length=500)
    country: str = Field(description="ISO 3166 alpha-2")
    address: str = ""

    @field_validator("country")
    @classmethod
    def _iso_country(cls, value: str) -> str:
        code = value.strip().upper()
        if len(code) != 2 or pycountry.countries.get(alpha_2=code) is None:
            raise ValueError(f"{value!r} is not an ISO 3166 alpha-2 country code")
        return code


class DocumentInput(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    filename: str = Field(min_length=1, max_length=300)
    content_type: str = "application/octet-stream"
    size_bytes: int = Field(ge=0)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    description: str = ""


class ApplicationInput(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    type: ApplicationType = ApplicationType.EXPORT
    items: tuple[ItemInput, ...] = ()
    parties: tuple[PartyInput, ...] = ()
    end_use: str = ""
    justification: str = Field(default="", description="why the transaction is no threat to national security")
    documents: tuple[DocumentInput, ...] = ()

    @model_validator(mode="after")
    def _bounded_total(self) -> ApplicationInput:
        if sum((item.total for item in self.items), Decimal(0)) > MAX_VALUE:
            raise ValueError(f"the items together exceed {MAX_VALUE:,} USD")
        return self


def load_application_file(path: Path) -> ApplicationInput:
    """Read one application from a JSON file; every problem is reported with its field path."""
    return load_json_model(path, ApplicationInput)
