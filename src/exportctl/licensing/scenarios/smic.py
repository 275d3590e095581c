"""SMIC: what the published figures support, and what they do not.

The captured release gives SMIC's totals (206 applications; 188 approved worth $41,892,580,680; 17 returned
without action and 1 denied, values not published) but only ONE category row (Category 2: 26 approved,
$1,077,161). Only that row can be generated per application; everything else is reported as missing.
"""

from __future__ import annotations

from dataclasses import dataclass

from exportctl.licensing.scenarios.generate import GeneratedApplication, generate_for_cells
from exportctl.licensing.scenarios.published import PublishedCell, bundled_published, cells_for

SMIC_PARTIES = ("Semiconductor Manufacturing International Corporation (SMIC)",)


@dataclass(frozen=True)
class SmicGap:
    published: tuple[PublishedCell, ...]
    generated_cells: tuple[PublishedCell, ...]
    missing: tuple[str, ...]


def smic_gaps(cells: tuple[PublishedCell, ...] | None = None) -> SmicGap:
    rows = cells_for(cells or bundled_published(), "SMIC")
    totals = {c.decision: c for c in rows if c.category == "all"}
    by_category = [c for c in rows if c.category != "all"]
    missing: list[str] = []
    for decision, total in totals.items():
        if decision == "applications_considered":
            continue
        listed = [c for c in by_category if c.decision == decision]
        rest = total.count - sum(c.count for c in listed)
        if rest > 0:
            known = sum(c.value_usd or 0 for c in listed)
            value = f"${total.value_usd - known:,}" if total.value_usd is not None else "value not published"
            missing.append(f"{decision}: {rest} applications with no published category ({value})")
        if total.value_usd is None:
            missing.append(f"{decision}: total value not published")
    considered = next((c.count for c in rows if c.decision == "applications_considered"), None)
    decided = sum(c.count for d, c in totals.items() if d != "applications_considered")
    if considered is not None and considered != decided:
        missing.append(f"{considered - decided} applications with no published outcome")
    generated = tuple(c for c in by_category if c.value_usd is not None)
    return SmicGap(rows, generated, tuple(missing))


def generate_smic(seed: int) -> tuple[GeneratedApplication, ...]:
    """GENERATED SMIC applications for the published category rows only (Category 2 approvals)."""
    gap = smic_gaps()
    return generate_for_cells(gap.generated_cells, 0, SMIC_PARTIES, "SM", seed, products="wafers")
