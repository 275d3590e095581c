"""Dated changes to the EAR that the bundled (2025-2026) text does not show, each with its Federal Register rule.

The bundled Country Chart, Country Groups and CCL are single versions. For a date before them a determination
must not read today's text as the law of that day. Where a rule's effective date is sourced, the engine carries it:
before the date the rule's requirement is not applied (and the determination says what stood instead, or asks
for review); after it, the bundled text stands. Sources: the Federal Register rules cited (dates as published in
the rules' DATES sections, seen through the stored pages of federalregister.gov mirrors and law-firm summaries).

:func:`not_yet_in_force` gives the keys of the changes relevant to one transaction that had not taken effect on its
date; it is small and hashable, so cached rule results stay valid per (item, destination, era).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class DatedChange:
    key: str
    effective: date
    citation: str
    summary: str


HK_AS_CHINA = DatedChange(
    "hk_as_china",
    date(2020, 12, 23),
    "85 FR 83765 (effective 2020-12-23)",
    "Hong Kong removed from the Commerce Country Chart and the Country Groups: its licence requirements are those "
    "of the entry for China",
)
HK_SUSPENSION = DatedChange(
    "hk_suspension",
    date(2020, 6, 30),
    "85 FR 45998 (2020-07-31), after the suspension of licence exceptions for Hong Kong of 2020-06-30",
    "Hong Kong treated as China in almost all circumstances while it still had its own Country Chart entry",
)
AUKUS = DatedChange(
    "aukus",
    date(2024, 4, 19),
    "89 FR 28594 (effective 2024-04-19)",
    "NS1, RS1 and MT1 licence requirements removed for Australia and the United Kingdom",
)
RUSSIA_SANCTIONS = DatedChange(
    "ru_746_8",
    date(2022, 2, 24),
    "87 FR 12226 (effective 2022-02-24)",
    "§ 746.8 sanctions against Russia (CCL Categories 3-9) and § 746.6 covered regions DNR/LNR",
)
BELARUS_SANCTIONS = DatedChange(
    "by_746_8", date(2022, 3, 2), "87 FR 13048 (effective 2022-03-02)", "§ 746.8 sanctions extended to Belarus"
)
ALL_CCL_RU_BY = DatedChange(
    "ru_by_all_ccl",
    date(2022, 4, 8),
    "87 FR 22130 (effective 2022-04-08)",
    "§ 746.8(a)(1) extended from CCL Categories 3-9 to every ECCN on the CCL",
)
CRIMEA = DatedChange(
    "crimea_746_6",
    date(2015, 1, 29),
    "80 FR 4776 (effective 2015-01-29)",
    "licence requirement for all items subject to the EAR (other than food and medicine designated EAR99) to the "
    "Crimea region of Ukraine",
)
ADVANCED_COMPUTING = DatedChange(
    "adv_computing_2022",
    date(2022, 10, 7),
    "87 FR 62186 (effective 2022-10-07; some provisions 2022-10-21)",
    "ECCNs 3A090 and 4A090 created (advanced computing integrated circuits and computers)",
)
CCL_2026 = DatedChange(
    "ccl_2026",
    date(2026, 7, 23),
    "eCFR 15 CFR part 774 Supp. No. 1 as of 2026-07-23",
    "the 2026 CCL text speaks for dates from 2026-07-23; earlier dates read the 2025 text",
)
NEW_ECCNS: dict[str, DatedChange] = {"3A090": ADVANCED_COMPUTING, "4A090": ADVANCED_COMPUTING}
ALL_CHANGES: tuple[DatedChange, ...] = (
    HK_SUSPENSION, HK_AS_CHINA, AUKUS, RUSSIA_SANCTIONS, BELARUS_SANCTIONS, ALL_CCL_RU_BY, CRIMEA, ADVANCED_COMPUTING,
)  # fmt: skip


_SPECIAL_DESTINATIONS = frozenset({"HK", "AU", "GB", "RU", "BY"})
_CCL_ONLY = frozenset({"ccl_2026"})
_NONE: frozenset[str] = frozenset()


def not_yet_in_force(eccn_base: str, destination: str, region: str | None, on: date) -> frozenset[str]:
    """Keys of the changes relevant to this item and destination that had not taken effect on ``on``."""
    if region is None and destination not in _SPECIAL_DESTINATIONS and eccn_base not in NEW_ECCNS:
        return _CCL_ONLY if on < CCL_2026.effective else _NONE  # the common case, without building a list
    pending: list[DatedChange] = []
    if destination == "HK":
        pending += [HK_AS_CHINA, HK_SUSPENSION]
    if destination in ("AU", "GB"):
        pending.append(AUKUS)
    if destination in ("RU", "BY") and region is None:
        pending += [RUSSIA_SANCTIONS, ALL_CCL_RU_BY] + ([BELARUS_SANCTIONS] if destination == "BY" else [])
    if region is not None:
        pending.append(CRIMEA if "Crimea" in region else RUSSIA_SANCTIONS)
    if eccn_base in NEW_ECCNS:
        pending.append(NEW_ECCNS[eccn_base])
    pending.append(CCL_2026)
    return frozenset(change.key for change in pending if on < change.effective)
