"""GENERATED per-application details for the Huawei scenario, shaped to match the published aggregates.

Nothing here is real application data: BIS published only counts and values per decision and category. This
module draws, deterministically from a seed, one application per published licence/application with attributes
(items, ECCNs, values, technology flags, documentation quality) such that the *review* — the policy engine plus the
documentation check — lands each application where the published table has it:

* returned without action: the documentation is deficient (an open-ended end use, or no end user named) — the
  application linter flags it and the reviewer returns it;
* denied: complete, but an item is for 5G (presumption of denial under the policy in force);
* approved: complete, with a justification, not for 5G (case by case);
* the 6 of 169 applications with no published outcome: submitted at the end of the period, still pending.

Values per cell are split so that they add up to the published value to the dollar. ``generated_for`` records the
cell each application was drawn for so the generation can be audited; deciding code never reads it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from exportctl.licensing.scenarios.published import PublishedCell

VAGUE = "telecommunications and data-centre equipment, including but not limited to network operations"
CLEAR = "integration into {what} manufactured by the consignee for civil commercial customers"
JUSTIFICATION = "items are widely available commercial products; no military or 5G end use; end-use checks agreed"
FICTIONAL_APPLICANTS = (
    "Northwind Components Inc.",
    "Contoso Semiconductor LLC",
    "Fabrikam Networks Inc.",
    "Tailspin Test Systems Inc.",
    "Litware Software Inc.",
)
# (ECCN, description) per category; the ECCN decides the category the report counts (policies.items.category_of).
ITEMS: dict[str, tuple[tuple[str, str], ...]] = {
    "2": (("2B006", "dimensional inspection system"), ("2B230", "pressure transducer")),
    "3": (("3A001", "radio-frequency integrated circuits"), ("3E001", "IC production technology")),
    "5": (("5A002", "network encryption module"),),
    "6": (("6A003", "industrial camera module"),),
    "AT": (
        ("4A994", "server computers"),
        ("5A991", "telecommunication test switch"),
        ("5B991", "telecommunication test equipment"),
        ("3A991", "general-purpose microprocessors"),
    ),
    "EAR99": (("EAR99", "power supplies"), ("EAR99", "passive components"), ("EAR99", "enterprise software licences")),
}
# The 2024 revocation named Intel and Qualcomm licences for laptop/handset chips (8 Huawei licences per a later
# Commerce document): that many approved AT applications are drawn for those applicants.
NAMED_HOLDERS = (("Intel", "laptop processors"), ("Qualcomm", "4G handset chipsets"))
NAMED_HOLDER_LICENCES = 8
REVIEW_MARGIN_DAYS = 30


@dataclass(frozen=True)
class GeneratedItem:
    eccn: str
    description: str
    quantity: int
    unit_value: int
    technology_flags: tuple[str, ...] = ()

    @property
    def value(self) -> int:
        return self.quantity * self.unit_value


@dataclass(frozen=True)
class GeneratedApplication:
    """One GENERATED application; ``review_on`` is when the reviewer takes it up (None: not reached)."""

    reference: str
    applicant: str
    purchaser: str
    end_user: str | None
    end_use: str
    justification: str
    items: tuple[GeneratedItem, ...]
    submitted_on: date
    review_on: date | None
    generated_for: str  # "<decision>/<category>" of the published cell it was drawn for (audit only)

    @property
    def value(self) -> int:
        return sum(item.value for item in self.items)


def split_value(total: int, parts: int, rng: random.Random) -> list[int]:
    """``parts`` positive integers summing exactly to ``total`` (fewer if the total is too small)."""
    parts = max(1, min(parts, total))
    weights = [rng.lognormvariate(0, 0.8) for _ in range(parts)]
    scale = (total - parts) / sum(weights)
    shares = [1 + int(w * scale) for w in weights]
    shares[0] += total - sum(shares)
    return shares


def _lines(
    total: int, category: str, flags: tuple[str, ...], rng: random.Random, what: str | None
) -> list[GeneratedItem]:
    values = split_value(total, rng.randint(1, 3), rng)
    items = []
    for value in values:
        eccn, description = rng.choice(ITEMS[category])
        quantity = next(q for q in (1000, 500, 250, 100, 50, 20, 10, 5, 4, 2, 1) if value % q == 0)
        items.append(GeneratedItem(eccn, what or description, quantity, value // quantity, flags))
    return items


def generate_for_cells(
    cells: tuple[PublishedCell, ...],
    unpublished: int,
    parties: tuple[str, ...],
    prefix: str,
    seed: int,
    products: str = "handsets and network equipment",
) -> tuple[GeneratedApplication, ...]:
    """One application per count in each (decision, category) cell with a published value, plus ``unpublished``
    applications whose outcome was not published (left pending)."""
    rng = random.Random(seed)
    start, end = cells[0].period_start, cells[0].period_end
    drafts: list[tuple[str, str, list[GeneratedItem], str, bool]] = []  # (decision, category, items, applicant, ok)
    named = [holder for holder in NAMED_HOLDERS for _ in range(NAMED_HOLDER_LICENCES // len(NAMED_HOLDERS))]
    for cell in cells:
        if cell.category == "all" or cell.value_usd is None:
            continue
        for value in split_value(cell.value_usd, cell.count, rng):
            holder = named.pop() if (cell.decision, cell.category) == ("approved", "AT") and named else None
            flags = ("5G",) if cell.decision == "denied" else (("4G",) if holder else ())
            items = _lines(value, cell.category, flags, rng, holder[1] if holder else None)
            applicant = holder[0] if holder else rng.choice(FICTIONAL_APPLICANTS)
            drafts.append((cell.decision, cell.category, items, applicant, cell.decision != "returned_without_action"))
    for _ in range(max(unpublished, 0)):
        items = _lines(rng.randint(10_000, 5_000_000), "EAR99", (), rng, None)
        drafts.append(("pending", "EAR99", items, rng.choice(FICTIONAL_APPLICANTS), True))
    rng.shuffle(drafts)
    # reviews start early enough for a denial's 20-day response window to close within the period
    span = (end - start).days - REVIEW_MARGIN_DAYS
    apps = []
    for number, (decision, category, items, applicant, complete) in enumerate(drafts, start=1):
        if decision == "pending":
            review_on, submitted = None, end - timedelta(days=rng.randint(0, 10))
        else:
            review_on = start + timedelta(days=rng.randint(0, span))
            submitted = review_on - timedelta(days=rng.randint(14, 75))
        purchaser = rng.choice(parties)
        vague = complete is False and number % 2 == 0
        apps.append(
            GeneratedApplication(
                reference=f"{prefix}-{number:04d}",
                applicant=applicant,
                purchaser=purchaser,
                end_user=None if (not complete and not vague) else purchaser,
                end_use=VAGUE if vague else CLEAR.format(what=products),
                justification=JUSTIFICATION,
                items=tuple(items),
                submitted_on=submitted,
                review_on=review_on,
                generated_for=f"{decision}/{category}",
            )
        )
    return tuple(apps)
