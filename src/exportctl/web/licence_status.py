"""What a licence's status is on a day, as a page should say it: a recorded suspension or revocation first, then
the validity dates (not yet valid, expired) and the drawdown (used up when no value or quantity is left)."""

from __future__ import annotations

from datetime import date

from exportctl.licensing.views import LicenceView

#: the statuses under which the holder may still draw a shipment
SHIPPABLE = frozenset({"active"})


def shown_status(licence: LicenceView, on: date) -> str:
    """One of: revoked, suspended, not_yet_valid, expired, used_up, active."""
    if licence.status in ("revoked", "suspended"):
        return licence.status
    if on < licence.valid_from:
        return "not_yet_valid"
    if on > licence.valid_to:
        return "expired"
    if licence.value_remaining <= 0 or licence.quantity_remaining <= 0:
        return "used_up"
    return "active"
