"""Entity List entries take the licence requirement and review policy of the CSL's matching Entity List row."""

from __future__ import annotations

import dataclasses

import pytest

from exportctl.lists.bundled import DATA_DIR
from exportctl.lists.model import ListCode, ListEntry
from exportctl.lists.review_policy import PolicyMatch, apply_csl_policies
from exportctl.lists.sources import get_parser

Enriched = tuple[dict[str, ListEntry], PolicyMatch]


@pytest.fixture(scope="module")
def enriched() -> Enriched:
    csl = list(get_parser("csl").parse(DATA_DIR / "csl_2026-07-31" / "consolidated.csv"))
    entity_list = list(get_parser("entity-list").parse(DATA_DIR / "entity_list.csv"))
    entries, match = apply_csl_policies(entity_list, csl, "CSL 2026-07-31")
    return {e.entry_id: e for e in entries}, match


def test_huawei_gets_the_csl_policy_and_keeps_both_citation_lists(enriched: Enriched) -> None:
    entries, _ = enriched
    (huawei,) = [e for e in entries.values() if e.primary_name == "Huawei Technologies Co., Ltd."]
    assert huawei.license_review_policy == "Presumption of denial"
    assert huawei.federal_register_citations == ("84 FR 22963, 5/21/19",)  # the eCFR entry's own
    assert huawei.policy_citations[:2] == ("84 FR 22963", "85 FR 29853")  # the CSL row's
    assert huawei.policy_source is not None and huawei.policy_source.startswith("CSL 2026-07-31: ")


def test_nearly_every_entry_is_matched(enriched: Enriched) -> None:
    entries, match = enriched
    with_policy = sum(1 for e in entries.values() if e.license_review_policy)
    assert with_policy > 3_300 and len(entries) - with_policy == match.unmatched


def _el(name: str, country: str, policy: str | None = None) -> ListEntry:
    return ListEntry(
        source="csl", source_id=name, list=ListCode.ENTITY_LIST, primary_name=name, country=country,
        license_review_policy=policy,
    )  # fmt: skip


def test_rows_that_disagree_give_no_policy_rather_than_a_guess() -> None:
    target = ListEntry(source="entity-list", source_id="x", list=ListCode.ENTITY_LIST, primary_name="Acme")
    target = dataclasses.replace(target, country="CN")
    rows = [_el("ACME", "RU", "Presumption of denial"), _el("Acme.", "IR", "Case-by-case review")]
    (entry,), match = apply_csl_policies([target], rows, "CSL")
    assert entry.license_review_policy is None and match.unmatched == 1
    (entry,), _ = apply_csl_policies([target], [*rows, _el("acme", "CN", "Case-by-case review")], "CSL")
    assert entry.license_review_policy == "Case-by-case review"  # the same country settles it
