"""The ban scenario: what a ban on one vendor from a date means for an operator's inventory and contracts.

Pure: an :class:`~exportctl.exposure.model.Inventory` in, a :class:`Scenario` out. The vendor is matched the way
screening reads names (:func:`exportctl.exposure.vendors.same_vendor`), per distinct vendor name, so 100,000 rows
of a few dozen vendors cost a few dozen matches. The answer says the date it was computed on (``as_of``) and which
imports it read.

Scope: the network functions considered (``all`` by default). With a narrower scope a contract counts when some
in-scope equipment names it, or when no equipment names it at all (a framework or support contract).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from exportctl.errors import InputError
from exportctl.exposure.contracts import NO_END, ContractEnd, earliest_end
from exportctl.exposure.model import Equipment, Inventory, NetworkFunction, cents
from exportctl.exposure.plan import RemovalPlan, Weights, plan_removal
from exportctl.exposure.vendors import same_vendor, vendor_query

ALL = "all"
SCOPES = (ALL, *(f.value for f in NetworkFunction))


def parse_scope(text: str) -> frozenset[NetworkFunction]:
    """``"all"``, one function or a comma-separated list (``"core,transport"``), case-insensitive."""
    parts = [p.strip().casefold() for p in text.split(",") if p.strip()]
    if not parts or ALL in parts:
        return frozenset(NetworkFunction)
    try:
        return frozenset(NetworkFunction(p) for p in parts)
    except ValueError:
        raise InputError(f"scope {text!r}: use one or more of {', '.join(SCOPES)}", field="scope") from None


@dataclass(frozen=True, slots=True)
class EquipmentGroup:
    """The vendor's equipment at one site in one network function."""

    site: str
    function: NetworkFunction
    rows: int
    units: int
    cost: Decimal  # of the units whose cost is known
    unknown_cost_units: int
    models: tuple[str, ...]
    contracts: tuple[str, ...]


@dataclass(frozen=True)
class Totals:
    sites: int
    rows: int
    units: int
    replacement_cost: Decimal
    unknown_cost_units: int
    contracts: int
    contract_exit_cost: Decimal
    contracts_cost_unknown: int
    contracts_without_end: int
    last_contract_end: date | None


@dataclass(frozen=True)
class Scenario:
    vendor: str
    matched_vendors: tuple[str, ...]
    ban_from: date
    scope: frozenset[NetworkFunction]
    as_of: date
    organisation: str
    equipment_imported: str | None
    contracts_imported: str | None
    groups: tuple[EquipmentGroup, ...]
    contracts: tuple[ContractEnd, ...]
    totals: Totals
    plan: RemovalPlan

    @property
    def scope_text(self) -> str:
        return ALL if self.scope == frozenset(NetworkFunction) else ",".join(sorted(f.value for f in self.scope))

    def sites(self) -> list[tuple[str, tuple[NetworkFunction, ...], int, Decimal]]:
        """(site, flagged functions, units, known cost) per site, most units first."""
        by_site: dict[str, list[EquipmentGroup]] = defaultdict(list)
        for group in self.groups:
            by_site[group.site].append(group)
        rows = [
            (
                site,
                tuple(g.function for g in groups),
                sum(g.units for g in groups),
                sum((g.cost for g in groups), Decimal(0)),
            )
            for site, groups in by_site.items()
        ]
        return sorted(rows, key=lambda r: (-r[2], r[0]))

    def to_dict(self) -> dict[str, object]:
        t = self.totals
        return {
            "vendor": self.vendor,
            "matched_vendors": list(self.matched_vendors),
            "ban_from": self.ban_from.isoformat(),
            "scope": self.scope_text,
            "as_of": self.as_of.isoformat(),
            "organisation": self.organisation,
            "equipment_imported": self.equipment_imported,
            "contracts_imported": self.contracts_imported,
            "totals": {
                "sites": t.sites,
                "rows": t.rows,
                "units": t.units,
                "replacement_cost": cents(t.replacement_cost),
                "unknown_cost_units": t.unknown_cost_units,
                "contracts": t.contracts,
                "contract_exit_cost": cents(t.contract_exit_cost),
                "contracts_cost_unknown": t.contracts_cost_unknown,
                "contracts_without_end": t.contracts_without_end,
                "last_contract_end": t.last_contract_end.isoformat() if t.last_contract_end else None,
            },  # fmt: skip
            "sites": [
                {"site": s, "functions": [f.value for f in fs], "units": u, "replacement_cost": cents(c)}
                for s, fs, u, c in self.sites()
            ],
            "equipment": [
                {
                    "site": g.site,
                    "function": g.function.value,
                    "rows": g.rows,
                    "units": g.units,
                    "replacement_cost": cents(g.cost),
                    "unknown_cost_units": g.unknown_cost_units,
                    "models": list(g.models),
                    "contracts": list(g.contracts),
                }  # fmt: skip
                for g in self.groups
            ],
            "contracts": [c.to_dict() for c in self.contracts],
            "plan": self.plan.to_dict(),
        }


def _groups(rows: Iterable[Equipment]) -> tuple[EquipmentGroup, ...]:
    acc: dict[tuple[str, NetworkFunction], list[Any]] = {}
    for row in rows:
        slot = acc.get((row.site, row.function))
        if slot is None:
            slot = acc.setdefault((row.site, row.function), [0, 0, Decimal(0), 0, set(), set()])
        slot[0] += 1
        slot[1] += row.quantity
        cost = row.unit_cost
        if cost is None:
            slot[3] += row.quantity
        else:
            slot[2] += cost * row.quantity
        slot[4].add(row.model)
        slot[5].add(row.contract_id)
    order = {f: n for n, f in enumerate(NetworkFunction)}
    return tuple(
        EquipmentGroup(
            site,
            function,
            n_rows,
            units,
            cost,
            unknown,
            tuple(sorted(m for m in models if m)),
            tuple(sorted(c for c in contracts if c)),
        )  # fmt: skip
        for (site, function), (n_rows, units, cost, unknown, models, contracts) in sorted(
            acc.items(), key=lambda item: (item[0][0], order[item[0][1]])
        )
    )


def run_scenario(
    inventory: Inventory,
    vendor: str,
    *,
    ban_from: date,
    as_of: date,
    scope: frozenset[NetworkFunction] = frozenset(NetworkFunction),
    budget_per_quarter: Decimal | None = None,
    weights: Weights | None = None,
) -> Scenario:
    """Every site, function and contract a ban on ``vendor`` from ``ban_from`` touches, with costs and the plan."""
    query = vendor_query(vendor)
    names = {row.vendor for row in inventory.equipment} | {c.vendor for c in inventory.contracts}
    matched = {name for name in names if same_vendor(query, name)}
    banned = [row for row in inventory.equipment if row.vendor in matched]
    in_scope = [row for row in banned if row.function in scope]
    named = {row.contract_id for row in banned if row.contract_id}
    named_in_scope = {row.contract_id for row in in_scope if row.contract_id}
    contracts = [
        earliest_end(c, ban_from)
        for c in inventory.contracts
        if c.vendor in matched and (c.contract_id in named_in_scope or c.contract_id not in named)
    ]
    contracts.sort(key=lambda e: (e.end or date.max, e.contract.contract_id))
    groups = _groups(in_scope)
    plan = plan_removal(in_scope, start=ban_from, budget_per_quarter=budget_per_quarter, weights=weights)
    ends = [e.end for e in contracts if e.end is not None]
    totals = Totals(
        sites=len({g.site for g in groups}),
        rows=len(in_scope),
        units=sum(g.units for g in groups),
        replacement_cost=sum((g.cost for g in groups), Decimal(0)),
        unknown_cost_units=sum(g.unknown_cost_units for g in groups),
        contracts=len(contracts),
        contract_exit_cost=sum((e.cost for e in contracts if e.cost is not None), Decimal(0)),
        contracts_cost_unknown=sum(1 for e in contracts if not e.cost_known),
        contracts_without_end=sum(1 for e in contracts if e.route == NO_END),
        last_contract_end=max(ends) if ends else None,
    )
    return Scenario(
        vendor=vendor.strip(),
        matched_vendors=tuple(sorted(matched)),
        ban_from=ban_from,
        scope=scope,
        as_of=as_of,
        organisation=inventory.organisation,
        equipment_imported=inventory.equipment_imported,
        contracts_imported=inventory.contracts_imported,
        groups=groups,
        contracts=tuple(contracts),
        totals=totals,
        plan=plan,
    )
