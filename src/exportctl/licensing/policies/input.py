"""A review policy as a user writes it (JSON file for ``exportctl policies preview|apply --file``), validated.

Example::

    {"policy_id": "huawei-2023-halt", "title": "Huawei: no new licences", "family": "Huawei",
     "name_contains": ["Huawei"], "outcome": "no_new_licences", "effective_from": "2023-01-30",
     "priority": 100, "citation": "…", "citation_verification": "unverified"}
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from exportctl.licensing.json_file import load_json_model
from exportctl.licensing.policies.model import Citation, ItemScope, PartyScope, Policy, ReviewPolicy, Verification


class PolicyInput(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    policy_id: str = Field(min_length=1, max_length=100)
    title: str = Field(min_length=1, max_length=300)
    family: str = Field(min_length=1, max_length=200)
    entry_ids: list[str] = []
    name_contains: list[str] = []
    eccns: list[str] = []
    categories: list[str] = []
    product_groups: list[str] = []
    technology_flags: list[str] = []
    items_description: str = "all items subject to the EAR"
    outcome: ReviewPolicy
    effective_from: date
    effective_to: date | None = None
    priority: int = 0
    citation: str = ""
    citation_verification: Verification = Verification.NONE
    citation_note: str = ""
    date_note: str = ""

    @model_validator(mode="after")
    def _checks(self) -> PolicyInput:
        if not self.entry_ids and not self.name_contains:
            raise ValueError("name the parties: entry_ids and/or name_contains")
        if self.effective_to is not None and self.effective_to <= self.effective_from:
            raise ValueError("effective_to must be after effective_from")
        if self.citation and self.citation_verification is Verification.NONE:
            raise ValueError("say how the citation was verified (verified | partial | unverified)")
        return self

    def to_policy(self) -> Policy:
        return Policy(
            self.policy_id,
            self.title,
            PartyScope(self.family, frozenset(self.entry_ids), tuple(self.name_contains)),
            ItemScope(
                frozenset(e.upper() for e in self.eccns),
                frozenset(self.categories),
                frozenset(self.product_groups),
                frozenset(self.technology_flags),
                self.items_description,
            ),
            self.outcome,
            self.effective_from,
            Citation(self.citation, self.citation_verification, self.citation_note),
            effective_to=self.effective_to,
            priority=self.priority,
            date_note=self.date_note,
        )


def load_policy_file(path: Path) -> Policy:
    """Read one policy from a JSON file; every problem is reported with its field."""
    return load_json_model(path, PolicyInput).to_policy()
