"""The BIS Entity List as we have it: ``entity_list.csv``, converted from nsfreg's reading of the eCFR text of
Supplement No. 4 to Part 744 (see data/PROVENANCE.md).

Header ``country,name,aliases,addresses,license_requirement,license_review_policy,federal_register_citations,
footnote_marks,source``. Aliases are ``' | '``-separated; several addresses are joined by "; and". The licence
requirement is kept verbatim, foreign-direct-product footnote marks included ("… §§ 734.9(e) 1 and 744.11 of the
EAR 2"). The review-policy column is empty for every row (nsfreg dropped it): an empty value stays ``None``, meaning
unknown. nsfreg kept only the first FR citation of most entries, and that citation's date is the listing date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

from exportctl.lists.countries import to_iso2
from exportctl.lists.fr import first_citation_date, split_citations
from exportctl.lists.identity import assign_ids, name_key
from exportctl.lists.model import Address, EntryType, ListCode, ListEntry
from exportctl.lists.sources._common import ProblemLog, Row, read_delimited, split_multi
from exportctl.lists.sources.nsfreg_meta import snapshot_date

SOURCE = "entity-list"
HEADER = (
    "country",
    "name",
    "aliases",
    "addresses",
    "license_requirement",
    "license_review_policy",
    "federal_register_citations",
    "footnote_marks",
    "source",
)
_ADDRESS_SPLIT = re.compile(r";\s*and\s+", re.IGNORECASE)


def parse(path: Path) -> Iterator[ListEntry]:
    """Entries of an Entity List CSV (validated whole before the first is yielded)."""
    yield from load(path)


def load(path: Path) -> list[ListEntry]:
    log = ProblemLog(path)
    rows, _ = read_delimited(path, log, [HEADER])
    drafts = [_entry(row, log) for row in rows]
    log.raise_if_any()
    keys = [name_key(entry.primary_name, entry.country) for entry in drafts]
    tiebreaks = [entry.raw["addresses"] for entry in drafts]
    return [replace(e, source_id=i) for e, i in zip(drafts, assign_ids(keys, tiebreaks), strict=True)]


def effective_date(path: Path) -> date | None:
    """The eCFR download date recorded in the nsfreg metadata beside the file, else ``None``."""
    return snapshot_date(path, SOURCE)


def _entry(row: Row, log: ProblemLog) -> ListEntry:
    fields = row.fields
    name = fields["name"].strip()
    if not name:
        log.add(row.line, "name", "empty name")
    country_name = fields["country"].strip() or None
    if country_name is None:
        log.add(row.line, "country", "empty country")
    iso2 = to_iso2(country_name) if country_name else None
    citations = fields["federal_register_citations"]
    footnotes = fields["footnote_marks"].strip()
    return ListEntry(
        source=SOURCE,
        source_id="",
        list=ListCode.ENTITY_LIST,
        primary_name=name,
        entry_type=EntryType.UNKNOWN,
        aliases=split_multi(fields["aliases"], " | "),
        addresses=_addresses(fields["addresses"], iso2, country_name),
        country=iso2,
        country_name=country_name,
        license_requirement=fields["license_requirement"].strip() or None,
        license_review_policy=fields["license_review_policy"].strip() or None,
        federal_register_citations=split_citations(citations),
        listed_on=first_citation_date(citations),
        remarks=f"Footnote marks: {footnotes}" if footnotes else None,
        raw=dict(fields),
    )


def _addresses(text: str, iso2: str | None, country_name: str | None) -> tuple[Address, ...]:
    """One Address per "; and"-separated part; its country from its last comma part, else the entry's."""
    result: list[Address] = []
    for part in _ADDRESS_SPLIT.split(text.strip()):
        full = part.strip().rstrip(".").strip()
        if not full:
            continue
        last = full.rsplit(",", 1)[-1].strip()
        own = to_iso2(last) if last else None
        result.append(Address(full=full, country=own or iso2, country_name=last if own else country_name))
    return tuple(result)
