"""A listed person's middle names: which words they are, and that a name written without them is still found."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz.distance import OSA

from exportctl.lists.model import EntryType
from exportctl.screening import DEFAULT_THRESHOLD, ScreeningIndex, screen
from exportctl.screening.features import SAME_PATRONYMIC
from exportctl.screening.normalize import analyze
from exportctl.screening.person_names import middle_name_mask
from exportctl.screening.scripts import patronymic_father
from tests.screening.made_up import made_up


def _middle(name: str, country: str | None = None) -> list[str]:
    tokens = analyze(name).variants[0].tokens
    mask = middle_name_mask(name, tokens, country)
    return [token for i, token in enumerate(tokens) if mask >> i & 1]


@pytest.mark.parametrize(
    ("name", "country", "middle"),
    [
        ("SEPEHR, Ali Majd", None, ["majd"]),  # FAMILY, Given Middle
        ("BARROS, Francisco de Fatima Frederico", "AO", ["de", "fatima", "frederico"]),
        ("Aleksandr Grigoryevich VOLFOVICH", "RU", ["grigoryevich"]),  # Given Middle FAMILY in capitals
        ("Jose Rafael CURRUCHICHE CUCUL", "GT", ["rafael"]),  # two family names, both kept
        ("SHER MOHAMMAD ABBAS KHAN", None, ["mohammad", "abbas"]),  # no case to tell: first and last kept
        ("MUSA, Yahya al-Sayyid Ibrahim", None, ["al", "sayyid", "ibrahim"]),
        ("JONG, Kyong Thaek", "KP", []),  # a Korean given name is one name in two syllables
        ("JONG, Yong Nam", "BY", []),  # ... also with an address abroad: two one-syllable given words
        ("CHEN, Shui-bian", None, []),  # one given name, hyphened
        ("BURHAN, Dr. Sahir", None, []),  # a title is no given name
        ("Maksut SHADAYEV", "RU", []),  # nothing between
        ("AL-TIKRITI, Ali, Hassan", None, []),  # two commas: no convention known
    ],
)
def test_middle_names_are_read_from_the_lists_conventions(name: str, country: str | None, middle: list[str]) -> None:
    assert _middle(name, country) == middle


_WORD = st.text(alphabet="bcdfgklmnprstvz", min_size=2, max_size=5).map(lambda w: w[0] + "a" + w[1:] + "ov")


@given(family=_WORD, given_names=st.lists(_WORD, min_size=2, max_size=5))
def test_every_given_name_after_the_first_is_a_middle_name(family: str, given_names: list[str]) -> None:
    expected = [name.lower() for name in given_names[1:]]
    assert _middle(f"{family.upper()}, {' '.join(n.title() for n in given_names)}") == expected
    assert _middle(f"{' '.join(n.title() for n in given_names)} {family.upper()}") == expected


@pytest.fixture(scope="module")
def people() -> ScreeningIndex:
    return ScreeningIndex.build(
        [
            made_up(1, "VARKONYI, Tibor Zsolt Benedek", EntryType.INDIVIDUAL, "HU"),
            made_up(2, "Ottokar Wenzeslaus PRZYBYLSKI", EntryType.INDIVIDUAL, "PL"),
            made_up(3, "KALMAR, Jeno", EntryType.INDIVIDUAL, "HU"),
            made_up(4, "Benedek Trading House", EntryType.ENTITY, "HU"),
            made_up(5, "Zsolt Vaszari Holding", EntryType.ENTITY, "HU"),
        ],
        snapshot_key="people",
    )


@pytest.mark.parametrize(
    ("query", "entry_id"),
    [("Tibor VARKONYI", "test:1"), ("Tibor Varkonyi", "test:1"), ("Ottokar PRZYBYLSKI", "test:2")],
)
def test_a_person_written_without_middle_names_is_found(people: ScreeningIndex, query: str, entry_id: str) -> None:
    hits = screen(people, query).hits
    assert hits and hits[0].entry_id == entry_id and hits[0].score >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Ali SEPEHR", "SEPEHR, Ali Majd"),  # 0.739 when middle names counted in full
        ("Hisham Qafisheh", "QAFISHEH, Hisham Younis Yahia"),  # 0.731
        ("Mohammed MOUSA", "MOUSA, Mohammed Hamdan Daglo"),  # 0.659, under another listed Mousa Mohammed
    ],
)
def test_listed_people_written_without_middle_names_are_found(index: ScreeningIndex, query: str, listed: str) -> None:
    hits = screen(index, query).hits
    assert hits and hits[0].primary_name == listed


def _score(index: ScreeningIndex, query: str, entry_id: str) -> float:
    return max((h.score for h in screen(index, query, threshold=0.3).hits if h.entry_id == entry_id), default=0.0)


@pytest.mark.parametrize(
    ("kept", "without_family"), [("Tibor VARKONYI", "Tibor Benedek"), ("Ottokar PRZYBYLSKI", "Ottokar Wenzeslaus")]
)
def test_the_family_name_counts_more_than_a_middle_name(people: ScreeningIndex, kept: str, without_family: str) -> None:
    # two of the listed words each time, as rare as each other: the family name's absence says more
    entry_id = screen(people, kept).hits[0].entry_id
    assert _score(people, kept, entry_id) > _score(people, without_family, entry_id) + 0.05


@pytest.fixture(scope="module")
def fathers() -> ScreeningIndex:
    return ScreeningIndex.build(
        [
            made_up(11, "ZAVARTSEVA, Tatiana Petrovna", EntryType.INDIVIDUAL, "RU"),
            made_up(12, "KORNILYEV, Gleb Sergeyevich", EntryType.INDIVIDUAL, "RU", ("KORNILEV, Gleb",)),
            made_up(13, "Zavartseva Holding", EntryType.ENTITY, "RU"),
            made_up(14, "Petrovna Trading House", EntryType.ENTITY, "RU"),
        ],
        snapshot_key="fathers",
    )


@pytest.mark.parametrize(
    ("query", "entry_id", "found"),
    [
        ("Заварцева Татьяна Сергеевна", "test:11", False),  # another father: a namesake
        ("Tatiana Sergeyevna ZAVARTSEVA", "test:11", False),
        ("Заварцева Татьяна Петровна", "test:11", True),
        ("Tatyana Petrovna Zavartseva", "test:11", True),
        ("Zavartseva Tatiana", "test:11", True),  # no patronymic: no conflict
        ("Корнильев Глеб Сергеевич", "test:12", True),  # Sergeevich / Sergeyevich: one name spelt two ways
        ("Корнильев Глеб Андреевич", "test:12", False),  # found through the alias KORNILEV, Gleb before
        ("Zavartseva Tatiana Pavlovna", "test:11", False),  # Pavlovna and Petrovna were 0.62 alike as whole words
        ("Zavartseva Tatiana Pyotrovna", "test:11", True),  # Pyotr is Petr spelt otherwise
    ],
)
def test_a_person_with_another_patronymic_is_a_namesake(
    fathers: ScreeningIndex, query: str, entry_id: str, found: bool
) -> None:
    hits = screen(fathers, query).hits
    assert (entry_id in {h.entry_id for h in hits}) is found
    if not found:  # the name is still close: it is the qualifier that tells them apart, and says so
        near = [h for h in screen(fathers, query, threshold=0.3).hits if h.entry_id == entry_id]
        assert near and any(f.name == "patronymic_conflict" and f.value == 1.0 for f in near[0].features)


def test_an_entry_of_unknown_type_takes_the_type_of_another_lists_entry_with_its_name() -> None:
    """The CSL's copy of the ISN list gives no type: its "Parviz Khaki" is the SDN's individual KHAKI, Parviz, so a
    company's name is no match for his alias Martin (person_for_organisation); the entry keeps its own type."""
    entries = [
        made_up(21, "KHAKI, Parviz", EntryType.INDIVIDUAL, "IR", ("MARTIN",)),
        made_up(22, "Parviz Khaki", EntryType.UNKNOWN, "IR", ("Martin",)),
        made_up(23, "Darvol Shipping", EntryType.UNKNOWN),  # no typed entry holds its name
        made_up(24, "Kestrel Marine", EntryType.ENTITY),
        made_up(25, "Kestrel Marine", EntryType.VESSEL),
        made_up(26, "KESTREL MARINE", EntryType.UNKNOWN),  # two types: stays unknown
        made_up(27, "MARTIN", EntryType.ENTITY),
        made_up(28, "Martin", EntryType.UNKNOWN),  # one word says too little
    ]
    index = ScreeningIndex.build(entries, snapshot_key="kinds")
    kinds = dict(zip((e.entry_id for e in index.entries), index.entry_kinds, strict=True))
    assert kinds["test:22"] == EntryType.INDIVIDUAL and index.entries[1].entry_type == EntryType.UNKNOWN
    assert kinds["test:23"] == kinds["test:26"] == kinds["test:28"] == EntryType.UNKNOWN
    hit = next(h for h in screen(index, "Martin GmbH & Co. KG", threshold=0.3).hits if h.entry_id == "test:22")
    assert any(f.name == "person_for_organisation" and f.value == 1.0 for f in hit.features)


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("petrovich", "pavlovich", False),
        ("aleksandrovich", "alekseyevich", False),
        ("ivanovich", "igorevich", False),
        ("vladislavovich", "vyacheslavovich", False),
        ("sergeyevna", "sergeevna", True),
        ("yuryevich", "yurievich", True),
        ("fyodorovich", "fedorovich", True),
        ("mikhaylovich", "mikhailovich", True),
        ("aleksandrovna", "alexandrovna", True),
        ("gennadyevich", "genadievich", True),
        ("iosifovich", "josephovich", True),  # Иосифович as the UK list writes it for BOGUSLAVSKY, Ivan
    ],
)
def test_two_patronymics_are_one_fathers_by_his_name_not_by_their_shared_ending(
    one: str, other: str, same: bool
) -> None:
    fathers = (patronymic_father(one), patronymic_father(other))
    assert (OSA.normalized_similarity(*fathers) >= SAME_PATRONYMIC) is same


def test_a_given_name_of_abd_al_x_lines_up_with_the_words_the_analysis_reads() -> None:
    # read as "abdul latif", the words no longer lined up with the name as written, and the middle names weighed in full
    for name in ("RAFI ABD-AL-LATIF TILFAH AL-TIKRITI", "AL-TIKRITI, Rafi abd-al-Latif Tilfah"):
        tokens = analyze(name).variants[0].tokens
        middle = {tokens[i] for i in range(len(tokens)) if middle_name_mask(name, tokens) >> i & 1}
        assert middle == {"abdul", "latif", "tilfah"}, name
