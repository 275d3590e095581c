"""What a name field holds besides the name: look-alike letters of another script or digits for letters, a date of
birth. The name is also read without them; made-up entries only."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exportctl.lists.model import EntryType
from exportctl.screening import ScreeningIndex, screen
from exportctl.screening.asides import quoted_names, without_asides
from exportctl.screening.dates_in_names import without_dates
from exportctl.screening.domain_names import addresses_read
from exportctl.screening.homoglyphs import digits_as_letters, unmixed
from exportctl.screening.name_field import field_readings
from exportctl.screening.vessel_names import without_ship_words
from tests.screening.made_up import made_up

_LATIN_TWINS = "ABEKMHOPCTXYaeopcxy"  # Latin letters with a Cyrillic twin
_CYRILLIC_TWINS = "АВЕКМНОРСТХУаеорсху"


@given(st.text(alphabet=st.characters(codec="ascii"), max_size=40))
def test_a_name_of_one_script_is_never_changed(text: str) -> None:
    assert unmixed(text) is None
    assert unmixed("Ромашка Плюс") is None


@given(st.text(alphabet=_LATIN_TWINS + "dfgilnr", min_size=2, max_size=20), st.data())
def test_look_alike_letters_in_a_latin_word_are_read_as_latin(word: str, data: st.DataObject) -> None:
    twins = [i for i, ch in enumerate(word) if ch in _LATIN_TWINS]
    swapped = set(data.draw(st.lists(st.sampled_from(twins), min_size=1)) if twins else [])
    mixed = "".join(_CYRILLIC_TWINS[_LATIN_TWINS.index(ch)] if i in swapped else ch for i, ch in enumerate(word))
    if mixed.isascii():  # nothing swapped
        assert unmixed(mixed) is None
    elif any(ch.isascii() for ch in mixed):
        assert unmixed(mixed) == word
    # a word of twins only, all swapped, is a Cyrillic word: left as it is
    else:
        assert unmixed(mixed) is None


def test_a_word_mixing_letters_without_twins_is_read_in_the_script_that_has_them() -> None:
    assert unmixed("РOCОБOРOНЭКСПOРТ") == "РОСОБОРОНЭКСПОРТ"  # Latin O among Cyrillic letters with no Latin twin
    assert unmixed("Κοsmos") == "Kosmos"  # Greek


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("QORVANEXP0RT", "QORVANEXPORT"),
        ("qorvanexp0rt llc", "qorvanexport llc"),
        ("VELDRA TECHN0L0G1ES", "VELDRA TECHNOLOGIES"),
        ("Ve1dra 5ystems", "Veidra systems"),  # 1 is read as I: one edit from an l, which scoring allows
    ],
)
def test_digits_inside_words_are_read_as_the_letters_they_look_like(name: str, expected: str) -> None:
    assert digits_as_letters(name) == expected


@pytest.mark.parametrize(
    "name", ["A320 Parts", "UNIT6000", "BOEING737", "Plant No. 1", "SU35", "3M Company", "Route 66", "MIG29", "Qorvane"]
)
def test_codes_and_numbers_are_not_read_as_letters(name: str) -> None:
    # a model code (few letters, or many digits) or a number of its own is what it says
    assert digits_as_letters(name) is None


@given(st.text(alphabet=st.characters(categories=("L", "Zs")), max_size=30))
def test_a_name_without_digits_is_never_changed(text: str) -> None:
    assert digits_as_letters(text) is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("qorvanexport.ru", "qorvanexport"),
        ("https://www.qorvanexport.com.cn/en/index.html", "qorvanexport"),
        ("WWW.VELDRA-TECHNOLOGIES.CO.UK", "veldra technologies"),
        ("Veldra (veldra.ae)", "Veldra (veldra)"),
    ],
)
def test_a_web_address_is_read_as_its_domains_name(name: str, expected: str) -> None:
    assert addresses_read(name) == expected


@pytest.mark.parametrize(
    "name", ["ACME GmbH & Co.KG", "Veldra Co.Ltd", "J.P. Morgan", "U.S.A. Trading", "sales@veldra.com", "St.Petersburg"]
)
def test_abbreviations_and_mail_addresses_are_no_web_address(name: str) -> None:
    # ltd is no top-level domain, nothing is left of co.kg, a mail address names its mailbox's provider
    assert addresses_read(name) is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("MV ZELMARA", "ZELMARA"),
        ("M/T Zelmara", "Zelmara"),
        ("M.T. ZELMARA", "ZELMARA"),
        ("Tanker Zelmara", "Zelmara"),
        ("the vessel ZELMARA", "ZELMARA"),
        ("ZELMARA (IMO 9171565)", "ZELMARA"),
        ("ZELMARA, IMO No. 9171565", "ZELMARA"),
    ],
)
def test_a_ships_prefix_and_imo_number_are_read_off(name: str, expected: str) -> None:
    assert without_ship_words(name) == expected


@pytest.mark.parametrize("name", ["Mt Kenya Safaris", "mt zelmara", "MTN Group", "Mvelo Trading", "MV", "IMO 9171565"])
def test_no_ship_prefix_where_there_is_none(name: str) -> None:
    # "Mt" in lower case is a mountain, MTN and Mvelo are words, and nothing but the prefix or number is no name
    assert without_ship_words(name) is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("SECHIN, Igor Ivanovich (DOB 07.09.1960)", "SECHIN, Igor Ivanovich"),
        ("Igor Ivanovich SECHIN 1960-09-07", "Igor Ivanovich SECHIN"),
        ("Ivan PETROV, born 1965", "Ivan PETROV"),
        ("John SMITH (September 7, 1960)", "John SMITH"),
        ("Igor SECHIN d.o.b. 7/9/1960", "Igor SECHIN"),
        ("SECHIN, Igor Ivanovich, DOB 07 Sep 1960", "SECHIN, Igor Ivanovich"),
    ],
)
def test_a_date_of_birth_is_read_off(name: str, expected: str) -> None:
    assert without_dates(name) == expected


@pytest.mark.parametrize("name", ["Plant 1960", "58th Research Institute", "ACME 2000 LLC", "X, b. 1965", "Qorvane"])
def test_a_name_without_a_date_keeps_its_numbers(name: str) -> None:
    assert without_dates(name) is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ('Viktor "Merchant of Death" BOUT', ["Viktor BOUT"]),
        ("Mr. Igor SECHIN (Rosneft CEO)", ["Mr. Igor SECHIN"]),
        ("ROSNEFT OIL CO PJSC ATTN ACCOUNTS PAYABLE", ["ROSNEFT OIL CO PJSC"]),
        ("ACME Ltd c/o Bank of Cyprus", ["ACME Ltd"]),
        ("H U A W E I", ["HUAWEI"]),
    ],
)
def test_the_name_without_its_asides(name: str, expected: list[str]) -> None:
    assert without_asides(name) == expected


def test_a_quoted_name_beside_a_legal_form_alone_is_read_on_its_own() -> None:
    assert quoted_names("ООО «Северный Ветер»") == ["Северный Ветер"]  # "ООО" alone is no name
    assert without_asides("ООО «Северный Ветер»") == []  # nothing beside the name: no aside, and no note
    # beside more words it is part of a longer name, not another organisation's whole name
    assert quoted_names("OOO Коммерческий банк «Международный Расчетный Банк»") == []
    assert field_readings("ООО «Северный Ветер»").notes == ()


@pytest.mark.parametrize("name", ["Attention Deficit Trading", "FAO Schwarz Toys", "Huawei", 'Ivan "Vanya"'])
def test_no_aside_where_the_rest_would_be_no_name(name: str) -> None:
    assert without_asides(name) == []


@pytest.fixture(scope="module")
def index() -> ScreeningIndex:
    return ScreeningIndex.build(
        (
            made_up(1, "QORVANEXPORT"),
            made_up(2, "BRENKOV, Zelmarin Ivanovich", EntryType.INDIVIDUAL),
            made_up(3, "VELDRA TECHNOLOGIES"),
            made_up(4, "ZELMARA", EntryType.VESSEL),
            *(made_up(10 + i, f"{word} Export Company") for i, word in enumerate(("Orion", "Vega", "Lyra"))),
        ),
        snapshot_key="name-field",
    )


def test_a_name_written_with_look_alike_letters_is_found(index: ScreeningIndex) -> None:
    # Cyrillic о and е in a Latin name: two scripts to the engine, and no hit before
    result = screen(index, "Qоrvanеxpоrt")
    assert [h.entry_id for h in result.hits][:1] == ["test:1"] and result.hits[0].score >= 0.95
    assert any("homoglyphs" in note for note in result.notes)
    assert screen(index, "VЕLDRA TЕCHNOLOGIES").hits[0].entry_id == "test:3"


def test_a_name_written_with_digits_for_letters_is_found(index: ScreeningIndex) -> None:
    # a digit is no letter to the engine: nothing was found before
    result = screen(index, "QORVANEXP0RT")
    assert [h.entry_id for h in result.hits][:1] == ["test:1"] and result.hits[0].score >= 0.95
    assert any("digits inside words" in note for note in result.notes)
    hits = screen(index, "VELDRA TECHN0L0G1ES").hits
    assert hits and hits[0].entry_id == "test:3"


def test_a_web_address_finds_its_organisation(index: ScreeningIndex) -> None:
    # one word of a host name's letters and dots: nothing was found before
    result = screen(index, "www.qorvanexport.ru")
    assert [h.entry_id for h in result.hits][:1] == ["test:1"] and result.hits[0].score >= 0.95
    assert any("web address" in note for note in result.notes)
    assert screen(index, "veldra-technologies.com").hits[0].entry_id == "test:3"


def test_a_person_with_a_date_of_birth_in_the_name_field_is_found(index: ScreeningIndex) -> None:
    for written in ("BRENKOV, Zelmarin Ivanovich (DOB 07.09.1960)", "Zelmarin Ivanovich BRENKOV 1960-09-07"):
        hits = screen(index, written).hits
        assert hits and hits[0].entry_id == "test:2" and hits[0].score >= 0.95, written


def test_a_name_beside_an_aside_is_found(index: ScreeningIndex) -> None:
    # the attention line's words, unmatched, had kept the listed name under the threshold
    for written, listed in (
        ("VELDRA TECHNOLOGIES ATTN ACCOUNTS PAYABLE DEPT", "test:3"),
        ("Q O R V A N E X P O R T", "test:1"),
    ):
        hits = screen(index, written).hits
        assert hits and hits[0].entry_id == listed and hits[0].score >= 0.9, written


def test_the_field_readings_say_what_was_read() -> None:
    field = field_readings("Qоrvanеxpоrt LLC, 12 Lenina St, Moscow 117292, Russia")
    assert field.parts[0] == "Qorvanexport LLC, 12 Lenina St, Moscow 117292, Russia"
    assert "Qorvanexport LLC" in field.parts and field.country == "RU"
    assert len(field.notes) == 3  # look-alike letters, the country after the name, the address
    assert any("country written after the name" in note for note in field.notes)
    nothing = field_readings("Qorvanexport LLC")  # a name alone: nothing more to read
    assert nothing.parts == () and nothing.country is None and nothing.notes == ()


def test_a_ship_written_with_its_prefix_or_imo_number_is_found(index: ScreeningIndex) -> None:
    # the prefix, an unknown word weighed as the rarest, had kept the bare listed name under the threshold
    for written in ("MT ZELMARA", "M/V Zelmara", "ZELMARA (IMO 9171565)"):
        result = screen(index, written)
        assert result.hits and result.hits[0].entry_id == "test:4" and result.hits[0].score >= 0.95, written
        assert any("ship's prefix" in note for note in result.notes)
