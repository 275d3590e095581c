"""Licence requirement and review policy for Entity List entries that do not carry them, from the CSL.

Our Entity List file (the eCFR text via nsfreg) lost the review-policy column; the Consolidated Screening List's
Entity List rows have it (and the licence requirement) for every entry. :func:`apply_csl_policies` matches each
entry to a CSL EL row and copies what the entry lacks, recording the row in ``policy_source`` and keeping the row's
Federal Register citations in ``policy_citations`` beside the entry's own. Matching, strictest first:

1. same normalised primary name and country;
2. same normalised primary name, when exactly one CSL row has it;
3. one of the entry's names equal to one of a single CSL row's names (primary or alternate), same country.

An entry no rule matches keeps ``None`` (not recorded), never a guessed policy. Pure: no I/O.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from exportctl.lists.identity import normalise_name
from exportctl.lists.model import ListCode, ListEntry


@dataclass(frozen=True)
class PolicyMatch:
    """How many entries got a policy, by rule, and how many none."""

    by_name_and_country: int
    by_unique_name: int
    by_alias: int
    unmatched: int


def apply_csl_policies(
    entries: Sequence[ListEntry], csl_entries: Sequence[ListEntry], label: str
) -> tuple[list[ListEntry], PolicyMatch]:
    """``entries`` with the licence requirement / review policy of their CSL Entity List row where they lack them.

    ``label`` names the CSL snapshot (e.g. "csl snapshot 2, consolidated.csv of 2026-07-31") for ``policy_source``.
    """
    rows = [e for e in csl_entries if e.list is ListCode.ENTITY_LIST and e.license_review_policy]
    by_name_country: dict[tuple[str, str | None], list[ListEntry]] = defaultdict(list)
    by_name: dict[str, list[ListEntry]] = defaultdict(list)
    by_any_name: dict[tuple[str, str | None], list[ListEntry]] = defaultdict(list)
    for row in rows:
        primary = normalise_name(row.primary_name)
        by_name_country[primary, row.country].append(row)
        by_name[primary].append(row)
        for name in {normalise_name(n) for n in row.names}:
            for country in {row.country, *(a.country for a in row.addresses)}:
                by_any_name[name, country].append(row)
    counts = [0, 0, 0, 0]
    result = []
    for entry in entries:
        if entry.list is not ListCode.ENTITY_LIST or entry.license_review_policy:
            result.append(entry)
            continue
        primary = normalise_name(entry.primary_name)
        found, rule = _unique(by_name_country.get((primary, entry.country), [])), 0
        if found is None:
            found, rule = _unique(by_name.get(primary, [])), 1
        if found is None:
            keys = [(normalise_name(name), entry.country) for name in entry.names]
            candidates = {id(r): r for key in keys for r in by_any_name.get(key, [])}
            found, rule = _unique(list(candidates.values())), 2
        if found is None:
            counts[3] += 1
            result.append(entry)
            continue
        counts[rule] += 1
        result.append(
            replace(
                entry,
                license_requirement=entry.license_requirement or found.license_requirement,
                license_review_policy=found.license_review_policy,
                policy_source=f"{label}: {found.primary_name!r} ({found.entry_id})",
                policy_citations=found.federal_register_citations,
            )
        )
    return result, PolicyMatch(*counts)


def _unique(rows: list[ListEntry]) -> ListEntry | None:
    """The one row, or the first of several that agree on the policy; None when none or they disagree."""
    if not rows:
        return None
    policies = {(r.license_requirement, r.license_review_policy) for r in rows}
    return rows[0] if len(policies) == 1 else None
