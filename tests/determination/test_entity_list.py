"""Worked cases: Entity List, 15 CFR 744.11 and 744.16 (Supp. No. 4 to part 744)."""

from __future__ import annotations

from collections.abc import Callable

from exportctl.determination import Determination, Effect, ExceptionStatus, make_transaction, screen_parties
from exportctl.lists.model import ListEntry
from exportctl.regulations import Regulations
from exportctl.screening.party import PartyScreener
from tests.determination.conftest import Decide, fuzzy

HUAWEI = "purchaser=Huawei Technologies Co., Ltd."
SMIC = "end_user=Semiconductor Manufacturing International Corporation (SMIC)"


def test_ear99_to_huawei_before_listing_2019_01_01_is_nlr_744_11(decide: Decide) -> None:
    """Huawei was added effective 2019-05-16 (84 FR 22961; entry cited as 84 FR 22963, 5/21/19)."""
    d = decide("EAR99", "CN", HUAWEI, on="2019-01-01")
    assert d.license_required is False and not any(f.rule == "entity_list" for f in d.reasons)


def test_ear99_to_huawei_after_listing_2019_06_01_needs_licence_744_11(decide: Decide) -> None:
    d = decide("EAR99", "CN", HUAWEI, on="2019-06-01")
    assert d.license_required is True and not d.prohibited
    finding = next(f for f in d.reasons if f.rule == "entity_list" and f.license_required)
    assert "744.11" in finding.citation and "all items subject to the EAR" in finding.summary
    assert finding.party == "purchaser: Huawei Technologies Co., Ltd." and finding.hit is not None
    assert finding.hit.entry.federal_register_citations == ("84 FR 22963, 5/21/19",)


def test_listing_counts_from_the_rules_effective_date_744_11(decide: Decide) -> None:
    """Huawei's rule (84 FR 22961) took effect 2019-05-16, published 2019-05-21: 2019-05-17 needs a licence."""
    d = decide("EAR99", "CN", HUAWEI, on="2019-05-17")
    assert d.license_required is True
    assert any("2019-05-16" in f.summary for f in d.reasons if f.license_required)
    assert decide("EAR99", "CN", HUAWEI, on="2019-05-15").license_required is False


def test_smic_effective_2020_12_18_before_publication(decide: Decide) -> None:
    assert decide("EAR99", "CN", SMIC, on="2020-12-19").license_required is True


def test_entry_without_a_known_effective_date_still_flags_the_publication_lag(decide: Decide) -> None:
    """An entry with only its publication date (87 FR 34157, 6/6/22): a date just before it is reviewed."""
    d = decide("EAR99", "RU", "end_user=Joint Stock Company Lazurit Central Design Bureau", on="2022-06-01")
    assert d.needs_review and d.license_required is None


def test_huawei_review_policy_not_recorded_in_ecfr_derived_list_744_11_b(decide: Decide) -> None:
    d = decide("EAR99", "CN", HUAWEI, on="2019-06-01")
    assert d.review_policy is None
    assert d.review_policy_reason is not None and d.review_policy_reason.startswith("not recorded in list data")


def test_entity_list_bars_every_licence_exception_744_11_a(decide: Decide) -> None:
    d = decide("EAR99", "CN", HUAWEI, on="2019-06-01")
    assert d.license_exceptions and all(e.status is ExceptionStatus.NOT_AVAILABLE for e in d.license_exceptions)


def test_huawei_fdp_footnote_flagged_only_for_foreign_produced_items_734_9_e(decide: Decide) -> None:
    us_made = decide("EAR99", "CN", HUAWEI, on="2021-01-01")
    assert not any("734.9(e)" in f.citation for f in us_made.reasons)
    foreign = decide("EAR99", "CN", HUAWEI, on="2021-01-01", foreign_produced=True)
    fdp = [f for f in foreign.reasons if "734.9(e)" in f.citation]
    assert fdp and fdp[0].effect is Effect.NEEDS_REVIEW and "footnote 1, 2" in fdp[0].summary


def test_ear99_to_smic_in_2021_needs_licence_744_11(decide: Decide) -> None:
    """SMIC added 2020-12-22 (85 FR 83420): an EAR99 item in 2021 needs a licence."""
    d = decide("EAR99", "CN", SMIC, on="2021-03-01")
    assert d.license_required is True
    assert any(f.rule == "entity_list" and "85 FR 83420" in f.summary for f in d.reasons)
    assert decide("EAR99", "CN", SMIC, on="2020-06-01").license_required is False


def test_review_policy_from_entry_when_recorded_csl_744_11_b(decide: Decide) -> None:
    """The CSL sample records 'Presumption of denial.' for 32 Group China Ltd."""
    d = decide("EAR99", "CN", "ultimate_consignee=32 Group China Ltd.")
    assert d.license_required is True and d.review_policy == "Presumption of denial."
    assert d.review_policy_reason is None


def test_conditional_requirement_text_treated_as_all_items_with_review_744_11(decide: Decide) -> None:
    """Rosneft Trade Limited: 'when used in projects specified in § 746.8(a)(4)' — facts cannot decide."""
    d = decide("EAR99", "CY", "end_user=Rosneft Trade Limited")
    assert d.license_required is True and d.needs_review


def test_unparsable_scope_treated_as_all_items_and_review_744_11(decide: Decide) -> None:
    d = decide("EAR99", "CN", "purchaser=Address 01")
    assert d.license_required is True and d.needs_review


def test_fuzzy_entity_list_match_sets_needs_review_not_licence(
    decide: Decide, entry_named: Callable[[str, str], ListEntry]
) -> None:
    """A similar but uncertain name: review (744.11 applies only if it is the same party), never silent NLR."""
    huawei = entry_named("Huawei Technologies Co., Ltd.", "entity_list")
    screened = [fuzzy(huawei, "purchaser", "Huawai Technology Company", 0.82)]
    d = decide("EAR99", "CN", "purchaser=Huawai Technology Company", on="2020-01-01", screenings=screened)
    assert d.needs_review and d.license_required is None
    assert any("possible match" in r for r in d.needs_review_reasons)


def test_party_not_screened_needs_review(decide: Decide) -> None:
    d = decide("EAR99", "DE", "end_user=Some GmbH", screenings=[])
    assert d.needs_review and d.license_required is None


def test_fuzzy_name_through_screening_engine_sets_needs_review_744_11(
    decide: Decide, regs: Regulations, fuzzy_screener: PartyScreener
) -> None:
    """A misspelt Huawei (below the certain bar 0.98) through exportctl.screening: review, not a silent answer."""
    d = _screened(decide, regs, fuzzy_screener, "purchaser=Huawai Technology Company", "2020-01-01")
    assert d.needs_review and d.license_required is None
    exact = _screened(decide, regs, fuzzy_screener, HUAWEI, "2020-01-01")
    assert exact.license_required is True
    assert {f.hit.entry.primary_name for f in exact.reasons if f.hit} == {"Huawei Technologies Co., Ltd."}


def test_many_similar_listed_names_give_one_review_finding_per_party(
    decide: Decide, regs: Regulations, fuzzy_screener: PartyScreener
) -> None:
    """A name no list carries ("... Group") resembles several SMIC affiliates (85 FR 83420): one question for a
    person, naming the candidates."""
    d = _screened(
        decide, regs, fuzzy_screener, "end_user=Semiconductor Manufacturing International Group", "2021-06-01"
    )
    review = [f for f in d.reasons if f.rule == "entity_list"]
    assert len(review) == 1 and review[0].effect is Effect.NEEDS_REVIEW
    assert "Other possible matches" in review[0].summary and review[0].hit is not None
    assert review[0].hit.features  # the screening engine's explanation travels with the hit


def _screened(decide: Decide, regs: Regulations, screener: PartyScreener, party: str, on: str) -> Determination:
    tx = make_transaction(eccn="EAR99", destination="CN", regulations=regs, parties=[party], on=on)
    return decide("EAR99", "CN", party, on=on, screenings=screen_parties(tx, screener))


def test_a_listed_acronym_alias_is_the_party_itself(
    decide: Decide, regs: Regulations, fuzzy_screener: PartyScreener
) -> None:
    """'SMIC' is the listed alias of Semiconductor Manufacturing International Corporation: a licence is required
    (one finding for the party), not a review among its affiliates."""
    d = _screened(decide, regs, fuzzy_screener, "end_user=SMIC", "2021-06-01")
    found = [f for f in d.reasons if f.rule == "entity_list"]
    assert len(found) == 1 and found[0].effect is Effect.LICENSE_REQUIRED and d.license_required is True
    assert found[0].hit is not None
    assert found[0].hit.entry.primary_name.startswith("Semiconductor Manufacturing International Corporation")
