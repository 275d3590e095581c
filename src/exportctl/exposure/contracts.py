"""When a contract can end if its vendor is banned from a date, and what ending it costs.

Three ways out, each only when the contract states what it needs:

* **expiry** on ``end_date``, at no cost;
* **ordinary notice**: ``notice_days`` after the ban date, costing ``termination_cost``;
* **security clause** (the exit or "security termination" clause): ``security_notice_days`` after the ban date,
  costing ``exit_cost``.

The earliest date wins; of equal dates, the known cheaper cost, then a known cost before an unknown one. A contract
that ended before the ban date needs nothing. A contract with no end date, no notice period and no clause has no
end under its terms: reported as such, never as ending on some assumed date. An unknown cost stays unknown.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from exportctl.exposure.model import Contract, cents

EXPIRY = "expiry"
NOTICE = "ordinary notice"
CLAUSE = "security clause"
ENDED = "ended before the ban"
NO_END = "no end under its terms"


@dataclass(frozen=True, slots=True)
class ExitOption:
    route: str
    end: date
    cost: Decimal | None  # None: not stated in the register

    def sort_key(self) -> tuple[date, int, Decimal]:
        return (self.end, 0 if self.cost is not None else 1, self.cost if self.cost is not None else Decimal(0))


@dataclass(frozen=True, slots=True)
class ContractEnd:
    """The earliest way out of one contract, with every way its terms allow."""

    contract: Contract
    route: str
    end: date | None
    cost: Decimal | None
    options: tuple[ExitOption, ...]

    @property
    def cost_known(self) -> bool:
        return self.cost is not None or self.route in (ENDED, NO_END)

    def to_dict(self) -> dict[str, object]:
        c = self.contract
        return {
            "contract_id": c.contract_id,
            "vendor": c.vendor,
            "start_date": c.start_date.isoformat() if c.start_date else None,
            "end_date": c.end_date.isoformat() if c.end_date else None,
            "notice_days": c.notice_days,
            "security_clause": c.security_clause,
            "security_notice_days": c.security_notice_days,
            "route": self.route,
            "earliest_end": self.end.isoformat() if self.end else None,
            "cost": cents(self.cost) if self.cost is not None else None,
            "options": [
                {"route": o.route, "end": o.end.isoformat(), "cost": cents(o.cost) if o.cost is not None else None}
                for o in self.options
            ],
        }


def exit_options(contract: Contract, ban: date) -> tuple[ExitOption, ...]:
    """Every way out of ``contract`` its terms give, for a ban from ``ban``, earliest first."""
    options = []
    if contract.end_date is not None:
        options.append(ExitOption(EXPIRY, contract.end_date, Decimal(0)))
    if contract.notice_days is not None:
        options.append(ExitOption(NOTICE, ban + timedelta(days=contract.notice_days), contract.termination_cost))
    if contract.security_clause and contract.security_notice_days is not None:
        options.append(ExitOption(CLAUSE, ban + timedelta(days=contract.security_notice_days), contract.exit_cost))
    return tuple(sorted(options, key=ExitOption.sort_key))


def earliest_end(contract: Contract, ban: date) -> ContractEnd:
    """The earliest end of ``contract`` under its terms for a ban from ``ban``, and its cost."""
    if contract.end_date is not None and contract.end_date < ban:
        return ContractEnd(contract, ENDED, contract.end_date, Decimal(0), ())
    options = exit_options(contract, ban)
    if not options:
        return ContractEnd(contract, NO_END, None, None, ())
    best = options[0]
    return ContractEnd(contract, best.route, best.end, best.cost, options)
