from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from exportctl.lists.identity import assign_ids, name_key, normalise_name


def test_name_keys_fold_case_punctuation_and_script() -> None:
    assert name_key("AL-NASER  AIRLINES") == name_key("Al Naser Airlines") == "al-naser-airlines"
    assert name_key("Huawei Technologies Co., Ltd.", "CN") == "huawei-technologies-co-ltd@cn"
    assert normalise_name("Forces Démocratiques") == "forces democratiques"
    assert len(name_key("x" * 300)) <= 80


def test_duplicates_get_tiebreak_suffixes_in_a_stable_way() -> None:
    ids = assign_ids(["a", "b", "a", "a"], ["1 Main St", "x", "2 High St", "2 High St"])
    assert ids[1] == "b"
    assert ids[0].startswith("a~") and ids[2].startswith("a~") and ids[0] != ids[2]
    assert ids[3] == ids[2] + "~2"


@given(st.lists(st.tuples(st.sampled_from(["a", "b", "c"]), st.text(max_size=5)), max_size=30))
def test_ids_are_always_unique(rows: list[tuple[str, str]]) -> None:
    ids = assign_ids([key for key, _ in rows], [tie for _, tie in rows])
    assert len(set(ids)) == len(ids)
