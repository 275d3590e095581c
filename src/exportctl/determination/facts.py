"""The facts of one export transaction, checked: item, destination, parties, end use, date.

:func:`make_transaction` turns user input (strings) into a :class:`Transaction` or raises
:class:`~exportctl.errors.InputError` naming the field: ``eccn``, ``destination``, ``party``, ``date``.
Destinations are ISO 3166 alpha-2 codes (or a country name we know); the regions covered by 15 CFR 746.6 are
written ``UA-CRIMEA`` (also ``UA-43``/``UA-40``), ``UA-DNR`` and ``UA-LNR``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from exportctl.clock import UTC_CLOCK
from exportctl.determination.parties import PartyRole
from exportctl.errors import InputError
from exportctl.lists.countries import to_iso2
from exportctl.regulations import Eccn, Regulations, parse_eccn

REGIONS: dict[str, tuple[str, str]] = {
    "UA-CRIMEA": ("UA", "Crimea region of Ukraine"),
    "UA-43": ("UA", "Crimea region of Ukraine"),
    "UA-40": ("UA", "Crimea region of Ukraine"),  # Sevastopol
    "CRIMEA": ("UA", "Crimea region of Ukraine"),
    "UA-DNR": ("UA", "so-called Donetsk People's Republic (DNR) region of Ukraine"),
    "DNR": ("UA", "so-called Donetsk People's Republic (DNR) region of Ukraine"),
    "UA-LNR": ("UA", "so-called Luhansk People's Republic (LNR) region of Ukraine"),
    "LNR": ("UA", "so-called Luhansk People's Republic (LNR) region of Ukraine"),
}


@dataclass(frozen=True, slots=True)
class Party:
    role: PartyRole
    name: str
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Transaction:
    eccn: Eccn
    destination: str  # ISO2
    parties: tuple[Party, ...] = ()
    end_use: str | None = None
    foreign_produced: bool = False
    date: date = date(1970, 1, 1)
    region: str | None = None  # a 15 CFR 746.6 covered region of Ukraine, when the destination is one


def parse_date(value: str | date | None, *, today: date | None = None) -> date:
    """A ``YYYY-MM-DD`` date; ``None`` means today."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return today or UTC_CLOCK.today()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"unparsable date {value!r}: expected YYYY-MM-DD", field="date") from None


def parse_role(value: str | PartyRole) -> PartyRole:
    try:
        return PartyRole(str(value).strip().lower().replace("-", "_").replace(" ", "_"))
    except ValueError:
        allowed = ", ".join(r.value for r in PartyRole)
        raise InputError(f"unknown party role {value!r}: expected one of {allowed}", field="party") from None


def parse_destination(value: str, regulations: Regulations) -> tuple[str, str | None]:
    """(ISO2, covered region or None). Unknown codes or names raise InputError(field="destination")."""
    text = (value or "").strip()
    region = REGIONS.get(text.upper())
    if region:
        return region
    code = regulations.names.get(text.lower()) or (to_iso2(text) if text else None)
    if code is None:
        raise InputError(
            f"unknown destination {value!r}: give an ISO 3166 alpha-2 code such as CN", field="destination"
        )
    return code, None


def parse_party(value: str | tuple[str, str] | tuple[str, str, str | None] | Party) -> Party:
    """A party from ``"ROLE=NAME"``, ``(role, name)`` or ``(role, name, country)``."""
    if isinstance(value, Party):
        return value
    if isinstance(value, str):
        role, sep, name = value.partition("=")
        if not sep:
            raise InputError(f"party {value!r} must be written ROLE=NAME", field="party")
        country = None
    else:
        role, name = value[0], value[1]
        country = value[2] if len(value) == 3 else None
    if not name or not name.strip():
        raise InputError(f"party {value!r} has an empty name", field="party")
    return Party(parse_role(role), name.strip(), country or None)


def make_transaction(
    *,
    eccn: str | Eccn,
    destination: str,
    regulations: Regulations,
    parties: Iterable[str | tuple[str, str] | tuple[str, str, str | None] | Party] = (),
    end_use: str | None = None,
    foreign_produced: bool = False,
    on: str | date | None = None,
) -> Transaction:
    """Check every field and build the transaction; the first bad field raises InputError naming it."""
    item = eccn if isinstance(eccn, Eccn) else parse_eccn(eccn)
    iso2, region = parse_destination(destination, regulations)
    return Transaction(
        eccn=item,
        destination=iso2,
        parties=tuple(parse_party(p) for p in parties),
        end_use=(end_use or "").strip() or None,
        foreign_produced=foreign_produced,
        date=parse_date(on),
        region=region,
    )
