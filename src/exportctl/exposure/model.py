"""What an operator's inventory is made of: equipment rows and supplier contracts, as plain frozen objects.

Amounts are :class:`~decimal.Decimal` in the inventory's own currency (one currency per organisation; exportctl
does not convert). ``book_value`` and ``replacement_cost`` are per unit; a row's cost to replace is
``quantity × unit_cost`` where the unit cost is the replacement cost, else the book value, else *unknown* (never 0).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum


class NetworkFunction(StrEnum):
    """Where a piece of equipment sits in the network."""

    CORE = "core"
    TRANSPORT = "transport"
    RAN = "ran"
    OSS = "oss"


@dataclass(frozen=True, slots=True)
class Equipment:
    """One inventory row: ``quantity`` units of one vendor's model at one site, in one network function."""

    line: int
    vendor: str
    model: str
    site: str
    function: NetworkFunction
    quantity: int
    install_date: date | None = None
    book_value: Decimal | None = None
    replacement_cost: Decimal | None = None
    contract_id: str = ""

    @property
    def unit_cost(self) -> Decimal | None:
        """The cost of replacing one unit: the replacement cost, else the book value; None when neither is known."""
        return self.replacement_cost if self.replacement_cost is not None else self.book_value


@dataclass(frozen=True, slots=True)
class Contract:
    """A supply or support contract with a vendor, with its ordinary notice and its security-termination clause.

    ``termination_cost`` is what ending it early by ordinary notice costs; ``exit_cost`` what ending it under the
    security-termination clause costs (None: not stated, reported as unknown).
    """

    line: int
    contract_id: str
    vendor: str
    start_date: date | None = None
    end_date: date | None = None
    notice_days: int | None = None
    security_clause: bool = False
    security_notice_days: int | None = None
    termination_cost: Decimal | None = None
    exit_cost: Decimal | None = None


@dataclass(frozen=True)
class Inventory:
    """One organisation's equipment and contracts as stored, with when each was last imported."""

    organisation: str
    equipment: tuple[Equipment, ...]
    contracts: tuple[Contract, ...]
    equipment_imported: str | None = None  # "file, timestamp" of the import in force; None: never imported
    contracts_imported: str | None = None


CENT = Decimal("0.01")


def cents(value: Decimal) -> str:
    """An amount as exported: two decimals, whatever precision it was read or stored with."""
    return str(value.quantize(CENT))
