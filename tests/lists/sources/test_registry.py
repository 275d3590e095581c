from __future__ import annotations

from datetime import date

import pytest

from exportctl.errors import InputError
from exportctl.lists.bundled import BUNDLED
from exportctl.lists.sources import SOURCES, get_parser


def test_registry_has_every_cli_source_name() -> None:
    assert set(SOURCES) == {
        "csl",
        "ofac-sdn",
        "ofac-consolidated",
        "dpl",
        "un",
        "uk-ofsi",
        "entity-list",
        "meu",
        "fcc-covered",
    }
    assert all(parser.name == name for name, parser in SOURCES.items())
    assert [name for name, parser in SOURCES.items() if parser.path_is_dir] == ["ofac-sdn"]


def test_unknown_source_names_the_valid_ones() -> None:
    with pytest.raises(InputError) as caught:
        get_parser("sdn")
    assert caught.value.field == "source"
    assert "ofac-sdn" in str(caught.value) and "entity-list" in str(caught.value)


def test_bundled_files_exist_and_name_registered_sources() -> None:
    for bundled in BUNDLED:
        assert bundled.source in SOURCES
        assert bundled.path.exists(), bundled.path
        assert get_parser(bundled.source).path_is_dir == bundled.path.is_dir()
    dpl_files = [b.path.name for b in BUNDLED if b.source == "dpl"]
    assert dpl_files == ["dpl.txt", "denied_persons_list.csv"]


def test_bundled_files_of_a_source_come_oldest_first() -> None:
    """diff and history need the older snapshot imported first; the date is the bundle's or the file's own."""
    by_source: dict[str, list[date]] = {}
    for bundled in BUNDLED:
        parser = get_parser(bundled.source)
        when = bundled.effective or parser.effective_date(bundled.path)
        assert when is not None, f"{bundled.path}: no effective date (the import date would stand in)"
        by_source.setdefault(bundled.source, []).append(when)
    assert all(dates == sorted(dates) for dates in by_source.values()), by_source
    assert len(by_source["ofac-sdn"]) == 3 and len(by_source["un"]) == 2


def test_only_the_uk_list_requires_an_attribution() -> None:
    attributed = {name: p.attribution for name, p in SOURCES.items() if p.attribution}
    assert attributed == {
        "uk-ofsi": "Contains public sector information licensed under the Open Government Licence v3.0."
    }
