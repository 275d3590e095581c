"""EU dual-use determination (Regulation (EU) 2021/821): Annex I, the GEAs of Annex II and the catch-alls."""

from exportctl.determination.eu.engine import determine_eu, end_use_kinds
from exportctl.determination.eu.facts import EuItem, EuTransaction, ItemKind, classify, make_eu_transaction
from exportctl.determination.eu.result import REGIME, EuDetermination, GeaResult, GeaStatus

__all__ = [
    "REGIME",
    "EuDetermination",
    "EuItem",
    "EuTransaction",
    "GeaResult",
    "GeaStatus",
    "ItemKind",
    "classify",
    "determine_eu",
    "end_use_kinds",
    "make_eu_transaction",
]
