from __future__ import annotations

import pytest

from exportctl.lists.countries import country_name, to_iso2


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("China", "CN"),
        ("Korea, North", "KP"),
        ("Korea, South", "KR"),
        ("Burma", "MM"),
        ("Russia", "RU"),
        ("Iran", "IR"),
        ("Syria", "SY"),
        ("Taiwan", "TW"),
        ("Hong Kong", "HK"),
        ("Kosovo", "XK"),
        ("UAE", "AE"),
        ("United Arab Emirates", "AE"),
        ("Turkey", "TR"),
        ("Türkiye", "TR"),
        ("Laos", "LA"),
        ("Vietnam", "VN"),
        ("Moldova", "MD"),
        ("Crimea Region of Ukraine", "UA"),
        ("Iran (Islamic Republic of)", "IR"),
        ("Democratic People's Republic of Korea", "KP"),
        ("Democratic Republic of the Congo", "CD"),
        ("Germany", "DE"),
        ("DEU", "DE"),
        ("de", "DE"),
        ("US", "US"),
        ("Palestinian", "PS"),
    ],
)
def test_list_names_resolve(name: str, code: str) -> None:
    assert to_iso2(name) == code


@pytest.mark.parametrize("name", ["", "  ", "undetermined", "Region: Kafia Kingi", "QQ", "Atlantis"])
def test_unknown_names_are_none_never_guessed(name: str) -> None:
    assert to_iso2(name) is None


def test_display_names() -> None:
    assert country_name("CN") == "China"
    assert country_name("kp") == "North Korea"
    assert country_name("XK") == "Kosovo"
    assert country_name("TW") == "Taiwan"
    assert country_name("ZZ") == "ZZ"


def test_round_trip_over_pycountry() -> None:
    import pycountry

    for country in pycountry.countries:
        assert to_iso2(country.alpha_2) == country.alpha_2
        assert to_iso2(country_name(country.alpha_2)) == country.alpha_2, country


def test_every_ear_country_name_resolves_to_its_charted_code() -> None:
    """The EAR country chart and country-group tables (bundled, with hand-checked ISO codes) all resolve."""
    import csv

    from exportctl.lists.bundled import DATA_DIR

    ear = DATA_DIR.parent / "ear"
    checked = 0
    for name, columns in (
        ("country_chart.csv", ["country_name"]),
        ("country_groups.csv", ["country_name", "name_in_supplement"]),
    ):
        with (ear / name).open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                for column in columns:
                    if row[column]:
                        assert to_iso2(row[column]) == row["iso2"], row[column]
                        checked += 1
    assert checked > 400
