"""Is a licence party now on a denial list? Checked before every shipment.

The default check looks for an exact normalised-name match among the *current* entries of the Denied Persons
List (and any other list named in ``DENIAL_LISTS``) in force on the shipment date. Exact names only: a fuzzy
screening hit needs a person's judgement and is reported at submission, not used to block a shipment
automatically. Callers may pass their own check (e.g. one backed by the screening engine).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from exportctl.lists.identity import normalise_name
from exportctl.store.lists_tables import ListCurrent, ListEntryName, ListEntryRow

DENIAL_LISTS = ("dpl",)

DeniedPartyCheck = Callable[[Session, Sequence[tuple[str, str]], date], str | None]
"""(session, [(party name, country)], date) -> the reason a party is denied, or None."""


def current_denial_list_match(session: Session, parties: Sequence[tuple[str, str]], on: date) -> str | None:
    names = {normalise_name(name): name for name, _ in parties if normalise_name(name)}
    if not names:
        return None
    row = session.execute(
        select(ListEntryRow.list_code, ListEntryRow.primary_name, ListEntryName.normalised, ListEntryRow.entry_id)
        .join(ListCurrent, ListCurrent.snapshot_id == ListEntryRow.snapshot_id)
        .join(
            ListEntryName,
            (ListEntryName.snapshot_id == ListEntryRow.snapshot_id) & (ListEntryName.entry_id == ListEntryRow.entry_id),
        )
        .where(
            ListEntryRow.list_code.in_(DENIAL_LISTS),
            ListEntryName.normalised.in_(list(names)),
            or_(ListEntryRow.listed_on.is_(None), ListEntryRow.listed_on <= on),
            or_(ListEntryRow.removed_on.is_(None), ListEntryRow.removed_on >= on),
        )
        .limit(1)
    ).first()
    if row is None:
        return None
    list_code, primary_name, normalised, entry_id = row
    return (
        f"party {names[normalised]!r} is on the {list_code.upper()} as {primary_name!r} ({entry_id}) "
        f"on {on.isoformat()}"
    )


def denied_party_reason(
    session: Session, parties: Sequence[tuple[str, str]], on: date, *, check: DeniedPartyCheck | None = None
) -> str | None:
    return (check or current_denial_list_match)(session, parties, on)
