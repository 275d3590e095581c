"""The legal-form feature (``features.legal_form``): generic English company forms are compatible (0.5) in a name
written in Latin letters, and agree (1.0) with a name read from another script, whose English form its translator
chose."""

from __future__ import annotations

from dataclasses import replace

from exportctl.lists.model import ListCode
from exportctl.screening import ScreeningIndex, screen
from exportctl.screening.explain import FeatureContribution
from tests.screening.made_up import made_up

_ENTRIES = [
    made_up(1, "Tieling Aircraft Corporation", country="CN"),
    # another list's entry of another party, which has the same words in an alias with another generic form
    replace(
        made_up(2, "Zentar Tieling Aircraft Company Limited", country="CN", aliases=("TIELING AIRCRAFT CO. LTD.",)),
        source="ofac-consolidated",
        list=ListCode.CMIC,
    ),
]


def _legal_form(features: tuple[FeatureContribution, ...]) -> float:
    return next(f.value for f in features if f.name == "legal_form")


def test_a_chinese_companys_generic_form_agrees_with_any_english_one() -> None:
    index = ScreeningIndex.build(_ENTRIES, snapshot_key="legal-form-feature")
    hits = screen(index, "铁岭飞机有限公司").hits
    assert [h.entry_id for h in hits[:2]] == ["test:1", "ofac-consolidated:2"]
    assert hits[0].score == hits[1].score  # the same words, and the forms agree alike: the designating list first
    assert _legal_form(hits[0].features) == _legal_form(hits[1].features) == 1.0


def test_in_latin_letters_another_generic_form_is_only_compatible() -> None:
    index = ScreeningIndex.build(_ENTRIES, snapshot_key="legal-form-feature")
    hits = screen(index, "Tieling Aircraft Co., Ltd.").hits
    by_id = {h.entry_id: h for h in hits}
    assert _legal_form(by_id["ofac-consolidated:2"].features) == 1.0
    assert _legal_form(by_id["test:1"].features) == 0.5
