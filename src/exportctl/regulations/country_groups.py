"""Country Groups (15 CFR part 740, Supplement No. 1): A:1…A:6, B, D:1…D:5, E:1, E:2.

An empty cell means "not listed in this supplement's table", which is all the supplement says; groups defined
elsewhere in the EAR are not covered here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from exportctl.regulations._files import read_ear_csv
from exportctl.regulations.provenance import COUNTRY_GROUPS, DatasetInfo

GROUPS: tuple[str, ...] = (
    "A:1",
    "A:2",
    "A:3",
    "A:4",
    "A:5",
    "A:6",
    "B",
    "D:1",
    "D:2",
    "D:3",
    "D:4",
    "D:5",
    "E:1",
    "E:2",
)


# Destinations the supplement no longer lists because another entry governs them: Hong Kong follows China since
# 85 FR 83765 (effective 2020-12-23). Dates before that are the caller's concern (regulations.changes).
SAME_AS: dict[str, str] = {"HK": "CN"}


@dataclass(frozen=True)
class CountryGroups:
    memberships: Mapping[str, frozenset[str]]
    names: Mapping[str, str]
    info: DatasetInfo = COUNTRY_GROUPS

    def groups_of(self, iso2: str) -> frozenset[str]:
        code = iso2.upper()
        return self.memberships.get(SAME_AS.get(code, code), frozenset())

    def members(self, group: str) -> frozenset[str]:
        if group not in GROUPS:
            raise KeyError(group)
        return frozenset(iso2 for iso2, groups in self.memberships.items() if group in groups)


def load_country_groups() -> CountryGroups:
    memberships: dict[str, frozenset[str]] = {}
    names: dict[str, str] = {}
    for record in read_ear_csv("country_groups.csv"):
        memberships[record["iso2"]] = frozenset(g for g in GROUPS if record[g].strip() == "X")
        names[record["iso2"]] = record["country_name"]
    return CountryGroups(memberships=memberships, names=names)
