"""Words written together or apart (:mod:`exportctl.screening.compounds`)."""

from __future__ import annotations

import pytest

from exportctl.lists.model import EntryType
from exportctl.screening import ScreeningIndex, screen
from exportctl.screening.compounds import with_rejoined_words
from exportctl.screening.engine import _analysed
from exportctl.screening.normalize import analyze
from tests.screening.test_unseen_names import _entry


@pytest.fixture(scope="module")
def index() -> ScreeningIndex:  # a small index of its own, not the bundled lists' (conftest)
    return ScreeningIndex.build(
        (
            _entry(1, "GLORY HARVEST"),
            _entry(2, "PUBLIC JOINT STOCK COMPANY SBERBANK OF RUSSIA", EntryType.ENTITY, "SBERBANK"),
            _entry(3, "Giovan Ltd."),
            _entry(4, "BANCORP"),
            _entry(5, "LINK TRADING"),
            _entry(6, "Plovdiv Brennor Holding"),
            _entry(7, "FIRST HARVEST TRADING"),
            _entry(8, "MAPLE PACIFIC CORPORATION"),
            _entry(9, "BESTLA COMPANY LIMITED"),
            _entry(10, "HUAXIN SHIPPING HONGKONG LTD"),
            _entry(11, "HONG KONG HANYUAN SHIPPING CO LIMITED"),
            _entry(12, "FEDERAL STATE AUTONOMOUS INSTITUTION MILITARY INNOVATIVE TECHNOPOLIS ERA"),
            _entry(13, "AEROSTAR ASSET MANAGEMENT"),
            _entry(14, "POLAR ASSET HOLDING"),
        ),
        snapshot_key="compounds",
    )


def _readings(index: ScreeningIndex, name: str) -> list[tuple[str, ...]]:
    return [v.tokens for v in with_rejoined_words(analyze(name, index.vocab), index).variants]


def _hits(index: ScreeningIndex, name: str) -> list[str]:
    return [h.entry_id for h in screen(index, name).hits]


def test_a_word_written_together_is_cut_where_a_listed_name_has_its_two_words(index: ScreeningIndex) -> None:
    assert ("glory", "harvest") in _readings(index, "GLORYHARVEST")
    assert _hits(index, "GLORYHARVEST")[:1] == ["test:1"]  # no hit before: one unknown word
    # both words are listed, but never side by side: "linkbancorp" is not cut (it found BANCORP at 0.75)
    assert _readings(index, "LINKBANCORP") == [("linkbancorp",)]
    assert "test:4" not in _hits(index, "LINKBANCORP, Inc.")


def test_a_whole_name_run_together_is_cut_in_a_chain_of_listed_pairs(index: ScreeningIndex) -> None:
    # aerostar|asset and asset|management stand side by side in a listed name: no hit before (one unknown word)
    assert ("aerostar", "asset", "management") in _readings(index, "AEROSTARASSETMANAGEMENT")
    assert _hits(index, "aerostarassetmanagement")[:1] == ["test:13"]
    # each pair of neighbours must be listed side by side, not the whole: polar|asset and asset|management are
    assert ("polar", "asset", "management") in _readings(index, "POLARASSETMANAGEMENT")
    # every part is a listed word, but management|asset stand side by side in no listed name: not cut
    assert _readings(index, "HOLDINGMANAGEMENTASSET") == [("holdingmanagementasset",)]


def test_a_cut_is_looked_up_as_the_words_are_indexed(index: ScreeningIndex) -> None:
    # "first" is indexed as its number (1): the pair side by side is (1, harvest)
    assert _hits(index, "FIRSTHARVEST TRADING")[:1] == ["test:7"]


def test_words_written_apart_are_joined_when_the_lists_have_them_as_one(index: ScreeningIndex) -> None:
    assert ("sberbank",) in _readings(index, "Sber Bank")
    assert _hits(index, "Sber Bank")[:1] == ["test:2"]


def test_a_word_of_a_written_out_form_joined_to_the_name_is_cut_off(index: ScreeningIndex) -> None:
    # the listed name's words hold no form words, so (institution, military) never stand side by side in it
    query = "FEDERAL STATE AUTONOMOUS INSTITUTIONMILITARY INNOVATIVE TECHNOPOLIS ERA"
    assert ("military", "innovative", "technopolis", "era") in _readings(index, query)
    assert _hits(index, query)[:1] == ["test:12"]


def test_a_translated_reading_is_joined_too(index: ScreeningIndex) -> None:
    # 香港 is translated "hong kong"; this listed name writes HONGKONG (the UN, SDN and UK entries of 華信船務)
    assert ("huaxin", "shipping", "hongkong") in _readings(index, "華信船務(香港)有限公司")
    assert _hits(index, "華信船務(香港)有限公司")[:1] == ["test:10"]
    # a name the lists write apart keeps its reading as translated: nothing to join
    assert ("hong", "kong", "hanyuan", "shipping") in _readings(index, "香港汉源船务有限公司")


def test_a_legal_form_written_onto_a_name_is_cut_off(index: ScreeningIndex) -> None:
    analyzed = with_rejoined_words(analyze("GiovanLtd.", index.vocab), index)
    assert ("giovan",) in [v.tokens for v in analyzed.variants] and analyzed.forms
    assert _hits(index, "GiovanLtd.")[:1] == ["test:3"]


def test_the_written_reading_stays_first(index: ScreeningIndex) -> None:
    assert _readings(index, "GLORYHARVEST")[0] == ("gloryharvest",)
    assert _readings(index, "Glory Harvest") == [("glory", "harvest")]  # nothing to cut or join: unchanged


def test_the_words_of_a_written_out_legal_form_are_joined_or_cut_as_the_form_has_them(index: ScreeningIndex) -> None:
    # the listed names' words do not hold their legal forms (split off): "corporation" is in no name's words
    assert ("maple", "pacific") in _readings(index, "MAPLE PACIFIC CORPO RATION")
    assert _hits(index, "MAPLE PACIFIC CORPO RATION")[:1] == ["test:8"]
    assert ("bestla",) in _readings(index, "BESTLA COMPANYLIMITED")
    assert _hits(index, "BESTLA COMPANYLIMITED")[:1] == ["test:9"]
    # two words of forms stay two: "joint stock" joined would no longer be part of "public joint stock company"
    analyzed = with_rejoined_words(analyze("PUBLIC JOINT STOCK COMME RCIAL BANK", index.vocab), index)
    assert all("jointstock" not in v.tokens for v in analyzed.variants)


@pytest.fixture(scope="module")
def together() -> ScreeningIndex:
    return ScreeningIndex.build(
        (
            _entry(1, "AL-QAIDA"),
            _entry(2, "MG-FLOT LIMITED LIABILITY COMPANY"),
            _entry(3, "KOREAN COMMITTEE FOR SPACE TECHNOLOGY"),
            _entry(4, "MYANMA OIL AND GAS ENTERPRISE"),
            _entry(5, "YU SONG 7"),
            _entry(6, "ATB ELECTRONICA LLC"),
            _entry(7, "FORBES SPACE HOLDING"),
            _entry(8, "PHOENIX ELECTRONICS"),
            _entry(9, "AL-HARAMAIN : ALBANIA BRANCH"),
            _entry(10, "AL-HARAMAIN : KENYA BRANCH"),
            _entry(11, "ALQASR TRADING"),
            _entry(12, "AL-QASR HOLDING"),
            _entry(13, "KRT SHIPPING"),
            _entry(14, "ZEL IT SERVICES"),
        ),
        snapshot_key="written-together",
    )


def test_a_hyphened_listed_word_written_together_is_found(together: ScreeningIndex) -> None:
    # "al" and "mg" are too short for a cut in general (acronyms); written with a hyphen in a listed name, they are
    # that name's words. No hit at all before.
    assert _hits(together, "Alqaida")[:1] == ["test:1"]
    assert _hits(together, "Mgflot LLC")[:1] == ["test:2"]
    # a join the lists have as a word of its own is that word, not cut: ALQASR TRADING, not AL-QASR HOLDING
    assert together.hyphened.get("alqasr") is None
    assert _hits(together, "Alqasr Trading")[:1] == ["test:11"]


def test_a_word_run_into_and_of_for_or_a_number_is_cut_where_a_listed_name_has_both(together: ScreeningIndex) -> None:
    assert _hits(together, "KOREAN COMMITTEE FORSPACE TECHNOLOGY")[:1] == ["test:3"]
    assert _hits(together, "MYANMA OILAND GAS ENTERPRISE")[:1] == ["test:4"]
    assert _hits(together, "YU SONG7")[:1] == ["test:5"]
    # "forbes" is no "for" + "bes": no listed name has them side by side
    assert ("forbes", "space") in _readings(together, "FORBES SPACE") and len(_readings(together, "FORBES SPACE")) == 1


def test_mixed_case_marks_two_words_run_together(together: ScreeningIndex) -> None:
    assert ("atb", "electronica") in _readings(together, "ATBElectronica LLC")
    assert _hits(together, "ATBElectronica LLC")[:1] == ["test:6"]
    # in one case, the listed name that has ATB beside ELECTRONICA marks the cut (an acronym run into a word)
    assert ("atb", "electronica") in _readings(together, "ATBELECTRONICA LLC")


def test_a_word_run_into_an_acronym_is_cut_where_a_listed_name_has_both(together: ScreeningIndex) -> None:
    # "krt" is too short for an even cut: no hit before, written together or as a web address
    assert _hits(together, "KRTSHIPPING")[:1] == ["test:13"]
    assert _hits(together, "www.krtshipping.com")[:1] == ["test:13"]
    assert _hits(together, "zelitservices.ae")[:1] == ["test:14"]  # a chain with two short words in it
    # no listed name has ABC beside SHIPPING, nor a chain of short words alone
    assert _readings(together, "ABCSHIPPING") == [("abcshipping",)]
    assert _readings(together, "KRTZELIT") == [("krtzelit",)]


def test_a_branch_or_representative_office_is_found_as_its_company(together: ScreeningIndex) -> None:
    # "representative office" is rare in the lists: unmatched, it outweighed the company's own two words (no hit)
    assert _hits(together, "PHOENIX ELECTRONICS Representative Office")[:1] == ["test:8"]
    assert _hits(together, "Phoenix Electronics (Branch Office)")[:1] == ["test:8"]
    # a listed branch is still found as itself, before the organisation's other branches
    assert _hits(together, "AL-HARAMAIN ALBANIA BRANCH")[:1] == ["test:9"]


def test_each_name_a_name_field_holds_is_read_on_its_own() -> None:
    index = ScreeningIndex.build(
        (
            _entry(1, "DAWNING INFORMATION INDUSTRY CO., LTD"),
            _entry(2, "SIBERIAN AIRLINES D/B/A S7 AIRLINES"),
            _entry(3, "FORMERLY YOURS TRADING"),
            *(_entry(10 + i, f"{word} Information Company") for i, word in enumerate(("Orion", "Vega", "Lyra"))),
        ),
        snapshot_key="alias-markers",
    )
    # a customer file's "X d/b/a Y": the other name's words, unmatched, had counted against the listed one (0.75)
    hits = screen(index, "Sugon d/b/a Dawning Information Industry").hits
    assert hits[0].entry_id == "test:1" and hits[0].score >= 0.95
    assert screen(index, "Northwind Supplies a.k.a. Dawning Information Industry").hits[0].entry_id == "test:1"
    # a listed name holding two names is indexed as each of them too: "S7 Airlines" scored 0.79
    s7 = screen(index, "S7 Airlines").hits
    assert s7[0].entry_id == "test:2" and s7[0].score >= 0.95
    # a marker opening a name parts nothing
    assert _hits(index, "Formerly Yours Trading")[:1] == ["test:3"]


@pytest.mark.parametrize(
    ("listed", "spaced_read"),
    [("Qi Lun Laboratory", True), ("Qilun Laboratory", False)],
)
def test_a_chinese_name_is_read_syllable_by_syllable_only_where_a_listed_name_writes_them_so(
    listed: str, spaced_read: bool
) -> None:
    # the syllables apart ("qi lun") find a name listed so; where none is, the reading found nothing its joined twin
    # ("qilun") did not, and its short syllables cost a fifth of a Chinese name's time
    index = ScreeningIndex.build((_entry(1, listed), _entry(2, "Marrow Heavy Industries")), snapshot_key=listed)
    readings = [v.tokens for v in _analysed(index, "奇伦实验室").variants]
    assert (("qi", "lun", "laboratory") in readings) is spaced_read
    assert ("qilun", "laboratory") in readings
    hits = screen(index, "奇伦实验室").hits
    assert hits and hits[0].entry_id == "test:1" and hits[0].score >= 0.9
