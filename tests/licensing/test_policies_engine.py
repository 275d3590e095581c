"""The policy engine on the seeded Huawei/SMIC policy history: before and after each change."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from exportctl.licensing.policies.engine import recommend
from exportctl.licensing.policies.model import (
    ApplicationFacts,
    ItemFacts,
    PartyFacts,
    RecommendedDecision,
    ReviewPolicy,
    Verification,
)
from exportctl.licensing.policies.seed import seed_policies

POLICIES = seed_policies()
HUAWEI = PartyFacts("Huawei Technologies Co., Ltd.")
SMIC = PartyFacts("Semiconductor Manufacturing International Corporation (SMIC)")


def app(party: PartyFacts, *items: ItemFacts, issues: tuple[str, ...] = ()) -> ApplicationFacts:
    return ApplicationFacts("A-1", (party,), items, documentation_issues=issues, justification="civil handsets only")


PLAIN = ItemFacts("5A991", "AT", Decimal(1000))
FIVE_G = ItemFacts("EAR99", "EAR99", Decimal(2), technology_flags=frozenset({"5G"}))
TEN_NM = ItemFacts("3B991", "AT", Decimal(5), technology_flags=frozenset({"10nm_or_below"}))


def test_huawei_before_listing_has_no_policy() -> None:
    rec = recommend(app(HUAWEI, PLAIN), POLICIES, date(2019, 5, 15))
    assert rec.outcome is None
    assert "no review policy recorded" in rec.reasons[0]


def test_huawei_2019_listing_presumption_of_denial_for_all_items() -> None:
    rec = recommend(app(HUAWEI, PLAIN), POLICIES, date(2019, 5, 16))
    assert (rec.outcome, rec.decision) == (ReviewPolicy.PRESUMPTION_OF_DENIAL, RecommendedDecision.DENY)
    assert [p.policy_id for p in rec.applied_policies] == ["huawei-2019-listing"]
    assert "84 FR 22963" in rec.reasons[0] and "[PARTIAL]" in rec.reasons[0]


def test_huawei_from_2020_08_17_case_by_case_except_5g() -> None:
    day_before = recommend(app(HUAWEI, PLAIN), POLICIES, date(2020, 8, 16))
    assert day_before.outcome is ReviewPolicy.PRESUMPTION_OF_DENIAL
    plain = recommend(app(HUAWEI, PLAIN), POLICIES, date(2020, 11, 9))
    assert (plain.outcome, plain.decision) == (ReviewPolicy.CASE_BY_CASE, RecommendedDecision.APPROVE)
    assert "date ASSUMED" in plain.reasons[0] and "no citation recorded" in plain.reasons[0]
    five_g = recommend(app(HUAWEI, FIVE_G), POLICIES, date(2020, 11, 9))
    assert (five_g.outcome, five_g.decision) == (ReviewPolicy.PRESUMPTION_OF_DENIAL, RecommendedDecision.DENY)
    # the losing, less specific case-by-case rule is still reported
    assert {m.policy.policy_id: m.applied for m in five_g.matched} == {
        "huawei-2020-5g": True,
        "huawei-2020-other": False,
    }


def test_one_5g_item_makes_the_application_a_denial() -> None:
    rec = recommend(app(HUAWEI, PLAIN, FIVE_G), POLICIES, date(2021, 1, 4))
    assert rec.outcome is ReviewPolicy.PRESUMPTION_OF_DENIAL and rec.decision is RecommendedDecision.DENY


def test_2023_halt_overrides_everything_and_is_flagged_unverified() -> None:
    before = recommend(app(HUAWEI, PLAIN), POLICIES, date(2022, 12, 31))
    after = recommend(app(HUAWEI, PLAIN), POLICIES, date(2023, 1, 1))
    assert before.outcome is ReviewPolicy.CASE_BY_CASE
    assert (after.outcome, after.decision) == (ReviewPolicy.NO_NEW_LICENCES, RecommendedDecision.DENY)
    halt = after.applied_policies[0]
    assert halt.citation.verification is Verification.NONE and "UNVERIFIED" in str(halt.citation)
    assert "2023-01" in halt.date_note


def test_smic_listing_10nm_presumption_of_denial_else_case_by_case() -> None:
    assert recommend(app(SMIC, TEN_NM), POLICIES, date(2020, 12, 17)).outcome is None
    ten = recommend(app(SMIC, TEN_NM), POLICIES, date(2020, 12, 18))
    other = recommend(app(SMIC, PLAIN), POLICIES, date(2020, 12, 18))
    assert ten.outcome is ReviewPolicy.PRESUMPTION_OF_DENIAL and "85 FR 83416" in ten.reasons[0]
    assert other.outcome is ReviewPolicy.CASE_BY_CASE and other.decision is RecommendedDecision.APPROVE
    # the 2023 Huawei halt does not reach SMIC
    assert recommend(app(SMIC, PLAIN), POLICIES, date(2024, 1, 1)).outcome is ReviewPolicy.CASE_BY_CASE


def test_family_patterns_match_whole_words_only() -> None:
    seismic = PartyFacts("Seismic Survey Ltd")
    assert recommend(app(seismic, PLAIN), POLICIES, date(2021, 1, 1)).outcome is None
    affiliate = PartyFacts("Beijing Huawei Digital Technologies Co., Ltd.")
    assert recommend(app(affiliate, PLAIN), POLICIES, date(2021, 1, 1)).outcome is ReviewPolicy.CASE_BY_CASE


def test_deficient_documentation_is_returned_without_action_whatever_the_policy() -> None:
    rec = recommend(app(HUAWEI, PLAIN, issues=("vague end use",)), POLICIES, date(2021, 1, 1))
    assert rec.decision is RecommendedDecision.RETURN_WITHOUT_ACTION and "vague end use" in rec.reasons[-1]


def test_missing_justification_under_case_by_case_is_returned() -> None:
    facts = ApplicationFacts("A-2", (HUAWEI,), (PLAIN,), justification="  ")
    assert recommend(facts, POLICIES, date(2021, 1, 1)).decision is RecommendedDecision.RETURN_WITHOUT_ACTION


@given(
    day=st.dates(min_value=date(2019, 1, 1), max_value=date(2026, 1, 1)),
    flags=st.sets(st.sampled_from(["5G", "10nm_or_below", "4G"])),
    party=st.sampled_from([HUAWEI, SMIC, PartyFacts("Acme GmbH")]),
    seed=st.integers(0, 1000),
)
def test_recommendation_does_not_depend_on_policy_order(
    day: date, flags: set[str], party: PartyFacts, seed: int
) -> None:
    facts = app(party, ItemFacts("3A991", "AT", Decimal(1), technology_flags=frozenset(flags)))
    shuffled = list(POLICIES)
    random.Random(seed).shuffle(shuffled)
    a, b = recommend(facts, POLICIES, day), recommend(facts, shuffled, day)
    assert (a.outcome, a.decision, a.reasons) == (b.outcome, b.decision, b.reasons)


def test_item_scopes_by_eccn_subparagraph_category_and_product_group() -> None:
    from exportctl.licensing.policies.engine import item_match
    from exportctl.licensing.policies.items import category_of, product_group_of
    from exportctl.licensing.policies.model import ItemScope

    item = ItemFacts("3A991.a.1", category_of("3A991.a.1"), Decimal(1), product_group_of("3A991.a.1"))
    assert item.category == "AT" and item.product_group == "A"
    assert item_match(ItemScope(eccns=frozenset({"3A991"})), item) == "ECCN 3A991.a.1"
    assert item_match(ItemScope(eccns=frozenset({"3A99"})), item) is None
    assert item_match(ItemScope(categories=frozenset({"AT"}), product_groups=frozenset({"A"})), item)
    assert item_match(ItemScope(categories=frozenset({"AT"}), product_groups=frozenset({"E"})), item) is None
    assert item_match(ItemScope(categories=frozenset({"EAR99"})), ItemFacts("EAR99", "EAR99")) == "category EAR99"
    assert category_of("3A001.b") == "3" and category_of("ear99") == "EAR99" and product_group_of("EAR99") is None


def test_screening_hits_let_entry_id_policies_reach_a_stored_party() -> None:
    from exportctl.licensing.policies.facts import screened_parties
    from exportctl.licensing.policies.model import ItemScope, PartyScope, Policy
    from exportctl.screening.party import ScreeningRecord

    stored = {  # as a submission before the typed record stored it: scores as strings
        "status": "screened",
        "hits": [
            {"entry_id": "entity-list:123", "list": "entity_list", "name": "Huawei Device Co., Ltd.", "score": ".9731"},
            {"entry_id": "entity-list:999", "list": "entity_list", "name": "Weak Match Ltd", "score": "0.41"},
        ],
    }
    parties = screened_parties("HUAWEI DEVICE CO LTD", "end_user", ScreeningRecord.from_json(stored))
    assert [(p.entry_id, p.name) for p in parties] == [
        (None, "HUAWEI DEVICE CO LTD"),
        ("entity-list:123", "Huawei Device Co., Ltd."),
    ]
    by_id = Policy(
        "p", "by entry", PartyScope("one entry", entry_ids=frozenset({"entity-list:123"})), ItemScope(),
        ReviewPolicy.POLICY_OF_DENIAL, date(2020, 1, 1), POLICIES[0].citation,
    )  # fmt: skip
    facts = ApplicationFacts("A", tuple(parties), (PLAIN,), justification="x")
    rec = recommend(facts, (by_id,), date(2021, 1, 1))
    assert rec.outcome is ReviewPolicy.POLICY_OF_DENIAL and "entity-list:123" in rec.reasons[0]
    assert screened_parties("X", "purchaser", ScreeningRecord.not_screened("no lists")) == [
        PartyFacts("X", role="purchaser")
    ]


def test_history_accounts_for_every_timeline_row() -> None:
    from exportctl.licensing.policies.history import policy_history
    from exportctl.licensing.policies.timeline import bundled_timeline

    history = policy_history()
    assert len(history) == len(bundled_timeline()) == 14
    by_date = {(h.date_text, h.role) for h in history}
    assert ("2020-05-15", "scope (FDP)") in by_date and ("2021-03-12", "context") in by_date
    fdp = next(h for h in history if h.date_text == "2020-05-15")
    assert fdp.citation.verification is Verification.UNVERIFIED and "85 FR 29849" in fdp.citation.text
    seeded = {pid for h in history for pid in h.ids}
    assert {p.policy_id for p in POLICIES} <= seeded and "huawei-2024-revocation" in seeded
