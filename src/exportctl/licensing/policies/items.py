"""Item categories as oversight reports and review policies use them: CCL categories "0"–"9", "AT", "EAR99".

The published BIS licensing figures (House Foreign Affairs Committee release, 2021) split items into CCL
categories, "AT" (ECCNs controlled for anti-terrorism reasons only, the x9xx entries) and "EAR99". The AT-only
test reads the reasons for control in the bundled CCL (eCFR text of 2025; see data/PROVENANCE.md): an ECCN whose
reasons changed since the period reported (e.g. 5A992 gained RS in 2022) is classified by today's text.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources

from exportctl.errors import InputError

EAR99 = "EAR99"
AT_ONLY = "AT"
CATEGORY_LABELS: tuple[str, ...] = (*(str(n) for n in range(10)), AT_ONLY, EAR99)
_ORDER = {label: n for n, label in enumerate(CATEGORY_LABELS)}
_ECCN = re.compile(r"^[0-9][A-EY][0-9]{3}")  # Y: the 0Y521 series


@lru_cache(maxsize=1)
def _at_only_eccns() -> frozenset[str]:
    text = resources.files("exportctl").joinpath("data/ear/ccl_eccns.csv").read_text(encoding="utf-8")
    return frozenset(
        row["eccn"].upper()
        for row in csv.DictReader(text.splitlines())
        if [r.strip() for r in row["reasons_for_control"].split(",")] == ["AT"]
    )


def is_at_only(eccn: str) -> bool:
    """True when the bundled CCL lists ``eccn`` with "AT" as its only reason for control."""
    return eccn.upper()[:5] in _at_only_eccns()


@lru_cache(maxsize=8192)
def category_of(eccn: str) -> str:
    """The report category of an ECCN ("3A001" -> "3", "3A991" -> "AT", "EAR99" -> "EAR99").

    Raises InputError for text that is neither EAR99 nor shaped like an ECCN.
    """
    code = eccn.strip().upper()
    if code == EAR99:
        return EAR99
    if not _ECCN.match(code):
        raise InputError(f"not an ECCN or EAR99: {eccn!r}", field="eccn")
    return AT_ONLY if is_at_only(code) else code[0]


def category_label(category: str) -> str:
    """Human label as the published table writes it ("Category 3", "AT", "EAR99")."""
    return category if category in (AT_ONLY, EAR99) else f"Category {category}"


def application_category(eccns: list[str] | tuple[str, ...]) -> str:
    """The category an application is counted under: that of its most controlled item (a numbered CCL category
    before "AT" before "EAR99"; the lower number on ties). The published table gives one category per licence."""
    if not eccns:
        raise InputError("an application needs at least one item", field="items")
    return min((category_of(e) for e in eccns), key=_ORDER.__getitem__)


def product_group_of(eccn: str) -> str | None:
    """The CCL product group letter ("3A001" -> "A"); None for EAR99."""
    code = eccn.strip().upper()
    return code[1] if _ECCN.match(code) else None
