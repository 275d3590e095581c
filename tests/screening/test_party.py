"""The one party screener: exact-name certainty on the normalised form, never on an empty key (issue 21, defect 1).

Before, determination folded names to ``[0-9a-z]``: every Arabic or Chinese name folded to the empty key, so an
invented Arabic company name was an exact ("certain") match of every UN entry with an Arabic name (386 of them), and
for "صدام حسين التكريتي" his children (0.86-0.87, "certain" by the empty key) displaced Saddam Hussein (0.97).
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exportctl.determination import ExactNameScreener
from exportctl.determination.service import select_matches
from exportctl.lists.model import ListEntry
from exportctl.lists.repository import in_force_on
from exportctl.screening import ScreeningIndex
from exportctl.screening.normalize import analyze
from exportctl.screening.party import PartyMatch, PartyScreener, ScreeningRecord, exact_key

INVENTED_ARABIC = "شركة الأفق الذهبي للتجارة"  # "Golden Horizon Trading Company": invented, on no list
SADDAM = "صدام حسين التكريتي"
ON = date(2026, 3, 1)


@pytest.fixture(scope="module")
def exact(corpus: list[ListEntry]) -> ExactNameScreener:
    return ExactNameScreener(corpus)


@pytest.fixture(scope="module")
def parties(index: ScreeningIndex) -> PartyScreener:
    return PartyScreener(index, (7, 3))


@given(st.text(max_size=40))
def test_the_exact_key_is_never_empty(name: str) -> None:
    key = exact_key(name)
    assert key is None if analyze(name).is_empty else key and key.split("|")[0].strip()


@pytest.mark.parametrize("name", ["", "---", "。、", "  ", "؟"])
def test_a_name_with_nothing_to_match_on_matches_nothing_exactly(exact: ExactNameScreener, name: str) -> None:
    assert exact(name) == ()


def test_an_invented_arabic_name_is_no_exact_match(exact: ExactNameScreener) -> None:
    assert exact(INVENTED_ARABIC) == ()
    assert exact("中华人民共和国不存在贸易有限公司") == ()


def test_exact_matches_still_found_across_case_punctuation_and_script(exact: ExactNameScreener) -> None:
    assert {m.entry.primary_name for m in exact("huawei technologies co ltd")} >= {"Huawei Technologies Co., Ltd."}
    found = exact(SADDAM)  # his name as the UN lists it in Arabic (the UK list copies it)
    assert {m.entry.list for m in found} >= {"un"}
    assert all(m.entry.primary_name == "SADDAM HUSSEIN AL-TIKRITI" and m.certain for m in found)


def test_no_fuzzy_hit_on_an_invented_arabic_name_is_certain(parties: PartyScreener) -> None:
    assert not any(m.certain for m in parties(INVENTED_ARABIC))


def test_saddam_hussein_is_not_displaced_by_his_children(parties: PartyScreener) -> None:
    selected = select_matches(parties(SADDAM, "IQ"), ON)
    # the UN's entry or the SDN's, one party on two lists (screening.same_party): not a son's or a daughter's
    assert selected[0].entry.primary_name in {"SADDAM HUSSEIN AL-TIKRITI", "AL-TIKRITI, Saddam Hussein"}
    assert not any(m.certain and m.score < 0.9 for m in selected)


def _match(entry: ListEntry, score: float, certain: bool) -> PartyMatch:
    return PartyMatch(entry, score, entry.primary_name, certain)


def test_a_lower_scored_certain_hit_never_displaces_a_higher_scored_one(corpus: list[ListEntry]) -> None:
    in_force = [e for e in corpus if in_force_on(e, ON)][:3]
    high, certain, low = (
        _match(in_force[0], 0.97, False),
        _match(in_force[1], 0.87, True),
        _match(in_force[2], 0.8, False),
    )
    assert select_matches((high, certain, low), ON) == (high, certain)
    sure = _match(in_force[1], 0.99, True)
    assert select_matches((sure, high, low), ON) == (sure,)


def test_the_record_is_typed_with_float_scores_features_and_snapshot_ids(parties: PartyScreener) -> None:
    record = parties.record("Huawei Technologies Co., Ltd.", "CN", ON)
    assert record.status == "screened" and record.snapshot_ids == (3, 7) and record.as_of == ON
    top = record.hits[0]
    assert isinstance(top.score, float) and top.score == 1.0 and top.certain and top.features
    assert ScreeningRecord.from_json(record.to_json()) == record


def test_records_stored_before_the_typed_record_still_read() -> None:
    old = {
        "status": "screened",
        "as_of": "2021-01-04",
        "hit_count": 1,
        "hits": [{"entry_id": "dpl:1", "list": "dpl", "name": "ABDUL MAJID SAIDI", "matched_name": "ABDUL MAJID SAIDI",
                  "score": "0.9500"}],
    }  # fmt: skip
    record = ScreeningRecord.from_json(old)
    assert record.hits[0].score == 0.95 and record.snapshot_ids == () and not record.hits[0].certain
