"""Which Union General Export Authorisations (Annex II, EU001-EU008) may cover an Annex I export, and on which
conditions. A GEA is an authorisation (Art. 12(1)(d)): it never turns "authorisation required" into "none needed";
it is reported beside the requirement with its conditions (registration, notification, customs declaration,
reporting) and the points the data cannot check (Annex IV, arms embargoes, the exporter's circumstances).
"""

from __future__ import annotations

from functools import lru_cache

from exportctl.determination.eu.facts import EuItem
from exportctl.determination.eu.result import GeaResult, GeaStatus
from exportctl.regulations.eu import AnnexI, Condition, EuCode, Gea

ANNEX_IV = Condition(
    "annex_iv",
    "the item is not in Annex IV (Annex II Section I excludes Annex IV items; the bundled data lacks Annex IV: check)",
    "Annex II Section I",
)
EMBARGO = Condition(
    "destination",
    "the destination is not subject to an arms embargo or to EU restrictive measures on dual-use items (Part 2(c); "
    "not in the bundled data: check)",
    "Part 2, point (c)",
)
SANCTIONED = {
    "RU": "Council Regulation (EU) No 833/2014 (restrictive measures against Russia) prohibits exports of Annex I "
    "items to Russia",
    "BY": "Council Regulation (EC) No 765/2006 (restrictive measures against Belarus) prohibits exports of Annex I "
    "items to Belarus",
    "KP": "Council Regulation (EU) 2017/1509 (restrictive measures against North Korea) prohibits exports of Annex I "
    "items to North Korea",
}


def _scope(code: EuCode, listed: tuple[EuCode, ...]) -> str:
    """ "in" when ``code`` lies within a listed code, "part" when it encloses one (depends on paragraph), else ""."""
    if any(code.within(c) for c in listed):
        return "in"
    if any(code.encloses(c) for c in listed):
        return "part"
    return ""


def _item_status(gea: Gea, code: EuCode, annex: AnnexI) -> tuple[GeaStatus, str, list[Condition]]:
    extra: list[Condition] = []
    group = code.product_group
    if gea.software_technology_only and group not in "DE":
        return GeaStatus.NOT_AVAILABLE, "covers software and technology (Sections D and E) only", extra
    if group in gea.excluded_groups:
        return GeaStatus.NOT_AVAILABLE, f"items of Section {group} of each Category are excluded", extra
    if gea.covers_all:
        scope = _scope(code, gea.excluded)
        if scope == "in":
            return GeaStatus.NOT_AVAILABLE, f"{code} is among the items Part 1 excludes", extra
        if scope == "part":
            return GeaStatus.NEEDS_REVIEW, f"some paragraphs of {code} are excluded: give the paragraph", extra
    else:
        scope = _scope(code, gea.covered)
        if not scope:
            return GeaStatus.NOT_AVAILABLE, f"{code} is not among the items Part 1 covers", extra
        if scope == "part":
            return GeaStatus.NEEDS_REVIEW, f"only some paragraphs of {code} are covered: give the paragraph", extra
        if any(code.within(c) and str(c) in gea.qualified for c in gea.covered):
            extra.append(
                Condition("item", 'Part 1 covers the item only as it qualifies it ("only …", "where …")', "Part 1")
            )
    if gea.excludes_section_i:
        common = annex.common_exclusions
        scope = _scope(code, common.codes)
        if scope == "in":
            partial = any(code.within(c) and str(c) in common.partial for c in common.codes)
            if not partial:
                return GeaStatus.NOT_AVAILABLE, f"{code} is in Annex II Section I (excluded from this GEA)", extra
            return GeaStatus.NEEDS_REVIEW, f'{code} is in Annex II Section I in part ("in so far as …")', extra
        if scope == "part":
            return GeaStatus.NEEDS_REVIEW, f"paragraphs of {code} are in Annex II Section I: give the paragraph", extra
        if common.annex_iv:
            extra.append(ANNEX_IV)
    if gea.related_exclusions and group in "DE" and code.category in {c.category for c in gea.related_exclusions}:
        related = ", ".join(str(c) for c in gea.related_exclusions)
        extra.append(Condition("item", f"not software or technology related to {related} (Part 1)", "Part 1"))
    return GeaStatus.AVAILABLE, "item and destination in scope", extra


@lru_cache(maxsize=16384)
def _item_statuses(annex: AnnexI, code: EuCode) -> tuple[tuple[GeaStatus, str, tuple[Condition, ...]], ...]:
    """Each GEA's item verdict for ``code`` (independent of the destination), in the order of ``annex.geas``."""
    out = []
    for gea in annex.geas:
        status, reason, extra = _item_status(gea, code, annex)
        special = next((c.text for c in gea.conditions if c.kind == "circumstance"), None)
        if status is GeaStatus.AVAILABLE and special:
            reason = f"item and destination in scope — {special}"
        conditions = (*gea.conditions, *extra, *((EMBARGO,) if gea.all_destinations else ()))
        out.append((status, reason, conditions))
    return tuple(out)


@lru_cache(maxsize=64)
def _out_of_scope(gea: Gea) -> GeaResult:
    return GeaResult(
        gea.code,
        gea.title,
        GeaStatus.NOT_AVAILABLE,
        gea.citation,
        f"the destination is not one of {gea.code}'s (Part 2)",
    )


def evaluate(annex: AnnexI, item: EuItem, destination: str, end_use_bars: frozenset[str]) -> tuple[GeaResult, ...]:
    """Every GEA's verdict for an Annex I item to ``destination``; ``end_use_bars`` are the catch-all kinds the stated
    end use triggers ("wmd", "military", "surveillance", "security"), each barring the GEAs Part 3 says it bars.
    The answer depends on the destination only through which GEAs list it and the sanctions note, so it is cached
    per (item, that signature, end use)."""
    code = item.eu_code
    if code is None:
        return ()
    scope = tuple(g.destination_in_scope(destination) for g in annex.geas)
    return _evaluate(annex, code, scope, SANCTIONED.get(destination), end_use_bars)


@lru_cache(maxsize=16384)
def _evaluate(
    annex: AnnexI, code: EuCode, scope: tuple[bool, ...], sanctioned: str | None, end_use_bars: frozenset[str]
) -> tuple[GeaResult, ...]:
    results: list[GeaResult] = []
    for gea, in_scope, (status, reason, conditions) in zip(annex.geas, scope, _item_statuses(annex, code), strict=True):
        if not in_scope:
            results.append(_out_of_scope(gea))
            continue
        bar = _end_use_bar(gea, end_use_bars) if end_use_bars else ""
        if status is not GeaStatus.NOT_AVAILABLE and bar:
            status, reason = GeaStatus.NOT_AVAILABLE, bar
        if status is not GeaStatus.NOT_AVAILABLE and sanctioned:
            status, reason = GeaStatus.NEEDS_REVIEW, sanctioned + " (not in the bundled data)"
        results.append(
            GeaResult(
                gea.code,
                gea.title,
                status,
                gea.citation,
                reason,
                conditions if status is not GeaStatus.NOT_AVAILABLE else (),
            )
        )
    return tuple(results)


def clear_caches() -> None:
    _item_statuses.cache_clear()
    _out_of_scope.cache_clear()
    _evaluate.cache_clear()


def _end_use_bar(gea: Gea, bars: frozenset[str]) -> str:
    if bars & {"wmd", "military"}:
        return "the stated end use is one Part 3, point 1 (or 2) excludes (WMD, military end use)"
    if "security" in bars and gea.code in ("EU007", "EU008"):
        return "the stated end use is a military, police, intelligence or security end use Part 3 excludes"
    if "surveillance" in bars and gea.code in ("EU005", "EU007", "EU008"):
        return "the stated end use is one Part 3 excludes (human rights, surveillance)"
    return ""
