"""Application states and which step may move an application from which state.

draft → submitted → registered → under_review ⇄ (info_requested | on_hold) → referred → intent_to_deny →
approved / approved_in_part / denied / returned_without_action / withdrawn. Pauses return to the state they
interrupted. The table below is the single source of truth the workflow functions check.
"""

from __future__ import annotations

from enum import StrEnum

from exportctl.errors import InvalidTransitionError


class Status(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    REGISTERED = "registered"
    UNDER_REVIEW = "under_review"
    INFO_REQUESTED = "info_requested"
    ON_HOLD = "on_hold"
    REFERRED = "referred"
    INTENT_TO_DENY = "intent_to_deny"
    APPROVED = "approved"
    APPROVED_IN_PART = "approved_in_part"
    DENIED = "denied"
    RETURNED_WITHOUT_ACTION = "returned_without_action"
    WITHDRAWN = "withdrawn"


class Outcome(StrEnum):
    """What a decision says; each outcome is also the application's final status."""

    APPROVED = "approved"
    APPROVED_IN_PART = "approved_in_part"
    DENIED = "denied"
    RETURNED_WITHOUT_ACTION = "returned_without_action"
    WITHDRAWN = "withdrawn"


FINAL = frozenset(
    {Status.APPROVED, Status.APPROVED_IN_PART, Status.DENIED, Status.RETURNED_WITHOUT_ACTION, Status.WITHDRAWN}
)
OPEN_REVIEW = frozenset({Status.UNDER_REVIEW, Status.REFERRED, Status.INTENT_TO_DENY})
PAUSED = frozenset({Status.INFO_REQUESTED, Status.ON_HOLD})

# step name -> states it may start from
ALLOWED_FROM: dict[str, frozenset[Status]] = {
    "edit_draft": frozenset({Status.DRAFT}),
    "submit": frozenset({Status.DRAFT}),
    "register": frozenset({Status.SUBMITTED}),
    "start_review": frozenset({Status.REGISTERED}),
    "request_info": OPEN_REVIEW,
    "put_on_hold": OPEN_REVIEW,
    "resume": PAUSED,
    "answer_info_request": frozenset({Status.INFO_REQUESTED}),
    "refer": frozenset({Status.UNDER_REVIEW, Status.REFERRED}),
    "intent_to_deny": frozenset({Status.UNDER_REVIEW, Status.REFERRED}),
    "respond_to_intent": frozenset({Status.INTENT_TO_DENY}),
    "approve": OPEN_REVIEW,
    "deny": frozenset({Status.INTENT_TO_DENY}),
    "return_without_action": frozenset({Status.SUBMITTED, Status.REGISTERED}) | OPEN_REVIEW,
    "withdraw": frozenset(Status) - FINAL,
}


def check_step(step: str, current: str, *, application_number: str) -> Status:
    """Return the current status if ``step`` may start from it, else raise with the reason."""
    status = Status(current)
    allowed = ALLOWED_FROM[step]
    if status not in allowed:
        if status in FINAL:
            why = f"it is already {status.value.replace('_', ' ')}"
        else:
            names = ", ".join(sorted(s.value for s in allowed))
            why = f"it is {status.value}; {step.replace('_', ' ')} is allowed only from: {names}"
        raise InvalidTransitionError(f"cannot {step.replace('_', ' ')} application {application_number}: {why}")
    return status
