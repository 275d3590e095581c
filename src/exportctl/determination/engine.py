"""The pure determination engine: facts + regulation data + already-screened parties → :class:`Determination`.

No I/O, no database, no screening: the service layer supplies screened parties. Rules run in a fixed order (CCL ×
Country Chart, embargoes, Entity List, Denied Persons, MEU, UVL, other lists), then licence exceptions are judged
in the light of all findings. Missing data never turns into "no licence required": it yields ``needs_review`` and,
when nothing else requires a licence, ``license_required = None``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from exportctl.determination.facts import Transaction
from exportctl.determination.findings import Effect, Finding, LicenseExceptionResult
from exportctl.determination.parties import PartyScreening
from exportctl.determination.result import DataVersions, Determination, ListVersion
from exportctl.determination.rules import (
    ccl_chart,
    denied_persons,
    embargo,
    end_use,
    entity_list,
    license_exceptions,
    meu,
    other_lists,
    uvl,
)
from exportctl.regulations import DataCoverage, Eccn, Regulations
from exportctl.regulations.changes import not_yet_in_force

# Rules that read the parties or the stated end use; they run only when a party was hit or an end use given.
_PARTY_RULES = (
    entity_list.evaluate,
    denied_persons.evaluate,
    meu.evaluate,
    uvl.evaluate,
    other_lists.evaluate,
)
_FOREIGN_PRODUCED = Finding(
    "foreign_produced",
    "15 CFR 734.3(a), 734.4, 734.9",
    "foreign-produced item: whether it is subject to the EAR (de minimis, foreign-direct-product rules) is not "
    "decided here; the other findings assume it is",
    Effect.NEEDS_REVIEW,
)


def _unscreened(tx: Transaction, screenings: Sequence[PartyScreening]) -> list[Finding]:
    if len(screenings) == len(tx.parties) and all(
        s.role is p.role and s.name == p.name for s, p in zip(screenings, tx.parties, strict=True)
    ):
        return []  # the usual case: one screening per party, in order
    screened = {(s.role, s.name) for s in screenings}
    return [
        Finding(
            "screening",
            "15 CFR 744.11, 736.2(b)(4)",
            f"{p.role.value}: {p.name} was not screened against the lists",
            Effect.NEEDS_REVIEW,
            party=f"{p.role.value}: {p.name}",
        )
        for p in tx.parties
        if (p.role, p.name) not in screened
    ]


def _unsettled(screenings: Sequence[PartyScreening], on: date) -> list[Finding]:
    """Parties screened against list data that begins after the date, with no certain match there."""
    if not any(s.unsettled for s in screenings):
        return []
    on_text = on.isoformat()
    return [
        Finding(
            "list_coverage",
            "15 CFR 744.11, 736.2(b)(4); part 744 Supp. No. 4, part 764 Supp. No. 1",
            f"{s.label}: the {', '.join(s.unsettled)} data we hold begins after {on_text}; an entry removed before "
            "that data (as ZTE, removed from the Entity List in 2017, is from the 2026 list) would be missing, so "
            "no match there does not show the party was not listed on the date — check the lists as they stood",
            Effect.NEEDS_REVIEW,
            party=s.label,
        )
        for s in screenings
        if s.unsettled
    ]


def _review_policy(findings: Sequence[Finding], license_required: bool | None) -> tuple[str | None, str | None]:
    listed = [f for f in findings if f.rule == entity_list.RULE and f.effect is Effect.LICENSE_REQUIRED]
    policies = list(dict.fromkeys(f.review_policy for f in listed if f.review_policy))
    if policies:
        return "; ".join(policies), None
    if listed:
        return None, entity_list.POLICY_UNKNOWN
    if license_required is False:
        return None, "no licence required"
    return None, (
        "no Entity List party: no entry-specific policy; applications are reviewed under the policy of each reason "
        "for control (part 742) or part 746, which is not in the bundled data"
    )


@dataclass(frozen=True, slots=True)
class _Outcome:
    """Everything a determination derives from its findings (cached when no party was hit)."""

    findings: tuple[Finding, ...]
    license_required: bool | None
    prohibited: bool
    review: tuple[str, ...]
    exceptions: tuple[LicenseExceptionResult, ...]
    policy: str | None
    policy_reason: str | None
    data_versions: DataVersions


def _outcome(
    tx: Transaction, regulations: Regulations, findings: tuple[Finding, ...], coverage: DataCoverage
) -> _Outcome:
    review = [f.summary for f in findings if f.needs_review]
    if coverage.before_text and not tx.eccn.is_ear99:  # EAR99 (734.3(c)) does not read the chart or the CCL
        review.extend(coverage.before_notes)
    license_required: bool | None = True if any(f.license_required for f in findings) else (None if review else False)
    if coverage.needs_review:
        review.extend(coverage.notes)
    ccl = regulations.ccl_on(coverage.datasets[2].content_from) if len(coverage.datasets) > 2 else None
    exceptions = () if license_required is False else license_exceptions.evaluate(tx, regulations, findings, ccl)
    policy, policy_reason = _review_policy(findings, license_required)
    return _Outcome(
        findings,
        license_required,
        any(f.prohibited for f in findings),
        tuple(review),
        exceptions,
        policy,
        policy_reason,
        DataVersions(coverage.dataset_dicts, (), coverage.notes),
    )


@lru_cache(maxsize=65536)
def _party_free_outcome(
    regulations: Regulations,
    eccn: Eccn,
    destination: str,
    region: str | None,
    foreign_produced: bool,
    coverage: DataCoverage,
    pending: frozenset[str],
) -> _Outcome:
    """The outcome when no party rule fired: a function of item, destination, the dated changes not yet in force
    and what the data says about the date (not of the date itself), so it is cached and shared by every date with
    the same coverage and pending changes."""
    tx = Transaction(eccn, destination, (), None, foreign_produced, region=region)
    return _outcome(tx, regulations, _findings(regulations, tx, (), pending), coverage)


def _findings(
    regulations: Regulations, tx: Transaction, party_findings: Sequence[Finding], pending: frozenset[str]
) -> tuple[Finding, ...]:
    """Item/destination findings, then party findings, then the foreign-produced caveat."""
    return (
        *ccl_chart.evaluate(regulations, tx.eccn, tx.destination, tx.foreign_produced, pending),
        *embargo.evaluate(regulations, tx.eccn, tx.destination, tx.region, pending),
        *party_findings,
        *((_FOREIGN_PRODUCED,) if tx.foreign_produced else ()),
    )


def determine(
    transaction: Transaction,
    *,
    regulations: Regulations,
    parties_screened: Sequence[PartyScreening],
    list_versions: Sequence[ListVersion] = (),
) -> Determination:
    """Decide whether ``transaction`` needs a licence, why (with citations), under which policy and exceptions."""
    tx = transaction
    coverage = regulations.coverage(tx.date)
    pending = not_yet_in_force(tx.eccn.base, tx.destination, tx.region, tx.date)
    party_findings: list[Finding] = []
    if tx.end_use is not None or any(p.hits for p in parties_screened):  # no hit, no end use: no party rule fires
        for rule in _PARTY_RULES:
            party_findings.extend(rule(tx, parties_screened))
        party_findings.extend(end_use.evaluate(tx, parties_screened, regulations))
    party_findings.extend(_unscreened(tx, parties_screened))
    party_findings.extend(_unsettled(parties_screened, tx.date))
    if party_findings:  # (the end-use rule is among the party rules: a stated end use that fires lands here)
        out = _outcome(tx, regulations, _findings(regulations, tx, party_findings, pending), coverage)
    else:
        out = _party_free_outcome(
            regulations, tx.eccn, tx.destination, tx.region, tx.foreign_produced, coverage, pending
        )
    versions = out.data_versions
    if list_versions:
        versions = DataVersions(versions.regulations, tuple(list_versions), versions.notes)
    return Determination(
        transaction=tx,
        license_required=out.license_required,
        prohibited=out.prohibited,
        reasons=out.findings,
        review_policy=out.policy,
        review_policy_reason=out.policy_reason,
        license_exceptions=out.exceptions,
        needs_review=bool(out.review),
        needs_review_reasons=out.review,
        data_versions=versions,
    )
