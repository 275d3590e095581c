"""Request and response models for review policies: the licensing package's ``PolicyInput`` with bounds added at
the HTTP edge, and the impact of a change (recommendations that move, licences in scope)."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from exportctl.api.strict import StrictCount
from exportctl.errors import InputError
from exportctl.http.dates import AnyDay
from exportctl.licensing.policies.impact import Impact
from exportctl.licensing.policies.input import PolicyInput
from exportctl.licensing.policies.model import Policy, ReviewPolicy, Verification

Short = Annotated[str, Field(min_length=1, max_length=200)]
Terms = Annotated[list[Short], Field(default_factory=list, max_length=100)]


class PolicyBody(BaseModel):
    """A review policy: parties (entry ids and/or name patterns) x items (ECCNs, categories, technology flags) x
    dates -> outcome, with its citation."""

    model_config = ConfigDict(extra="forbid")

    policy_id: str = Field(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9._-]+$")
    title: str = Field(min_length=1, max_length=300)
    family: str = Field(min_length=1, max_length=200)
    entry_ids: Terms
    name_contains: Terms
    eccns: Terms
    categories: Terms
    product_groups: Terms
    technology_flags: Terms
    items_description: str = Field(default="all items subject to the EAR", max_length=500)
    outcome: ReviewPolicy
    effective_from: AnyDay
    effective_to: AnyDay | None = None
    priority: StrictCount = Field(default=0, ge=-1000, le=1000)
    citation: str = Field(default="", max_length=2000)
    citation_verification: Verification = Verification.NONE
    citation_note: str = Field(default="", max_length=2000)
    date_note: str = Field(default="", max_length=2000)

    def to_policy(self) -> Policy:
        try:
            return PolicyInput.model_validate(self.model_dump()).to_policy()
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(part) for part in first["loc"]) or "policy"
            raise InputError(f"{where}: {first['msg']}", field=where) from None


class PolicyOut(BaseModel):
    policy_id: str
    title: str
    family: str
    name_contains: list[str]
    entry_ids: list[str]
    items: str
    outcome: str
    effective_from: date
    effective_to: date | None
    priority: int
    citation: str

    @classmethod
    def of(cls, policy: Policy) -> PolicyOut:
        return cls(
            policy_id=policy.policy_id,
            title=policy.title,
            family=policy.parties.family,
            name_contains=list(policy.parties.name_contains),
            entry_ids=sorted(policy.parties.entry_ids),
            items=policy.items.description,
            outcome=policy.outcome.value,
            effective_from=policy.effective_from,
            effective_to=policy.effective_to,
            priority=policy.priority,
            citation=str(policy.citation),
        )


class ChangeOut(BaseModel):
    application_id: str
    before_outcome: str | None
    after_outcome: str | None
    before_decision: str
    after_decision: str
    reasons: list[str]


class AffectedLicenceOut(BaseModel):
    licence_id: str
    holder: str
    reason: str


class ImpactOut(BaseModel):
    policy_id: str
    on_date: date
    changes: list[ChangeOut]
    unchanged: int
    affected_licences: list[AffectedLicenceOut]

    @classmethod
    def of(cls, impact: Impact) -> ImpactOut:
        return cls(
            policy_id=impact.policy_id,
            on_date=impact.on_date,
            changes=[
                ChangeOut(
                    application_id=c.application_id,
                    before_outcome=c.before_outcome.value if c.before_outcome else None,
                    after_outcome=c.after_outcome.value if c.after_outcome else None,
                    before_decision=c.before_decision.value,
                    after_decision=c.after_decision.value,
                    reasons=list(c.reasons),
                )
                for c in impact.changes
            ],
            unchanged=impact.unchanged,
            affected_licences=[
                AffectedLicenceOut(licence_id=a.licence_id, holder=a.holder, reason=a.reason)
                for a in impact.affected_licences
            ],
        )


class LicenceActionKind(StrEnum):
    SUSPEND = "suspend"
    REVOKE = "revoke"


class PreviewBody(BaseModel):
    policy: PolicyBody
    on_date: AnyDay | None = Field(default=None, description="evaluate pending applications as of (default today)")


class ApplyBody(BaseModel):
    policy: PolicyBody
    licence_action: LicenceActionKind | None = Field(
        default=None, description="also suspend or revoke every active licence the policy reaches, from its date"
    )
    reason: str = Field(default="", max_length=2000)


class AppliedOut(BaseModel):
    policy: PolicyOut
    impact: ImpactOut
    licences_changed: list[str]
