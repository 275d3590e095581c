"""The parsers of the official list formats, registered by source name.

Each :class:`SourceParser` is pure: ``parse(path)`` reads one file (or, for ``ofac-sdn``, one folder), checks all of
it, and either raises one :class:`~exportctl.errors.FileFormatError` listing every problem, or yields every
:class:`~exportctl.lists.model.ListEntry`. Nothing is yielded before the whole input was checked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from exportctl.errors import InputError
from exportctl.lists.model import ListEntry
from exportctl.lists.sources import (
    csl,
    dpl,
    entity_list,
    fcc_covered,
    meu,
    ofac_sdn,
    ofac_sdn_csl,
    ofac_xml,
    uk_ofsi,
    un,
)


@dataclass(frozen=True)
class SourceParser:
    """One source format: how to parse it and how to read the date its data is as of."""

    name: str
    description: str
    parse: Callable[[Path], Iterator[ListEntry]]
    effective_date: Callable[[Path], date | None]  # None when the file does not say
    path_is_dir: bool = False  # True when PATH is a folder (ofac-sdn: sdn.csv, alt.csv, add.csv, sdn_comments.csv)
    attribution: str | None = None  # a notice the licence of the data requires wherever it is shown (e.g. OGL v3.0)


SOURCES: dict[str, SourceParser] = {
    parser.name: parser
    for parser in (
        SourceParser(
            "csl",
            "trade.gov Consolidated Screening List CSV (all its lists: EL, MEU, UVL, DPL, SDN, SSI, ISN, DTC, CAP…)",
            csl.parse,
            csl.effective_date,
        ),
        SourceParser(
            "ofac-sdn",
            "OFAC SDN legacy CSVs: a folder with sdn.csv (+ alt.csv, add.csv, sdn_comments.csv), or with a CSL "
            "consolidated.csv whose SDN rows add.csv and alt.csv enrich",
            ofac_sdn_csl.parse,
            ofac_sdn.effective_date,
            path_is_dir=True,
        ),
        SourceParser(
            "dpl", "BIS Denied Persons List (legacy tab-separated export, or the CSV)", dpl.parse, dpl.effective_date
        ),
        SourceParser(
            "ofac-consolidated",
            "OFAC Consolidated (non-SDN) list XML, sdnList schema (SSI, NS-MBS, CMIC, PLC, CAP, FSE)",
            ofac_xml.parse,
            ofac_xml.effective_date,
        ),
        SourceParser("un", "UN Security Council Consolidated List XML", un.parse, un.effective_date),
        SourceParser(
            "uk-ofsi",
            "UK HM Treasury / OFSI Consolidated List of Financial Sanctions Targets XLSX (ConList.xlsx)",
            uk_ofsi.parse,
            uk_ofsi.effective_date,
            attribution=uk_ofsi.ATTRIBUTION,
        ),
        SourceParser(
            "entity-list",
            "BIS Entity List (Supp. No. 4 to Part 744) CSV",
            entity_list.parse,
            entity_list.effective_date,
        ),
        SourceParser("meu", "BIS Military End-User List (Supp. No. 7 to Part 744) CSV", meu.parse, meu.effective_date),
        SourceParser("fcc-covered", "FCC Covered List CSV", fcc_covered.parse, fcc_covered.effective_date),
    )
}


def get_parser(name: str) -> SourceParser:
    """The parser registered as ``name``; InputError(field="source") naming the valid names otherwise."""
    try:
        return SOURCES[name]
    except KeyError:
        valid = ", ".join(SOURCES)
        raise InputError(f"unknown source {name!r}; valid sources: {valid}", field="source") from None


__all__ = ["SOURCES", "SourceParser", "get_parser"]
