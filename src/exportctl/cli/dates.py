"""Dates typed on the command line: ``YYYY-MM-DD``, or a clean :class:`InputError` naming the option."""

from __future__ import annotations

from datetime import date

from exportctl.errors import InputError


def parse_date(text: str | None, field: str) -> date | None:
    """``None`` stays ``None`` (the option was not given); anything else must be an ISO date."""
    if text is None:
        return None
    return required_date(text, field)


def required_date(text: str, field: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(f"{text!r} is not a date (YYYY-MM-DD)", field=field) from None
