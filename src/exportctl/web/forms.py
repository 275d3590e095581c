"""The application form: fixed rows of items and one row per party role, read into the workflow's input model.

Field names are ``item-N-eccn`` … and ``party-ROLE-name`` …; empty rows are skipped, so a draft may be partial.
Errors come back per field (``items.0.eccn``) so the page can show them next to the inputs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from pydantic import ValidationError

from exportctl.determination.parties import PartyRole
from exportctl.errors import InputError
from exportctl.http.dates import check_date
from exportctl.licensing.inputs import ApplicationInput, ApplicationType
from exportctl.licensing.views import ApplicationView

ITEM_ROWS = 3
ITEM_FIELDS = ("eccn", "description", "model", "quantity", "unit", "unit_value", "tech_flags")
PARTY_FIELDS = ("name", "country", "address")
MAX_FIELD = 20_000


@dataclass
class ApplicationForm:
    """What the form shows: the values as typed and the problems found reading them."""

    values: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    data: ApplicationInput | None = None

    @property
    def party_roles(self) -> list[PartyRole]:
        return list(PartyRole)

    @property
    def item_rows(self) -> range:
        return range(ITEM_ROWS)


def read_form(form: Mapping[str, object]) -> ApplicationForm:
    values = {k: str(v)[:MAX_FIELD] for k, v in form.items() if isinstance(v, str) and k != "csrf_token"}
    result = ApplicationForm(values=values)
    raw: dict[str, object] = {
        "type": values.get("type", ApplicationType.EXPORT.value),
        "end_use": values.get("end_use", ""),
        "justification": values.get("justification", ""),
        "items": [],
        "parties": [],
    }
    items: list[dict[str, object]] = []
    for n in range(ITEM_ROWS):
        row = {name: values.get(f"item-{n}-{name}", "").strip() for name in ITEM_FIELDS}
        if not any(value for name, value in row.items() if name != "unit"):  # "ea" is pre-filled in every row
            continue
        flags = [flag.strip() for flag in row.pop("tech_flags").split(",") if flag.strip()]
        item: dict[str, object] = {k: v for k, v in row.items() if v}
        item["tech_flags"] = flags
        items.append(item)
    raw["items"] = items
    parties: list[dict[str, object]] = []
    for role in PartyRole:
        row = {name: values.get(f"party-{role.value}-{name}", "").strip() for name in PARTY_FIELDS}
        if row["name"] or row["country"]:
            parties.append({"role": role.value, **row})
    raw["parties"] = parties
    try:
        result.data = ApplicationInput.model_validate(raw)
    except ValidationError as exc:
        for error in exc.errors():
            where = ".".join(str(part) for part in error["loc"])
            result.errors.setdefault(where, str(error["msg"]))
    return result


def form_from_view(view: ApplicationView) -> ApplicationForm:
    """The form pre-filled from a stored draft."""
    values = {"type": view.type, "end_use": view.end_use, "justification": view.justification}
    for n, item in enumerate(view.items[:ITEM_ROWS]):
        values.update(
            {
                f"item-{n}-eccn": item.eccn,
                f"item-{n}-description": item.description,
                f"item-{n}-model": item.model or "",
                f"item-{n}-quantity": str(item.quantity),
                f"item-{n}-unit": item.unit,
                f"item-{n}-unit_value": str(item.unit_value),
                f"item-{n}-tech_flags": ", ".join(item.tech_flags),
            }
        )
    for party in view.parties:
        values.update(
            {
                f"party-{party.role}-name": party.name,
                f"party-{party.role}-country": party.country,
                f"party-{party.role}-address": party.address,
            }
        )
    return ApplicationForm(values=values)


def optional_date(value: str, field_name: str, *, not_future: bool = False, named: bool = False) -> date | None:
    """A date from a form field where empty means "not given" (browsers send ``name=`` for empty date inputs).

    ``named``: the error message starts with the field's name (the workflow pages' forms, several dates a page)."""
    text = value.strip()
    if not text:
        return None
    try:
        day = date.fromisoformat(text)
    except ValueError:
        label = f"{field_name.replace('_', ' ')} " if named else ""
        raise InputError(f"{label}{text!r} is not a date (YYYY-MM-DD)", field=field_name) from None
    return check_date(day, field_name, not_future=not_future)
