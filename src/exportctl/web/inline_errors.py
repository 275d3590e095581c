"""Which workflow errors a page shows next to the form that caused them.

Errors the user can act on from the same page (bad input, a step the application or licence is not ready for, a
concurrent change, a refused shipment) are rendered inline with the page, keeping its forms. Access errors (403 and
the tenant-hiding 404) are not: they propagate to the one error mapping in ``api.errors`` so no page of another
tenant's resource is ever rendered."""

from __future__ import annotations

from datetime import date

from exportctl.errors import ConflictError, InputError, InvalidTransitionError, ShipmentRefusedError
from exportctl.web.forms import optional_date

#: Raised by a step for reasons the page can explain; everything else goes to the error handlers.
FIXABLE_ERRORS = (InputError, InvalidTransitionError, ConflictError, ShipmentRefusedError)


def inline_status(exc: Exception) -> int:
    """422 for input the user should correct, 409 for a step that is not possible now (as the API answers)."""
    return 422 if isinstance(exc, InputError) else 409


def form_date(value: str, field: str) -> date | None:
    """A date typed in a form (ISO, YYYY-MM-DD); blank means the default (today) chosen by the workflow."""
    return optional_date(value, field, not_future=True, named=True)
