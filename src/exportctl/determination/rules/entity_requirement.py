"""Reading an Entity List entry's "License requirement" column (15 CFR part 744, Supp. No. 4).

Most entries say "For all items subject to the EAR" plus a citation; some add conditions ("when used in projects
specified in § 744.2(a)") or carve-outs ("may be overcome by License Exception GOV"). Footnote marks sit inside the
text ("see §§ 734.9(e) 1 and 744.11 of the EAR 2"): they point to the foreign-direct-product (FDP) rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

_ALL = re.compile(r"^\s*(?:for\s+)?all\s+items\s+subject\s+to\s+the\s+ear\b", re.IGNORECASE)
_QUALIFIER = re.compile(
    r"\b(when|except|apart from|other than|overcome|extend|only|listed in|used in)\b|\.\.\.|…", re.IGNORECASE
)
_ECCN = re.compile(r"\b\d[A-E]\d{3}\b")
_FDP = re.compile(r"734\.9\([a-z]\)(?:\(\d+\))?")
_MARK = re.compile(r"(?:\)|\bEAR),?\s?(\d{1,2})\b(?![.(])")


class ScopeKind(StrEnum):
    ALL_ITEMS = "all_items"
    LISTED_ECCNS = "listed_eccns"
    UNPARSED = "unparsed"  # treated as all items, with review


@dataclass(frozen=True, slots=True)
class EntityRequirement:
    kind: ScopeKind
    eccns: frozenset[str]
    qualifier: str | None  # text beyond "all items subject to the EAR" that a person must read
    fdp_sections: tuple[str, ...]
    footnote_marks: tuple[str, ...]
    text: str


@lru_cache(maxsize=8192)
def parse_entity_requirement(text: str | None) -> EntityRequirement:
    raw = (text or "").strip()
    fdp = tuple(dict.fromkeys(_FDP.findall(raw)))
    marks = tuple(dict.fromkeys(_MARK.findall(raw)))
    if not raw:
        return EntityRequirement(
            ScopeKind.UNPARSED, frozenset(), "no licence requirement text in list data", fdp, marks, raw
        )
    if _ALL.match(raw):
        rest = _ALL.sub("", raw).strip(" .,;")
        qualifier = rest if _QUALIFIER.search(rest) else None
        return EntityRequirement(ScopeKind.ALL_ITEMS, frozenset(), qualifier, fdp, marks, raw)
    eccns = frozenset(_ECCN.findall(raw))
    if eccns and not _QUALIFIER.search(raw):
        return EntityRequirement(ScopeKind.LISTED_ECCNS, eccns, None, fdp, marks, raw)
    return EntityRequirement(ScopeKind.UNPARSED, frozenset(), raw, fdp, marks, raw)
