"""The removal plan: replace a banned vendor's equipment in order of risk, under a budget per quarter.

Work is grouped by (site, network function). A group's risk is its function's weight plus ``per_flagged_function``
times the number of the site's network functions (in the scenario's scope) with the vendor's equipment
(:class:`Weights`; by default core before transport before RAN before OSS, and within a function the sites with
most flagged functions first). Groups are replaced strictly in that order, unit by unit (oldest installation first
inside a group).

Budget: the first quarter is the ban date's; each quarter adds ``budget_per_quarter`` and unspent budget carries
over, so a unit is replaced in the first quarter whose cumulative budget covers the cumulative cost up to and
including it (a unit dearer than one quarter's budget spans several). Without a budget everything is replaced in
the first quarter. A unit whose cost is unknown cannot be budgeted: it is left *unplanned*, stays in service in the
timeline, and the network has no clean quarter until it is costed (the plan says how many and where).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal

from exportctl.errors import InputError
from exportctl.exposure.model import CENT, Equipment, NetworkFunction, cents
from exportctl.exposure.quarters import Quarter

MAX_QUARTERS = 400  # a plan longer than a century is a budget typo


@dataclass(frozen=True)
class Weights:
    """Risk weights: one per network function, and one per flagged function at the site."""

    core: float = 100.0
    transport: float = 60.0
    ran: float = 40.0
    oss: float = 20.0
    per_flagged_function: float = 1.0

    def of(self, function: NetworkFunction) -> float:
        return float(getattr(self, function.value))

    @classmethod
    def parse(cls, text: str) -> Weights:
        """``"core=100,ran=40,site=1"`` (``site`` is :attr:`per_flagged_function`); unnamed weights keep defaults."""
        values: dict[str, float] = {}
        for part in (p.strip() for p in text.split(",")):
            if not part:
                continue
            name, sep, number = part.partition("=")
            key = {"site": "per_flagged_function"}.get(name.strip().casefold(), name.strip().casefold())
            if not sep or key not in cls.__dataclass_fields__:
                raise InputError(f"weight {part!r}: expected NAME=NUMBER, NAME one of core, transport, ran, oss, site",
                                 field="weights")  # fmt: skip
            try:
                values[key] = float(number)
            except ValueError:
                raise InputError(f"weight {part!r}: {number.strip()!r} is not a number", field="weights") from None
        return cls(**values)


@dataclass
class PlanStep:
    """One (site, function) group: its risk, units and cost, and how many units go in each quarter."""

    order: int
    site: str
    function: NetworkFunction
    risk: float
    units: int
    cost: Decimal
    unplanned_units: int
    by_quarter: dict[Quarter, tuple[int, Decimal]] = field(default_factory=dict)

    @property
    def first_quarter(self) -> Quarter | None:
        return min(self.by_quarter) if self.by_quarter else None

    @property
    def last_quarter(self) -> Quarter | None:
        return max(self.by_quarter) if self.by_quarter else None


@dataclass(frozen=True)
class TimelinePoint:
    """Units still in service at a date (the start of the plan, then each quarter's end), per function."""

    day: date
    in_service: dict[NetworkFunction, int]

    @property
    def total(self) -> int:
        return sum(self.in_service.values())


@dataclass(frozen=True)
class RemovalPlan:
    start: date
    budget_per_quarter: Decimal | None
    weights: Weights
    steps: tuple[PlanStep, ...]
    spend_by_quarter: tuple[tuple[Quarter, Decimal, int], ...]  # quarter, cost, units replaced
    timeline: tuple[TimelinePoint, ...]
    unplanned_units: int

    @property
    def clean_quarter(self) -> Quarter | None:
        """The quarter after which no unit of the vendor is in service; None while a unit is unplanned."""
        if self.unplanned_units:
            return None
        return self.spend_by_quarter[-1][0] if self.spend_by_quarter else Quarter.of(self.start)

    def to_dict(self) -> dict[str, object]:
        clean = self.clean_quarter
        return {
            "start": self.start.isoformat(),
            "budget_per_quarter": cents(self.budget_per_quarter) if self.budget_per_quarter is not None else None,
            "weights": self.weights.__dict__,
            "clean_quarter": str(clean) if clean else None,
            "clean_by": clean.end.isoformat() if clean else None,
            "unplanned_units": self.unplanned_units,
            "steps": [
                {
                    "order": s.order,
                    "site": s.site,
                    "function": s.function.value,
                    "risk": s.risk,
                    "units": s.units,
                    "cost": cents(s.cost),
                    "unplanned_units": s.unplanned_units,
                    "first_quarter": str(s.first_quarter) if s.first_quarter else None,
                    "last_quarter": str(s.last_quarter) if s.last_quarter else None,
                    "quarters": {str(q): {"units": u, "cost": cents(c)} for q, (u, c) in sorted(s.by_quarter.items())},
                }  # fmt: skip
                for s in self.steps
            ],
            "spend_by_quarter": [
                {"quarter": str(q), "cost": cents(c), "units": u} for q, c, u in self.spend_by_quarter
            ],
            "timeline": [
                {"day": p.day.isoformat(), "total": p.total, **{f.value: n for f, n in p.in_service.items()}}
                for p in self.timeline
            ],
        }


def _cents(amount: Decimal) -> int:
    """Whole cents (half-even, as the store keeps money): the plan adds and divides integers, exactly and fast."""
    return int(amount.quantize(CENT, rounding=ROUND_HALF_EVEN).scaleb(2))


def _quarter_index(cumulative: int, budget: int) -> int:
    """The index (0: the ban's quarter) of the first quarter whose cumulative budget covers ``cumulative``."""
    return max(0, -(-cumulative // budget) - 1)


def _schedule(spent: int, unit: int, units: int, budget: int | None) -> Iterable[tuple[int, int]]:
    """(quarter index, units replaced in it) for ``units`` units costing ``unit`` cents each, after ``spent``."""
    if budget is None:
        return ((0, units),)
    first, last = _quarter_index(spent + unit, budget), _quarter_index(spent + unit * units, budget)
    if last > MAX_QUARTERS:
        raise InputError(
            f"the plan would take more than {MAX_QUARTERS} quarters at {Decimal(budget).scaleb(-2)} per quarter",
            field="budget_per_quarter",
        )
    if first == last:  # the usual case: the whole row within one quarter
        return ((first, units),)
    chunks, done = [], 0
    for index in range(first, last + 1):
        limit = budget * (index + 1)
        fitting = units if unit == 0 else (0 if limit < spent else min(units, (limit - spent) // unit))
        if fitting > done:
            chunks.append((index, fitting - done))
            done = fitting
    return chunks


def plan_removal(
    equipment: Sequence[Equipment],
    *,
    start: date,
    budget_per_quarter: Decimal | None = None,
    weights: Weights | None = None,
) -> RemovalPlan:
    """Order ``equipment`` (the vendor's, in scope) by risk and schedule it under the budget (module docstring)."""
    weights = weights or Weights()
    if budget_per_quarter is not None and budget_per_quarter <= 0:
        raise InputError("the budget per quarter must be more than 0", field="budget_per_quarter")
    budget = None if budget_per_quarter is None else max(1, _cents(budget_per_quarter))
    groups: dict[tuple[str, NetworkFunction], list[Equipment]] = defaultdict(list)
    for row in sorted(equipment, key=lambda r: (r.install_date or date.max, r.line)):  # oldest first in each group
        groups[(row.site, row.function)].append(row)
    flagged_at: dict[str, int] = defaultdict(int)
    for site, _function in groups:
        flagged_at[site] += 1
    weight = {f: weights.of(f) for f in NetworkFunction}
    risk_of = {key: weight[key[1]] + weights.per_flagged_function * flagged_at[key[0]] for key in groups}
    ranked = sorted(groups.items(), key=lambda item: (-risk_of[item[0]], item[0]))
    first = Quarter.of(start)
    quarters: dict[int, Quarter] = {}
    unit_cents: dict[Decimal, int] = {}
    spent = 0
    steps: list[PlanStep] = []
    in_service: dict[NetworkFunction, int] = defaultdict(int)
    removed: dict[int, dict[NetworkFunction, int]] = defaultdict(lambda: defaultdict(int))
    spend_cost: dict[int, int] = defaultdict(int)
    spend_units: dict[int, int] = defaultdict(int)
    unplanned_total = 0
    for order, ((site, function), rows) in enumerate(ranked, start=1):
        by_index: dict[int, list[int]] = {}
        units_total = unplanned = step_cost = 0
        for row in rows:
            quantity = row.quantity
            units_total += quantity
            cost = row.unit_cost
            if cost is None:
                unplanned += quantity
                continue
            unit = unit_cents.get(cost)
            if unit is None:
                unit = unit_cents.setdefault(cost, _cents(cost))
            step_cost += unit * quantity
            for index, units in _schedule(spent, unit, quantity, budget):
                slot = by_index.get(index)
                if slot is None:
                    slot = by_index.setdefault(index, [0, 0])
                slot[0] += units
                slot[1] += unit * units
                removed[index][function] += units
                spend_cost[index] += unit * units
                spend_units[index] += units
            spent += unit * quantity
        in_service[function] += units_total
        unplanned_total += unplanned
        step = PlanStep(
            order, site, function, risk_of[(site, function)], units_total, Decimal(step_cost).scaleb(-2), unplanned
        )
        for index, (units, amount) in by_index.items():
            quarter = quarters.get(index) or quarters.setdefault(index, first.plus(index))
            step.by_quarter[quarter] = (units, Decimal(amount).scaleb(-2))
        steps.append(step)
    timeline = _timeline(start, dict(in_service), removed)
    return RemovalPlan(
        start=start,
        budget_per_quarter=budget_per_quarter,
        weights=weights,
        steps=tuple(steps),
        spend_by_quarter=tuple(
            (first.plus(i), Decimal(spend_cost[i]).scaleb(-2), spend_units[i]) for i in sorted(spend_units)
        ),
        timeline=timeline,
        unplanned_units=unplanned_total,
    )


def _timeline(
    start: date, in_service: dict[NetworkFunction, int], removed: dict[int, dict[NetworkFunction, int]]
) -> tuple[TimelinePoint, ...]:
    points = [TimelinePoint(start, dict(in_service))]
    if not removed:
        return tuple(points)
    current = dict(in_service)
    first = Quarter.of(start)
    for index in range(max(removed) + 1):
        for function, units in removed.get(index, {}).items():
            current[function] -= units
        points.append(TimelinePoint(first.plus(index).end, dict(current)))
    return tuple(points)
