from __future__ import annotations

import pytest

from exportctl.errors import InputError
from exportctl.lists.bundled import BUNDLED
from exportctl.lists.sources import SOURCES, get_parser


def test_registry_has_every_cli_source_name() -> None:
    assert set(SOURCES) == {"csl", "ofac-sdn", "dpl", "un", "entity-list", "meu", "fcc-covered"}
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
