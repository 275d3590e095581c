"""The pure EU dual-use engine (Regulation (EU) 2021/821): facts, Annex I, screened parties → :class:`EuDetermination`.

Rules, in order:
- the item: an Annex I item exported from a member state to a destination outside the Union needs an authorisation
  (Art. 3(1)); a GEA may give it (:mod:`.gea_rules`). Within the Union only Annex IV items need one (Art. 11(1)):
  the bundled data lacks Annex IV, so an intra-Union transfer of an Annex I item is for review. A code Annex I marks
  "Not used", or a paragraph it lacks, is for review (classify against Annex I). A code no Annex I entry has needs
  no EU dual-use authorisation under Art. 3 (a military US family — 600 series, 9x515, 0x5zz — is for review:
  military goods are licensed nationally);
- national measures: 3B items exported from the Netherlands (Dutch national controls on advanced semiconductor
  manufacturing equipment, not in this data) are for review;
- catch-alls from the stated end use: WMD (Art. 4(1)(a)), military end use (Art. 4(1)(b), arms embargoes not in this
  data), cyber-surveillance for internal repression (Art. 5): the exporter must notify the competent authority,
  which decides — review;
- EU restrictive measures against the destination that prohibit Annex I exports (RU, BY, KP) — review;
- parties matching the UN list (implemented by EU restrictive measures) — review; matching the UK OFSI list — a note
  (UK law, with the list's Open Government Licence notice);
- the date: the Annex speaks from 2025-11-15; an earlier date (or one after the data) is answered from this text
  and asks for review. Missing data never yields "no authorisation needed".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from exportctl.determination.eu import gea_rules
from exportctl.determination.eu.facts import EuItem, EuTransaction, ItemKind
from exportctl.determination.eu.result import EuDetermination, GeaResult
from exportctl.determination.findings import Effect, Finding
from exportctl.determination.parties import PartyScreening
from exportctl.determination.result import DataVersions, ListVersion
from exportctl.lists.attribution import OGL_V3
from exportctl.regulations.eu import AnnexI

REG = "Regulation (EU) 2021/821"
APPLIES_FROM = date(2021, 9, 9)  # Art. 33: the Regulation applies from 9 September 2021 (Reg. 428/2009 before)
_NEG = r"(?<!\bno )(?<!\bnot )(?<!\bnon-)"
END_USES: dict[str, re.Pattern[str]] = {
    "wmd": re.compile(
        r"nuclear (?:weapon|explosive|bomb)|chemical weapon|biological weapon|weapons? of mass destruction|\bwmd\b|"
        r"missile|nuclear explosive device|toxic agent",
        re.IGNORECASE,
    ),
    "military": re.compile(
        _NEG + r"\b(?:military|armed forces|army|navy|air force|defen[cs]e ministry|ministry of defen[cs]e|"
        r"munitions?)\b",
        re.IGNORECASE,
    ),
    "surveillance": re.compile(
        r"surveillance|intercept|internal repression|human rights|monitoring (?:of )?(?:citizens|dissidents|"
        r"journalists|protesters|communications)|spyware|lawful interception|mass monitoring",
        re.IGNORECASE,
    ),
    "security": re.compile(
        r"\b(?:police|intelligence service|secret service|security service|paramilitary)\b", re.IGNORECASE
    ),
}
NATIONAL_NL_3B = Finding(
    "national_measures",
    "Regulation (EU) 2021/821, Art. 9 and 10 (national measures); Dutch national export controls on advanced "
    "semiconductor manufacturing equipment (2023, extended 2024)",
    "3B item exported from the Netherlands: the Dutch national controls on advanced semiconductor manufacturing "
    "equipment are national measures not in the bundled data — check whether they require a Dutch authorisation",
    Effect.NEEDS_REVIEW,
)
_SANCTIONS_NOTE = (
    "EU restrictive measures (sanctions regulations, arms embargoes), the EU consolidated financial sanctions list and "
    "national control lists are not in the bundled data"
)


def end_use_kinds(end_use: str | None) -> frozenset[str]:
    if not end_use:
        return frozenset()
    return frozenset(kind for kind, pattern in END_USES.items() if pattern.search(end_use))


@dataclass(frozen=True, slots=True, eq=False)
class _Coverage:
    notes: tuple[str, ...]
    needs_review: bool


@lru_cache(maxsize=8)
def _band(annex: AnnexI, band: int) -> _Coverage:
    info = annex.info
    if band == 0:
        return _Coverage(
            (
                f"{REG} applies from {APPLIES_FROM.isoformat()}; before it Regulation (EC) No 428/2009 "
                "governed EU dual-use exports, whose text is not bundled — review against it",
            ),
            True,
        )
    if band == 1:
        return _Coverage(
            (
                f"Annex I as bundled is the text in force from {info.content_from.isoformat()} "
                f"(consolidated version {annex.corpus_version}); the text in force on this earlier date "
                "may differ (the Annex is amended yearly) — this answer is from the later text: review",
            ),
            True,
        )
    if band == 3:
        return _Coverage(
            (
                f"the date is later than the bundled Annex I data ({info.content_to.isoformat()}); the "
                "Annex may have been amended since — review",
            ),
            True,
        )
    return _Coverage((), False)


def coverage(annex: AnnexI, on: date) -> _Coverage:
    if on < APPLIES_FROM:
        return _band(annex, 0)
    if on < annex.info.content_from:
        return _band(annex, 1)
    if on > annex.info.content_to:
        return _band(annex, 3)
    return _band(annex, 2)


def _annex_ref(item: EuItem) -> str:
    return f"{REG}, Annex I, {item.eu_code}" if item.eu_code else f"{REG}, Annex I"


def _item_findings(item: EuItem, tx_origin: str, destination: str, intra: bool) -> list[Finding]:
    if intra:  # only Annex I items reach here (facts refuse other items to an EU destination)
        return [
            Finding(
                "intra_union_transfer",
                f"{REG}, Art. 11(1) and Annex IV; {_annex_ref(item)}",
                f"{item.code} to {destination} is an intra-Union transfer: an authorisation is required only "
                "for Annex IV items, and the bundled data lacks Annex IV — check whether the item is in it",
                Effect.NEEDS_REVIEW,
            )
        ]
    if item.kind is ItemKind.ANNEX_I:
        return [
            Finding(
                "annex_i",
                f"{REG}, Art. 3(1) and Art. 12; {_annex_ref(item)}",
                f"{item.code} is in Annex I ({item.text}): its export from {tx_origin} to {destination} "
                "needs an authorisation — individual or global from the competent authority of "
                f"{tx_origin} (Art. 12(1)(a)-(b), 12(2)), or a Union general export authorisation if one "
                "applies",
                Effect.LICENSE_REQUIRED,
            )
        ]
    if item.kind is ItemKind.NOT_USED:
        return [
            Finding(
                "annex_i",
                f"{REG}, Annex I, {item.eu_code}",
                f"{item.text} in the bundled text: the code names no Annex I item — classify the item against "
                "Annex I (other paragraphs of the entry, the EU-only x5xx entries) before export",
                Effect.NEEDS_REVIEW,
            )
        ]
    if item.kind is ItemKind.OTHER_PARAGRAPH:
        return [
            Finding(
                "annex_i",
                f"{REG}, Annex I, {item.base}",
                f"{item.text}: classify the item against the paragraphs of Annex I {item.base} and the EU-only "
                "entries before export",
                Effect.NEEDS_REVIEW,
            )
        ]
    corr = item.correspondence
    if corr is not None and corr.military:
        return [
            Finding(
                "annex_i",
                f"{REG}, Art. 3(1); Council Common Position 2008/944/CFSP (EU Common Military List)",
                f"{item.code} is not in Annex I: {corr.note} — review",
                Effect.NEEDS_REVIEW,
            )
        ]
    return [
        Finding(
            "annex_i",
            f"{REG}, Art. 3(1) (Annex I)",
            f"{item.code} is not in Annex I ({corr.note if corr else 'no Annex I entry'}): no EU dual-use "
            "authorisation is needed under Art. 3 — national measures (Art. 9, 10) may still apply",
            Effect.NO_LICENSE_REQUIRED,
        )
    ]


def _end_use_findings(kinds: frozenset[str], origin: str, destination: str, item: EuItem) -> list[Finding]:
    out: list[Finding] = []
    decide = (
        f"the exporter must notify the competent authority of {origin}, which decides whether the export needs "
        "an authorisation; do not export until it has"
    )
    if "wmd" in kinds:
        out.append(
            Finding(
                "catch_all_wmd",
                f"{REG}, Art. 4(1)(a) and 4(2)",
                f"stated end use in connection with weapons of mass destruction or their delivery: {decide}",
                Effect.NEEDS_REVIEW,
            )
        )
    if "military" in kinds:
        out.append(
            Finding(
                "catch_all_military",
                f"{REG}, Art. 4(1)(b) and 4(2)",
                f"stated military end use: an authorisation is required if {destination} (purchasing "
                "country or destination) is subject to an arms embargo — the arms embargoes are not in the "
                f"bundled data; {decide}",
                Effect.NEEDS_REVIEW,
            )
        )
    if "surveillance" in kinds:
        out.append(
            Finding(
                "catch_all_cyber_surveillance",
                f"{REG}, Art. 5(1) and 5(2)",
                "stated end use points to cyber-surveillance for internal repression or serious violations "
                f"of human rights or international humanitarian law: if the item is a cyber-surveillance "
                f"item, {decide}",
                Effect.NEEDS_REVIEW,
            )
        )
    return out


@dataclass(frozen=True, slots=True)
class _Outcome:
    findings: tuple[Finding, ...]
    geas: tuple[GeaResult, ...]


@lru_cache(maxsize=65536)
def _party_free(annex: AnnexI, item: EuItem, origin: str, destination: str, kinds: frozenset[str]) -> _Outcome:
    """Everything that depends on the item, the route and the end-use kinds (cached)."""
    intra = destination in _member_states()
    findings = _item_findings(item, origin, destination, intra)
    if origin == "NL" and item.base.startswith("3B"):
        findings.append(NATIONAL_NL_3B)
    findings.extend(_end_use_findings(kinds, origin, destination, item))
    if destination in gea_rules.SANCTIONED and not intra:
        findings.append(
            Finding(
                "eu_restrictive_measures",
                gea_rules.SANCTIONED[destination].split(" (")[0],
                gea_rules.SANCTIONED[destination] + " and many other goods; the sanctions regulation "
                "is not in the bundled data — review (likely prohibited)",
                Effect.NEEDS_REVIEW,
            )
        )
    if item.correspondence is not None and item.kind is not ItemKind.NOT_IN_ANNEX_I:
        findings.append(
            Finding(
                "us_correspondence",
                "EU Annex I and 15 CFR part 774 (Wassenaar numbering)",
                item.correspondence.note,
                Effect.INFO,
            )
        )
    findings.append(Finding("data_gaps", REG, _SANCTIONS_NOTE, Effect.INFO))
    geas = gea_rules.evaluate(annex, item, destination, kinds) if item.kind is ItemKind.ANNEX_I and not intra else ()
    return _Outcome(tuple(findings), geas)


@lru_cache(maxsize=1)
def _member_states() -> frozenset[str]:
    from exportctl.regulations.eu import MEMBER_STATES

    return MEMBER_STATES


def _party_findings(screenings: Sequence[PartyScreening]) -> list[Finding]:
    out = []
    for s in screenings:
        for hit in s.hits:
            if hit.entry.source == "un":
                out.append(
                    Finding(
                        "un_sanctions",
                        "EU restrictive measures implementing UN Security Council "
                        "sanctions (Art. 215 TFEU); EU consolidated list not in the bundled data",
                        f"{s.label} matches the UN list entry {hit.entry.primary_name!r} "
                        f"(score {hit.score:.2f}): EU restrictive measures may prohibit the export — review",
                        Effect.NEEDS_REVIEW,
                        party=s.label,
                        hit=hit,
                    )
                )
            elif hit.entry.source == "uk-ofsi":
                out.append(
                    Finding(
                        "uk_sanctions",
                        "UK HM Treasury / OFSI Consolidated List (UK law; not EU law)",
                        f"{s.label} matches the UK designation {hit.entry.primary_name!r} (score {hit.score:.2f}): "
                        "binding on UK persons, not under Regulation 2021/821; the EU's own consolidated list is not "
                        f"in the bundled data — check it. {OGL_V3}",
                        Effect.INFO,
                        party=s.label,
                        hit=hit,
                    )
                )
    return out


def clear_caches() -> None:
    """Empty every cache of the engine (benchmarks measure the cold case with it)."""
    _party_free.cache_clear()
    gea_rules.clear_caches()


@lru_cache(maxsize=64)
def _versions(annex: AnnexI, cov: _Coverage) -> DataVersions:
    return DataVersions((annex.info.to_dict(),), (), cov.notes)


def determine_eu(
    transaction: EuTransaction,
    *,
    annex: AnnexI,
    parties_screened: Sequence[PartyScreening] = (),
    list_versions: Sequence[ListVersion] = (),
) -> EuDetermination:
    """Decide whether ``transaction`` needs an EU dual-use authorisation, why (with citations), and which GEAs may
    give it."""
    tx = transaction
    out = _party_free(annex, tx.item, tx.origin, tx.destination, end_use_kinds(tx.end_use))
    findings = out.findings
    if parties_screened and any(s.hits for s in parties_screened):
        findings = (*findings, *_party_findings(parties_screened))
    cov = coverage(annex, tx.date)
    review = tuple(f.summary for f in findings if f.effect is Effect.NEEDS_REVIEW) + cov.notes
    required: bool | None = (
        True if any(f.effect is Effect.LICENSE_REQUIRED for f in findings) else (None if review else False)
    )
    return EuDetermination(
        transaction=tx,
        authorisation_required=required,
        reasons=findings,
        general_authorisations=out.geas,
        needs_review=bool(review),
        needs_review_reasons=review,
        attribution=annex.attribution,
        data_versions=_versions(annex, cov)
        if not list_versions
        else DataVersions((annex.info.to_dict(),), tuple(list_versions), cov.notes),
    )
